/**
 * The HTML report's variant matrices, computed from the drift rules'
 * alignment (src/align): for each variant group, one matrix of its sections
 * (rows = aligned sections, a cell differs when the variant's title or any
 * of its text units there differs from the reference — the configured
 * reference variant, else the most common wording) and the drift summary's
 * matrix of every aligned table (rows × variants). One alignment per group.
 */
import { refTitleOf } from '../align/drift.js';
import { alignGroup, summarize, type GroupAlignment } from '../align/group.js';
import type { Config } from '../config.js';
import type { DocSet } from '../model.js';
import type { CellState, GroupMatrix, MatrixTable } from './context.js';

/** The name of the sections matrix. */
export const SECTIONS = 'Sections';

function states(values: ReadonlyArray<string | undefined>, reference: number | undefined): CellState[] {
  const counts = new Map<string, number>();
  for (const x of values) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  let top: string | undefined;
  let topN = 0;
  for (const [k, n] of counts) if (n > topN) [top, topN] = [k, n];
  const ref = reference !== undefined && values[reference] !== undefined ? values[reference] : top;
  return values.map((x) => (x === undefined ? 'missing' : x === ref ? 'same' : 'differs'));
}

/** Rows = aligned sections (the part before the first heading only when it has text), cells = same / differs / missing. */
export function sectionMatrix(a: GroupAlignment): MatrixTable {
  const rows: MatrixTable['rows'] = [];
  for (const s of a.sections) {
    const isRoot = s.members.every((m) => m === undefined || m.depth === 0);
    if (isRoot && s.texts.length === 0) continue;
    const values = s.members.map((m, v) => (m === undefined ? undefined : [m.title?.key ?? '', ...s.texts.map((col) => col[v]?.key ?? '\u0000')].join('\u0001')));
    const depth = Math.max(0, ...s.members.map((m) => m?.depth ?? 0));
    const title = isRoot ? '(before the first heading)' : s.title;
    rows.push({ key: title, name: `${'  '.repeat(Math.max(0, depth - 1))}${title}`, cells: states(values, a.reference) });
  }
  return { table: SECTIONS, present: a.variants.map(() => true), rows };
}

/** The matrices of every variant group with at least one checked page. */
export function groupMatrices(docSet: DocSet, config: Pick<Config, 'reference'> = {}): GroupMatrix[] {
  return docSet.variantGroups
    .filter((g) => g.members.some((m) => m.page.checked))
    .map((g) => {
      const a = alignGroup(g, { reference: config.reference, refTitle: refTitleOf });
      const summary = summarize(a);
      const tables: MatrixTable[] = [sectionMatrix(a), ...summary.tables.map((t) => ({ table: t.table, section: t.section, present: t.present, rows: t.rows }))];
      return { group: summary.group, variants: summary.variants, files: summary.files, tables };
    });
}
