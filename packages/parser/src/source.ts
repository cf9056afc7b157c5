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
  /** Cached count of leading spaces and tabs (see `lineIndent`); absent until asked. */
  ind?: number;
}

/**
 * A new `Line`. Every Line is made here (or by `shift`) with the `ind` slot
 * present from the start, undefined until `lineIndent` fills it: adding the
 * property to an existing object would change its hidden class and allocate
 * a property store, for most lines of a page.
 */
export function makeLine(text: string, line: number, col: number, offset: number, ind?: number): Line {
  return { text, line, col, offset, ind };
}

/** Maps offsets of one source string to points. */
export class SourceMap {
  readonly lineStarts: number[];
  /** The line (0-based) of the last lookup: parsers ask for nearby offsets in a row. */
  private last = 0;

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case: indexOf finds line feeds far faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let lo = this.last;
    // Same line as the last lookup, or the next one: no search.
    if (!((starts[lo] as number) <= o && (lo + 1 >= starts.length || o < (starts[lo + 1] as number)))) {
      if ((starts[lo + 1] as number) <= o && (lo + 2 >= starts.length || o < (starts[lo + 2] as number))) lo++;
      else {
        lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((starts[mid] as number) <= o) lo = mid;
          else hi = mid - 1;
        }
      }
      this.last = lo;
    }
    return { line: lo + 1, column: o - (starts[lo] as number) + 1, offset: o };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /**
   * `point(offset)`, for an offset that is most likely on 1-based line
   * `line` (a `Line`'s own line number): checked in O(1), and then no search.
   * Table cells make the parser jump back and forth between the same lines,
   * which defeats `point`'s cursor. A wrong hint only costs the search.
   */
  pointNear(offset: number, line: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    const k = line - 1;
    if (k >= 0 && k < starts.length && (starts[k] as number) <= o && (k + 1 >= starts.length || o < (starts[k + 1] as number))) {
      return { line, column: o - (starts[k] as number) + 1, offset: o };
    }
    return this.point(offset);
  }

  /** `position(start, end)` with line hints for both ends (see `pointNear`). */
  positionNear(start: number, startLine: number, end: number, endLine: number): Position {
    return { start: this.pointNear(start, startLine), end: this.pointNear(Math.max(start, end), endLine) };
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
      out.push(makeLine(this.text.slice(s, e), i + 1, 0, s));
    }
    // A final newline does not start another line.
    const endsWithBreak = this.text.length > 0 && (this.text.charCodeAt(this.text.length - 1) === 10 || this.text.charCodeAt(this.text.length - 1) === 13);
    if (out.length > 1 && (out[out.length - 1] as Line).text === '' && endsWithBreak) out.pop();
    return out;
  }
}

/** `line` with its first `n` characters removed (its cached indentation carried over). */
export function shift(line: Line, n: number): Line {
  const k = Math.min(n, line.text.length);
  return makeLine(line.text.slice(k), line.line, line.col + k, line.offset + k, line.ind !== undefined && k <= line.ind ? line.ind - k : undefined);
}

const NON_BLANK = /\S/;

/** Whether the line is empty or whitespace only (the characters `trim()` removes), without allocating. */
export function isBlank(line: Line | undefined): boolean {
  if (line === undefined) return false;
  const ind = lineIndent(line);
  if (ind === line.text.length) return true;
  const c = line.text.charCodeAt(ind);
  // printable ASCII after the indentation: certainly not blank
  if (c > 32 && c < 127) return false;
  return !NON_BLANK.test(line.text);
}

export function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * Leading spaces and tabs of a line, computed once per line: nested blocks
 * ask again at every level, and a deeply indented line must not be rescanned
 * each time.
 */
export function lineIndent(line: Line): number {
  if (line.ind === undefined) line.ind = indentOf(line.text);
  return line.ind;
}
