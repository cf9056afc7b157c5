/** The README's rule table, derived from the rules' metadata (never written by hand). */
import type { AnyRule } from './rule.js';

export const RULES_START = '<!-- rules:start (generated from the rule registry: pnpm --filter @docdrift/checker generate) -->';
export const RULES_END = '<!-- rules:end -->';

export function rulesTable(rules: readonly AnyRule[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : ''} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | default | fix | what it checks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Replace the generated block of a README. */
export function withRulesTable(readme: string, rules: readonly AnyRule[]): string {
  const a = readme.indexOf(RULES_START);
  const b = readme.indexOf(RULES_END);
  if (a < 0 || b < a) throw new Error('README has no rules:start/rules:end block');
  return `${readme.slice(0, a + RULES_START.length)}\n${rulesTable(rules)}\n${readme.slice(b)}`;
}
