import { REGISTRY } from './registry.generated.js';
import type { Provider, StatusEntry } from './types.js';

export type { Provider, StatusEntry } from './types.js';
export { REGISTRY } from './registry.generated.js';

const byCode = new Map<number, StatusEntry>(REGISTRY.map((e) => [e.code, e]));

/** Every provider whose names the registry records. */
export const PROVIDERS: readonly Provider[] = ['http-status-codes', '@nestjs/common', 'node:http2', 'http-status'];

/** The registry entry of `code`, registered or not, or `undefined`. */
export function statusEntry(code: number): StatusEntry | undefined {
  return byCode.get(code);
}

/**
 * Whether IANA registers `code` (including "(Unused)" and temporary
 * registrations). Codes that only some library invented (210, 419, 420, 456,
 * 509) are not registered.
 */
export function isRegisteredStatus(code: number): boolean {
  return byCode.get(code)?.ianaPhrase !== undefined;
}

/**
 * The canonical reason phrase: RFC 9110's, else IANA's without its
 * "(TEMPORARY)"/"(OBSOLETED)" remark. `undefined` for unregistered codes and
 * for codes registered as "(Unused)" without a phrase of their own.
 */
export function reasonPhrase(code: number): string | undefined {
  const e = byCode.get(code);
  if (!e) return undefined;
  const phrase = e.rfc9110Phrase ?? e.ianaPhrase;
  if (phrase === undefined || phrase === '(Unused)') return undefined;
  return phrase.replace(/\s*\((?:TEMPORARY|OBSOLETED)\)$/, '');
}

/**
 * Every phrase that a reader may reasonably see for `code`: the canonical one
 * and the older spellings used by RFC 2616/7231, Node, `statuses` and
 * `http-status-codes` (e.g. 413 "Payload Too Large" and "Request Entity Too
 * Large", 422 "Unprocessable Entity"). The canonical phrase comes first.
 */
export function knownPhrases(code: number): string[] {
  const e = byCode.get(code);
  if (!e) return [];
  const out = new Set<string>();
  for (const p of [reasonPhrase(code), e.ianaPhrase, e.statusesMessage, e.nodeHttpMessage, e.httpStatusCodesPhrase]) {
    if (p && p !== '(Unused)') out.add(p);
  }
  return [...out];
}

/** The constant name `provider` uses for `code`, or `undefined` when it has none. */
export function constantName(code: number, provider: Provider): string | undefined {
  return byCode.get(code)?.names[provider];
}

/** Registered codes, ascending. */
export function registeredCodes(): number[] {
  return REGISTRY.filter((e) => e.ianaPhrase !== undefined).map((e) => e.code);
}
