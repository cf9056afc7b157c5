/**
 * The one diagnostic shape every reporter consumes (see STYLE.md): positions
 * are 1-based line/column with an exclusive end; `fix.range` is 0-based
 * offsets into the file's text.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface Fix {
  /** 0-based offsets into the file's text, end exclusive. */
  range: [number, number];
  text: string;
}

/**
 * One part of a word diff between two variants' texts (cross-variant drift
 * rules): `equal` text is in both, `removed` only in the other variant (the
 * reference the finding compares with), `added` only in the reported page.
 */
export interface DiffPart {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** POSIX path relative to the working directory. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related?: RelatedLocation[];
  fix?: Fix;
  /** Drift rules: the aligned item's key (`403`, `zone_type`, a section title). */
  key?: string;
  /** Drift rules, for text that differs: the word diff from the other variant's text to this page's. */
  diff?: DiffPart[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sort order of every output: file, line, column, rule, then message (so reports are byte-stable). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.ruleId, b.ruleId) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.message, b.message) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(compareDiagnostics);
}
