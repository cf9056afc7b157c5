/**
 * Word diffs between two variants' texts (the `diff` package's diffWords),
 * as structured parts and as text for messages: `[-removed-]{+added+}`,
 * git's --word-diff=plain notation, with long unchanged stretches elided.
 */
import { diffWords } from 'diff';
import type { DiffPart } from '../diagnostic.js';
import { tokens } from './text.js';

/** The word diff from `from` (the other variant) to `to` (the reported page). */
export function wordDiff(from: string, to: string): DiffPart[] {
  const out: DiffPart[] = [];
  for (const ch of diffWords(from, to)) {
    const op: DiffPart['op'] = ch.added ? 'added' : ch.removed ? 'removed' : 'equal';
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ch.value;
    else out.push({ op, text: ch.value });
  }
  return out;
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
      if (tokens(p.text).length > 0) cur = undefined;
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
  return s.split(/(?<=\s)(?=\S)/);
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
