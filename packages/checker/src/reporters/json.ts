import type { Diagnostic } from '../diagnostic.js';
import { prettyJsonArray } from './stream.js';

/** The diagnostics as a JSON array (the STYLE.md shape), keys in a fixed order. */
export function json(diagnostics: readonly Diagnostic[]): string {
  return [...jsonChunks(diagnostics)].join('');
}

/** `json()` in pieces, one finding at a time (for writing a big report without holding it whole). */
export function* jsonChunks(diagnostics: readonly Diagnostic[]): Generator<string> {
  yield* prettyJsonArray(diagnostics, ordered);
  yield '\n';
}

function ordered(d: Diagnostic): Diagnostic {
  const o: Diagnostic = {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  };
  if (d.related) o.related = d.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message }));
  if (d.fix) o.fix = { range: [d.fix.range[0], d.fix.range[1]], text: d.fix.text };
  if (d.key !== undefined) o.key = d.key;
  if (d.diff) o.diff = d.diff.map((p) => ({ op: p.op, text: p.text }));
  return o;
}
