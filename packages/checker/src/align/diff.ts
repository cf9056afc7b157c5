/**
 * Word diffs between two variants' texts (the `diff` package's diffWords),
 * as structured parts and as text for messages: `[-removed-]{+added+}`,
 * git's --word-diff=plain notation, with long unchanged stretches elided.
 */
import { diffWords } from 'diff';
import type { DiffPart } from '../diagnostic.js';
import { hasToken, tokens } from './text.js';

/** The word diff from `from` (the other variant) to `to` (the reported page). */
export function wordDiff(from: string, to: string): DiffPart[] {
  // Most drifts change a few words of a long text. The unchanged words at both ends are left out of
  // the diff (cut at whitespace, so no word is split): the diff library then tokenizes and compares
  // only the changed middle, which made the drift rules' diffs several times cheaper (bench/check).
  const { head, tail } = commonEnds(from, to);
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  push('equal', from.slice(0, head));
  for (const ch of diffWords(from.slice(head, from.length - tail), to.slice(head, to.length - tail))) {
    push(ch.added ? 'added' : ch.removed ? 'removed' : 'equal', ch.value);
  }
  push('equal', from.slice(from.length - tail));
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/**
 * Lengths of the common beginning and end of `a` and `b` that can be left out of a word diff: the
 * beginning ends with whitespace and the end starts with whitespace (or where a middle is empty), so
 * no word is split, and they do not overlap in either text.
 */
export function commonEnds(a: string, b: string): { head: number; tail: number } {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p === a.length && p === b.length) return { head: 0, tail: 0 }; // equal texts: nothing to gain
  while (p > 0 && !isSpace(a.charCodeAt(p - 1))) p--;
  const head = p;
  const room = max - head;
  let s = 0;
  while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  while (s > 0 && !isSpace(a.charCodeAt(a.length - s)) && a.length - s !== head && b.length - s !== head) s--;
  return { head, tail: s };
}

/** Words removed and added (the larger of the two counts). */
export function changedWords(parts: readonly DiffPart[]): number {
  let removed = 0;
  let added = 0;
  for (const p of parts) {
    if (p.op === 'removed') removed += tokens(p.text).length;
    else if (p.op === 'added') added += tokens(p.text).length;
  }
  return Math.max(removed, added);
}

/** A change hunk: what the other variant says (`from`) and what this page says (`to`) between two unchanged stretches. */
export interface Hunk {
  from: string;
  to: string;
}

export function hunks(parts: readonly DiffPart[]): Hunk[] {
  const out: Hunk[] = [];
  let cur: Hunk | undefined;
  for (const p of parts) {
    if (p.op === 'equal') {
      if (hasToken(p.text)) cur = undefined;
      continue;
    }
    if (!cur) out.push((cur = { from: '', to: '' }));
    if (p.op === 'removed') cur.from += p.text;
    else cur.to += p.text;
  }
  return out.map((h) => ({ from: h.from.replace(/\s+/g, ' ').trim(), to: h.to.replace(/\s+/g, ' ').trim() }));
}

/** Split into words keeping the separators, for elision. */
function wordsOf(s: string): string[] {
  const words = s.split(/(?<=\s)(?=\S)/);
  // Leading whitespace belongs to the first word (it is not a word of the context).
  if (words.length > 1 && (words[0] as string).trim() === '') words.splice(0, 2, `${words[0]}${words[1]}`);
  return words;
}

/**
 * The diff as message text: unchanged stretches longer than `context`
 * words on each side of a change are elided with `…`.
 */
export interface DiffStyle {
  removed(text: string): string;
  added(text: string): string;
}

/** git --word-diff=plain markers. */
export const PLAIN_DIFF: DiffStyle = { removed: (t) => `[-${t}-]`, added: (t) => `{+${t}+}` };

export function renderDiff(parts: readonly DiffPart[], context = 5, style: DiffStyle = PLAIN_DIFF): string {
  let out = '';
  parts.forEach((p, i) => {
    if (p.op === 'equal') {
      const w = wordsOf(p.text);
      const first = i === 0;
      const last = i === parts.length - 1;
      if (first && last) out += p.text;
      else if (first) out += w.length > context ? `…${w.slice(-context).join('')}` : p.text;
      else if (last) out += w.length > context ? `${w.slice(0, context).join('').trimEnd()}…` : p.text;
      else out += w.length > 2 * context ? `${w.slice(0, context).join('')}… ${w.slice(-context).join('')}` : p.text;
      return;
    }
    const lead = /^\s*/.exec(p.text)?.[0] ?? '';
    const trail = /\s*$/.exec(p.text)?.[0] ?? '';
    const body = p.text.trim().replace(/\s+/g, ' ');
    if (body === '') {
      out += p.op === 'removed' ? '' : p.text;
      return;
    }
    out += `${lead}${p.op === 'removed' ? style.removed(body) : style.added(body)}${trail}`;
  });
  return out.replace(/[ \t]+/g, ' ').trim();
}
