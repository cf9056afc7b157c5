/**
 * The rule API. A rule is one file, `src/rules/<id>.ts`:
 *
 *   export default defineRule({
 *     id: 'broken-ref',
 *     meta: { description: '…', defaultSeverity: 'error', docs: docsUrl('broken-ref') },
 *     check(ctx) { … ctx.report({ node, message }) … },
 *   });
 *
 * `check` runs once per checked page; a cross-variant rule gives
 * `checkGroup` instead, which runs once per variant group (see
 * docs/alignment.md). Rules only report; the configuration decides the
 * severity (and whether the rule runs at all). See docs/writing-rules.md.
 */
import type { Node, NodeBase, Position, Root, TableInfo } from '@docdrift/parser';
import type { DiffPart, Fix, Severity } from './diagnostic.js';
import type { DocSet, LabelIndex, Page, Project, VariantGroup } from './model.js';

export type { DiffPart, Fix, Severity } from './diagnostic.js';

/** A JSON-schema fragment for a rule's options object (kept loose on purpose: it is shipped, not interpreted). */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<Options> {
  /** One sentence, shown by `--list-rules` and in the README table. */
  description: string;
  /** Severity when the configuration does not set one. */
  defaultSeverity: Severity | 'off';
  /** The rule's doc page: `docsUrl(id)`. */
  docs: string;
  /** JSON schema of the options object (merged into the config schema). */
  options?: JsonSchema;
  /** Options used when the configuration gives none; configured options are shallow-merged over these. */
  defaultOptions?: Options;
  /** Whether reports may carry a `fix`. */
  fixable?: boolean;
}

/** Another place that explains a finding (remark-lint's "first defined here", SARIF relatedLocations). */
export interface RelatedDescriptor {
  /** The page the place is in (default: the page being checked). `file` may be given instead. */
  page?: Page;
  file?: string;
  node?: NodeBase;
  position?: Position;
  message: string;
}

export interface ReportDescriptor {
  /** Where the finding is: a node with a position, or a position. One of the two is required. */
  node?: NodeBase;
  position?: Position;
  /** Name both sides: "403 is described differently than in `api-gw/status-codes.rst`". */
  message: string;
  related?: RelatedDescriptor[];
  /** A replacement of `range` (0-based offsets into the page's text) by `text`. */
  fix?: Fix;
  /** Drift rules: the aligned item's key (`403`, `zone_type`, a section title). */
  key?: string;
  /** Drift rules: the word diff from the other variant's text to this page's. */
  diff?: DiffPart[];
}

/** A finding of a group rule: on one page of the group. */
export interface GroupReportDescriptor extends ReportDescriptor {
  /** The page the finding is on (a member of the group). Findings on pages that are not checked are dropped. */
  page: Page;
}

/** What `checkGroup` sees: one variant group, once per run. */
export interface GroupRuleContext<Options = Record<string, never>> {
  readonly id: string;
  /** The variant group (`key`, `by`, `members` in a stable order). */
  readonly group: VariantGroup;
  readonly docSet: DocSet;
  readonly options: Options;
  /** The reference variant (`reference` in the config), if any. */
  readonly reference: string | undefined;
  /** Whether a rule runs in this check (drift rules share work, e.g. terminology-drift takes repeated substitutions off wording-drift). */
  isEnabled(ruleId: string): boolean;
  /** A value computed once per group and shared by every group rule (e.g. the group's alignment). */
  shared<T>(key: string, compute: () => T): T;
  /** Report a finding on a page of the group. */
  report(descriptor: GroupReportDescriptor): void;
}

export interface RuleContext<Options = Record<string, never>> {
  /** The rule's id. */
  readonly id: string;
  /** The page being checked. */
  readonly page: Page;
  /** Shortcuts: `page.root`, `page.text`, `page.file`, `page.project`. */
  readonly root: Root;
  readonly text: string;
  readonly file: string;
  readonly project: Project;
  /** The project's label index (case-insensitive; `labels.complete` says whether an absent label means anything). */
  readonly labels: LabelIndex;
  /** Every project, page and variant group, and URL ↔ page mapping. */
  readonly docSet: DocSet;
  /** The page's variant group, if it has counterparts. */
  readonly variantGroup: VariantGroup | undefined;
  /** The other members of the variant group (empty when none), in a stable order. */
  readonly variants: readonly Page[];
  /** The rule's options: `meta.defaultOptions` with the configured options merged over them. */
  readonly options: Options;
  /** The id of every rule the engine knows in this run, enabled or turned off (sorted). */
  readonly ruleIds: readonly string[];
  /**
   * Every node of a type in the page, in document order (definition terms
   * included). Collected in one walk shared by all rules of the page: prefer
   * it to a `visit` of your own.
   */
  nodes<T extends Node['type']>(type: T): ReadonlyArray<Extract<Node, { type: T }>>;
  /** The parser's `tables(root)`, computed once per page for all rules. */
  tables(): readonly TableInfo[];
  /** The ancestors of a node returned by `nodes()` (root first), or undefined for other nodes. */
  ancestors(node: Node): readonly Node[] | undefined;
  /** Report a finding on this page. Findings on lines disabled inline are dropped by the engine. */
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<Options = Record<string, never>> {
  readonly id: string;
  readonly meta: RuleMeta<Options>;
  /** Runs once per checked page. */
  check?(ctx: RuleContext<Options>): void;
  /** Runs once per variant group that has a checked page (cross-variant rules). */
  checkGroup?(ctx: GroupRuleContext<Options>): void;
}

/** A rule of any options type (for registries and the engine). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

const ID_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Define a rule. Checks the id's shape; returns the rule unchanged, typed. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  if (!ID_RE.test(rule.id)) throw new Error(`rule id must be kebab-case: ${JSON.stringify(rule.id)}`);
  if (!rule.meta.description) throw new Error(`rule ${rule.id}: meta.description is required`);
  if (!rule.check && !rule.checkGroup) throw new Error(`rule ${rule.id}: give check or checkGroup`);
  return rule;
}

/** Where a rule's doc page lives (relative to the repository root). */
export function docsUrl(id: string): string {
  return `packages/checker/docs/rules/${id}.md`;
}
