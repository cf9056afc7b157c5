/**
 * Types shared by the RST table scanners (`grid-table.ts`, `simple-table.ts`),
 * and the small text helpers both need: Python's notion of whitespace and
 * docutils' notion of a text column (East Asian wide characters take two
 * columns, combining characters none).
 */
import { makeLine, type Line } from '../source.js';

export interface RawCell {
  /** 0-based row index in the table (header rows first). */
  row: number;
  /** 0-based grid column where the cell starts. */
  column: number;
  /** 1 = no span (docutils `morerows` + 1). */
  rowSpan: number;
  /** 1 = no span (docutils `morecols` + 1). */
  colSpan: number;
  /**
   * The line of the cell's first content line, relative to the table's first
   * line (docutils' cell `offset`): grid tables `top + 1`, simple tables the
   * row's first line. Useful for cells whose `lines` are empty.
   */
  offset: number;
  /**
   * The cell's content lines, mapped to the source: the cell rectangle with
   * the common indentation removed and trailing whitespace stripped, exactly
   * as docutils hands the cell block to its nested parser. Each Line's
   * line/col/offset is the real source position of `text[0]`. Blank lines are
   * kept as Lines with text `''` (positioned where the cell's text column
   * starts on that line, or at the line's end when it is shorter).
   */
  lines: Line[];
}

export interface RawTable {
  /** Column widths in characters (docutils `colwidth`). */
  colWidths: number[];
  /** How many of `rows` are header rows. */
  headerRows: number;
  /** Row by row, cells ordered by column, spanned-over columns omitted. */
  rows: RawCell[][];
}

export interface TableMessage {
  severity: 'error' | 'warning';
  /**
   * docutils' wording, e.g. `'Malformed table.\nRight border not aligned or missing.'`,
   * `'Blank line required after table.'`, `'Unexpected indentation.'`.
   */
  message: string;
  code: 'malformed-table' | 'blank-line-required' | 'unexpected-indentation';
  /** The line the message is reported on (docutils' line). */
  at: Line;
}

export interface TableScan {
  /**
   * How many lines (from `start`) belong to the table block, also on error,
   * so parsing continues after it. 0 only when no table starts at `start`
   * (the line is not a table border): the caller should then parse the line
   * as something else.
   */
  consumed: number;
  /** Absent when the table is malformed. */
  table?: RawTable;
  messages: TableMessage[];
}

/**
 * What docutils' table parser (`tableparser.*TableParser.parse`) makes of a
 * table block whose lines were already isolated: the table, or the
 * `TableMarkupError` text and its line offset in the block.
 */
export type TableBlockParse = { table: RawTable } | { error: string; offset: number };

/* ------------------------------------------------------------- whitespace */

/** Python's `str.isspace()` for one code point (what `strip()` removes). */
export function isPyWhitespace(cp: number): boolean {
  if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f)) return true;
  if (cp < 0x85) return false;
  return (
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Python's `not text.strip()`. */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isPyWhitespace(text.charCodeAt(i))) return false;
  }
  return true;
}

/** `line` reduced to what Python's `strip()` leaves of it, positions kept. */
export function stripLine(line: Line): Line {
  const t = line.text;
  let s = 0;
  let e = t.length;
  while (s < e && isPyWhitespace(t.charCodeAt(s))) s++;
  while (e > s && isPyWhitespace(t.charCodeAt(e - 1))) e--;
  if (s === 0 && e === t.length) return line;
  return makeLine(t.slice(s, e), line.line, line.col + s, line.offset + s);
}

/* ---------------------------------------------------------- text columns */

/** The second column of an East Asian wide character (docutils pads it with `\x00` too). */
export const PAD = 0;

/** Printable ASCII only: text columns are UTF-16 units (the common case). */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * A line as docutils' table parsers see it, one text column per UTF-16 unit
 * of `display`: East Asian wide characters are followed by `\0` (docutils'
 * padding), combining characters take no column, tabs are expanded to spaces
 * up to the next multiple of 8 (counted from `origin`), and characters
 * outside the BMP stand as U+FFFF. `start(c)` is the UTF-16 index in `text`
 * where column `c` begins (`start(length)` is the text's length), so
 * `text.slice(start(a), start(b))` is exactly columns `a..b-1`; combining
 * characters belong to the column before them.
 */
export class TextColumns {
  readonly display: string;
  readonly length: number;
  /** Printable ASCII only: `display` is `text`. */
  readonly plain: boolean;
  private readonly starts: number[] | undefined;

  constructor(
    readonly text: string,
    origin = 0,
  ) {
    this.plain = PLAIN.test(text);
    if (this.plain) {
      this.display = text;
      this.length = text.length;
      this.starts = undefined;
      return;
    }
    let display = '';
    const starts: number[] = [];
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i) as number;
      const len = cp > 0xffff ? 2 : 1;
      if (cp === 9) {
        const w = 8 - ((origin + starts.length) % 8);
        display += ' '.repeat(w);
        starts.push(i);
        for (let k = 1; k < w; k++) starts.push(i + 1);
      } else if (isCombining(cp)) {
        // zero width: stays with the column before it
      } else {
        display += len === 2 ? '\uffff' : text[i];
        starts.push(i);
        if (isWide(cp)) {
          display += '\0';
          starts.push(i + len);
        }
      }
      i += len;
    }
    // Combining characters at the very start belong to the first column.
    if (starts.length > 0) starts[0] = 0;
    starts.push(text.length);
    this.display = display;
    this.starts = starts;
    this.length = display.length;
  }

  /** The code unit in column `c`; NaN past the end (equal to nothing, not whitespace). */
  char(c: number): number {
    return this.display.charCodeAt(c);
  }

  start(c: number): number {
    const k = Math.max(0, Math.min(c, this.length));
    return this.starts === undefined ? k : (this.starts[k] as number);
  }

  /** Python's `not line[from:to].strip()` on the padded line. */
  blank(from: number, to: number): boolean {
    const end = Math.min(to, this.length);
    for (let c = Math.max(0, from); c < end; c++) {
      if (!isPyWhitespace(this.display.charCodeAt(c))) return false;
    }
    return true;
  }

  /** One past the last non-whitespace column at or after `from` (`from` if none): `from + len(line[from:].rstrip())`. */
  end(from = 0): number {
    let e = this.length;
    while (e > from && isPyWhitespace(this.display.charCodeAt(e - 1))) e--;
    return Math.max(e, from);
  }
}

/** docutils' `column_width`: wide characters count 2, combining characters 0. */
export function columnWidth(text: string): number {
  return new TextColumns(text).length;
}

export interface CellRow {
  line: Line;
  cols: TextColumns;
}

export function cellRow(line: Line): CellRow {
  return { line, cols: new TextColumns(line.text, line.col) };
}

/** Scratch for `cellLines` (each row's end column), grown as needed: a cell allocates only its lines. */
let cellEnds = new Int32Array(64);

/**
 * docutils' `StringList.get_2D_block(top, left, bottom, right)` on text
 * columns: columns `left..right-1` of rows `top..bottom-1`, trailing
 * whitespace stripped, then the indentation common to the non-blank lines
 * removed. The result keeps source positions.
 */
export function cellLines(rows: readonly CellRow[], left: number, right: number, top = 0, bottom = rows.length): Line[] {
  const n = bottom - top;
  if (cellEnds.length < n) cellEnds = new Int32Array(Math.max(n, cellEnds.length * 2));
  const ends = cellEnds;
  let indent = right;
  for (let i = 0; i < n; i++) {
    const cols = (rows[top + i] as CellRow).cols;
    let f: number;
    let e: number;
    if (cols.plain) {
      // printable ASCII: the only whitespace is ' '
      const d = cols.display;
      e = Math.min(right, d.length);
      while (e > left && d.charCodeAt(e - 1) === 32) e--;
      f = left;
      while (f < e && d.charCodeAt(f) === 32) f++;
    } else {
      e = lineEnd(cols, left, right);
      f = left;
      while (f < e && isPyWhitespace(cols.char(f))) f++;
    }
    ends[i] = Math.max(e, left);
    if (e > left) indent = Math.min(indent, f - left);
  }
  if (!(indent > 0 && indent < right)) indent = 0;
  const out: Line[] = new Array<Line>(n);
  for (let i = 0; i < n; i++) {
    const { line, cols } = rows[top + i] as CellRow;
    const e = ends[i] as number;
    const s = Math.min(left + indent, cols.length);
    const from = cols.start(s);
    const to = e > s ? cols.start(e) : from;
    out[i] = makeLine(line.text.slice(from, to), line.line, line.col + from, line.offset + from);
  }
  return out;
}

/** One past the last non-whitespace column of `left..right-1` (`left` if none). */
function lineEnd(cols: TextColumns, left: number, right: number): number {
  let e = Math.min(right, cols.length);
  while (e > left && isPyWhitespace(cols.char(e - 1))) e--;
  return Math.max(e, left);
}

function inRanges(table: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = table.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (table[2 * mid] as number)) hi = mid - 1;
    else if (cp > (table[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** East Asian Width W or F (Python 3.11 `unicodedata`, Unicode 14). */
export function isWide(cp: number): boolean {
  return cp >= 0x1100 && inRanges(WIDE, cp);
}

/** Canonical combining class not 0 (Python `unicodedata.combining(c) != 0`). */
export function isCombining(cp: number): boolean {
  return cp >= 0x300 && inRanges(COMBINING, cp);
}

// Generated from Python 3.11's unicodedata (Unicode 14.0), unassigned gaps merged.
// prettier-ignore
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3,
  0x25fd, 0x25fe, 0x2614, 0x2615, 0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1,
  0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea,
  0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b,
  0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
  0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x303e,
  0x3041, 0x3247, 0x3250, 0x4dbf, 0x4e00, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfad9,
  0xfe10, 0xfe19, 0xfe30, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x1b2fb, 0x1f004, 0x1f004,
  0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f200, 0x1f320, 0x1f32d, 0x1f335,
  0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0,
  0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d,
  0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f57a, 0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4,
  0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6df,
  0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945,
  0x1f947, 0x1f9ff, 0x1fa70, 0x1faf6, 0x20000, 0x3134a
];

// prettier-ignore
const COMBINING: readonly number[] = [
  0x300, 0x34e, 0x350, 0x36f, 0x483, 0x487, 0x591, 0x5bd, 0x5bf, 0x5bf, 0x5c1, 0x5c2, 0x5c4, 0x5c5,
  0x5c7, 0x5c7, 0x610, 0x61a, 0x64b, 0x65f, 0x670, 0x670, 0x6d6, 0x6dc, 0x6df, 0x6e4, 0x6e7, 0x6e8,
  0x6ea, 0x6ed, 0x711, 0x711, 0x730, 0x74a, 0x7eb, 0x7f3, 0x7fd, 0x7fd, 0x816, 0x819, 0x81b, 0x823,
  0x825, 0x827, 0x829, 0x82d, 0x859, 0x85b, 0x898, 0x89f, 0x8ca, 0x8e1, 0x8e3, 0x8ff, 0x93c, 0x93c,
  0x94d, 0x94d, 0x951, 0x954, 0x9bc, 0x9bc, 0x9cd, 0x9cd, 0x9fe, 0x9fe, 0xa3c, 0xa3c, 0xa4d, 0xa4d,
  0xabc, 0xabc, 0xacd, 0xacd, 0xb3c, 0xb3c, 0xb4d, 0xb4d, 0xbcd, 0xbcd, 0xc3c, 0xc3c, 0xc4d, 0xc56,
  0xcbc, 0xcbc, 0xccd, 0xccd, 0xd3b, 0xd3c, 0xd4d, 0xd4d, 0xdca, 0xdca, 0xe38, 0xe3a, 0xe48, 0xe4b,
  0xeb8, 0xeba, 0xec8, 0xecb, 0xf18, 0xf19, 0xf35, 0xf35, 0xf37, 0xf37, 0xf39, 0xf39, 0xf71, 0xf72,
  0xf74, 0xf74, 0xf7a, 0xf7d, 0xf80, 0xf80, 0xf82, 0xf84, 0xf86, 0xf87, 0xfc6, 0xfc6, 0x1037, 0x1037,
  0x1039, 0x103a, 0x108d, 0x108d, 0x135d, 0x135f, 0x1714, 0x1715, 0x1734, 0x1734, 0x17d2, 0x17d2,
  0x17dd, 0x17dd, 0x18a9, 0x18a9, 0x1939, 0x193b, 0x1a17, 0x1a18, 0x1a60, 0x1a60, 0x1a75, 0x1a7f,
  0x1ab0, 0x1abd, 0x1abf, 0x1ace, 0x1b34, 0x1b34, 0x1b44, 0x1b44, 0x1b6b, 0x1b73, 0x1baa, 0x1bab,
  0x1be6, 0x1be6, 0x1bf2, 0x1bf3, 0x1c37, 0x1c37, 0x1cd0, 0x1cd2, 0x1cd4, 0x1ce0, 0x1ce2, 0x1ce8,
  0x1ced, 0x1ced, 0x1cf4, 0x1cf4, 0x1cf8, 0x1cf9, 0x1dc0, 0x1dff, 0x20d0, 0x20dc, 0x20e1, 0x20e1,
  0x20e5, 0x20f0, 0x2cef, 0x2cf1, 0x2d7f, 0x2d7f, 0x2de0, 0x2dff, 0x302a, 0x302f, 0x3099, 0x309a,
  0xa66f, 0xa66f, 0xa674, 0xa67d, 0xa69e, 0xa69f, 0xa6f0, 0xa6f1, 0xa806, 0xa806, 0xa82c, 0xa82c,
  0xa8c4, 0xa8c4, 0xa8e0, 0xa8f1, 0xa92b, 0xa92d, 0xa953, 0xa953, 0xa9b3, 0xa9b3, 0xa9c0, 0xa9c0,
  0xaab0, 0xaab0, 0xaab2, 0xaab4, 0xaab7, 0xaab8, 0xaabe, 0xaabf, 0xaac1, 0xaac1, 0xaaf6, 0xaaf6,
  0xabed, 0xabed, 0xfb1e, 0xfb1e, 0xfe20, 0xfe2f, 0x101fd, 0x101fd, 0x102e0, 0x102e0,
  0x10376, 0x1037a, 0x10a0d, 0x10a0d, 0x10a0f, 0x10a0f, 0x10a38, 0x10a3f, 0x10ae5, 0x10ae6,
  0x10d24, 0x10d27, 0x10eab, 0x10eac, 0x10f46, 0x10f50, 0x10f82, 0x10f85, 0x11046, 0x11046,
  0x11070, 0x11070, 0x1107f, 0x1107f, 0x110b9, 0x110ba, 0x11100, 0x11102, 0x11133, 0x11134,
  0x11173, 0x11173, 0x111c0, 0x111c0, 0x111ca, 0x111ca, 0x11235, 0x11236, 0x112e9, 0x112ea,
  0x1133b, 0x1133c, 0x1134d, 0x1134d, 0x11366, 0x11374, 0x11442, 0x11442, 0x11446, 0x11446,
  0x1145e, 0x1145e, 0x114c2, 0x114c3, 0x115bf, 0x115c0, 0x1163f, 0x1163f, 0x116b6, 0x116b7,
  0x1172b, 0x1172b, 0x11839, 0x1183a, 0x1193d, 0x1193e, 0x11943, 0x11943, 0x119e0, 0x119e0,
  0x11a34, 0x11a34, 0x11a47, 0x11a47, 0x11a99, 0x11a99, 0x11c3f, 0x11c3f, 0x11d42, 0x11d42,
  0x11d44, 0x11d45, 0x11d97, 0x11d97, 0x16af0, 0x16af4, 0x16b30, 0x16b36, 0x16ff0, 0x16ff1,
  0x1bc9e, 0x1bc9e, 0x1d165, 0x1d169, 0x1d16d, 0x1d172, 0x1d17b, 0x1d182, 0x1d185, 0x1d18b,
  0x1d1aa, 0x1d1ad, 0x1d242, 0x1d244, 0x1e000, 0x1e02a, 0x1e130, 0x1e136, 0x1e2ae, 0x1e2ae,
  0x1e2ec, 0x1e2ef, 0x1e8d0, 0x1e8d6, 0x1e944, 0x1e94a
];

/** docutils' `TableMarkupError`: a malformed table, with the line (relative to the table) where it shows. */
export class TableMarkupError extends Error {
  constructor(
    message: string,
    readonly offset = 0,
  ) {
    super(message);
  }
}
