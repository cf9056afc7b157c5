/**
 * The alignment library of the cross-variant drift rules (see
 * docs/alignment.md): align the pages of a variant group, and summarise each
 * aligned table as rows × variants (same / differs / missing).
 */
import type { Config } from '../config.js';
import type { DocSet } from '../model.js';
import { refTitleOf } from './drift.js';
import { alignGroup, summarize, type GroupSummary } from './group.js';

export { alignGroup, summarize, pageSimilarity } from './group.js';
export type { AlignedRow, AlignedSection, AlignedTable, AlignOptions, CellState, GroupAlignment, GroupSummary, TableSummary, VariantMember } from './group.js';
export { judge } from './drift.js';
export type { Verdict } from './drift.js';
export { wordDiff, renderDiff } from './diff.js';

/** The per-group summary of every variant group of a doc set (for the HTML report's matrix). */
export function driftSummary(docSet: DocSet, config: Pick<Config, 'reference'> = {}): GroupSummary[] {
  return docSet.variantGroups.map((g) => summarize(alignGroup(g, { reference: config.reference, refTitle: refTitleOf })));
}
