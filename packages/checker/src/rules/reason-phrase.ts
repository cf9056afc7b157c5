import { knownPhrases, reasonPhrase, registeredCodes } from '@docdrift/http-status';
import { statusTable } from '@docdrift/parser';
import type { CellInfo, Position, TableInfo } from '@docdrift/parser';
import { defineRule, docsUrl } from '../rule.js';
import { findOnOneLine, spanAt } from '../span.js';

interface Options {
  /** Accept the older phrases readers still see (413 "Payload Too Large", 422 "Unprocessable Entity"); false requires RFC 9110's. */
  acceptLegacy: boolean;
}

/** Same shape as the parser's status-row test: an optional `HTTP`, a 1xx–5xx code, separators, the rest. */
const CODE_RE = /^(?:HTTP\s+)?([1-5]\d\d)\b[\s:.\-\u2013]*(.*)$/s;
/** Where a phrase ends and an explanation starts: `Bad Request: …`, `Not Found (…)`, `OK - …`, `Created. The …`. */
const PHRASE_END_RE = /\s*(?::|;|,|\(|\s[-\u2013\u2014]\s|[\u2013\u2014]|\.(?:\s|$))/;
/** A reason phrase is short: the longest registered one has 5 words. */
const MAX_WORDS = 6;
/** A header that says its column holds reason phrases. */
const PHRASE_HEADER_RE = /\b(?:reason|phrase)\b/i;
/** A header that says its column holds something else: error codes, fault names, descriptions. */
const OTHER_HEADER_RE = /\b(?:error|fault|code|desc|description|remarks?|solution|cause|meaning|example)/i;
/** lowerCamelCase identifiers like `overLimit`, `itemNotFound`: an API's fault name, not a phrase. */
const FAULT_NAME_RE = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;

/** Case, space, hyphen and apostrophe-insensitive comparison key. */
const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
/** IANA's "(TEMPORARY)"/"(OBSOLETED)" remarks are not part of the phrase. */
const bare = (s: string): string => s.replace(/\s*\((?:TEMPORARY|OBSOLETED)\)$/, '');
const known = (code: number): string[] => [...new Set(knownPhrases(code).map(bare))];

/** Codes by the key of each phrase they are known by (to say "OK" is 200's). */
let phraseOwners: Map<string, number[]> | undefined;
function ownersOf(phrase: string): number[] {
  if (!phraseOwners) {
    phraseOwners = new Map();
    for (const code of registeredCodes()) {
      for (const p of known(code)) {
        const k = key(p);
        const list = phraseOwners.get(k) ?? [];
        if (!list.includes(code)) list.push(code);
        phraseOwners.set(k, list);
      }
    }
  }
  return phraseOwners.get(key(phrase)) ?? [];
}

interface Candidate {
  code: number;
  /** The phrase part of the cell text (before any explanation). */
  phrase: string;
  cell: CellInfo;
  /** Whether the phrase shares the code's cell (`404 Not Found`) rather than having a column of its own. */
  inCodeCell: boolean;
}

/** The phrase part of a cell's text: wrapping quotes/brackets and an explanation after `:`/`(`/` - ` removed; undefined when it is not phrase-like. */
function phrasePart(text: string): string | undefined {
  let s = text.trim().replace(/^[("'`\u201c\u2018[]+/, '').replace(/[)"'`\u201d\u2019\]]+$/, '');
  const end = PHRASE_END_RE.exec(s);
  if (end) s = s.slice(0, end.index);
  s = s.replace(/[.!:;,]+$/, '').trim();
  if (!/^[A-Za-z]/.test(s)) return undefined;
  if (s.split(/\s+/).length > MAX_WORDS) return undefined;
  return s;
}

/** The header cell above grid column `column` (the last header row, else a first body row that is not a status row). */
function headerOver(t: TableInfo, column: number): string {
  const row = t.headerRows.at(-1) ?? (t.bodyRows[0] && !CODE_RE.test(t.bodyRows[0][0]?.text ?? '') ? t.bodyRows[0] : undefined);
  const cell = row?.find((c) => c.column <= column && column < c.column + c.colSpan);
  return cell?.text ?? '';
}

/**
 * The reason phrases of a status table, grouped by where they are written:
 * inside the code cell ("404 Not Found") or in a column of their own. A group
 * is checked only when it is evidently a column of reason phrases: its
 * header says so ("Reason phrase"), or — unless the header names something
 * else ("Error Code", "Description") — at least half of its phrase-like
 * values are some code's reason phrase, ignoring case and spacing.
 */
function candidates(t: TableInfo): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const row of t.bodyRows) {
    const first = row[0];
    if (!first) continue;
    const m = CODE_RE.exec(first.text);
    if (!m) continue;
    const code = Number(m[1]);
    const rest = (m[2] ?? '').trim();
    let cell: CellInfo | undefined;
    let text = rest;
    let group = 'code';
    if (rest === '') {
      cell = row[1];
      if (!cell) continue;
      text = cell.text;
      group = `column ${cell.column}`;
    } else cell = first;
    const phrase = phrasePart(text);
    if (phrase === undefined) continue;
    const list = groups.get(group) ?? [];
    list.push({ code, phrase, cell, inCodeCell: group === 'code' });
    groups.set(group, list);
  }
  const out: Candidate[] = [];
  for (const list of groups.values()) {
    const c0 = list[0] as Candidate;
    if (!c0.inCodeCell) {
      const header = headerOver(t, c0.cell.column);
      if (PHRASE_HEADER_RE.test(header)) {
        out.push(...list);
        continue;
      }
      if (OTHER_HEADER_RE.test(header)) continue;
    }
    const phrases = list.filter((c) => ownersOf(c.phrase).length > 0 || known(c.code).some((p) => key(p) === key(c.phrase)));
    if (phrases.length > 0 && phrases.length * 2 >= list.length) out.push(...list);
  }
  return out.sort((a, b) => (a.cell.position?.start.offset ?? 0) - (b.cell.position?.start.offset ?? 0));
}

/**
 * Status-code tables must give each code its registered reason phrase: not
 * another code's (`202 OK`), not other words (`504 ServerTimeout`), not an
 * API fault name (`413 overLimit`), and spelled as registered (`NotFound`,
 * `internal Server Error`). Casing and spacing slips carry a fix.
 */
export default defineRule<Options>({
  id: 'reason-phrase',
  meta: {
    description: 'Status-code tables must give each code its registered reason phrase, spelled as registered.',
    defaultSeverity: 'error',
    docs: docsUrl('reason-phrase'),
    options: {
      type: 'object',
      properties: {
        acceptLegacy: {
          type: 'boolean',
          description: 'Accept the older phrases still in wide use (413 "Payload Too Large"/"Request Entity Too Large", 422 "Unprocessable Entity"); false requires RFC 9110\'s.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { acceptLegacy: true },
    fixable: true,
  },
  check(ctx) {
    for (const t of ctx.tables()) {
      if (statusTable(t).length === 0) continue;
      for (const c of candidates(t)) {
        const registered = reasonPhrase(c.code);
        if (registered === undefined) continue; // 306, 418 and unregistered codes: nothing to compare with
        const all = known(c.code);
        const accepted = ctx.options.acceptLegacy ? all : [registered];
        if (accepted.includes(c.phrase)) continue;

        const where = locate(ctx.text, c);
        const report = (message: string, fixText?: string): void => {
          if (where.range && fixText !== undefined) ctx.report({ position: where.position, message, fix: t.source === 'simple' ? simpleTableFix(ctx.text, where.range, fixText) : { range: where.range, text: fixText } });
          else ctx.report({ position: where.position, message });
        };
        const q = (s: string): string => `"${s}"`;

        const sameKey = accepted.find((p) => key(p) === key(c.phrase));
        if (sameKey !== undefined) {
          const rfc = sameKey === registered ? '' : ` (RFC 9110: ${q(registered)})`;
          report(`Reason phrase ${q(c.phrase)} of ${c.code} should be written ${q(sameKey)}${rfc}`, sameKey);
          continue;
        }
        const older = all.find((p) => key(p) === key(c.phrase));
        if (older !== undefined) {
          report(`Reason phrase ${q(c.phrase)} of ${c.code} predates RFC 9110: the registered phrase is ${q(registered)}`, registered);
          continue;
        }
        const owners = ownersOf(c.phrase).filter((o) => o !== c.code);
        if (owners.length > 0) {
          report(`Reason phrase ${q(c.phrase)} does not belong to ${c.code}: the registered phrase is ${q(registered)} (${q(c.phrase)} is ${owners.join('/')}'s)`);
          continue;
        }
        if (FAULT_NAME_RE.test(c.phrase)) {
          report(`Reason phrase ${q(c.phrase)} of ${c.code} is an API fault name: the registered phrase is ${q(registered)}`);
          continue;
        }
        report(`Reason phrase ${q(c.phrase)} does not belong to ${c.code}: the registered phrase is ${q(registered)}`);
      }
    }
  },
});

/**
 * A fix inside a simple-table row that keeps the next column where it is: a longer phrase takes
 * spaces from the gap after it (at least one stays), a shorter one leaves spaces in its place.
 * When the gap has no room, or nothing follows on the line, the plain replacement (the engine
 * refuses a fix that breaks the table).
 */
function simpleTableFix(text: string, range: [number, number], replacement: string): { range: [number, number]; text: string } {
  const plain = { range, text: replacement };
  const [start, end] = range;
  let gap = end;
  while (text[gap] === ' ') gap++;
  if (gap === end || gap >= text.length || text[gap] === '\n' || text[gap] === '\r') return plain;
  const delta = replacement.length - (end - start);
  if (delta === 0) return plain;
  if (delta < 0) return { range, text: replacement + ' '.repeat(-delta) };
  if (gap - end - delta < 1) return plain;
  return { range: [start, end + delta], text: replacement };
}

/** The phrase's own span in the source (and a fix range) when it is on one line of its cell; else the cell. */
function locate(text: string, c: Candidate): { position: Position; range?: [number, number] } {
  const pos = c.cell.position as Position;
  const start = pos.start.offset;
  const lineEnd = text.indexOf('\n', start);
  const to = pos.start.line === pos.end.line ? pos.end.offset : Math.min(pos.end.offset, lineEnd === -1 ? text.length : lineEnd);
  let from = start;
  if (c.inCodeCell) {
    const code = /[1-5]\d\d/.exec(text.slice(start, to));
    if (code) from = start + code.index + 3;
  }
  const found = findOnOneLine(text, c.phrase, from, to);
  if (!found) return { position: pos };
  return { position: spanAt(text, found[0], found[1]), range: found };
}
