import { Chalk, type ChalkInstance } from 'chalk';
import { renderDiff } from '../align/diff.js';
import type { Diagnostic } from '../diagnostic.js';

export interface StylishOptions {
  /** chalk colour level: 0 none, 1 basic, 2 256, 3 truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
}

/**
 * The message, with a word diff in it (`[-removed-]{+added+}`, from the drift
 * rules) coloured when colours are on: removed words red and struck, added
 * words green.
 */
function message(d: Diagnostic, c: ChalkInstance): string {
  if (!d.diff || c.level === 0) return d.message;
  return d.message.replace(/\[-(.*?)-\]|\{\+(.*?)\+\}/g, (_m, removed: string | undefined, added: string | undefined) =>
    removed !== undefined ? c.red.strikethrough(removed) : c.green(added ?? ''),
  );
}

/** ESLint's stylish layout: findings grouped by file, aligned columns, a summary line. */
export function stylish(diagnostics: readonly Diagnostic[], options: StylishOptions = { colorLevel: 0 }): string {
  const c: ChalkInstance = new Chalk({ level: options.colorLevel });
  if (diagnostics.length === 0) return '';
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  let out = '';
  const sev = (s: Diagnostic['severity']): string => (s === 'error' ? c.red('error') : s === 'warning' ? c.yellow('warning') : c.blue('info'));
  for (const [file, list] of byFile) {
    out += `\n${c.underline(file)}\n`;
    const posWidth = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    const sevWidth = Math.max(...list.map((d) => d.severity.length));
    for (const d of list) {
      const pos = `${d.line}:${d.column}`.padEnd(posWidth);
      const s = sev(d.severity) + ' '.repeat(sevWidth - d.severity.length);
      out += `  ${c.dim(pos)}  ${s}  ${message(d, c)}  ${c.dim(d.ruleId)}\n`;
      if (d.diff && options.colorLevel > 0 && !/\[-.*?-\]|\{\+.*?\+\}/.test(d.message) && d.diff.some((p) => p.op !== 'equal')) {
        // A rewrite is quoted as two texts in the message: show the word diff below it.
        out += `  ${' '.repeat(posWidth)}  ${' '.repeat(sevWidth)}  ${renderDiff(d.diff, 8, { removed: (t) => c.red.strikethrough(t), added: (t) => c.green(t) })}\n`;
      }
      for (const r of d.related ?? []) out += `  ${' '.repeat(posWidth)}  ${' '.repeat(sevWidth)}  ${c.dim(`↳ ${r.file}:${r.line}:${r.column} ${r.message}`)}\n`;
    }
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.length - errors - warnings;
  const fixable = diagnostics.filter((d) => d.fix).length;
  const parts = [`${errors} ${errors === 1 ? 'error' : 'errors'}`, `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`];
  if (infos > 0) parts.push(`${infos} info`);
  const n = diagnostics.length;
  const summary = `✖ ${n} ${n === 1 ? 'problem' : 'problems'} (${parts.join(', ')})`;
  out += `\n${errors > 0 ? c.red.bold(summary) : warnings > 0 ? c.yellow.bold(summary) : c.blue.bold(summary)}\n`;
  // As ESLint's stylish says it: the fixes are applied by `docdrift --fix` (and listed by --fix-dry-run).
  if (fixable > 0) out += c.dim(`  ${fixable} ${fixable === 1 ? 'problem is' : 'problems are'} potentially fixable with the \`--fix\` option.\n`);
  return out;
}
