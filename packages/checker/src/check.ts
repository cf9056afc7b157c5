/**
 * The engine: `check(input, config)` → sorted `Diagnostic[]`. No file I/O:
 * the input carries the texts (see loader.ts for the part that reads files).
 */
import { tableInfo } from '@docdrift/parser';
import type { Node, NodeBase, Position, Table, TableInfo } from '@docdrift/parser';
import { resolveRules, toSeverity, type Config, type ResolvedRule } from './config.js';
import type { Diagnostic, Fix, RelatedLocation, Severity } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';
import { codeRanges, parseDisables, removeUnused, UNUSED_DISABLE, type DisableMap } from './disable.js';
import { spanAt } from './span.js';
import { buildDocSet, type CheckInput, type ParseHook } from './docset.js';
import type { DocSet, Page, VariantGroup } from './model.js';
import type { AnyRule, GroupReportDescriptor, GroupRuleContext, RelatedDescriptor, ReportDescriptor, RuleContext } from './rule.js';
import { rules as builtinRules } from './rules/index.js';

export interface CheckOptions {
  /** The rules to choose from (default: every built-in rule). */
  rules?: readonly AnyRule[];
  /** Called after each checked page (for progress output). */
  onPage?: (done: number, total: number, page: Page) => void;
  /** Check only every `count`-th unit (a variant group with its checked pages, or a page in no group) starting at `index` (parallel runs; the union over all shards is the whole result). */
  shard?: { index: number; count: number };
  /** Parse pages with this instead of the parser (the CLI's --cache); see `buildDocSet`. */
  parse?: ParseHook;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  docSet: DocSet;
}

const ORIGIN: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Check the input's pages; returns the findings sorted by file, line, column, rule. */
export function check(input: CheckInput, config: Config = {}, options: CheckOptions = {}): Diagnostic[] {
  return checkDocSet(input, config, options).diagnostics;
}

/** Like `check`, also returning the doc set (projects, variants) it built. */
export function checkDocSet(input: CheckInput, config: Config = {}, options: CheckOptions = {}): CheckResult {
  const all = options.rules ?? builtinRules;
  const resolved = resolveRules(all, config);
  const ruleIds = all.map((r) => r.id).sort();
  const docSet = buildDocSet(input, config, { parse: options.parse });
  const out: Diagnostic[] = [];
  const shard = options.shard;
  // Work units: each variant group with a checked page (its checked pages, then the group rules, so
  // the group's parsed trees are still cached), then every other checked page. Shards split units,
  // so a page and its group are handled by the same thread.
  const units: Array<{ group: VariantGroup | undefined; pages: Page[] }> = [];
  const inGroup = new Set<Page>();
  for (const group of docSet.variantGroups) {
    const pages = group.members.map((m) => m.page).filter((p) => p.checked);
    if (pages.length === 0) continue;
    units.push({ group, pages });
    for (const m of group.members) inGroup.add(m.page);
  }
  for (const p of docSet.pages) if (p.checked && !inGroup.has(p)) units.push({ group: undefined, pages: [p] });
  const mine = units.filter((_u, i) => !shard || i % shard.count === shard.index);
  const total = mine.reduce((n, u) => n + u.pages.length, 0);
  const pageRules = resolved.filter((r) => r.rule.check);
  const groupRules = resolved.filter((r) => r.rule.checkGroup);
  const enabled = new Set(resolved.map((r) => r.rule.id));
  const unusedSeverity = toSeverity(config.reportUnusedDisableDirectives ?? 'warn');
  let done = 0;
  for (const unit of mine) {
    const disables = new Map<Page, DisableMap>();
    const disablesOf = (page: Page): DisableMap => {
      let dis = disables.get(page);
      if (!dis) disables.set(page, (dis = config.noInlineConfig ? NO_DISABLES : parseDisables(page.text, () => codeRanges(page.root))));
      return dis;
    };
    const keep = (page: Page, d: Diagnostic): void => {
      if (!disablesOf(page).isDisabled(d.ruleId, d.line)) out.push(d);
    };
    for (const page of unit.pages) {
      const index = new PageIndex(page);
      for (const r of pageRules) for (const d of runRuleOnPage(r, page, docSet, index, ruleIds)) keep(page, d);
      options.onPage?.(++done, total, page);
    }
    if (unit.group && groupRules.length > 0) {
      const shared = new Map<string, unknown>();
      for (const r of groupRules) {
        for (const [page, d] of runRuleOnGroup(r, unit.group, docSet, config, enabled, shared)) keep(page, d);
      }
    }
    // Every rule has run on these pages: a disable comment that disabled none of their findings is stale.
    if (unusedSeverity !== 'off' && !config.noInlineConfig) {
      for (const page of unit.pages) {
        if (page.text.includes('docdrift-')) out.push(...unusedDisables(page, disablesOf(page), enabled, unusedSeverity));
      }
    }
  }
  return { diagnostics: dedupe(sortDiagnostics(out)), docSet };
}

/** --no-inline-config: no comment disables anything. */
const NO_DISABLES: DisableMap = { isDisabled: () => false, unused: () => [] };

/** The findings of the disable comments of `page` that disabled nothing (ESLint's "unused eslint-disable directive"). */
function unusedDisables(page: Page, dis: DisableMap, enabled: ReadonlySet<string>, severity: Severity): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (start: number, end: number, message: string, fix: Fix | undefined): void => {
    const p = spanAt(page.text, start, end);
    out.push({ ruleId: UNUSED_DISABLE, severity, message, file: page.file, line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column, ...(fix ? { fix } : {}) });
  };
  for (const unused of dis.unused(enabled)) {
    const { comment, ids } = unused;
    const directive = `docdrift-${comment.kind}`;
    // --fix removes what is unused: the whole comment when nothing of it is used (one fix, on the first finding).
    const fixes = removeUnused(page.text, unused);
    if (ids.length === 0) at(comment.name.start - 'docdrift-'.length, comment.name.end, `Unused ${directive}: it disables no finding; remove the comment`, fixes[0]);
    ids.forEach((id, i) => {
      const fix = fixes.length === ids.length ? fixes[i] : i === 0 ? fixes[0] : undefined;
      at(id.start, id.end, `Unused ${id.id} in ${directive}: there is no ${id.id} finding ${comment.kind === 'disable-next-line' ? 'on the next line' : 'in its range'}; remove the id${comment.ids.length === 1 ? ' (and the comment)' : ''}`, fix);
    });
  }
  return out;
}

function positionOf(d: { node?: NodeBase; position?: Position }): Position | undefined {
  return d.position ?? d.node?.position;
}

/** One walk over a page's tree, shared by every rule of the page. */
class PageIndex {
  private byType: Map<string, Node[]> | undefined;
  private parent: Map<Node, Node> | undefined;
  private tableList: TableInfo[] | undefined;
  constructor(private readonly page: Page) {}

  private walk(): Map<string, Node[]> {
    if (this.byType) return this.byType;
    const byType = new Map<string, Node[]>();
    // Iterative pre-order walk without per-node allocations: ancestors are derived from parent
    // links on demand (no rule needs them for most nodes).
    const stack: Node[] = [this.page.root as Node];
    while (stack.length > 0) {
      const n = stack.pop() as Node;
      const list = byType.get(n.type);
      if (list) list.push(n);
      else byType.set(n.type, [n]);
      if ('children' in n) {
        const kids = n.children as Node[];
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
      }
      if (n.type === 'definitionItem') {
        const term = n.term as Node[];
        for (let i = term.length - 1; i >= 0; i--) stack.push(term[i] as Node);
      }
    }
    this.byType = byType;
    return byType;
  }

  nodes(type: string): Node[] {
    return this.walk().get(type) ?? [];
  }

  ancestors(node: Node): readonly Node[] | undefined {
    if (!this.parent) {
      const parent = new Map<Node, Node>();
      for (const list of this.walk().values()) {
        for (const n of list) {
          if ('children' in n) for (const c of n.children as Node[]) parent.set(c, n);
          if (n.type === 'definitionItem') for (const c of n.term as Node[]) parent.set(c, n);
        }
      }
      this.parent = parent;
    }
    if (node !== this.page.root && !this.parent.has(node)) return undefined;
    const chain: Node[] = [];
    for (let p = this.parent.get(node); p; p = this.parent.get(p)) chain.push(p);
    return chain.reverse();
  }

  tables(): TableInfo[] {
    // The parser's tables(root), from the walk the rules share (same pre-order) instead of a second one.
    if (!this.tableList) this.tableList = this.nodes('table').map((t) => tableInfo(t as Table));
    return this.tableList;
  }
}

function runRuleOnPage(r: ResolvedRule, page: Page, docSet: DocSet, index: PageIndex, ruleIds: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const group = docSet.variantGroupOf(page);
  const ctx: RuleContext<Record<string, unknown>> = {
    id: r.rule.id,
    page,
    get root() {
      return page.root;
    },
    text: page.text,
    file: page.file,
    project: page.project,
    labels: page.project.labels,
    docSet,
    variantGroup: group,
    variants: group ? group.members.map((m) => m.page).filter((p) => p !== page) : [],
    options: r.options,
    ruleIds,
    nodes: ((type: string) => index.nodes(type)) as RuleContext['nodes'],
    tables: () => index.tables(),
    ancestors: (node: Node) => index.ancestors(node),
    report(desc: ReportDescriptor) {
      out.push(toDiagnostic(r, page, desc));
    },
  };
  try {
    r.rule.check?.(ctx);
  } catch (e) {
    out.push(crashed(r, page, e));
  }
  return out;
}

function toDiagnostic(r: ResolvedRule, page: Page, desc: ReportDescriptor): Diagnostic {
  const pos = positionOf(desc) ?? ORIGIN;
  const d: Diagnostic = {
    ruleId: r.rule.id,
    severity: r.severity,
    message: desc.message,
    file: page.file,
    line: pos.start.line,
    column: pos.start.column,
    endLine: pos.end.line,
    endColumn: pos.end.column,
  };
  if (desc.related && desc.related.length > 0) d.related = desc.related.map((rel) => related(rel, page));
  if (desc.fix) d.fix = { range: [desc.fix.range[0], desc.fix.range[1]], text: desc.fix.text };
  if (desc.key !== undefined) d.key = desc.key;
  if (desc.diff) d.diff = desc.diff.map((p) => ({ op: p.op, text: p.text }));
  return d;
}

function crashed(r: ResolvedRule, page: Page, e: unknown): Diagnostic {
  const err = e as Error;
  return {
    ruleId: r.rule.id,
    severity: 'error',
    message: `rule ${r.rule.id} crashed on this file: ${err?.message ?? String(e)}`,
    file: page.file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}

/** Run a group rule on one variant group; findings on pages that are not checked are dropped. */
function runRuleOnGroup(
  r: ResolvedRule,
  group: VariantGroup,
  docSet: DocSet,
  config: Config,
  enabled: ReadonlySet<string>,
  shared: Map<string, unknown>,
): Array<[Page, Diagnostic]> {
  const out: Array<[Page, Diagnostic]> = [];
  const ctx: GroupRuleContext<Record<string, unknown>> = {
    id: r.rule.id,
    group,
    docSet,
    options: r.options,
    reference: config.reference,
    isEnabled: (id: string) => enabled.has(id),
    shared<T>(key: string, compute: () => T): T {
      if (!shared.has(key)) shared.set(key, compute());
      return shared.get(key) as T;
    },
    report(desc: GroupReportDescriptor) {
      if (desc.page.checked) out.push([desc.page, toDiagnostic(r, desc.page, desc)]);
    },
  };
  try {
    r.rule.checkGroup?.(ctx);
  } catch (e) {
    const page = group.members.map((m) => m.page).find((p) => p.checked);
    if (page) out.push([page, crashed(r, page, e)]);
  }
  return out;
}

function related(rel: RelatedDescriptor, page: Page): RelatedLocation {
  const pos = positionOf(rel) ?? ORIGIN;
  return { file: rel.page?.file ?? rel.file ?? page.file, line: pos.start.line, column: pos.start.column, message: rel.message };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let prev: string | undefined;
  for (const d of list) {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.endLine}\0${d.endColumn}\0${d.ruleId}\0${d.message}`;
    if (key !== prev) out.push(d);
    prev = key;
  }
  return out;
}
