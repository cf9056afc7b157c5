/**
 * A page's outline for alignment: its sections (a tree), the text units of
 * each section (paragraphs, list items, definition terms — not table
 * cells), and its tables with keyed rows. Built once per page from the
 * parser's tree.
 */
import { knownPhrases } from '@docdrift/http-status';
import { statusTable } from '@docdrift/parser';
import type { Block, CellInfo, Position, Root, Section, Table, TableCell, TableInfo } from '@docdrift/parser';
import type { Page } from '../model.js';
import { bag, blocksUnit, compareKey, display, inlineUnit, tokens, type ExtractedText, type RefTitle, type UnitRef } from './text.js';

/** A piece of text that drift rules compare: a paragraph, list item, cell, heading or caption. */
export interface Unit {
  kind: 'paragraph' | 'cell' | 'heading' | 'caption';
  page: Page;
  /** Plain text (see text.ts). */
  text: string;
  /** Comparison key: equal keys mean the texts differ only in formatting. */
  key: string;
  toks: string[];
  /** Word counts, for similarity (computed on first use). */
  readonly bag: Map<string, number>;
  position: Position | undefined;
  refs: UnitRef[];
}

export interface SectionOutline {
  /** 0 for the virtual root (content before the first heading), else the heading depth. */
  depth: number;
  title: Unit | undefined;
  labels: string[];
  /** The heading's position (undefined for the virtual root). */
  position: Position | undefined;
  children: SectionOutline[];
  parent: SectionOutline | undefined;
  /** The section's own text units, in order (not its subsections', not table cells). */
  units: Unit[];
  /** Tables anywhere in the section's own content (not in subsections). */
  tables: TableOutline[];
  /** Tokens of the section's own text (units and table rows), for similarity (computed on first use). */
  readonly bag: Map<string, number>;
  readonly size: number;
}

export interface RowOutline {
  /** Normalised key (`403`, `zone_type`, `dc.1017`); unique within its table. */
  key: string;
  /** The key as written, for messages. */
  name: string;
  position: Position | undefined;
  /** Cells by field id (`phrase`/`description` in status tables, `c<column>` otherwise). */
  fields: Map<string, Unit>;
  /** The unit of the key cell (generic tables), for key drift. */
  keyUnit: Unit | undefined;
  table: TableOutline;
  /** Row text tokens (sequence-aligned tables; computed on first use). */
  readonly bag: Map<string, number>;
  readonly size: number;
}

export interface TableOutline {
  /** 0-based index among the page's tables. */
  index: number;
  node: Table;
  info: TableInfo;
  page: Page;
  section: SectionOutline;
  caption: Unit | undefined;
  /** A short paragraph that introduces the table (the Markdown export's "- Normal" bullet above a table). */
  lead: string | undefined;
  labels: string[];
  /** Label tails (`table20698075144837` of `cts_03_0014__en-us_topic_0170932673_table20698075144837`). */
  tails: string[];
  /** Header texts by field id. */
  header: Map<string, string>;
  /** 'status': keyed by HTTP status code; 'keyed': by a key column; 'sequence': rows aligned by content. */
  mode: 'status' | 'keyed' | 'sequence';
  /** The key column (keyed tables). */
  keyColumn: number | undefined;
  /** A log (change history, release notes): rows keyed by dates. Each variant keeps its own, so rows are not compared. */
  log: boolean;
  rows: RowOutline[];
  keys: Set<string>;
  position: Position | undefined;
}

export interface PageOutline {
  page: Page;
  root: SectionOutline;
  sections: SectionOutline[];
  tables: TableOutline[];
  /** Number of text units (for choosing the pivot). */
  size: number;
}

const ADMONITION_PREFIX = /^(?:NOTE|NOTICE|CAUTION|WARNING|DANGER|TIP|IMPORTANT|Note|Notice|Caution|Warning|Danger|Tip|Important)\s*:\s*/;

class UnitImpl implements Unit {
  private bagCache: Map<string, number> | undefined;
  constructor(
    readonly kind: Unit['kind'],
    readonly page: Page,
    readonly text: string,
    readonly key: string,
    readonly toks: string[],
    readonly position: Position | undefined,
    readonly refs: UnitRef[],
  ) {}
  /** Computed on first use: exact matches never need it. */
  get bag(): Map<string, number> {
    return (this.bagCache ??= bag(this.toks));
  }
}

export function makeUnit(kind: Unit['kind'], page: Page, ex: ExtractedText): Unit | undefined {
  const text = ADMONITION_PREFIX.test(ex.text) ? ex.text.replace(ADMONITION_PREFIX, '') : ex.text;
  const cmp = ex.cmp ?? ex.text;
  const toks = tokens(ADMONITION_PREFIX.test(cmp) ? cmp.replace(ADMONITION_PREFIX, '') : cmp);
  if (toks.length === 0) return undefined;
  return new UnitImpl(kind, page, text, toks.join(' '), toks, ex.position, ex.refs);
}

/** Word counts of several bags (a section's or a row's text), and their total. */
function sumBags(units: Iterable<Unit>): { bag: Map<string, number>; size: number } {
  const out = new Map<string, number>();
  let size = 0;
  for (const u of units) size += addBag(out, u.bag);
  return { bag: out, size };
}

/** The tail of a label that survives the export tools' prefixes: `cts_03_0021__en-us_topic_0170932846_li1168729815024` → `li1168729815024`. */
export function labelTail(label: string): string {
  const last = label.split('__').pop() ?? label;
  const parts = last.split(/[_-]/).filter((p) => p !== '');
  return (parts[parts.length - 1] ?? last).toLowerCase();
}

function addBag(into: Map<string, number>, from: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const [t, c] of from) {
    into.set(t, (into.get(t) ?? 0) + c);
    n += c;
  }
  return n;
}

const STATUS_FIELDS = ['phrase', 'description'];

class SectionImpl implements SectionOutline {
  title: Unit | undefined = undefined;
  position: Position | undefined = undefined;
  children: SectionOutline[] = [];
  units: Unit[] = [];
  tables: TableOutline[] = [];
  private sum: { bag: Map<string, number>; size: number } | undefined;
  constructor(
    readonly depth: number,
    readonly labels: string[],
    readonly parent: SectionOutline | undefined,
  ) {}
  private summed(): { bag: Map<string, number>; size: number } {
    return (this.sum ??= sumBags(this.allUnits()));
  }
  private *allUnits(): Iterable<Unit> {
    yield* this.units;
    for (const t of this.tables) for (const r of t.rows) yield* rowUnits(r);
  }
  get bag(): Map<string, number> {
    return this.summed().bag;
  }
  get size(): number {
    return this.summed().size;
  }
}

function* rowUnits(r: RowOutline): Iterable<Unit> {
  yield* r.fields.values();
  if (r.keyUnit) yield r.keyUnit;
}

class RowImpl implements RowOutline {
  key = '';
  name = '';
  position: Position | undefined = undefined;
  fields = new Map<string, Unit>();
  keyUnit: Unit | undefined = undefined;
  private sum: { bag: Map<string, number>; size: number } | undefined;
  constructor(readonly table: TableOutline) {}
  private summed(): { bag: Map<string, number>; size: number } {
    return (this.sum ??= sumBags(rowUnits(this)));
  }
  get bag(): Map<string, number> {
    return this.summed().bag;
  }
  get size(): number {
    return this.summed().size;
  }
}

/** Build the outline of a page. `refTitle` gives implicit `:ref:` texts. */
export function outline(page: Page, refTitle?: RefTitle): PageOutline {
  const root: Root = page.root;
  const sections: SectionOutline[] = [];
  const allTables: TableOutline[] = [];
  let size = 0;

  const newSection = (depth: number, node: Section | undefined, parent: SectionOutline | undefined): SectionOutline => {
    const s = new SectionImpl(depth, node?.labels ?? [], parent);
    sections.push(s);
    return s;
  };

  const addUnit = (sec: SectionOutline, u: Unit | undefined): void => {
    if (!u) return;
    sec.units.push(u);
    size++;
  };

  const addTable = (sec: SectionOutline, node: Table, lead: string | undefined): void => {
    const t = tableOutline(page, node, sec, allTables.length, lead, refTitle);
    allTables.push(t);
    sec.tables.push(t);
  };

  const blocks = (sec: SectionOutline, list: readonly Block[]): void => {
    for (let i = 0; i < list.length; i++) {
      const b = list[i] as Block;
      switch (b.type) {
        case 'section': {
          const child = newSection(b.depth, b, sec);
          sec.children.push(child);
          sectionBody(child, b);
          break;
        }
        case 'paragraph': {
          // A short paragraph right before a table in the same container introduces it (the export's bullets).
          const next = nextContent(list, i + 1);
          const ex = inlineUnit(b.children, refTitle);
          if (next?.type === 'table' && tokens(ex.text).length <= 6 && !/[.:]$/.test(ex.text)) {
            pendingLead = ex.text;
            break;
          }
          addUnit(sec, makeUnit('paragraph', page, ex));
          break;
        }
        case 'heading':
          addUnit(sec, makeUnit('paragraph', page, inlineUnit(b.children, refTitle)));
          break;
        case 'list':
          for (const item of b.children) blocks(sec, item.children);
          break;
        case 'definitionList':
          for (const item of b.children) {
            addUnit(sec, makeUnit('paragraph', page, inlineUnit(item.term, refTitle)));
            blocks(sec, item.children);
          }
          break;
        case 'blockquote':
        case 'admonition':
        case 'directive':
        case 'figure':
          blocks(sec, b.children);
          break;
        case 'table': {
          const lead = pendingLead;
          pendingLead = undefined;
          addTable(sec, b, lead);
          break;
        }
        default:
          break;
      }
    }
  };
  let pendingLead: string | undefined;

  const sectionBody = (sec: SectionOutline, node: Section): void => {
    const [first, ...rest] = node.children;
    if (first?.type === 'heading') {
      sec.title = makeUnit('heading', page, inlineUnit(first.children, refTitle));
      sec.position = first.position;
      blocks(sec, rest);
    } else blocks(sec, node.children);
  };

  const top = newSection(0, undefined, undefined);
  blocks(top, root.children);
  return { page, root: top, sections, tables: allTables, size };
}

function nextContent(list: readonly Block[], from: number): Block | undefined {
  for (let j = from; j < list.length; j++) {
    const b = list[j] as Block;
    if (b.type === 'target' || b.type === 'comment' || b.type === 'html') continue;
    return b;
  }
  return undefined;
}

/* ----------------------------------------------------------------- tables */

function normKey(s: string): string {
  return compareKey(s);
}

/** An API error code: `DC.1017`, `EndPoint.2041`, `APIGW.0101`, `VPC_0001`, `DBS.212001`. */
const ERROR_CODE_RE = /^[A-Za-z][A-Za-z0-9]*[._-]\d{2,}$/;

/**
 * The column whose values key the rows: a column of error codes (`DC.1017`)
 * among the first three; else the first of the first two whose values are
 * short, mostly unique and present in most rows.
 */
function keyColumnOf(info: TableInfo): number | undefined {
  const rows = info.bodyRows;
  if (rows.length === 0) return undefined;
  for (const col of [0, 1, 2]) {
    const values = rows.map((r) => r.find((x) => x.column === col)?.text ?? '').filter((v) => v !== '');
    if (values.length >= Math.max(1, rows.length * 0.8) && values.filter((v) => ERROR_CODE_RE.test(v)).length >= values.length * 0.8 && new Set(values).size === values.length) return col;
  }
  for (const col of [0, 1]) {
    const values: string[] = [];
    for (const r of rows) {
      const c = r.find((x) => x.column === col);
      if (c && c.text !== '') values.push(normKey(c.text));
    }
    if (values.length < Math.max(1, rows.length * 0.6)) continue;
    const short = values.filter((v) => v.split(' ').length <= 6 && v.length <= 60).length;
    if (short < values.length * 0.9) continue;
    if (new Set(values).size < values.length * 0.9) continue;
    return col;
  }
  return undefined;
}

/**
 * The table as the parser's `TableInfo` (what `statusTable` reads), built
 * from one text extraction per cell: each cell's unit is kept for the rows.
 */
function tableInfo(page: Page, node: Table, refTitle: RefTitle | undefined): { info: TableInfo; units: Map<TableCell, Unit | undefined> } {
  const units = new Map<TableCell, Unit | undefined>();
  const headerRows: CellInfo[][] = [];
  const bodyRows: CellInfo[][] = [];
  for (const row of node.children) {
    const cells = row.children.map((c) => {
      const ex = blocksUnit(c.children, refTitle);
      units.set(c, makeUnit('cell', page, ex));
      const ci: CellInfo = { text: ex.text, column: c.column, rowSpan: c.rowSpan, colSpan: c.colSpan, node: c };
      if (c.position) ci.position = c.position;
      return ci;
    });
    (row.header ? headerRows : bodyRows).push(cells);
  }
  const info: TableInfo = { node, source: node.source, labels: node.labels, headerRows, bodyRows };
  if (node.caption) info.caption = node.caption;
  if (node.position) info.position = node.position;
  return { info, units };
}

function tableOutline(page: Page, node: Table, section: SectionOutline, index: number, lead: string | undefined, refTitle: RefTitle | undefined): TableOutline {
  const { info, units } = tableInfo(page, node, refTitle);
  const caption = node.caption && node.caption.text.trim() !== '' ? makeUnit('caption', page, { text: display(node.caption.text), refs: [], position: node.caption.position }) : undefined;
  const t: TableOutline = {
    index,
    node,
    info,
    page,
    section,
    caption,
    lead,
    labels: node.labels,
    tails: node.labels.map(labelTail),
    header: new Map(),
    mode: 'sequence',
    keyColumn: undefined,
    log: false,
    rows: [],
    keys: new Set(),
    position: node.position,
  };
  const lastHeader = info.headerRows[info.headerRows.length - 1] ?? [];
  const entries = statusTable(info);
  const codes = new Set(entries.map((e) => e.code));
  // A status-code table: distinct codes in (almost) every row, and reason phrases where it gives any
  // (an error-code table `400 | DC.1017 | …` is keyed by its error codes instead).
  const phrased = entries.filter((e) => e.phrase !== '');
  const phrasesOk = phrased.filter((e) => knownPhrases(e.code).some((p) => p.toLowerCase() === e.phrase.toLowerCase())).length * 2 >= phrased.length;
  const status = entries.length >= 1 && codes.size === entries.length && entries.length >= info.bodyRows.length * 0.8 && phrasesOk;
  const seen = new Map<string, number>();
  const uniqueKey = (k: string): string => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}#${n}`;
  };

  if (status) {
    t.mode = 'status';
    t.header.set('phrase', 'reason phrase');
    t.header.set('description', lastHeader[lastHeader.length - 1]?.text ?? 'description');
    let ei = 0;
    for (const r of info.bodyRows) {
      const e = entries[ei];
      const first = r[0];
      if (!e || !first || !startsWithCode(first.text, e.code)) continue;
      ei++;
      const row = new RowImpl(t);
      row.key = uniqueKey(String(e.code));
      row.name = String(e.code);
      row.position = e.position;
      if (e.phrase) {
        const u = makeUnit('cell', page, { text: display(e.phrase), refs: [], position: e.phrasePosition });
        if (u) row.fields.set('phrase', u);
      }
      // The description: the cells after the code (and phrase) cells, with their references.
      const phraseOwnCell = r.length >= 3 && /^(?:HTTP\s+)?[1-5]\d\d\s*$/.test(first.text);
      const descCells = r.slice(phraseOwnCell ? 2 : 1);
      const refs = descCells.flatMap((c) => units.get(c.node)?.refs ?? []);
      const positions = descCells.map((c) => units.get(c.node)?.position).filter((x): x is Position => x !== undefined);
      const position = positions.length > 0 ? { start: (positions[0] as Position).start, end: (positions[positions.length - 1] as Position).end } : e.descriptionPosition;
      const desc = makeUnit('cell', page, { text: display(e.description), refs, position });
      if (desc) row.fields.set('description', desc);
      t.rows.push(row);
    }
    for (const r of t.rows) t.keys.add(r.key);
    return t;
  }

  for (const c of lastHeader) t.header.set(`c${c.column}`, c.text);
  const keyCol = keyColumnOf(info);
  t.keyColumn = keyCol;
  t.mode = keyCol === undefined ? 'sequence' : 'keyed';
  let lastKey = '';
  let lastName = '';
  for (const r of info.bodyRows) {
    const row = new RowImpl(t);
    const start = r[0]?.position?.start;
    const end = r[r.length - 1]?.position?.end;
    if (start && end) row.position = { start, end };
    for (const c of r) {
      const u = units.get(c.node);
      if (!u) continue;
      if (keyCol !== undefined && c.column === keyCol) row.keyUnit = u;
      else row.fields.set(`c${c.column}`, u);
    }
    if (row.fields.size === 0 && !row.keyUnit) continue;
    if (keyCol !== undefined) {
      const kc = r.find((c) => c.column === keyCol);
      if (kc && kc.text !== '') {
        lastKey = normKey(kc.text);
        lastName = kc.text;
        row.name = kc.text;
        row.key = uniqueKey(lastKey);
      } else {
        // Covered by a row span from above (or empty): the key continues, qualified by the row's first cell.
        const first = r.find((c) => c.text !== '')?.text ?? '';
        row.name = first === '' ? `${lastName} (continued)` : `${lastName} › ${clipKey(first)}`;
        // Keyed by position under the key (a description is no key: its wording may drift).
        row.key = uniqueKey(`${lastKey} ›`);
      }
    } else {
      const first = r[0]?.text ?? '';
      row.name = first;
      row.key = uniqueKey(normKey(first));
    }
    t.rows.push(row);
  }
  for (const r of t.rows) t.keys.add(r.key);
  const dated = t.rows.filter((r) => DATE_RE.test(r.name.trim())).length;
  t.log = t.rows.length > 0 && dated >= t.rows.length * 0.8;
  return t;
}

function clipKey(s: string): string {
  return s.length <= 40 ? s : `${s.slice(0, 40).replace(/\s+\S*$/, '')}…`;
}

function startsWithCode(text: string, code: number): boolean {
  const m = /^(?:HTTP\s+)?(\d{3})\b/.exec(text);
  return m !== null && Number(m[1]) === code;
}

/** `2025-08-08`, `2023-8-31`, `2019/01/30`, `30.01.2019`, `Jan 30, 2019`, `30 January 2019`. */
const DATE_RE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4})$/;

export { STATUS_FIELDS };
