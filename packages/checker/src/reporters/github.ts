/**
 * GitHub Actions workflow commands: one `::error` / `::warning` / `::notice`
 * annotation per finding, shown on the pull request's diff, then a summary
 * line. GitHub shows at most 10 annotations of each level per step, so the
 * summary gives the total and says when some were not shown.
 *
 * Escaping (as @actions/core does it): in the message `%`, `\r`, `\n`; in
 * property values also `:` and `,`.
 */
import type { Diagnostic } from '../diagnostic.js';
import { counts, summaryText } from './context.js';

/** GitHub shows this many annotations per level per step. */
export const ANNOTATIONS_SHOWN = 10;

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function github(diagnostics: readonly Diagnostic[]): string {
  let out = '';
  for (const d of diagnostics) {
    const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `endLine=${Math.max(d.line, d.endLine)}`];
    // GitHub takes columns only for an annotation on one line.
    if (d.endLine === d.line) props.push(`col=${d.column}`, `endColumn=${Math.max(d.column, d.endColumn)}`);
    else props.push(`col=${d.column}`);
    props.push(`title=${escapeProperty(`docdrift(${d.ruleId})`)}`);
    let message = d.message;
    for (const r of d.related ?? []) message += `\n↳ ${r.file}:${r.line}:${r.column} ${r.message}`;
    out += `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(message)}\n`;
  }
  const c = counts(diagnostics);
  let summary = `docdrift: ${c.total === 0 ? 'no problems' : summaryText(diagnostics)}`;
  const over = (['errors', 'warnings', 'infos'] as const).filter((k) => c[k] > ANNOTATIONS_SHOWN);
  if (over.length > 0) {
    summary += `; GitHub shows the first ${ANNOTATIONS_SHOWN} annotations of each level, so ${over.map((k) => `${c[k] - ANNOTATIONS_SHOWN} ${k === 'infos' ? 'notices' : k}`).join(' and ')} are not shown on the diff: see the full report (e.g. --format markdown into $GITHUB_STEP_SUMMARY)`;
  }
  out += `${summary}\n`;
  return out;
}
