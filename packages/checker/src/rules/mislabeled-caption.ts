import { isRegisteredStatus, knownPhrases } from '@docdrift/http-status';
import { statusTable } from '@docdrift/parser';
import type { Caption, Position, StatusTableEntry, TableInfo } from '@docdrift/parser';
import { defineRule, docsUrl } from '../rule.js';
import { spanAt } from '../span.js';
import { wordSet, words } from '../words.js';

/**
 * Words that say a caption is about status codes (or the responses they
 * stand for): a status-code table captioned with any of these is described
 * well enough.
 */
const STATUS_WORDS = wordSet(
  'status statuses code codes http return returned returns response responses result results error errors reply replies success successful failure failed fail exception exceptions value values message messages outcome',
);

/**
 * Words that carry no topic of their own: a caption made only of these
 * ("Parameter description", "Request parameters", "Basic Settings") fits
 * any table and is never reported.
 */
const GENERIC_WORDS = wordSet(
  [
    'parameter parameters param params argument arguments description descriptions describe',
    'request requests response responses body header headers query path uri url',
    'basic advanced setting settings field fields information info detail details',
    'attribute attributes value values overview data structure list table tables item items',
    'property properties option options configuration configurations config common',
    'required optional mandatory example examples note notes result results element elements',
    'object objects member members input output inputs outputs key keys name names type types',
    'summary reference general other additional more supported available main default',
  ].join(' '),
);

/** A caption that promises status codes. */
const CLAIMS_STATUS_RE = /\b(?:(?:http\s+)?status|return(?:ed)?|response|result|http)\s+codes?\b/i;
/** A caption that promises error codes. */
const CLAIMS_ERROR_CODES_RE = /\berror\s+codes?\b/i;
/** A status code at the start of a cell. */
const CODE_START_RE = /^(?:HTTP\s+)?[1-5]\d\d\b/;
/** An API error code: `DC.1017`, `EndPoint.2041`, `APIGW.0101`, `VPC_0001`, `ERR-123`. */
const ERROR_CODE_RE = /^[A-Za-z][A-Za-z0-9]*[._-]\d{2,}$/;

/**
 * Whether the table's rows are HTTP status codes, confidently: at least two
 * status rows, at least 80% of their codes registered, and either a first
 * header that names them or a row that gives its code's reason phrase (a
 * table of ports 443, 500, 123 is not a status table).
 */
function isStatusTable(t: TableInfo, entries: readonly StatusTableEntry[]): boolean {
  if (entries.length < 2) return false;
  const registered = entries.filter((e) => isRegisteredStatus(e.code)).length;
  if (registered * 5 < entries.length * 4) return false;
  const firstHeader = t.headerRows.at(-1)?.[0]?.text ?? '';
  if ([...wordSet(firstHeader)].some((w) => STATUS_WORDS.has(w))) return true;
  const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return entries.some((e) => e.phrase !== '' && knownPhrases(e.code).some((p) => key(p) === key(e.phrase)));
}

function cells(t: TableInfo): string[] {
  return [...t.headerRows, ...t.bodyRows].flatMap((r) => r.map((c) => c.text));
}

/** Where the caption's own text is (without `**Table 1**`), for the report. */
function captionSpan(text: string, caption: Caption): Position {
  const start = caption.position.start.offset;
  const end = caption.position.end.offset;
  const at = text.lastIndexOf(caption.text, end);
  if (caption.text !== '' && at >= start && at + caption.text.length <= end) return spanAt(text, at, at + caption.text.length);
  return caption.position;
}

/** Why a caption does not describe its table (see `judgeCaption`). */
export type CaptionMismatch =
  | { kind: 'off-topic'; sample: string }
  | { kind: 'promises-status' }
  | { kind: 'promises-error-codes' };

/**
 * Whether a table's caption does not describe it, judging only what can be
 * recognised for certain (a status-code table under a topic caption, a
 * caption promising status or error codes the table lacks). Shared with
 * caption-drift, which uses it to say which variant's caption is wrong.
 */
export function judgeCaption(t: TableInfo): CaptionMismatch | undefined {
  const caption = t.caption;
  if (!caption || caption.text.trim() === '') return undefined;
  const capWords = words(caption.text);
  if (capWords.length === 0) return undefined;
  const entries = statusTable(t);
  if (isStatusTable(t, entries)) {
    if (capWords.every((w) => GENERIC_WORDS.has(w))) return undefined;
    if (capWords.some((w) => STATUS_WORDS.has(w))) return undefined;
    const header = wordSet(t.headerRows.map((r) => r.map((c) => c.text).join(' ')).join(' '));
    if (capWords.some((w) => header.has(w))) return undefined;
    const sample = entries
      .slice(0, 3)
      .map((e) => (e.phrase ? `${e.code} ${e.phrase}` : String(e.code)))
      .join(', ');
    return { kind: 'off-topic', sample: `${sample}${entries.length > 3 ? ', …' : ''}` };
  }
  const all = cells(t);
  if (CLAIMS_STATUS_RE.test(caption.text) && !all.some((c) => CODE_START_RE.test(c))) return { kind: 'promises-status' };
  if (CLAIMS_ERROR_CODES_RE.test(caption.text)) {
    const hasCodes = all.some((c) => CODE_START_RE.test(c) || ERROR_CODE_RE.test(c)) || t.headerRows.some((r) => r.some((c) => /\bcodes?\b/i.test(c.text)));
    if (!hasCodes) return { kind: 'promises-error-codes' };
  }
  return undefined;
}

/**
 * A caption that does not describe its table. It judges only what it can
 * recognise for certain — a table whose rows are HTTP status codes, and
 * captions that promise status or error codes — and stays silent on
 * generic captions. See docs/rules/mislabeled-caption.md for how it decides.
 */
export default defineRule({
  id: 'mislabeled-caption',
  meta: {
    description: 'A table caption must describe its table: a status-code table is not "User management permissions".',
    defaultSeverity: 'warning',
    docs: docsUrl('mislabeled-caption'),
  },
  check(ctx) {
    for (const t of ctx.tables()) {
      const m = judgeCaption(t);
      const caption = t.caption;
      if (!m || !caption) continue;
      const position = captionSpan(ctx.text, caption);
      if (m.kind === 'off-topic') {
        ctx.report({
          position,
          message: `Caption "${caption.text}" does not describe its table, whose rows are HTTP status codes (${m.sample}): caption it for what it lists, e.g. "Status codes"`,
        });
      } else if (m.kind === 'promises-status') {
        ctx.report({ position, message: `Caption "${caption.text}" promises status codes, but no cell of its table starts with one` });
      } else {
        ctx.report({
          position,
          message: `Caption "${caption.text}" promises error codes, but its table has no code column and no cell that looks like an error or status code`,
        });
      }
    }
  },
});
