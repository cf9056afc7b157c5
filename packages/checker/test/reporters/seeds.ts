/**
 * The seeds (docs-sources/) checked the way the README's main command checks
 * them, for reporter tests: the real findings, the checked files and their
 * texts.
 */
import { fileURLToPath } from 'node:url';
import { checkDocSet } from '../../src/check.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { loadConfig, loadInput } from '../../src/loader.js';
import type { ReportContext } from '../../src/reporters/context.js';

export const repo = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Seeds {
  diagnostics: Diagnostic[];
  context: ReportContext;
  texts: Record<string, string>;
}

let cached: Promise<Seeds> | undefined;

export function seeds(): Promise<Seeds> {
  cached ??= (async () => {
    const { config } = loadConfig(repo);
    const loaded = await loadInput({ cwd: repo, paths: ['docs-sources'], config });
    const { diagnostics } = checkDocSet(loaded.input, config);
    const texts = Object.fromEntries(loaded.input.files.map((f) => [f.file, f.text]));
    const files = loaded.input.files.filter((f) => f.check).map((f) => f.file).sort();
    return { diagnostics, context: { files, sources: texts }, texts };
  })();
  return cached;
}

/** A few findings that exercise every field and every escaping path. */
export const tricky: Diagnostic[] = [
  {
    ruleId: 'wording-drift',
    severity: 'warning',
    message: '403 is described differently than in `a b/<x>.rst`: "You are *forbidden* <script>alert(1)</script> | [x](javascript:alert(1)) 100% done, a:b"',
    file: 'docs/with space/ünïcode #1.rst',
    line: 12,
    column: 3,
    endLine: 12,
    endColumn: 40,
    related: [{ file: 'docs/other/page.md', line: 30, column: 1, message: 'the other variant says "Access\r\nforbidden"' }],
    key: '403',
    diff: [
      { op: 'equal', text: 'You are ' },
      { op: 'removed', text: 'allowed' },
      { op: 'added', text: '*forbidden* <b>' },
      { op: 'equal', text: ' to access the page.' },
    ],
  },
  {
    ruleId: 'external-self-link',
    severity: 'error',
    message: 'use :ref:`Table 1 <label>` instead',
    file: 'docs/a.rst',
    line: 4,
    column: 1,
    endLine: 5,
    endColumn: 10,
    fix: { range: [40, 90], text: ':ref:`Table 1 <label>`' },
  },
  {
    ruleId: 'ref-text-stale',
    severity: 'info',
    message: 'multi\nline, message: with %25 percent',
    file: 'docs/a.rst',
    line: 9,
    column: 2,
    endLine: 9,
    endColumn: 2,
  },
  { ruleId: 'read-error', severity: 'error', message: 'Cannot read file: permission denied', file: 'docs/locked.rst', line: 1, column: 1, endLine: 1, endColumn: 1 },
];
