import type { Point, Position } from './model.js';

/**
 * One physical line of the source (or the part of it that a nested block
 * sees): `text` starts at `offset` in the source, on 1-based `line`, at
 * 0-based `col`. Nested parsers (list items, directive bodies, table cells)
 * receive slices of these, so positions always point into the original text.
 */
export interface Line {
  text: string;
  line: number;
  col: number;
  offset: number;
}

/** Maps offsets of one source string to points. */
export class SourceMap {
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (starts[lo] as number) + 1, offset: o };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** The source split into lines without their line terminators. */
  lines(): Line[] {
    const out: Line[] = [];
    const starts = this.lineStarts;
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i] as number;
      let e = i + 1 < starts.length ? (starts[i + 1] as number) : this.text.length;
      if (e > s && this.text.charCodeAt(e - 1) === 10) e--;
      if (e > s && this.text.charCodeAt(e - 1) === 13) e--;
      out.push({ text: this.text.slice(s, e), line: i + 1, col: 0, offset: s });
    }
    // A final newline does not start another line.
    if (out.length > 1 && (out[out.length - 1] as Line).text === '' && /\r?\n$|\r$/.test(this.text)) out.pop();
    return out;
  }
}

/** `line` with its first `n` characters removed. */
export function shift(line: Line, n: number): Line {
  const k = Math.min(n, line.text.length);
  return { text: line.text.slice(k), line: line.line, col: line.col + k, offset: line.offset + k };
}

export function isBlank(line: Line | undefined): boolean {
  return line !== undefined && line.text.trim() === '';
}

export function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
