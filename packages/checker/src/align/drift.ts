/**
 * What the drift rules share: the group's alignment (computed once per
 * group), the verdict on an aligned item (reference, majority, or a tie),
 * text comparisons with word diffs, repeated substitutions (terminology),
 * and references matched across variants.
 */
import type { Position } from '@docdrift/parser';
import type { DiffPart } from '../diagnostic.js';
import type { Page } from '../model.js';
import type { GroupRuleContext, RelatedDescriptor } from '../rule.js';
import { stem } from '../words.js';
import { changedWords, hunks, renderDiff, wordDiff } from './diff.js';
import { alignGroup, type AlignedSection, type AlignedTable, type GroupAlignment } from './group.js';
import { labelTail, type SectionOutline, type TableOutline, type Unit } from './outline.js';
import { clip, dice, type RefTitle, type UnitRef } from './text.js';

/* -------------------------------------------------------------- alignment */

export function refTitleOf(page: Page): RefTitle {
  return (label: string) => {
    const def = page.project.labels.get(label)[0];
    if (!def) return undefined;
    const t = def.target;
    if (t.kind === 'page' || t.kind === 'section') return t.title;
    if ((t.kind === 'table' || t.kind === 'figure') && t.caption) return t.caption.text;
    return undefined;
  };
}

/**
 * The group's alignment, computed once per group and shared by every drift
 * rule. Pages whose texts are identical cannot drift: they are not aligned
 * at all (an empty alignment).
 */
export function alignment(ctx: GroupRuleContext<unknown>): GroupAlignment {
  return ctx.shared('align:alignment', () => {
    const [first, ...rest] = ctx.group.members;
    if (first && rest.every((m) => m.page.text === first.page.text)) return { group: ctx.group, variants: [], outlines: [], pivot: 0, reference: undefined, sections: [], tables: [] };
    return alignGroup(ctx.group, { reference: ctx.reference, refTitle: refTitleOf });
  });
}

/* ---------------------------------------------------------------- verdict */

export interface Verdict {
  /** `reference`: the configured reference variant decides; `majority`: the largest class (≥ 2, strictly largest); `tie`: no side wins. */
  basis: 'reference' | 'majority' | 'tie';
  /** Variants holding the reference value (empty for a tie). */
  ref: number[];
  /** Variants whose value is not the reference value (every present variant for a tie). */
  deviants: number[];
  /** Variants with a value, by value. */
  classes: Map<string, number[]>;
  /** Number of variants with a value. */
  present: number;
}

/** Judge the values of an aligned item (undefined: the variant does not take part). Undefined when they all agree. */
export function judge(values: ReadonlyArray<string | undefined>, reference: number | undefined): Verdict | undefined {
  // Nearly every aligned item agrees: tell that without building the classes.
  let seen: string | undefined;
  let agree = true;
  for (let v = 0; v < values.length; v++) {
    const x = values[v];
    if (x === undefined) continue;
    if (seen === undefined) seen = x;
    else if (x !== seen) {
      agree = false;
      break;
    }
  }
  if (agree) return undefined;
  const classes = new Map<string, number[]>();
  let present = 0;
  values.forEach((x, v) => {
    if (x === undefined) return;
    present++;
    const list = classes.get(x);
    if (list) list.push(v);
    else classes.set(x, [v]);
  });
  if (classes.size <= 1) return undefined;
  const all = [...classes.values()];
  if (reference !== undefined && values[reference] !== undefined) {
    const ref = classes.get(values[reference] as string) as number[];
    return { basis: 'reference', ref, deviants: all.filter((c) => c !== ref).flat().sort((a, b) => a - b), classes, present };
  }
  const sorted = [...all].sort((a, b) => b.length - a.length);
  const top = sorted[0] as number[];
  if (top.length >= 2 && top.length > (sorted[1] as number[]).length) {
    return { basis: 'majority', ref: top, deviants: all.filter((c) => c !== top).flat().sort((a, b) => a - b), classes, present };
  }
  return { basis: 'tie', ref: [], deviants: all.flat().sort((a, b) => a - b), classes, present };
}

/** "the reference (public)", "the majority (3 of 5 variants)", or the other variant's name. */
export function basisText(a: GroupAlignment, verdict: Verdict, other: number): string {
  if (verdict.basis === 'reference') return `the reference (${a.variants[a.reference as number]?.name})`;
  if (verdict.basis === 'majority') {
    return verdict.ref.length * 2 > verdict.present ? `the majority (${verdict.ref.length} of ${verdict.present} variants)` : `the most common wording (${verdict.ref.length} of ${verdict.present} variants)`;
  }
  return nameOf(a, other);
}

export function nameOf(a: GroupAlignment, v: number): string {
  return a.variants[v]?.name ?? String(v);
}

export function pageOf(a: GroupAlignment, v: number): Page {
  return (a.variants[v] as { page: Page }).page;
}

/* -------------------------------------------------------------- positions */

/** Where to report on a variant something about a section: its heading, else the page title, else line 1. */
export function sectionAnchor(a: GroupAlignment, s: AlignedSection | undefined, v: number): Position | undefined {
  for (let cur = s; cur; cur = cur.parent) {
    const m = cur.members[v];
    if (m?.position) return m.position;
  }
  return firstHeading(a.outlines[v]?.root);
}

function firstHeading(s: SectionOutline | undefined): Position | undefined {
  if (!s) return undefined;
  if (s.position) return s.position;
  for (const c of s.children) {
    const p = firstHeading(c);
    if (p) return p;
  }
  return undefined;
}

/** A related location on another variant's page. */
export function relatedAt(a: GroupAlignment, v: number, position: Position | undefined, message: string): RelatedDescriptor {
  const r: RelatedDescriptor = { page: pageOf(a, v), message };
  if (position) r.position = position;
  return r;
}

/** Whether each variant has the section (and so can be asked about its content). */
export function sectionScope(s: AlignedSection): boolean[] {
  return s.members.map((m) => m !== undefined);
}

export function tableScope(t: AlignedTable): boolean[] {
  return t.members.map((list) => list.length > 0);
}

/* ------------------------------------------------------------ text drift */

/** An aligned text (cell, paragraph, heading, caption) whose variants differ: one per reported variant. */
export interface TextDrift {
  kind: 'cell' | 'paragraph' | 'heading' | 'caption';
  /** The aligned item's key (`403`, a section title, a table caption). */
  key: string;
  /** How messages name the item: `403 description`, `Text in "Scenario"`. */
  label: string;
  variant: number;
  unit: Unit;
  /** The variant compared with, and its unit. */
  other: number;
  otherUnit: Unit;
  verdict: Verdict;
  /** Word diff from the other's text to this one. */
  diff: DiffPart[];
  similarity: number;
  changed: number;
  /** A rewrite rather than an edit: few words in common, and the shorter text is not inside the longer one. */
  rewrite: boolean;
  /** A variant outside the reference whose text is much closer to this one (the RST page and its export). */
  closest: { variant: number; unit: Unit; diff: DiffPart[] } | undefined;
}

/** Shared words over the shorter text's words. */
function containment(a: Unit, b: Unit): number {
  const small = Math.min(a.toks.length, b.toks.length);
  if (small === 0) return 0;
  return (dice(a.bag, b.bag, a.toks.length, b.toks.length) * (a.toks.length + b.toks.length)) / 2 / small;
}

function sim(a: Unit, b: Unit): number {
  return a.key === b.key ? 1 : dice(a.bag, b.bag, a.toks.length, b.toks.length);
}

/** Compare the units of one aligned item; a TextDrift for each variant the verdict reports. */
export function compareUnits(a: GroupAlignment, units: ReadonlyArray<Unit | undefined>, kind: TextDrift['kind'], key: string, label: string): TextDrift[] {
  // Most aligned texts agree: say so without building classes.
  let first: string | undefined;
  let differ = false;
  for (const u of units) {
    if (!u) continue;
    if (first === undefined) first = u.key;
    else if (u.key !== first) {
      differ = true;
      break;
    }
  }
  if (!differ) return [];
  const verdict = judge(
    units.map((u) => u?.key),
    a.reference,
  );
  if (!verdict) return [];
  const out: TextDrift[] = [];
  for (const v of verdict.deviants) {
    const unit = units[v] as Unit;
    // Compare with the reference class (its member nearest in group order), or for a tie with the most similar other text.
    let other = -1;
    if (verdict.basis === 'tie') {
      let best = -1;
      for (const [k, list] of verdict.classes) {
        if (k === unit.key) continue;
        const s = sim(unit, units[list[0] as number] as Unit);
        if (s > best) [best, other] = [s, list[0] as number];
      }
    } else other = verdict.ref[0] as number;
    const otherUnit = units[other] as Unit;
    // Keys can differ while the shown texts do not (a "Table 1" written as a link in one variant and as
    // a :ref: in the other): nothing to show, and ref-missing-in-variant has the reference.
    if (unit.text === otherUnit.text) continue;
    const similarity = sim(unit, otherUnit);
    const diff = wordDiff(otherUnit.text, unit.text);
    let closest: TextDrift['closest'];
    if (verdict.basis !== 'tie') {
      let best = Math.max(similarity, 0.6);
      for (const [k, list] of verdict.classes) {
        if (k === unit.key || list === verdict.ref) continue;
        const u = units[list[0] as number] as Unit;
        const s = sim(unit, u);
        if (s > best) {
          best = s;
          closest = { variant: list[0] as number, unit: u, diff: wordDiff(u.text, unit.text) };
        }
      }
    }
    const changed = changedWords(diff);
    const rewrite = similarity < 0.35 && changed > 4 && containment(unit, otherUnit) < 0.6;
    out.push({ kind, key, label, variant: v, unit, other, otherUnit, verdict, diff, similarity, changed, rewrite, closest });
  }
  return out;
}

/** Every text drift of the group: table cells, paragraphs and list items (headings and captions have their own rules). */
export function textDrifts(ctx: GroupRuleContext<unknown>): TextDrift[] {
  return ctx.shared('align:textDrifts', () => {
    const a = alignment(ctx);
    const out: TextDrift[] = [];
    for (const t of a.tables) {
      if (t.log) continue;
      for (const r of t.rows) {
        const present = r.members.filter((m) => m !== undefined).length;
        if (present < 2) continue;
        for (const f of [...t.fields, { id: 'key', header: 'key' }]) {
          const units = r.fields.get(f.id);
          if (!units) continue;
          const label = f.id === 'key' ? `Row "${clip(r.name, 40)}" key` : cellLabel(t, r.name, f.id, f.header);
          for (const d of compareUnits(a, units, 'cell', r.name, label)) {
            // A cell the other variant leaves empty is coverage, not wording (the row is there).
            out.push(d);
          }
        }
      }
    }
    for (const s of a.sections) {
      s.texts.forEach((col, i) => {
        const label = s.title ? `Text in "${clip(s.title, 50)}"` : 'Text';
        out.push(...compareUnits(a, col, 'paragraph', `${s.title || '(top)'} ¶${i + 1}`, label));
      });
    }
    return out;
  });
}

function cellLabel(t: AlignedTable, rowName: string, fieldId: string, header: string): string {
  if (t.mode === 'status') return `${rowName} ${fieldId === 'phrase' ? 'reason phrase' : 'description'}`;
  return `${clip(rowName, 40)} (${clip(header || fieldId, 30).toLowerCase()})`;
}

/** How messages quote a text drift: a word diff for an edit, both texts for a rewrite. */
export function describeChange(d: TextDrift): string {
  if (d.rewrite) return `"${clip(d.otherUnit.text, 70)}" → "${clip(d.unit.text, 70)}"`;
  return renderDiff(d.diff);
}

/* ------------------------------------------------------------ terminology */

export interface Substitution {
  /** Normalised (stemmed) `from → to`. */
  id: string;
  /** As the diff shows it. */
  from: string;
  to: string;
  variant: number;
  other: number;
  places: TextDrift[];
}

const SUB_STOP = new Set('a an the of for in on at to from by with and or as is are be it this that these those you your can will may must not'.split(' '));

function stemKey(s: string): string {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map(stem)
    .join(' ');
}

/** The substitution hunks of a diff that can be terminology: both sides non-empty, up to 4 words, not only stop words. */
export function substitutions(diff: readonly DiffPart[]): Array<{ id: string; from: string; to: string }> {
  const out: Array<{ id: string; from: string; to: string }> = [];
  for (const h of hunks(diff)) {
    const f = stemKey(h.from);
    const t = stemKey(h.to);
    if (f === '' || t === '' || f === t) continue;
    const fw = f.split(' ');
    const tw = t.split(' ');
    if (fw.length > 4 || tw.length > 4) continue;
    if (fw.every((w) => SUB_STOP.has(w)) || tw.every((w) => SUB_STOP.has(w))) continue;
    out.push({ id: `${f} → ${t}`, from: h.from, to: h.to });
  }
  return out;
}

/**
 * Substitutions repeated between the same two variants of a page (in at
 * least `min` aligned items): one terminology finding each, instead of N
 * wording findings.
 */
export function terminology(ctx: GroupRuleContext<unknown>, min = 2): Substitution[] {
  return ctx.shared(`align:terminology:${min}`, () => {
    const byPair = new Map<string, Substitution>();
    for (const d of textDrifts(ctx)) {
      if (d.rewrite) continue;
      const seen = new Set<string>();
      for (const s of substitutions(d.diff)) {
        if (seen.has(s.id)) continue;
        seen.add(s.id);
        const k = `${d.variant}\u0000${d.other}\u0000${s.id}`;
        let sub = byPair.get(k);
        if (!sub) byPair.set(k, (sub = { id: s.id, from: s.from, to: s.to, variant: d.variant, other: d.other, places: [] }));
        sub.places.push(d);
      }
    }
    return [...byPair.values()].filter((s) => s.places.length >= min);
  });
}

/** Whether every change of a text drift is a repeated substitution (so terminology-drift reports it instead). */
export function explainedByTerminology(ctx: GroupRuleContext<unknown>, d: TextDrift): boolean {
  const subs = terminology(ctx);
  if (subs.length === 0) return false;
  const ids = new Set(subs.filter((s) => s.variant === d.variant && s.other === d.other).map((s) => s.id));
  if (ids.size === 0) return false;
  const hs = hunks(d.diff);
  const mine = substitutions(d.diff);
  return hs.length > 0 && mine.length === hs.length && mine.every((s) => ids.has(s.id));
}

/* ------------------------------------------------------------- references */

/** A reference as the drift rules compare it: what it points at, independent of label spelling. */
export interface RefIdentity {
  ref: UnitRef;
  /**
   * `link` for hyperlinks; otherwise what the target is across variants, in
   * one or more ways (`here:s3` the aligned section 3 of this page,
   * `here:t1` an aligned table, `here:s2:4` an aligned text, `here:x:<tail>`
   * an anchor by its id tail, `g:<group>` a page of another variant group,
   * `g:<group>#<tail>` an anchor there). Two references point at the same
   * target when they share one. Undefined when the target's counterparts
   * are unknown (a page in no variant group).
   */
  id: string | undefined;
  /** Every identity of the target (`id` is the first). */
  ids: string[];
  /** Whether the target exists (unresolved references are broken-ref's business). */
  resolved: boolean;
  /** How the message names the target. */
  describe: string;
}

/** Whether two references point at the same target. */
export function sameTarget(a: RefIdentity, b: RefIdentity): boolean {
  return a.ids.some((x) => b.ids.includes(x));
}

/** Where each aligned unit of a group sits: `s<section>:<column>` or `t<table>:<row key>:<field>`. */
const unitPlaces = new WeakMap<GroupAlignment, Map<Unit, string>>();
function placesOf(a: GroupAlignment): Map<Unit, string> {
  let m = unitPlaces.get(a);
  if (m) return m;
  m = new Map();
  for (const s of a.sections) s.texts.forEach((col, i) => col.forEach((u) => u && m?.set(u, `s${s.id}:${i}`)));
  for (const t of a.tables) for (const r of t.rows) for (const [f, units] of r.fields) units.forEach((u) => u && m?.set(u, `t${t.id}:${r.key}:${f}`));
  unitPlaces.set(a, m);
  return m;
}

/** The first unit of variant `v` that starts after `offset` (what a label inside a list item or cell names). */
function unitAfter(a: GroupAlignment, v: number, offset: number): Unit | undefined {
  let best: Unit | undefined;
  for (const u of placesOf(a).keys()) {
    if (u.page !== pageOf(a, v)) continue;
    const at = u.position?.start.offset;
    if (at === undefined || at < offset) continue;
    if (!best || at < (best.position?.start.offset ?? Infinity)) best = u;
  }
  return best;
}

function resolveDoc(page: Page, target: string): Page | undefined {
  const clean = target.replace(/^\/+/, '');
  const dir = page.relPath.includes('/') ? page.relPath.slice(0, page.relPath.lastIndexOf('/') + 1) : '';
  const bases = target.startsWith('/') ? [clean] : [normalizeRel(dir + clean), clean];
  for (const b of bases) {
    const stem = b.replace(/\.(rst|md|html?)$/i, '');
    for (const c of [`${stem}.rst`, `${stem}.md`, b]) {
      const p = page.project.pageByPath(c);
      if (p) return p;
    }
  }
  return undefined;
}

function normalizeRel(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

export function refIdentity(a: GroupAlignment, v: number, r: UnitRef, groupOf: (p: Page) => string | undefined): RefIdentity {
  const page = pageOf(a, v);
  const mk = (ids: string[], resolved: boolean, describe: string): RefIdentity => ({ ref: r, id: ids[0], ids, resolved, describe });
  if (r.kind === 'link') return mk(['link'], true, r.target);
  let target: Page | undefined;
  let label: string | undefined;
  let title: string | undefined;
  let kind: string = 'page';
  let offset: number | undefined;
  if (r.kind === 'doc') {
    target = resolveDoc(page, r.target);
    title = target?.title;
  } else {
    const defs = page.project.labels.get(r.target);
    // A Markdown `#anchor` names an anchor of its own page, `other.md#anchor` one of that page: HTML anchor
    // ids repeat across the pages of an export, so the project's first definition may be elsewhere.
    const on = r.path === undefined ? undefined : r.path === '' ? page : resolveDoc(page, r.path);
    const def = on ? defs.find((d) => d.page === on) : defs[0];
    if (def) {
      target = def.page;
      label = def.label;
      const t = def.target;
      kind = t.kind;
      offset = def.position?.start.offset;
      title = t.kind === 'page' || t.kind === 'section' ? t.title : (t.kind === 'table' || t.kind === 'figure') && t.caption ? t.caption.text : undefined;
    }
  }
  const describe = `${written(r)}${title ? ` ("${clip(title, 50)}")` : ''}`;
  if (!target) return mk([], false, describe);
  const member = a.variants.find((m) => m.page === target);
  if (member) {
    // A target in this group's pages: the aligned section, table or text it names, and its id tail.
    if (kind === 'page' || !label) return mk(['here:page'], true, describe);
    const o = a.outlines[member.index];
    const ids: string[] = [];
    const sec = o?.sections.find((x) => x.labels.includes(label));
    const as = sec ? a.sections.find((x) => x.members[member.index] === sec) : undefined;
    if (as) ids.push(as.id === 0 || as.parent?.id === 0 ? 'here:page' : `here:s${as.id}`);
    const tab = o?.tables.find((x: TableOutline) => x.labels.includes(label));
    const at = tab ? a.tables.find((x) => x.members[member.index]?.includes(tab)) : undefined;
    if (at) ids.push(`here:t${at.id}`);
    if (!as && !at && offset !== undefined) {
      const u = unitAfter(a, member.index, offset);
      const place = u ? placesOf(a).get(u) : undefined;
      if (place) ids.push(`here:${place}`);
    }
    ids.push(`here:x:${labelTail(label)}`);
    // Figures are not aligned; "Figure N" on the same page names the same figure (image ids change with the image).
    const fig = /^figure\s+(\d+)$/i.exec(r.text);
    if (fig && (kind === 'figure' || /^fig/.test(labelTail(label)))) ids.push(`here:figure:${fig[1]}`);
    return mk(ids, true, describe);
  }
  const g = groupOf(target);
  if (!g) return mk([], true, describe);
  if (kind === 'page' || !label) return mk([`g:${g}`], true, describe);
  // Anchors of sections and tables keep their id tails across variants (`…_table20698075144837`);
  // list items and paragraphs do not always, so their counterparts are unknown.
  if (kind === 'section' || kind === 'table' || kind === 'figure') return mk([`g:${g}#${labelTail(label)}`], true, describe);
  return mk([], true, describe);
}

/** A reference as the source writes it: :ref:`Text <label>`. */
export function written(r: UnitRef): string {
  if (r.kind === 'link') return r.target;
  if (r.url !== undefined) return `[${r.text}](${r.url})`;
  return r.explicit && r.text !== r.target ? `:${r.kind}:\`${r.text} <${r.target}>\`` : `:${r.kind}:\`${r.target}\``;
}

/** One reference slot of an aligned text: the same reference in each variant (undefined where the text has none). */
export interface RefSlot {
  /** The text the slot's units sit in, per variant (undefined where the variant lacks the text). */
  units: Array<Unit | undefined>;
  refs: Array<RefIdentity | undefined>;
  /** The aligned item's key and how messages name the text. */
  key: string;
  label: string;
}

/** References of every aligned text (cells and paragraphs), matched across variants by target, then by text, then by order. */
export function refSlots(ctx: GroupRuleContext<unknown>): RefSlot[] {
  return ctx.shared('align:refSlots', () => {
        const groupOf = (p: Page): string | undefined => ctx.docSet.variantGroupOf(p)?.key;
        const a = alignment(ctx);
        const out: RefSlot[] = [];
        const visit = (units: ReadonlyArray<Unit | undefined>, key: string, label: string): void => {
          if (units.filter((u) => u !== undefined).length < 2) return;
          if (!units.some((u) => u && u.refs.some((r) => r.kind !== 'link'))) return;
          const ids = units.map((u, v) => (u ? u.refs.map((r) => refIdentity(a, v, r, groupOf)) : undefined));
          const slots: Array<Array<RefIdentity | undefined>> = [];
          const order = [a.pivot, ...a.variants.map((m) => m.index).filter((i) => i !== a.pivot)];
          for (const v of order) {
            const list = ids[v];
            if (!list) continue;
            const free = [...list];
            const take = (pred: (r: RefIdentity, slot: Array<RefIdentity | undefined>) => boolean): void => {
              for (const slot of slots) {
                if (slot[v] !== undefined) continue;
                const i = free.findIndex((r) => pred(r, slot));
                if (i >= 0) {
                  slot[v] = free[i];
                  free.splice(i, 1);
                }
              }
            };
            const some = (slot: Array<RefIdentity | undefined>, f: (x: RefIdentity) => boolean): boolean => slot.some((x) => x !== undefined && f(x));
            take((r, slot) => r.id !== undefined && r.id !== 'link' && some(slot, (x) => x.id !== 'link' && sameTarget(x, r)));
            take((r, slot) => some(slot, (x) => x.ref.text.toLowerCase() === r.ref.text.toLowerCase()));
            // What is left pairs in order with the slots this variant has no reference for, when the counts agree.
            const open = slots.filter((slot) => slot[v] === undefined);
            if (open.length === free.length) {
              open.forEach((slot, i) => (slot[v] = free[i]));
              free.length = 0;
            }
            for (const r of free) {
              const slot = new Array<RefIdentity | undefined>(a.variants.length).fill(undefined);
              slot[v] = r;
              slots.push(slot);
            }
          }
          for (const slot of slots) {
            if (slot.every((x) => x === undefined || x.id === 'link')) continue;
            out.push({ units: [...units], refs: slot, key, label });
          }
        };
        for (const t of a.tables) {
          if (t.log) continue;
          for (const r of t.rows) {
            for (const [fid, units] of r.fields) visit(units, r.name, fid === 'key' ? `Row "${clip(r.name, 40)}"` : `Row "${clip(r.name, 40)}"`);
          }
        }
        for (const s of a.sections) s.texts.forEach((col, i) => visit(col, `${s.title || '(top)'} ¶${i + 1}`, s.title ? `Text in "${clip(s.title, 50)}"` : 'Text'));
        return out;
  });
}
