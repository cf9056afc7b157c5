/**
 * Align the pages of one variant group: sections by title and order, text
 * units by sequence alignment, tables by label tail, caption, header and
 * row-key overlap (never by "Table N"), rows by key. See docs/alignment.md.
 */
import type { Page, VariantGroup } from '../model.js';
import { outline, type PageOutline, type RowOutline, type SectionOutline, type TableOutline, type Unit } from './outline.js';
import { alignByScore, alignMany } from './sequence.js';
import { words } from '../words.js';
import { compareKey, dice, tokens, type RefTitle } from './text.js';

export interface VariantMember {
  /** Index in the group (stable order). */
  index: number;
  /** The variant's name (config variant root name, or the page's path for content groups). */
  name: string;
  page: Page;
}

export interface AlignedSection {
  id: number;
  /** The section in each variant (undefined where the variant lacks it). */
  members: Array<SectionOutline | undefined>;
  parent: AlignedSection | undefined;
  /** A display title (the pivot's, else the first variant's that has it). */
  title: string;
  /** The section's text units, aligned: each column holds one unit per variant. */
  texts: Array<Array<Unit | undefined>>;
}

export interface AlignedRow {
  /** The row key (`403`, `zone_type`). */
  key: string;
  /** The key as written (first variant that has the row). */
  name: string;
  members: Array<RowOutline | undefined>;
  /** Cells by field, one unit per variant. */
  fields: Map<string, Array<Unit | undefined>>;
}

export interface AlignedTable {
  id: number;
  /** The tables of each variant in this cluster: usually one; several when a variant splits the table (2xx and 4xx/5xx). */
  members: TableOutline[][];
  /** The aligned section the table sits in (in most variants). */
  section: AlignedSection;
  /** A display name: the caption, the introducing bullet, or the header. */
  name: string;
  mode: TableOutline['mode'];
  /** A log (change history): each variant keeps its own, so rows are not compared. */
  log: boolean;
  /** Field ids in display order, with their header. */
  fields: Array<{ id: string; header: string }>;
  rows: AlignedRow[];
}

export interface GroupAlignment {
  group: VariantGroup;
  variants: VariantMember[];
  outlines: PageOutline[];
  /** The variant aligned first (the reference if configured, else the one with most text). */
  pivot: number;
  /** The configured reference variant's index, if it is in the group. */
  reference: number | undefined;
  /** Every aligned section, parents before children; [0] is the pages' root. */
  sections: AlignedSection[];
  tables: AlignedTable[];
}

export interface AlignOptions {
  /** The reference variant's name. */
  reference?: string | undefined;
  /** Implicit `:ref:` texts (the target's title). */
  refTitle?: (page: Page) => RefTitle;
  /** Variant names (default: the group's). */
  variantName?: (page: Page, groupName: string) => string;
}

/* ------------------------------------------------------------- similarity */

function unitScore(a: Unit, b: Unit): number {
  return a.key === b.key ? 1 : dice(a.bag, b.bag, a.toks.length, b.toks.length);
}

function sectionScore(a: SectionOutline, b: SectionOutline): number {
  const ta = a.title;
  const tb = b.title;
  if (ta && tb && ta.key === tb.key) return 1;
  const title = ta && tb ? dice(ta.bag, tb.bag, ta.toks.length, tb.toks.length) : 0;
  const content = a.size + b.size === 0 ? title : dice(a.bag, b.bag, a.size, b.size);
  return 0.5 * title + 0.5 * content;
}

const GENERIC_CAPTION = new Set(['parameter', 'parameters', 'description', 'request', 'response', 'body', 'header', 'headers', 'query', 'path', 'table', 'example', 'values', 'value', 'fields', 'field']);

function tableName(t: TableOutline): string {
  return t.caption?.text ?? t.lead ?? '';
}

/** The words of a text as a comparison key and a bag for `dice`. */
interface Words {
  key: string;
  bag: Map<string, number>;
  size: number;
}

function wordsOf(text: string): Words {
  const toks = tokens(text);
  return { key: toks.join(' '), bag: bagOf(toks), size: toks.length };
}

/** What the alignment compares of a table or a row, computed once each: it scores every pair. */
const tableWords = new WeakMap<TableOutline, { name: Words; header: string }>();
const rowWords = new WeakMap<RowOutline, Words>();

function tableWordsOf(t: TableOutline): { name: Words; header: string } {
  let w = tableWords.get(t);
  if (!w) tableWords.set(t, (w = { name: wordsOf(tableName(t)), header: compareKey([...t.header.values()].join(' ')) }));
  return w;
}

function tableScore(a: TableOutline, b: TableOutline): number {
  let s = 0;
  if (a.tails.some((x) => b.tails.includes(x))) s += 1;
  const wa = tableWordsOf(a);
  const wb = tableWordsOf(b);
  const na = wa.name.key;
  const nb = wb.name.key;
  if (na !== '' && nb !== '') {
    if (na === nb) s += na.split(' ').every((w) => GENERIC_CAPTION.has(w)) ? 0.2 : 0.6;
    else s += 0.4 * dice(wa.name.bag, wb.name.bag, wa.name.size, wb.name.size);
  }
  if (wa.header !== '' && wa.header === wb.header) s += 0.3;
  const small = Math.min(a.keys.size, b.keys.size);
  if (small > 0) {
    let inter = 0;
    for (const k of a.keys) if (b.keys.has(k)) inter++;
    s += inter / small;
  }
  if (a.mode === 'status' && b.mode === 'status') s += 0.3;
  return s;
}

function bagOf(toks: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of toks) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

const TABLE_MIN = 0.6;
/** A match strong enough to accept out of order (label tail and most keys, say). */
const TABLE_STRONG = 1.6;

/* --------------------------------------------------------------- the work */

/** Align the pages of a variant group. Cost: linear in the pages' size, times small per-section alignments. */
export function alignGroup(group: VariantGroup, options: AlignOptions = {}): GroupAlignment {
  let members = group.members.map((m) => ({ m, o: outline(m.page, options.refTitle?.(m.page)) }));
  members = samePage(members, group.by);
  if (members.length < 2) return { group, variants: [], outlines: [], pivot: 0, reference: undefined, sections: [], tables: [] };
  const variants: VariantMember[] = members.map(({ m }, index) => ({ index, name: options.variantName?.(m.page, m.variant) ?? m.variant, page: m.page }));
  const outlines = members.map(({ o }) => o);
  const refIdx = options.reference === undefined ? undefined : variants.findIndex((v) => v.name === options.reference);
  const reference = refIdx === undefined || refIdx < 0 ? undefined : refIdx;
  let pivot = reference ?? 0;
  if (reference === undefined) for (const v of variants) if ((outlines[v.index] as PageOutline).size > (outlines[pivot] as PageOutline).size) pivot = v.index;
  const order = [pivot, ...variants.map((v) => v.index).filter((i) => i !== pivot)];
  const nv = variants.length;

  /* sections */
  const sections: AlignedSection[] = [];
  let nextId = 0;
  const titleOf = (members: Array<SectionOutline | undefined>): string => {
    for (const i of order) {
      const t = members[i]?.title?.text;
      if (t !== undefined) return t;
    }
    return '';
  };
  const makeSection = (members: Array<SectionOutline | undefined>, parent: AlignedSection | undefined): AlignedSection => {
    const s: AlignedSection = { id: nextId++, members, parent, title: titleOf(members), texts: [] };
    sections.push(s);
    s.texts = alignMany(
      members.map((m) => m?.units ?? []),
      order,
      { key: (u) => u.key, score: unitScore, min: 0.5, pairLeftovers: (a, b) => unitScore(a, b) >= 0.25 },
    );
    const kids = alignMany(
      members.map((m) => m?.children ?? []),
      order,
      {
        key: (x) => x.title?.key ?? '',
        score: sectionScore,
        min: 0.45,
        // At the top (the page title) the pages are already paired: one section each is the same section.
        pairLeftovers: (a, b) => (a.depth <= 1 && b.depth <= 1 && a.parent?.depth === 0) || sectionScore(a, b) >= 0.25,
      },
    );
    for (const k of kids) makeSection(k, s);
    return s;
  };
  makeSection(
    outlines.map((o) => o.root),
    undefined,
  );
  const sectionOf = new Map<SectionOutline, AlignedSection>();
  for (const s of sections) for (const m of s.members) if (m) sectionOf.set(m, s);

  /* tables */
  const clusters: TableOutline[][][] = [];
  for (const v of order) {
    const tabs = (outlines[v] as PageOutline).tables;
    if (clusters.length === 0 && v === pivot) {
      for (const t of tabs) clusters.push(cluster(nv, v, [t]));
      continue;
    }
    const free = new Set(tabs);
    const best = (c: TableOutline[][], t: TableOutline): number => {
      let b = 0;
      for (const list of c) for (const x of list) b = Math.max(b, tableScore(x, t));
      return b;
    };
    // In order first (tables keep their order across variants), then strong matches out of order.
    for (const [ci, ti] of alignByScore(clusters.length, tabs.length, (ci, ti) => best(clusters[ci] as TableOutline[][], tabs[ti] as TableOutline), TABLE_MIN)) {
      const t = tabs[ti] as TableOutline;
      (clusters[ci] as TableOutline[][])[v] = [t];
      free.delete(t);
    }
    const scored: Array<{ c: number; t: TableOutline; s: number }> = [];
    clusters.forEach((c, ci) => {
      if ((c[v] ?? []).length > 0) return;
      for (const t of free) {
        const s = best(c, t);
        if (s >= TABLE_STRONG) scored.push({ c: ci, t, s });
      }
    });
    scored.sort((a, b) => b.s - a.s || a.t.index - b.t.index || a.c - b.c);
    for (const { c, t } of scored) {
      const cl = clusters[c] as TableOutline[][];
      if ((cl[v] ?? []).length > 0 || !free.has(t)) continue;
      cl[v] = [t];
      free.delete(t);
    }
    // A table left over may be part of a table this variant splits in two (or more): its keys belong to
    // a cluster it is already in, and do not repeat keys of its tables there.
    for (const t of [...free]) {
      let best: { c: number; overlap: number } | undefined;
      clusters.forEach((c, ci) => {
        const own = c[v] ?? [];
        if (own.length === 0) return;
        const otherKeys = new Set<string>();
        c.forEach((list, vi) => {
          if (vi !== v) for (const x of list) for (const k of x.keys) otherKeys.add(k);
        });
        if ([...t.keys].some((k) => own.some((x) => x.keys.has(k)))) return;
        let inter = 0;
        for (const k of t.keys) if (otherKeys.has(k)) inter++;
        const overlap = t.keys.size === 0 ? 0 : inter / t.keys.size;
        const statusSplit = t.mode === 'status' && own.every((x) => x.mode === 'status') && inter > 0;
        if ((overlap >= 0.5 || statusSplit) && (!best || overlap > best.overlap)) best = { c: ci, overlap };
      });
      if (best) {
        ((clusters[best.c] as TableOutline[][])[v] as TableOutline[]).push(t);
        free.delete(t);
      }
    }
    // A cluster this variant has no table for may be the second half of a table the earlier variants split.
    for (let ci = 0; ci < clusters.length; ci++) {
      const c = clusters[ci] as TableOutline[][];
      if ((c[v] ?? []).length > 0) continue;
      const keys = new Set<string>();
      for (const list of c) for (const x of list) for (const k of x.keys) keys.add(k);
      if (keys.size === 0) continue;
      let target: number | undefined;
      for (let cj = 0; cj < clusters.length; cj++) {
        if (cj === ci) continue;
        const d = clusters[cj] as TableOutline[][];
        const mine = d[v] ?? [];
        if (mine.length !== 1) continue;
        const t = mine[0] as TableOutline;
        let inter = 0;
        for (const k of keys) if (t.keys.has(k)) inter++;
        let clash = false;
        d.forEach((list, vi) => {
          if (vi !== v) for (const x of list) for (const k of x.keys) if (keys.has(k) && c[vi]?.length) clash = true;
        });
        if (!clash && inter / keys.size >= 0.5) {
          target = cj;
          break;
        }
      }
      if (target !== undefined) {
        const d = clusters[target] as TableOutline[][];
        c.forEach((list, vi) => {
          d[vi] = [...(d[vi] ?? []), ...list].sort((a, b) => a.index - b.index);
        });
        clusters.splice(ci, 1);
        ci--;
      }
    }
    // Left over on both sides in the same aligned section, as many on each side: the same tables, in order,
    // when their headers agree (a change-history table whose rows all differ, a table whose caption changed).
    if (free.size > 0) {
      const bySection = new Map<AlignedSection | undefined, { mine: TableOutline[]; theirs: number[] }>();
      for (const t of tabs) {
        if (!free.has(t)) continue;
        const sec = sectionOf.get(t.section);
        let e = bySection.get(sec);
        if (!e) bySection.set(sec, (e = { mine: [], theirs: [] }));
        e.mine.push(t);
      }
      clusters.forEach((c, ci) => {
        if ((c[v] ?? []).length > 0) return;
        const first = c.flat()[0];
        const sec = first ? sectionOf.get(first.section) : undefined;
        bySection.get(sec)?.theirs.push(ci);
      });
      for (const { mine, theirs } of bySection.values()) {
        if (mine.length !== theirs.length) continue;
        mine.forEach((t, i) => {
          const c = clusters[theirs[i] as number] as TableOutline[][];
          const other = c.flat()[0] as TableOutline;
          const ha = tokens([...other.header.values()].join(' '));
          const hb = tokens([...t.header.values()].join(' '));
          if (ha.length + hb.length > 0 && dice(bagOf(ha), bagOf(hb), ha.length, hb.length) < 0.5) return;
          c[v] = [t];
          free.delete(t);
        });
      }
    }
    // New clusters go right after the cluster of this variant's previous table, so the order stays usable.
    for (const t of tabs) {
      if (!free.has(t)) continue;
      let at = 0;
      clusters.forEach((c, ci) => {
        if ((c[v] ?? []).some((x) => x.index < t.index)) at = ci + 1;
      });
      clusters.splice(at, 0, cluster(nv, v, [t]));
    }
  }
  const tables: AlignedTable[] = [];
  let tid = 0;
  for (const c of clusters) {
    for (const list of c) list.sort((x, y) => x.index - y.index);
    const t = alignTable(tid++, c, order, sectionOf, sections[0] as AlignedSection);
    tables.push(t);
  }
  tables.sort((a, b) => firstIndex(a, order) - firstIndex(b, order) || a.id - b.id);
  return { group, variants, outlines, pivot, reference, sections, tables };
}

/** All the words of a page (text and table rows). */
function pageBag(o: PageOutline): { bag: Map<string, number>; size: number } {
  const bag = new Map<string, number>();
  let size = 0;
  for (const s of o.sections) for (const [t, n] of s.bag) {
    bag.set(t, (bag.get(t) ?? 0) + n);
    size += n;
  }
  return { bag, size };
}

/** Similarity of two pages' titles (stemmed words). */
function titleSimilarity(a: PageOutline, b: PageOutline): number {
  const wa = words(a.page.title ?? '');
  const wb = words(b.page.title ?? '');
  return wa.length + wb.length === 0 ? 1 : dice(bagOf(wa), bagOf(wb), wa.length, wb.length);
}

/** Similarity of two pages: title words and all words. */
export function pageSimilarity(a: PageOutline, b: PageOutline): { title: number; content: number } {
  const ba = pageBag(a);
  const bb = pageBag(b);
  return { title: titleSimilarity(a, b), content: dice(ba.bag, bb.bag, ba.size, bb.size) };
}

/**
 * Leave out members that are not the same page: pairing by topic id can
 * join different pages when two repositories reuse an id (`dc_03_0804` is
 * "Managing Virtual Interface Tags" in one and "Deleting a Virtual Interface
 * Peer" in the other). A member stays when its title or its words resemble
 * the other members'.
 */
function samePage<T extends { o: PageOutline }>(members: T[], by: VariantGroup['by']): T[] {
  if (members.length < 2) return members;
  const keep = members.filter((x) =>
    members.some((y) => {
      if (y === x) return false;
      if (x.o.page.text === y.o.page.text) return true;
      // Pages paired by title alone must also share their words: a user-guide page and an API page are
      // both called "Deleting a Connection".
      if (by !== 'title' && titleSimilarity(x.o, y.o) >= SAME_TITLE) return true;
      const s = pageSimilarity(x.o, y.o);
      return s.content >= (by === 'title' ? SAME_CONTENT_BY_TITLE : SAME_CONTENT);
    }),
  );
  return keep.length >= 2 ? keep : [];
}

const SAME_TITLE = 0.75;
const SAME_CONTENT = 0.5;
const SAME_CONTENT_BY_TITLE = 0.4;

function firstIndex(t: AlignedTable, order: readonly number[]): number {
  for (const v of order) {
    const list = t.members[v];
    if (list && list.length > 0) return (list[0] as TableOutline).index + v * 10_000;
  }
  return 0;
}

function cluster(nv: number, v: number, list: TableOutline[]): TableOutline[][] {
  const c: TableOutline[][] = Array.from({ length: nv }, () => []);
  c[v] = list;
  return c;
}

/** Rows by key (status code, key column), or by content for tables without a key column; columns by header, else by position. */
function alignTable(id: number, members: TableOutline[][], order: readonly number[], sectionOf: Map<SectionOutline, AlignedSection>, root: AlignedSection): AlignedTable {
  const nv = members.length;
  const first = order.map((v) => members[v]?.[0]).find((t) => t !== undefined) as TableOutline;
  const all = members.flat();
  const mode: TableOutline['mode'] = all.every((t) => t.mode === 'status') ? 'status' : all.every((t) => t.mode !== 'sequence') ? 'keyed' : 'sequence';
  // The section: where most member tables are.
  const votes = new Map<AlignedSection, number>();
  for (const t of all) {
    const s = sectionOf.get(t.section);
    if (s) votes.set(s, (votes.get(s) ?? 0) + 1);
  }
  let section = root;
  let most = 0;
  for (const [s, n] of votes) if (n > most) [section, most] = [s, n];
  const name = order.map((v) => members[v]?.map(tableName).find((x) => x !== '')).find((x) => x !== undefined) ?? `table with ${[...first.header.values()].join(' | ')}`;

  // Fields: status tables have phrase/description; other tables map each table's columns onto the first table's.
  const fields: Array<{ id: string; header: string }> = [...first.header.entries()].map(([fid, header]) => ({ id: fid, header }));
  if (mode !== 'status' && fields.length === 0) {
    const ids = new Set<string>();
    for (const r of first.rows) for (const f of r.fields.keys()) ids.add(f);
    for (const fid of [...ids].sort()) fields.push({ id: fid, header: `column ${Number(fid.slice(1)) + 1}` });
  }
  const fieldMap = new Map<TableOutline, Map<string, string>>();
  for (const t of all) fieldMap.set(t, mapFields(first, t, mode));

  const rowSeqs = members.map((list) => list.flatMap((t) => t.rows));
  const rowScore = (a: RowOutline, b: RowOutline): number => (a.key === b.key ? 1 : dice(a.bag, b.bag, a.size, b.size));
  const cols = alignMany(rowSeqs, order, {
    key: (r) => (mode === 'sequence' ? compareKey([...r.fields.values()].map((u) => u.key).join(' ')) || r.key : r.key),
    score: mode === 'sequence' ? rowScore : (a, b) => (a.key === b.key ? 1 : 0.5 * keyDice(a, b) + 0.5 * rowScore(a, b)),
    min: mode === 'sequence' ? 0.5 : 0.75,
    pairLeftovers: (a, b) => (mode === 'sequence' ? rowScore(a, b) >= 0.3 : keyDice(a, b) >= 0.5 && rowScore(a, b) >= 0.5),
  });
  mergeSameKey(cols, nv);
  const rows: AlignedRow[] = cols.map((c) => {
    const r0 = order.map((v) => c[v]).find((x) => x !== undefined) as RowOutline;
    const fmap = new Map<string, Array<Unit | undefined>>();
    c.forEach((r, v) => {
      if (!r) return;
      const map = fieldMap.get(r.table);
      for (const [fid, u] of r.fields) {
        const target = mode === 'status' ? fid : map?.get(fid);
        if (!target) continue;
        let arr = fmap.get(target);
        if (!arr) fmap.set(target, (arr = new Array<Unit | undefined>(nv).fill(undefined)));
        arr[v] = u;
      }
      if (r.keyUnit) {
        let arr = fmap.get('key');
        if (!arr) fmap.set('key', (arr = new Array<Unit | undefined>(nv).fill(undefined)));
        arr[v] = r.keyUnit;
      }
    });
    return { key: r0.key, name: r0.name, members: c, fields: fmap };
  });
  return { id, members, section, name, mode, log: all.some((t) => t.log), fields, rows };
}

function keyDice(a: RowOutline, b: RowOutline): number {
  let x = rowWords.get(a);
  if (!x) rowWords.set(a, (x = wordsOf(a.key)));
  let y = rowWords.get(b);
  if (!y) rowWords.set(b, (y = wordsOf(b.key)));
  return dice(x.bag, y.bag, x.size, y.size);
}

/** Columns of rows with the same key and disjoint variants (rows in a different order) become one. */
function mergeSameKey(cols: Array<Array<RowOutline | undefined>>, nv: number): void {
  const byKey = new Map<string, Array<RowOutline | undefined>>();
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i] as Array<RowOutline | undefined>;
    const r0 = c.find((x) => x !== undefined);
    if (!r0) continue;
    const prev = byKey.get(r0.key);
    if (prev && c.every((x, v) => x === undefined || prev[v] === undefined) && c.every((x) => x === undefined || x.key === r0.key)) {
      for (let v = 0; v < nv; v++) if (c[v] !== undefined) prev[v] = c[v];
      cols.splice(i, 1);
      i--;
    } else if (!prev) byKey.set(r0.key, c);
  }
}

/** How `t`'s field ids map onto `first`'s: same column count → by position; else by header text, then the rest in order. */
function mapFields(first: TableOutline, t: TableOutline, mode: TableOutline['mode']): Map<string, string> {
  const out = new Map<string, string>();
  if (mode === 'status') return out;
  const fa = [...first.header.keys()];
  const fb = [...t.header.keys()];
  if (fa.length === 0 || fb.length === 0) {
    const ids = new Set<string>();
    for (const r of t.rows) for (const f of r.fields.keys()) ids.add(f);
    for (const f of ids) out.set(f, f);
    return out;
  }
  if (fa.length === fb.length) {
    fb.forEach((f, i) => out.set(f, fa[i] as string));
    return out;
  }
  const usedA = new Set<string>();
  for (const f of fb) {
    const h = compareKey(t.header.get(f) ?? '');
    const match = fa.find((g) => !usedA.has(g) && compareKey(first.header.get(g) ?? '') === h);
    if (match) {
      out.set(f, match);
      usedA.add(match);
    }
  }
  return out;
}

/* ---------------------------------------------------------------- summary */

export type CellState = 'same' | 'differs' | 'missing';

export interface TableSummary {
  /** The table's display name (caption, introducing bullet, or header). */
  table: string;
  /** The section title it sits in. */
  section: string;
  variants: string[];
  /** Whether each variant has the table at all. */
  present: boolean[];
  rows: Array<{ key: string; name: string; cells: CellState[] }>;
}

export interface GroupSummary {
  group: string;
  variants: string[];
  files: string[];
  tables: TableSummary[];
}

/**
 * The per-group matrix the HTML report draws: for each aligned table, rows ×
 * variants, each cell `same` (the row's text is the most common one),
 * `differs`, or `missing`.
 */
export function summarize(a: GroupAlignment): GroupSummary {
  const names = a.variants.map((v) => v.name);
  const tables: TableSummary[] = a.tables.map((t) => {
    const present = t.members.map((list) => list.length > 0);
    const rows = t.rows.map((r) => {
      const texts = r.members.map((m, v) => (m ? [...(r.fields.entries())].filter(([f]) => f !== 'key').map(([, arr]) => arr[v]?.key ?? '').join('\u0000') : undefined));
      const counts = new Map<string, number>();
      for (const x of texts) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
      let top: string | undefined;
      let topN = 0;
      for (const [k, n] of counts) if (n > topN) [top, topN] = [k, n];
      const refText = a.reference !== undefined && texts[a.reference] !== undefined ? texts[a.reference] : top;
      const cells: CellState[] = texts.map((x) => (x === undefined ? 'missing' : x === refText ? 'same' : 'differs'));
      return { key: r.key, name: r.name, cells };
    });
    return { table: t.name, section: t.section.title, variants: names, present, rows };
  });
  return { group: a.group.key, variants: names, files: a.variants.map((v) => v.page.file), tables };
}
