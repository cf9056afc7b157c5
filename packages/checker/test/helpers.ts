import { check } from '../src/check.js';
import type { Config } from '../src/config.js';
import type { Diagnostic } from '../src/diagnostic.js';
import type { CheckInput } from '../src/docset.js';
import type { AnyRule } from '../src/rule.js';

export interface RunRuleOptions {
  /** Options of the rule under test. */
  options?: Record<string, unknown>;
  /** The rest of the config (baseUrl, projects, variants, …). */
  config?: Config;
  /** Only these files are checked; the others are context (default: all). */
  check?: string[];
  /** Loader hints (project roots) and completeness. */
  projects?: CheckInput['projects'];
  complete?: boolean;
  /** Other rules the engine knows (turned off; for rules that read `ctx.ruleIds`). */
  known?: readonly AnyRule[];
}

export type Finding = Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'message'> & Partial<Pick<Diagnostic, 'fix' | 'related'>>;

/** Run one rule over in-memory files; returns its findings (without ruleId/severity; with fix/related when present). */
export function runRule(rule: AnyRule, files: Record<string, string>, opts: RunRuleOptions = {}): Finding[] {
  const others = (opts.known ?? []).filter((r) => r.id !== rule.id);
  // One rule's findings: the engine's own about disable comments that disable nothing are off unless asked for.
  const config: Config = { reportUnusedDisableDirectives: 'off', ...opts.config, rules: { ...Object.fromEntries(others.map((r) => [r.id, 'off'])), [rule.id]: opts.options ? ['error', opts.options] : 'error' } };
  const input: CheckInput = {
    files: Object.entries(files).map(([file, text]) => ({ file, text, check: opts.check ? opts.check.includes(file) : true })),
  };
  if (opts.projects) input.projects = opts.projects;
  if (opts.complete !== undefined) input.complete = opts.complete;
  return check(input, config, { rules: [rule, ...others] }).map(({ ruleId: _r, severity: _s, ...rest }) => rest);
}

/** Findings as `file:line:col-endLine:endCol message` strings, for compact assertions. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
}

/** Join lines with '\n' (for readable multi-line fixtures). */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}
