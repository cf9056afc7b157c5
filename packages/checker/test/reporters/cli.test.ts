import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tree } from '../cli/run.js';
import { repo, seeds } from './seeds.js';
import { format } from '../../src/reporters/index.js';

describe('docdrift --format sarif|junit|github|markdown', () => {
  it.each(['sarif', 'junit', 'github', 'markdown'] as const)('%s on the seeds prints the reporter of the same findings, exit code unchanged', async (fmt) => {
    const { diagnostics, context } = await seeds();
    const r = await run(['docs-sources', '--format', fmt], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    expect(r.stdout).toBe(format(fmt, diagnostics, { context: { files: context.files } }));
  });

  it('--output writes the report to a file; errors still exit 1', async () => {
    const dir = tree({
      'docs/conf.py': '',
      'docs/index.rst': 'Index\n=====\n\n.. toctree::\n\n   a\n',
      'docs/a.rst': 'A\n=\n\nSee :ref:`nowhere`.\n',
    });
    try {
      const r = await run(['--format', 'sarif', '--output', 'out/docdrift.sarif', 'docs'], dir).catch((e) => e);
      // A missing output folder is an I/O failure (exit 2) with a clear message, not a crash.
      expect(r).toMatchObject({ code: 2 });
      expect(r.stderr).toMatch(/^docdrift: cannot write out\/docdrift\.sarif: /);
      const ok = await run(['--format', 'junit', '--output', 'junit.xml', 'docs'], dir);
      expect(ok).toMatchObject({ code: 1, stdout: '' });
      const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
      expect(xml).toContain('<testcase classname="docs/a.rst" name="broken-ref 4:5 :ref: to undefined label `nowhere` (no such label in project `docs`)">');
      expect(xml).toContain('<testcase classname="docs/index.rst" name="docdrift: no findings"/>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
