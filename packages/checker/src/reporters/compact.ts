import type { Diagnostic } from '../diagnostic.js';

/** `file:line:col: severity message [rule]`, one line per finding. */
export function compact(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]\n`).join('');
}
