import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
      // A missing output folder is created, as ESLint's --output-file does (a CI job's `-o reports/x.sarif`).
      const r = await run(['--format', 'sarif', '--output', 'out/sub/docdrift.sarif', 'docs'], dir);
      expect(r).toEqual({ code: 1, stdout: '', stderr: '' });
      expect(JSON.parse(readFileSync(join(dir, 'out/sub/docdrift.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
      // A file where a folder should be: exit 2, with the reason in words (not `ENOTDIR: …, open '…'`).
      writeFileSync(join(dir, 'blocker'), '');
      expect(await run(['--format', 'sarif', '--output', 'blocker/docdrift.sarif', 'docs'], dir)).toEqual({
        code: 2,
        stdout: '',
        stderr: 'docdrift: cannot write blocker/docdrift.sarif: blocker is a file, not a folder\n',
      });
      expect(await run(['--output', 'docs', 'docs'], dir)).toEqual({ code: 2, stdout: '', stderr: 'docdrift: cannot write docs: is a directory\n' });
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
