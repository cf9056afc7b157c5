/** Libraries whose constant names the registry records. */
export type Provider = 'http-status-codes' | '@nestjs/common' | 'node:http2' | 'http-status';

export interface StatusEntry {
  /** The numeric status code. */
  readonly code: number;
  /** Reason phrase as RFC 9110 spells it (absent for codes defined elsewhere). */
  readonly rfc9110Phrase?: string;
  /** Reason phrase in the IANA registry; absent when IANA does not register the code. */
  readonly ianaPhrase?: string;
  readonly ianaReference?: string;
  /** Message of the `statuses` package. */
  readonly statusesMessage?: string;
  /** Node's `http.STATUS_CODES` message. */
  readonly nodeHttpMessage?: string;
  /** `getReasonPhrase()` of `http-status-codes`: often an older RFC's phrase (413 "Request Entity Too Large", 302 "Moved Temporarily"). */
  readonly httpStatusCodesPhrase?: string;
  /** Constant name per library, when the library has one. */
  readonly names: Readonly<Partial<Record<Provider, string>>>;
  /** First NestJS major (of those checked) whose `HttpStatus` has the code. */
  readonly nestjsSince?: string;
  readonly note?: string;
}
