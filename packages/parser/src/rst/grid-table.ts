/**
 * reStructuredText grid tables, the way docutils reads them:
 * `states.Body.isolate_grid_table` finds the table's lines and checks its
 * borders, `tableparser.GridTableParser` traces the cells. Positions are
 * docutils' text columns (wide characters 2, combining characters 0), and every
 * cell line keeps its position in the source.
 *
 * Linear in the table's size, apart from the cell tracing itself, which costs
 * at most the perimeter of each candidate cell (edge checks are O(1) through
 * prefix counts). Never throws: anything docutils would reject becomes a
 * message and `consumed` still covers the lines docutils would skip.
 */
import type { Line } from '../source.js';
import {
  isBlankText,
  stripLine,
  cellLines,
  cellRow,
  type CellRow,
  type RawCell,
  type RawTable,
  type TableBlockParse,
  type TableMessage,
  type TableScan,
  TableMarkupError,
} from './table-types.js';

/** docutils `grid_table_top_pat` (also a valid bottom border). */
const GRID_TOP = /^\+-[-+]+-\+ *$/;
/** docutils `GridTableParser.head_body_separator_pat`. */
const GRID_HEAD_SEP = /^\+=[=+]+=\+ *$/;

/** A line made only of - and + (a row separator or border). */
const BORDER_ROW = /^[-+]*$/;

const PLUS = 0x2b;
const MINUS = 0x2d;
const BAR = 0x7c;
/** `=`: the second character of every head/body separator (tested before `GRID_HEAD_SEP`). */
const EQUALS = 0x3d;

export interface GridOptions {
  /**
   * `false`: trace every table cell by cell as docutils does, without the
   * fast path for regular tables (`regularGrid`). For tests that check the
   * fast path gives the same result; the default is `true`.
   */
  fastPaths?: boolean;
}

/** Whether `text` (the line with the table's indentation removed) opens a grid table. */
export function isGridTableStart(text: string): boolean {
  return GRID_TOP.test(text);
}

/**
 * Scan the grid table whose top border is `lines[start]`. `lines` are the
 * lines of the current block context, dedented to the table's indentation.
 */
export function scanGridTable(lines: Line[], start: number, options: GridOptions = {}): TableScan {
  const first = lines[start];
  if (first === undefined || !GRID_TOP.test(first.text)) return { consumed: 0, messages: [] };
  const messages: TableMessage[] = [];
  const at = (i: number): Line => lines[Math.min(start + i, lines.length - 1)] as Line;
  let blankFinish = true;

  // The text block: up to a blank line; an indented line ends it with an error.
  let end = start;
  while (end < lines.length) {
    const t = (lines[end] as Line).text;
    if (isBlankText(t)) break;
    if (end > start && (t[0] === ' ' || t[0] === '\t')) {
      messages.push({ severity: 'error', code: 'unexpected-indentation', message: 'Unexpected indentation.', at: lines[end] as Line });
      blankFinish = false;
      break;
    }
    end++;
  }
  let block: Line[] = [];
  for (let i = start; i < end; i++) block.push(stripLine(lines[i] as Line));

  // Left edge: the table ends before the first line that does not start with + or |.
  let lastIndex = block.length - 1; // docutils reuses this loop index below
  for (let i = 0; i < block.length; i++) {
    const c = (block[i] as Line).text.charCodeAt(0);
    if (c !== PLUS && c !== BAR) {
      blankFinish = false;
      block = block.slice(0, i);
      lastIndex = i;
      break;
    }
  }

  const finish = (table?: RawTable): TableScan => {
    const consumed = block.length;
    if (!blankFinish) {
      messages.push({
        severity: 'warning',
        code: 'blank-line-required',
        message: 'Blank line required after table.',
        at: at(consumed),
      });
    }
    return table === undefined ? { consumed, messages } : { consumed, table, messages };
  };
  const malformed = (detail: string, offset: number): TableScan => {
    messages.push({
      severity: 'error',
      code: 'malformed-table',
      message: detail ? `Malformed table.\n${detail}` : 'Malformed table.',
      at: at(offset),
    });
    return finish();
  };

  // Bottom border: the last line, or else the last border line from the third line on.
  if (!GRID_TOP.test((block[block.length - 1] as Line).text)) {
    let found = -1;
    for (let i = block.length - 2; i > 1; i--) {
      lastIndex = i;
      if (GRID_TOP.test((block[i] as Line).text)) {
        found = i;
        break;
      }
    }
    if (found < 0) return malformed('Bottom border missing or corrupt.', lastIndex);
    // docutils steps its state machine back too far here (it re-reads lines
    // of the table); docdrift continues right after the border it found.
    block = block.slice(0, found + 1);
    blankFinish = false;
  }

  // Right edge: every line as wide as the top border and ending in + or |.
  const rows: CellRow[] = block.map(cellRow);
  const width = (rows[0] as CellRow).cols.length;
  for (let i = 0; i < rows.length; i++) {
    const { line, cols } = rows[i] as CellRow;
    const last = line.text.charCodeAt(line.text.length - 1);
    if (cols.length !== width || (last !== PLUS && last !== BAR)) {
      return malformed('Right border not aligned or missing.', i);
    }
  }

  try {
    return finish(parseGrid(rows, width, options));
  } catch (err) {
    if (err instanceof TableMarkupError) return malformed(err.message, err.offset);
    return malformed('Malformed table; parse incomplete.', 0);
  }
}

/**
 * docutils `GridTableParser.parse` alone, on lines that are the whole table
 * (no isolation, no border checks): what docutils' own table parser tests exercise.
 */
export function parseGridTableBlock(block: readonly Line[], options: GridOptions = {}): TableBlockParse {
  const rows: CellRow[] = block.map(stripLine).map(cellRow);
  if (rows.length === 0) return { error: 'Malformed table; parse incomplete.', offset: 0 };
  try {
    return { table: parseGrid(rows, (rows[0] as CellRow).cols.length, options) };
  } catch (err) {
    return err instanceof TableMarkupError ? { error: err.message, offset: err.offset } : { error: 'Malformed table; parse incomplete.', offset: 0 };
  }
}

/** docutils `GridTableParser.parse` on a block whose borders were checked. */
function parseGrid(rows: readonly CellRow[], width: number, options: GridOptions): RawTable {
  const height = rows.length;
  const bottom = height - 1;
  const right = width - 1;
  // The character grid (one UTF-16 unit per text column), with the head/body
  // separator's '=' turned into '-'.
  const grid: string[] = rows.map((r) => r.cols.display);
  let headBodySep = -1;
  for (let i = 0; i < height; i++) {
    const text = (rows[i] as CellRow).line.text;
    if (text.charCodeAt(1) === EQUALS && GRID_HEAD_SEP.test(text)) {
      if (headBodySep >= 0) {
        throw new TableMarkupError(
          `Multiple head/body row separators (table lines ${headBodySep + 1} and ${i + 1}); only one allowed.`,
          i,
        );
      }
      headBodySep = i;
      grid[i] = (grid[i] as string).replaceAll('=', '-');
    }
  }
  if (headBodySep === 0 || headBodySep === height - 1) {
    throw new TableMarkupError('The head/body row separator may not be the first or last line of the table.', height - 1);
  }
  const regular = options.fastPaths === false ? undefined : regularGrid(rows, grid, width, headBodySep);
  if (regular !== undefined) return regular;

  const ch = (r: number, c: number): number => (grid[r] as string).charCodeAt(c);
  // Prefix counts, made on first use, of the characters that cannot be part
  // of a horizontal edge (anything but - and +) in a row, and of a vertical
  // edge (anything but | and +) in a column: checking an edge segment is O(1),
  // so tracing a cell costs at most its perimeter whatever the table holds.
  const { badH, badV, stampH, stampV, seen, rowSep, colSep, rowIndex, colIndex, done, stamp } = Scratch.take(height, width);
  const rowLen = width + 1;
  const colLen = height + 1;
  /** Row `r`, columns from..to-1 are all - or +. */
  const hEdge = (r: number, from: number, to: number): boolean => {
    if (to <= from) return true;
    const base = r * rowLen;
    if (stampH[r] !== stamp) {
      const line = grid[r] as string;
      if (BORDER_ROW.test(line)) {
        // a border line (the usual case): nothing to count
        badH.fill(0, base, base + rowLen);
        stampH[r] = stamp;
        return true;
      }
      let n = 0;
      badH[base] = 0;
      for (let c = 0; c < width; c++) {
        const x = line.charCodeAt(c);
        if (x !== MINUS && x !== PLUS) n++;
        badH[base + c + 1] = n;
      }
      stampH[r] = stamp;
    }
    return badH[base + to] === badH[base + from];
  };
  /** Column `c`, rows from..to-1 are all | or +. */
  const vEdge = (c: number, from: number, to: number): boolean => {
    if (to <= from) return true;
    const base = c * colLen;
    if (stampV[c] !== stamp) {
      let n = 0;
      badV[base] = 0;
      for (let r = 0; r < height; r++) {
        const x = (grid[r] as string).charCodeAt(c);
        if (x !== BAR && x !== PLUS) n++;
        badV[base + r + 1] = n;
      }
      stampV[c] = stamp;
    }
    return badV[base + to] === badV[base + from];
  };

  /** docutils scan_cell → scan_right → scan_down → scan_left → scan_up. */
  const scanCell = (top: number, left: number): [number, number] | undefined => {
    const line = grid[top] as string;
    let from = left + 1;
    for (;;) {
      // the next + on the top edge, with only - before it
      const i = line.indexOf('+', from);
      if (i < 0 || i > right || !hEdge(top, from, i)) return undefined;
      for (let j = top + 1; j <= bottom; j++) {
        const y = ch(j, i);
        if (y === PLUS) {
          if (hEdge(j, left + 1, i) && ch(j, left) === PLUS && vEdge(left, top + 1, j)) return [j, i];
        } else if (y !== BAR) break;
      }
      from = i + 1;
    }
  };

  // Row and column boundaries (`rowSep[r] === stamp`: a boundary), and the
  // corners already scanned: stamped scratch arrays rather than Sets.
  rowSep[0] = stamp;
  colSep[0] = stamp;
  // done[c]: the last grid line of column c covered by a traced cell (-1: none yet).
  done.fill(-1, 0, width);
  /** The traced cells, four numbers each: top, left, bottom, right (grid lines and columns). */
  const boxes: number[] = [];
  const cellLineLists: Line[][] = [];
  const queue = new MinHeap();
  const key = (top: number, left: number): number => top * (width + 1) + left;
  queue.push(key(0, 0));
  while (queue.size > 0) {
    const k = queue.pop();
    if (seen[k] === stamp) continue; // a corner's scan never changes: docutils would redo it for nothing
    seen[k] = stamp;
    const top = Math.floor(k / (width + 1));
    const left = k % (width + 1);
    if (top === bottom || left === right || top <= (done[left] as number)) continue;
    const found = scanCell(top, left);
    if (found === undefined) continue;
    const [cellBottom, cellRight] = found;
    // Every + on the cell's edges is a row or column boundary.
    const topLine = grid[top] as string;
    for (let c = topLine.indexOf('+', left + 1); c >= 0 && c <= cellRight; c = topLine.indexOf('+', c + 1)) colSep[c] = stamp;
    const bottomLine = grid[cellBottom] as string;
    for (let c = bottomLine.indexOf('+', left + 1); c >= 0 && c < cellRight; c = bottomLine.indexOf('+', c + 1)) colSep[c] = stamp;
    for (let r = top + 1; r <= cellBottom; r++) if (ch(r, cellRight) === PLUS) rowSep[r] = stamp;
    for (let r = top + 1; r < cellBottom; r++) if (ch(r, left) === PLUS) rowSep[r] = stamp;
    for (let c = left; c < cellRight; c++) {
      if (done[c] !== top - 1) throw new TableMarkupError('Malformed table; parse incomplete.');
      done[c] = cellBottom - 1;
    }
    boxes.push(top, left, cellBottom, cellRight);
    cellLineLists.push(cellLines(rows, left + 1, cellRight, top + 1, cellBottom));
    queue.push(key(top, cellRight));
    queue.push(key(cellBottom, left));
  }
  for (let c = 0; c < right; c++) {
    if (done[c] !== bottom - 1) throw new TableMarkupError('Malformed table; parse incomplete.');
  }

  // structure_from_cells: boundaries in ascending order, numbered (rowIndex[r]
  // is meaningful where rowSep[r] === stamp).
  let nRows = -1;
  for (let r = 0; r < height; r++) if (rowSep[r] === stamp) rowIndex[r] = ++nRows;
  let nCols = -1;
  let prevCol = 0;
  const colWidths: number[] = [];
  for (let c = 0; c < width; c++) {
    if (colSep[c] !== stamp) continue;
    colIndex[c] = ++nCols;
    if (nCols > 0) colWidths.push(c - prevCol - 1);
    prevCol = c;
  }
  const rowOf = (r: number): number => (rowSep[r] === stamp ? (rowIndex[r] as number) : -1);
  const colOf = (c: number): number => (colSep[c] === stamp ? (colIndex[c] as number) : -1);
  // Corners leave the heap in (top, left) order, so the cells come row by row,
  // left to right: each row's list is already ordered by column.
  const table: RawCell[][] = [];
  for (let r = 0; r < nRows; r++) table.push([]);
  let remaining = nRows * nCols;
  for (let i = 0; i < cellLineLists.length; i++) {
    const top = boxes[4 * i] as number;
    const row = rowOf(top);
    const column = colOf(boxes[4 * i + 1] as number);
    const rowEnd = rowOf(boxes[4 * i + 2] as number);
    const colEnd = colOf(boxes[4 * i + 3] as number);
    if (row < 0 || column < 0 || rowEnd < 0 || colEnd < 0) throw new TableMarkupError('Malformed table; parse incomplete.');
    const slot = table[row] as RawCell[];
    const prev = slot[slot.length - 1];
    if (prev !== undefined && prev.column >= column) throw new TableMarkupError('Malformed table; parse incomplete.');
    const rowSpan = rowEnd - row;
    const colSpan = colEnd - column;
    remaining -= rowSpan * colSpan;
    slot.push({ row, column, rowSpan, colSpan, offset: top + 1, lines: cellLineLists[i] as Line[] });
  }
  if (remaining !== 0) throw new TableMarkupError('Malformed table; parse incomplete.');
  let headerRows = 0;
  if (headBodySep > 0) {
    const h = rowOf(headBodySep);
    if (h < 0) throw new TableMarkupError('Malformed table; parse incomplete.');
    headerRows = h;
  }
  return { colWidths, headerRows, rows: table };
}

/**
 * Fast path for the usual grid table, one cell per row and column: every
 * line that starts with `+` is the same full border as the top line (the
 * head/body separator too, its `=` already turned into `-` in `grid`), every
 * other line has a `|` in each column where the border has a `+`, and the
 * last line is a border, not the first. Returns undefined for any other table, which then
 * goes through docutils' tracing in `parseGrid`.
 *
 * Why the result is the same: on such a table, docutils' scan from a
 * corner (row r, column p) goes right along the border to the next `+`
 * (all `-` before it), down that column through `|`s to the next border
 * line, where the corner, the bottom edge (a border: all `-`) and the left
 * edge (all `|`) check out. So every cell is exactly one grid rectangle,
 * each border line is a row boundary and each `+` of the border a column
 * boundary, and the content characters are never looked at. Adjacent `+`s
 * (empty columns) are left to the general path.
 */
function regularGrid(rows: readonly CellRow[], grid: readonly string[], width: number, headBodySep: number): RawTable | undefined {
  const height = grid.length;
  // A lone border line is a table without cells (and without columns, for docutils).
  if (height < 2) return undefined;
  const border = grid[0] as string;
  if (border.length !== width || border.charCodeAt(0) !== PLUS || border.charCodeAt(width - 1) !== PLUS || !BORDER_ROW.test(border)) return undefined;
  const seps: number[] = [];
  for (let c = 0; c >= 0; c = border.indexOf('+', c + 1)) {
    if (seps.length > 0 && c === (seps[seps.length - 1] as number) + 1) return undefined;
    seps.push(c);
  }
  const borders: number[] = [0];
  for (let r = 1; r < height; r++) {
    const line = grid[r] as string;
    if (line.charCodeAt(0) === PLUS) {
      if (line !== border) return undefined;
      borders.push(r);
      continue;
    }
    if (line.length !== width) return undefined;
    for (let k = 0; k < seps.length; k++) if (line.charCodeAt(seps[k] as number) !== BAR) return undefined;
  }
  if (borders[borders.length - 1] !== height - 1) return undefined;

  const colWidths: number[] = [];
  for (let k = 1; k < seps.length; k++) colWidths.push((seps[k] as number) - (seps[k - 1] as number) - 1);
  const table: RawCell[][] = [];
  for (let row = 0; row + 1 < borders.length; row++) {
    const top = borders[row] as number;
    const bottom = borders[row + 1] as number;
    const cells: RawCell[] = [];
    for (let column = 0; column + 1 < seps.length; column++) {
      const lines = cellLines(rows, (seps[column] as number) + 1, seps[column + 1] as number, top + 1, bottom);
      cells.push({ row, column, rowSpan: 1, colSpan: 1, offset: top + 1, lines });
    }
    table.push(cells);
  }
  return { colWidths, headerRows: headBodySep > 0 ? borders.indexOf(headBodySep) : 0, rows: table };
}

/**
 * Buffers for the edge prefix counts, reused from table to table (tracing
 * is synchronous and never nested) so that a table allocates nothing for
 * them; `stamp` tells which rows and columns were filled for this table.
 */
class Scratch {
  private static current: Scratch | undefined;
  badH = new Int32Array(0);
  badV = new Int32Array(0);
  stampH = new Int32Array(0);
  stampV = new Int32Array(0);
  /** Corners already scanned, by `top * (width + 1) + left`. */
  seen = new Int32Array(0);
  /** Row (line) and column boundaries of the table. */
  rowSep = new Int32Array(0);
  colSep = new Int32Array(0);
  /** Row / column number of a boundary (set where `rowSep` / `colSep` hold the stamp). */
  rowIndex = new Int32Array(0);
  colIndex = new Int32Array(0);
  /** docutils' `done` (per column, the last line a cell covers). */
  done = new Int32Array(0);
  stamp = 0;

  static take(height: number, width: number): Scratch {
    const s = (Scratch.current ??= new Scratch());
    const cells = height * (width + 1) + width * (height + 1);
    if (s.badH.length < height * (width + 1)) s.badH = new Int32Array(Math.max(height * (width + 1), s.badH.length * 2));
    if (s.badV.length < width * (height + 1)) s.badV = new Int32Array(Math.max(width * (height + 1), s.badV.length * 2));
    if (s.seen.length < height * (width + 1)) s.seen = new Int32Array(Math.max(height * (width + 1), s.seen.length * 2));
    if (s.stampH.length < height) {
      const n = Math.max(height, s.stampH.length * 2);
      s.stampH = new Int32Array(n);
      s.rowSep = new Int32Array(n);
      s.rowIndex = new Int32Array(n);
    }
    if (s.stampV.length < width) {
      const n = Math.max(width, s.stampV.length * 2);
      s.stampV = new Int32Array(n);
      s.colSep = new Int32Array(n);
      s.colIndex = new Int32Array(n);
      s.done = new Int32Array(n);
    }
    // Give very large buffers back after use rather than keeping them forever.
    if (cells > 1 << 22) Scratch.current = undefined;
    s.stamp = (s.stamp % 0x3fffffff) + 1;
    if (s.stamp === 1) {
      s.stampH.fill(0);
      s.stampV.fill(0);
      s.seen.fill(0);
      s.rowSep.fill(0);
      s.colSep.fill(0);
    }
    return s;
  }
}

/** A binary min-heap of numbers (the corners to visit, top-to-bottom then left-to-right). */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) <= x) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const m = r < a.length && (a[r] as number) < (a[l] as number) ? r : l;
        if ((a[m] as number) >= last) break;
        a[i] = a[m] as number;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
