/**
 * Positions from offsets, for rules that report a part of a node (a word in
 * a table cell, the text of a caption) rather than the node itself.
 */
import type { Position } from '@docdrift/parser';

/** The unist position of `text.slice(start, end)` (1-based line and column, end exclusive). */
export function spanAt(text: string, start: number, end: number): Position {
  return { start: pointAt(text, start), end: pointAt(text, end) };
}

function pointAt(text: string, offset: number): Position['start'] {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/**
 * Where `phrase` is written in `text` between `from` and `to`, allowing any
 * run of spaces/tabs between its words (cell text is whitespace-collapsed)
 * but not a line break. `undefined` when it is not there on one line.
 */
export function findOnOneLine(text: string, phrase: string, from: number, to: number): [number, number] | undefined {
  const words = phrase.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\t]+');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index + m[0].length > to) return undefined;
  return [m.index, m.index + m[0].length];
}
