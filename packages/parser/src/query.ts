/**
 * Helpers over the document model that the checker (and anyone else) uses:
 * tables as plain text, status-code entries, labels, references, the page
 * title and its top field list.
 */
import { knownPhrases } from '@docdrift/http-status';
import type { Block, Caption, Inline, Node, Parent, Position, Root, Table, TableCell, TableSource } from './model.js';
import { blocksText } from './rst/blocks.js';
import { inlineText } from './rst/inline.js';

type AnyNode = Node;

/** Visit every node depth-first; `ancestors` runs from the root to the parent. */
export function visit(node: AnyNode, fn: (node: AnyNode, ancestors: readonly AnyNode[]) => void | false): void {
  const stack: AnyNode[] = [];
  const go = (n: AnyNode): void => {
    if (fn(n, stack) === false) return;
    const extra = extraChildren(n);
    if (!('children' in n) && extra.length === 0) return;
    stack.push(n);
    for (const c of extra) go(c);
    if ('children' in n) for (const c of (n as Parent).children as AnyNode[]) go(c);
    stack.pop();
  };
  go(node);
}

const NO_NODES: readonly AnyNode[] = [];

/** Inline content that is not in `children` (definition terms). */
function extraChildren(n: AnyNode): readonly AnyNode[] {
  return n.type === 'definitionItem' ? (n.term as AnyNode[]) : NO_NODES;
}

/** Plain text of any node: inline text, blocks joined by blank lines, cells by ` | `. */
export function toText(node: AnyNode | readonly AnyNode[]): string {
  if (Array.isArray(node)) {
    const list = node as readonly AnyNode[];
    if (list.every((n) => isInline(n))) return inlineText(list as Inline[]);
    return blocksText(list as Block[]);
  }
  const n = node as AnyNode;
  if (isInline(n)) return inlineText([n as Inline]);
  if (n.type === 'root' || n.type === 'listItem' || n.type === 'tableCell' || n.type === 'field') return blocksText(n.children as Block[]);
  if (n.type === 'tableRow') return n.children.map((c) => blocksText(c.children)).join(' | ');
  if (n.type === 'definitionItem') return `${inlineText(n.term)}\n${blocksText(n.children)}`;
  return blocksText([n as Block]);
}

const INLINE_TYPES = new Set(['text', 'emphasis', 'strong', 'inlineCode', 'crossReference', 'link', 'role', 'substitutionReference', 'break']);
function isInline(n: AnyNode): boolean {
  return INLINE_TYPES.has(n.type);
}

/** Cell text normalised for comparison: whitespace collapsed. */
function cellText(cell: TableCell): string {
  const text = blocksText(cell.children);
  // Most cells have single spaces only: no replacement (and no copy) needed.
  return (/[\t\r\n]| {2}/.test(text) ? text.replace(/[ \t\r\n]+/g, ' ') : text).trim();
}

export interface CellInfo {
  /** Plain text, whitespace collapsed. */
  text: string;
  column: number;
  rowSpan: number;
  colSpan: number;
  position?: Position;
  node: TableCell;
}

export interface TableInfo {
  node: Table;
  source: TableSource;
  caption?: Caption;
  labels: string[];
  headerRows: CellInfo[][];
  bodyRows: CellInfo[][];
  position?: Position;
}

/** One table's cells as plain text (what `tables` gives for each table it finds). */
export function tableInfo(table: Table): TableInfo {
  const headerRows: CellInfo[][] = [];
  const bodyRows: CellInfo[][] = [];
  for (const row of table.children) {
    const cells = row.children.map((c) => {
      const ci: CellInfo = { text: cellText(c), column: c.column, rowSpan: c.rowSpan, colSpan: c.colSpan, node: c };
      if (c.position) ci.position = c.position;
      return ci;
    });
    (row.header ? headerRows : bodyRows).push(cells);
  }
  const out: TableInfo = { node: table, source: table.source, labels: table.labels, headerRows, bodyRows };
  if (table.caption) out.caption = table.caption;
  if (table.position) out.position = table.position;
  return out;
}

/** Every table in the document, in source order, with cells as plain text. */
export function tables(root: Root): TableInfo[] {
  const out: TableInfo[] = [];
  visit(root, (n) => {
    if (n.type === 'table') out.push(tableInfo(n));
  });
  return out;
}

export interface StatusTableEntry {
  code: number;
  /** The reason phrase as the table writes it ('' when the table gives none). */
  phrase: string;
  description: string;
  /** The whole row. */
  position?: Position;
  /** Where the phrase is written (inside the code cell or its own cell). */
  phrasePosition?: Position;
  descriptionPosition?: Position;
}

const CODE_RE = /^(?:HTTP\s+)?([1-5]\d\d)\b[\s:.\-\u2013]*(.*)$/s;

/**
 * The HTTP status entries of a table, whatever its shape: "200 OK |
 * description", "200 | OK | description", or "200 | OK" with the phrase at
 * the start of the description. Empty when the table does not list status
 * codes (fewer than half of its body rows start with a code).
 */
export function statusTable(table: TableInfo | Table): StatusTableEntry[] {
  const t = 'type' in table ? tableInfo(table) : table;
  const entries: StatusTableEntry[] = [];
  let rowsWithCells = 0;
  for (const row of t.bodyRows) {
    const first = row[0];
    if (!first) continue;
    rowsWithCells++;
    const m = CODE_RE.exec(first.text);
    if (!m) continue;
    const code = Number(m[1]);
    const rest = (m[2] ?? '').trim();
    const others = row.slice(1);
    let phrase = rest;
    let phrasePosition = first.position;
    let descCells = others;
    if (rest === '' && others.length >= 2) {
      phrase = (others[0] as CellInfo).text;
      phrasePosition = (others[0] as CellInfo).position;
      descCells = others.slice(1);
    }
    let description = descCells.map((c) => c.text).join(' ').trim();
    const descriptionPosition = descCells[0]?.position;
    if (phrase === '' && description !== '') {
      const lower = description.toLowerCase();
      const known = knownPhrases(code).find((p) => lower.startsWith(p.toLowerCase()) && !/\w/.test(description.charAt(p.length)));
      if (known) {
        phrase = description.slice(0, known.length);
        description = description.slice(known.length).replace(/^[\s:.,\-\u2013\u2014]+/, '');
        phrasePosition = descriptionPosition;
      }
    }
    const entry: StatusTableEntry = { code, phrase, description };
    const rowStart = first.position;
    const rowEnd = row[row.length - 1]?.position;
    if (rowStart && rowEnd) entry.position = { start: rowStart.start, end: rowEnd.end };
    if (phrasePosition) entry.phrasePosition = phrasePosition;
    if (descriptionPosition) entry.descriptionPosition = descriptionPosition;
    entries.push(entry);
  }
  return entries.length * 2 >= rowsWithCells && entries.length > 0 ? entries : [];
}

export interface LabelInfo {
  /** Normalised (lower-cased) label. */
  label: string;
  /** As written. */
  name: string;
  /** Where the label is defined: at block level, inside a list item, inside a table cell, or as an HTML anchor/id. */
  context: 'block' | 'list-item' | 'table-cell' | 'html' | 'option';
  position?: Position;
}

/** Every label a reference can point at: `.. _x:` anywhere, `:name:` options, HTML anchors. */
export function labels(root: Root): LabelInfo[] {
  const out: LabelInfo[] = [];
  visit(root, (n, ancestors) => {
    if (n.type === 'target' && n.url === undefined && !n.anonymous && n.label !== '') {
      let context: LabelInfo['context'] = 'block';
      if (n.origin === 'html') context = 'html';
      else if (ancestors.some((a) => a.type === 'tableCell')) context = 'table-cell';
      else if (ancestors.some((a) => a.type === 'listItem')) context = 'list-item';
      const l: LabelInfo = { label: n.label, name: n.name, context };
      if (n.position) l.position = n.position;
      out.push(l);
    }
    if (n.type === 'table' || n.type === 'figure') {
      const options = n.type === 'figure' ? n.options : (n.data?.options as Record<string, string> | undefined);
      const name = options?.name;
      if (name) {
        const l: LabelInfo = { label: name.toLowerCase().replace(/\s+/g, ' ').trim(), name, context: 'option' };
        if (n.position) l.position = n.position;
        out.push(l);
      }
    }
  });
  return out;
}

export interface ReferenceInfo {
  /** `ref`, `doc`, `numref` for cross-references; `link` for hyperlinks. */
  kind: 'ref' | 'doc' | 'numref' | 'link';
  /** The label (normalised) or document path for cross-references; the URL for links. */
  target: string;
  /** The reference text. */
  text: string;
  /** For cross-references: whether the text was given explicitly. */
  explicit?: boolean;
  /** For `name_` style links: the referenced target name. */
  refname?: string;
  anonymous?: boolean;
  position?: Position;
}

/** Internal cross-references and hyperlinks, in source order. */
export function references(root: Root): ReferenceInfo[] {
  const out: ReferenceInfo[] = [];
  visit(root, (n) => {
    if (n.type === 'crossReference') {
      const r: ReferenceInfo = { kind: n.role, target: n.label, text: inlineText(n.children), explicit: n.explicit };
      if (n.position) r.position = n.position;
      out.push(r);
      return false;
    }
    if (n.type === 'link') {
      const r: ReferenceInfo = { kind: 'link', target: n.url, text: inlineText(n.children) };
      if (n.refname !== undefined) r.refname = n.refname;
      if (n.anonymous) r.anonymous = true;
      if (n.position) r.position = n.position;
      out.push(r);
      return false;
    }
    return undefined;
  });
  return out;
}

/** The page title: the first heading of the highest level. */
export function title(root: Root): { text: string; position?: Position } | undefined {
  let best: { text: string; position?: Position; depth: number } | undefined;
  visit(root, (n) => {
    if (n.type === 'heading' && (best === undefined || n.depth < best.depth)) {
      best = { text: inlineText(n.children).replace(/\s+/g, ' ').trim(), depth: n.depth };
      if (n.position) best.position = n.position;
    }
  });
  if (!best) return undefined;
  const { depth: _depth, ...rest } = best;
  return rest;
}

/** The fields of the page's top field list (`:original_name: x.html`), before the first section. */
export function fields(root: Root): Record<string, { value: string; position?: Position }> {
  const out: Record<string, { value: string; position?: Position }> = {};
  for (const b of root.children) {
    if (b.type === 'section') break;
    if (b.type !== 'fieldList') continue;
    for (const f of b.children) {
      const v: { value: string; position?: Position } = { value: f.value };
      if (f.position) v.position = f.position;
      out[f.name] = v;
    }
  }
  return out;
}
