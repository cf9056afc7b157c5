/**
 * What a report may know besides the diagnostics. Every reporter is a pure
 * function of `(diagnostics, context)`: the context carries facts the CLI
 * already has (which files were checked, the version, the rules' metadata,
 * the source texts for excerpts), never a clock.
 */
import type { Diagnostic, DiffPart, Severity } from '../diagnostic.js';
import { UNUSED_DISABLE } from '../disable.js';
import { rules as builtinRules } from '../rules/index.js';
import { ruleDocUrl, VERSION } from '../version.js';

/** What a report says about a rule. */
export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity | 'off';
  /** Absolute URL of the rule's doc page. */
  helpUri: string;
  fixable: boolean;
}

/** One cell of a variant matrix: how a variant's row compares with the reference (or the majority). */
export type CellState = 'same' | 'differs' | 'missing';

/** A table of a variant group, aligned across the variants: rows × variants. */
export interface MatrixTable {
  /** The table's name (caption, or "Table N" of its section). */
  table: string;
  /** The section it is in. */
  section?: string;
  /** Whether each variant has the table. */
  present: boolean[];
  rows: Array<{ key: string; name?: string; cells: CellState[] }>;
}

/** A variant group's matrix (the drift rules' per-group summary). */
export interface GroupMatrix {
  /** The group's key. */
  group: string;
  /** Variant names, in column order. */
  variants: string[];
  /** Each variant's file, in column order. */
  files: string[];
  tables: MatrixTable[];
}

export interface ReportContext {
  /** The files that were checked (POSIX, relative to the working directory): JUnit's passing testcases, the HTML summary. */
  files?: readonly string[];
  /** docdrift's version (default: this package's). */
  version?: string;
  /** The rules' metadata (default: every built-in rule). */
  rules?: readonly RuleInfo[];
  /** Source texts by file, for excerpts (HTML). */
  sources?: Readonly<Record<string, string>>;
  /** Variant matrices (HTML). */
  groups?: readonly GroupMatrix[];
}

/** The metadata of the built-in rules. */
export function builtinRuleInfo(version: string = VERSION): RuleInfo[] {
  return builtinRules.map((r) => ({
    id: r.id,
    description: r.meta.description,
    defaultSeverity: r.meta.defaultSeverity,
    helpUri: ruleDocUrl(r.id, version),
    fixable: r.meta.fixable === true,
  }));
}

/** Findings that no rule of the registry makes (the CLI's `read-error`, the engine's `unused-disable`). */
const PSEUDO_RULES: Record<string, string> = {
  'read-error': 'A file that should be checked could not be read (permission denied, binary, invalid UTF-8, a directory).',
  [UNUSED_DISABLE]: 'A docdrift-disable comment, or a rule id in it, that disables no finding (reportUnusedDisableDirectives).',
};

/** The rules a report describes: the given (or built-in) ones, plus any rule id that only the findings name, sorted by id. */
export function rulesFor(diagnostics: readonly Diagnostic[], context: ReportContext): RuleInfo[] {
  const version = context.version ?? VERSION;
  const list = [...(context.rules ?? builtinRuleInfo(version))];
  const known = new Set(list.map((r) => r.id));
  for (const d of diagnostics) {
    if (known.has(d.ruleId)) continue;
    known.add(d.ruleId);
    list.push({
      id: d.ruleId,
      description: PSEUDO_RULES[d.ruleId] ?? `Findings of ${d.ruleId}.`,
      defaultSeverity: 'error',
      helpUri: ruleDocUrl(d.ruleId, version),
      fixable: false,
    });
  }
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Counts by severity. */
export function counts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number; total: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, total: diagnostics.length };
}

/** "3 problems (1 error, 2 warnings, 0 info)". */
export function summaryText(diagnostics: readonly Diagnostic[]): string {
  const c = counts(diagnostics);
  return `${c.total} ${c.total === 1 ? 'problem' : 'problems'} (${c.errors} ${c.errors === 1 ? 'error' : 'errors'}, ${c.warnings} ${c.warnings === 1 ? 'warning' : 'warnings'}, ${c.infos} info)`;
}

/**
 * A word diff clipped for display: unchanged runs longer than `2 * context`
 * words keep `context` words at each side of a change and become `…` in
 * between. Parts keep their op; the text keeps its own spacing.
 */
export function clipDiff(parts: readonly DiffPart[], context = 6): DiffPart[] {
  const out: DiffPart[] = [];
  parts.forEach((p, i) => {
    if (p.op !== 'equal') {
      out.push(p);
      return;
    }
    const tokens = p.text.match(/\s+|\S+/g) ?? [];
    const wordIdx = tokens.map((t, k) => (/\S/.test(t) ? k : -1)).filter((k) => k >= 0);
    const keepHead = i === 0 ? 0 : context;
    const keepTail = i === parts.length - 1 ? 0 : context;
    if (wordIdx.length <= keepHead + keepTail + 1) {
      out.push(p);
      return;
    }
    const headEnd = keepHead > 0 ? (wordIdx[keepHead - 1] as number) + 1 : 0;
    const tailStart = keepTail > 0 ? (wordIdx[wordIdx.length - keepTail] as number) : tokens.length;
    const head = tokens.slice(0, headEnd).join('');
    const tail = tokens.slice(tailStart).join('');
    out.push({ op: 'equal', text: `${head}${head && !/\s$/.test(head) ? ' ' : ''}…${tail && !/^\s/.test(tail) ? ' ' : ''}${tail}` });
  });
  return out;
}
