import type { Diagnostic } from '../diagnostic.js';
import { compact } from './compact.js';
import type { ReportContext } from './context.js';
import { github } from './github.js';
import { html } from './html.js';
import { json, jsonChunks } from './json.js';
import { junit, junitChunks } from './junit.js';
import { markdown } from './markdown.js';
import { sarif, sarifChunks } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATS = ['stylish', 'compact', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  /** chalk colour level (stylish only): 0 none, 1 basic, 2 256, 3 truecolor. */
  colorLevel?: 0 | 1 | 2 | 3;
  /** What the report may know besides the diagnostics (checked files, version, sources, variant matrices). */
  context?: ReportContext;
}

/** Render diagnostics in a format. Pure: same input, same string. */
export function format(name: Format, diagnostics: readonly Diagnostic[], options: FormatOptions | 0 | 1 | 2 | 3 = {}): string {
  return [...formatChunks(name, diagnostics, typeof options === 'number' ? { colorLevel: options } : options)].join('');
}

/**
 * `format()` in pieces whose concatenation is its string: the JSON and SARIF
 * reports one finding at a time and JUnit one file at a time (the big ones:
 * 49, 104 and 43 MB for the 54,044 findings of the 5,000-page benchmark
 * tree), the others whole.
 */
export function formatChunks(name: Format, diagnostics: readonly Diagnostic[], options: FormatOptions = {}): Iterable<string> {
  const context = options.context ?? {};
  switch (name) {
    case 'json':
      return jsonChunks(diagnostics);
    case 'sarif':
      return sarifChunks(diagnostics, context);
    case 'junit':
      return junitChunks(diagnostics, context);
    case 'stylish':
      return [stylish(diagnostics, { colorLevel: options.colorLevel ?? 0 })];
    case 'compact':
      return [compact(diagnostics)];
    case 'github':
      return [github(diagnostics)];
    case 'markdown':
      return [markdown(diagnostics, context)];
    case 'html':
      return [html(diagnostics, context)];
  }
}

export { compact, github, html, json, junit, markdown, sarif, stylish };
export type { ReportContext, GroupMatrix, MatrixTable, CellState, RuleInfo } from './context.js';
