/**
 * reStructuredText simple tables, the way docutils reads them:
 * `states.Body.isolate_simple_table` finds the table's lines (top border to
 * the bottom border), `tableparser.SimpleTableParser` splits rows and
 * columns. Positions are docutils' text columns (wide characters 2, combining
 * characters 0), and every cell line keeps its position in the source.
 *
 * Linear in the table's size. Never throws: anything docutils would reject
 * becomes a message and `consumed` still covers the lines docutils would skip.
 */
import type { Line } from '../source.js';
import {
  cellLines,
  cellRow,
  isBlankText,
  isPyWhitespace,
  type TextColumns,
  type CellRow,
  type RawCell,
  type RawTable,
  type TableBlockParse,
  type TableMessage,
  type TableScan,
  TableMarkupError,
} from './table-types.js';

/** docutils `simple_table_top_pat`: at least two columns (one `====` line is a section adornment). */
const SIMPLE_TOP = /^=+( +=+)+ *$/;
/** docutils `simple_table_border_pat`: a bottom border or header rule. */
const SIMPLE_BORDER = /^=+[ =]*$/;

const MINUS = 0x2d;
const EQUALS = 0x3d;
const SPACE = 0x20;

/** Whether `text` (the line with the table's indentation removed) opens a simple table. */
export function isSimpleTableStart(text: string): boolean {
  return SIMPLE_TOP.test(text);
}

/** Python `len(text.strip())` of a border line (only `=` and spaces, so UTF-16 units are characters). */
function strippedLength(text: string): number {
  let s = 0;
  let e = text.length;
  while (s < e && isPyWhitespace(text.charCodeAt(s))) s++;
  while (e > s && isPyWhitespace(text.charCodeAt(e - 1))) e--;
  return e - s;
}

/**
 * Scan the simple table whose top border is `lines[start]`. `lines` are the
 * lines of the current block context, dedented to the table's indentation;
 * the table may run to the end of them.
 */
export function scanSimpleTable(lines: Line[], start: number): TableScan {
  const first = lines[start];
  if (first === undefined || !SIMPLE_BORDER.test(first.text)) return { consumed: 0, messages: [] };
  const messages: TableMessage[] = [];
  const at = (i: number): Line => lines[Math.min(start + i, lines.length - 1)] as Line;
  const limit = lines.length - 1;
  const blankAfter = (i: number): boolean => i === limit || isBlankText((lines[i + 1] as Line).text);

  const result = (consumed: number, blankFinish: boolean, table?: RawTable): TableScan => {
    if (!blankFinish) {
      messages.push({ severity: 'warning', code: 'blank-line-required', message: 'Blank line required after table.', at: at(consumed) });
    }
    return table === undefined ? { consumed, messages } : { consumed, table, messages };
  };
  const malformed = (detail: string, offset: number, consumed: number, blankFinish: boolean): TableScan => {
    messages.push({ severity: 'error', code: 'malformed-table', message: `Malformed table.\n${detail}`, at: at(offset) });
    return result(consumed, blankFinish);
  };

  // isolate_simple_table: the table ends at the second border after the top,
  // or at a border followed by a blank line or the end of the input.
  const topLength = strippedLength(first.text);
  let found = 0;
  let foundAt = -1;
  let end = -1;
  for (let i = start + 1; i <= limit; i++) {
    const text = (lines[i] as Line).text;
    if (!SIMPLE_BORDER.test(text)) continue;
    if (strippedLength(text) !== topLength) {
      return malformed('Bottom border or header rule does not match top border.', i - start, i - start + 1, blankAfter(i));
    }
    found++;
    foundAt = i;
    if (found === 2 || blankAfter(i)) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    if (found > 0) {
      return malformed('No bottom table border found or no blank line after table bottom.', 0, foundAt - start + 1, false);
    }
    return malformed('No bottom table border found.', 0, lines.length - start, true);
  }

  const rows: CellRow[] = lines.slice(start, end + 1).map(cellRow);
  const consumed = end - start + 1;
  const blankFinish = blankAfter(end);
  try {
    return result(consumed, blankFinish, new SimpleTableParser(rows).parse());
  } catch (err) {
    const detail = err instanceof TableMarkupError ? err.message : 'Malformed table; parse incomplete.';
    const offset = err instanceof TableMarkupError ? err.offset : 0;
    return malformed(detail, offset, consumed, blankFinish);
  }
}

/**
 * docutils `SimpleTableParser.parse` alone, on lines that are the whole table
 * (top border to bottom border, no isolation): what docutils' own table parser
 * tests exercise.
 */
export function parseSimpleTableBlock(block: readonly Line[]): TableBlockParse {
  if (block.length < 2) return { error: 'Malformed table; parse incomplete.', offset: 0 };
  const rows: CellRow[] = block.map(cellRow);
  try {
    return { table: new SimpleTableParser(rows).parse() };
  } catch (err) {
    return err instanceof TableMarkupError ? { error: err.message, offset: err.offset } : { error: 'Malformed table; parse incomplete.', offset: 0 };
  }
}

type Span = [start: number, end: number];

/** docutils `SimpleTableParser`, on text columns. */
class SimpleTableParser {
  /** The rows' text columns. */
  private readonly cols: TextColumns[];
  /** Rows whose `=` read as `-`: the top and bottom borders and the header rule. */
  private readonly dashed = new Set<number>();
  private columns: Span[] = [];
  private borderEnd = 0;
  private headBodySep = -1;
  private readonly table: Array<{ offset: number; cells: RawCell[] }> = [];

  constructor(private readonly rows: readonly CellRow[]) {
    this.cols = rows.map((r) => r.cols);
    this.toDashes(0);
    this.toDashes(this.cols.length - 1);
  }

  parse(): RawTable {
    this.findHeadBodySep();
    this.parseTable();
    let firstBodyRow = 0;
    if (this.headBodySep > 0) {
      const i = this.table.findIndex((row) => row.offset > this.headBodySep);
      if (i >= 0) firstBodyRow = i;
    }
    return {
      colWidths: this.columns.map(([s, e]) => e - s),
      headerRows: firstBodyRow,
      rows: this.table.map((r, index) => {
        for (const c of r.cells) c.row = index;
        return r.cells;
      }),
    };
  }

  private toDashes(i: number): void {
    this.dashed.add(i);
  }

  /** The character in row `i`, column `c`, with `=` read as `-` on dashed rows. */
  private code(i: number, c: number): number {
    const x = (this.cols[i] as TextColumns).char(c);
    return x === EQUALS && this.dashed.has(i) ? MINUS : x;
  }

  /** Whether row `i` is `lead` followed by only `lead` or spaces (`=[ =]*$`, `-[ -]*$`). */
  private isRule(i: number, lead: number): boolean {
    const n = (this.cols[i] as TextColumns).length;
    if (this.code(i, 0) !== lead) return false;
    for (let c = 1; c < n; c++) {
      const x = this.code(i, c);
      if (x !== lead && x !== SPACE) return false;
    }
    return true;
  }

  private findHeadBodySep(): void {
    for (let i = 0; i < this.cols.length; i++) {
      if (!this.isRule(i, EQUALS)) continue;
      if (this.headBodySep >= 0) {
        throw new TableMarkupError(
          `Multiple head/body row separators (table lines ${this.headBodySep + 1} and ${i + 1}); only one allowed.`,
          i,
        );
      }
      this.headBodySep = i;
      this.toDashes(i);
    }
    if (this.headBodySep === 0 || this.headBodySep === this.cols.length - 1) {
      throw new TableMarkupError('The head/body row separator may not be the first or last line of the table.', this.cols.length - 1);
    }
  }

  private parseTable(): void {
    this.columns = this.parseColumns(0, (this.cols[0] as TextColumns).length);
    this.borderEnd = (this.columns[this.columns.length - 1] as Span)[1];
    const [firstStart, firstEnd] = this.columns[0] as Span;
    let start = 1;
    let textFound = false;
    for (let offset = 1; offset < this.cols.length; offset++) {
      const line = this.cols[offset] as TextColumns;
      if (this.isRule(offset, MINUS)) {
        // A column span underline or the bottom border: the row is complete.
        this.parseRow(start, offset, { length: line.end(), offset });
        start = offset + 1;
        textFound = false;
      } else if (!line.blank(firstStart, firstEnd)) {
        // Text in the first column starts a new row.
        if (textFound && offset !== start) this.parseRow(start, offset);
        start = offset;
        textFound = true;
      } else if (!textFound) {
        start = offset + 1;
      }
    }
  }

  /** The column spans of the `-` line `offset` (its first `length` columns). */
  private parseColumns(offset: number, length: number): Span[] {
    const find = (code: number, from: number): number => {
      for (let c = Math.max(0, from); c < length; c++) if (this.code(offset, c) === code) return c;
      return -1;
    };
    const cols: Span[] = [];
    let end = 0;
    for (;;) {
      const begin = find(MINUS, end);
      if (begin < 0) break;
      end = find(SPACE, begin);
      if (end < 0) end = length;
      cols.push([begin, end]);
    }
    if (this.columns.length > 0) {
      const last = cols[cols.length - 1];
      if (last === undefined || last[1] !== this.borderEnd) {
        throw new TableMarkupError(`Column span incomplete in table line ${offset + 1}.`, offset);
      }
      // The rightmost column is unbounded.
      last[1] = (this.columns[this.columns.length - 1] as Span)[1];
    }
    return cols;
  }

  private parseRow(start: number, stop: number, spanLine?: { length: number; offset: number }): void {
    if (start >= stop && spanLine === undefined) return; // just blank lines
    const columns = spanLine ? this.parseColumns(spanLine.offset, spanLine.length) : this.columns.map((c): Span => [c[0], c[1]]);
    this.checkColumns(start, stop, columns);
    const cells = this.initRow(columns, start);
    const rows = this.rows.slice(start, stop);
    columns.forEach(([s, e], i) => {
      (cells[i] as RawCell).lines = cellLines(rows, s, e);
    });
    this.table.push({ offset: start, cells });
  }

  /**
   * Text in a column margin is an error; text past the last column widens it
   * (and the table's last column).
   */
  private checkColumns(first: number, stop: number, columns: Span[]): void {
    const lastCol = columns.length - 1;
    for (let i = 0; i < columns.length; i++) {
      const [start, end] = columns[i] as Span;
      const nextStart = i < lastCol ? (columns[i + 1] as Span)[0] : Number.MAX_SAFE_INTEGER;
      for (let r = first; r < stop; r++) {
        const line = this.cols[r] as TextColumns;
        if (i === lastCol && !line.blank(end, line.length)) {
          const newEnd = line.end(start);
          const main = this.columns[this.columns.length - 1] as Span;
          columns[i] = [start, Math.max(main[1], newEnd)];
          if (newEnd > main[1]) this.columns[this.columns.length - 1] = [main[0], newEnd];
        } else if (!line.blank(end, nextStart)) {
          throw new TableMarkupError(`Text in column margin in table line ${r + 1}.`, r);
        }
      }
    }
  }

  private initRow(columns: readonly Span[], offset: number): RawCell[] {
    let i = 0;
    const cells: RawCell[] = [];
    for (const [start, end] of columns) {
      const column = i;
      let colSpan = 1;
      if (this.columns[i]?.[0] !== start) throw alignment();
      while (end !== (this.columns[i] as Span)[1]) {
        i++;
        colSpan++;
        if (i >= this.columns.length) throw alignment();
      }
      cells.push({ row: 0, column, rowSpan: 1, colSpan, offset, lines: [] });
      i++;
    }
    return cells;
    function alignment(): TableMarkupError {
      return new TableMarkupError(`Column span alignment problem in table line ${offset + 2}.`, offset + 1);
    }
  }
}
