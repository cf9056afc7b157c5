/**
 * An HTML `<table>` (parsed by parse5) → a model `table` with
 * `source: 'html'`. Rows come from `<thead>`, `<tbody>`, `<tfoot>` (and bare
 * `<tr>`) in source order; header rows are those of `<thead>`, or, without
 * a `<thead>`, the leading rows made only of `<th>`. `rowspan`/`colspan`
 * give spans, and each cell's `column` is the grid column it starts in
 * (columns covered by a span from above are skipped, as in docutils).
 * Cell content becomes blocks: `<p>` paragraphs, loose inline text as a
 * paragraph, lists, nested tables, and anchors as `target` nodes.
 *
 * `id`s on `tr`/`th`/`td` are kept in the row's or cell's `data.id`, not made
 * into targets: exports use them to tie cells to headers (`headers="…"`) and
 * repeat them in every table of a page (seed 004 has `th id="mcps1.1.3.1.1"`
 * in both tables), so they are not link targets.
 */
import type { Caption, Table, TableCell, TableRow } from './model.js';
import type { HtmlConverter } from './html/index.js';
import { parseCaption } from './html/labels.js';
import { plainText } from './html/nodes.js';
import { attribute, isElement } from './html/p5.js';
import type { P5Element } from './html/p5.js';

const MAX_COLSPAN = 1000;

function span(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

export function htmlTable(el: P5Element, conv: HtmlConverter): Table {
  const rows: Array<{ el: P5Element; header: boolean }> = [];
  let caption: Caption | undefined;
  let hasHead = false;
  for (const c of el.childNodes) {
    if (!isElement(c)) continue;
    switch (c.tagName) {
      case 'caption': {
        const inl = conv.trim(conv.inlines(c.childNodes, false));
        const position = conv.pos(c);
        if (position !== undefined) {
          const r = conv.range(c);
          caption = parseCaption(plainText(inl), r === undefined ? '' : conv.value.slice(r[0], r[1]), position);
        }
        break;
      }
      case 'thead':
        hasHead = true;
        for (const r of c.childNodes) if (isElement(r) && r.tagName === 'tr') rows.push({ el: r, header: true });
        break;
      case 'tbody':
      case 'tfoot':
        for (const r of c.childNodes) if (isElement(r) && r.tagName === 'tr') rows.push({ el: r, header: false });
        break;
      case 'tr':
        rows.push({ el: c, header: false });
        break;
      default:
        break;
    }
  }
  if (!hasHead) {
    for (const r of rows) {
      const cells = r.el.childNodes.filter(isElement).filter((c) => c.tagName === 'td' || c.tagName === 'th');
      if (cells.length === 0 || cells.some((c) => c.tagName !== 'th')) break;
      r.header = true;
    }
  }

  // until[k]: column k is covered by a rowspan up to row until[k] (exclusive); ends[k]: the end of
  // the column range of the cell that covers it, so covered columns are skipped a cell at a time.
  // Nothing is updated per row or per column of the table: a table of many rows under wide spans
  // (`<tr><td rowspan="1000" colspan="1000">` repeated) took time rows × columns.
  const until: number[] = [];
  const ends: number[] = [];
  const children: TableRow[] = [];
  for (let ri = 0; ri < rows.length; ri++) {
    const { el: tr, header } = rows[ri] as { el: P5Element; header: boolean };
    const cells: TableCell[] = [];
    let col = 0;
    for (const c of tr.childNodes) {
      if (!isElement(c) || (c.tagName !== 'td' && c.tagName !== 'th')) continue;
      while ((until[col] ?? 0) > ri) col = ends[col] as number;
      const rowSpan = Math.min(span(attribute(c, 'rowspan')), rows.length - ri);
      const colSpan = Math.min(span(attribute(c, 'colspan')), MAX_COLSPAN);
      for (let k = col; k < col + colSpan; k++) {
        until[k] = ri + rowSpan;
        ends[k] = col + colSpan;
      }
      const cell: TableCell = { type: 'tableCell', column: col, rowSpan, colSpan, children: conv.blocks(c.childNodes) };
      const position = conv.pos(c);
      if (position !== undefined) cell.position = position;
      const id = attribute(c, 'id');
      if (id !== undefined) cell.data = { id };
      cells.push(cell);
      col += colSpan;
    }
    const row: TableRow = { type: 'tableRow', header, children: cells };
    const position = conv.pos(tr);
    if (position !== undefined) row.position = position;
    const id = attribute(tr, 'id');
    if (id !== undefined) row.data = { id };
    children.push(row);
  }

  const table: Table = { type: 'table', source: 'html', labels: [], children };
  if (caption !== undefined) table.caption = caption;
  const position = conv.pos(el);
  if (position !== undefined) table.position = position;
  return table;
}
