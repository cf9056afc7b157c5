import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

function run(argv: string[], cwd = repo): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main({ argv, cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('docdrift-parse', () => {
  it('prints help and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: docdrift-parse');
    expect(r.out).toContain('--tables');
  });

  it('exits 2 with a clear message on usage and I/O errors', () => {
    expect(run([])).toMatchObject({ code: 2, err: expect.stringContaining('no files given') });
    expect(run(['--bogus', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--bogus'") });
    expect(run(['--json', '--tables', 'docs-sources'])).toMatchObject({ code: 2 });
    expect(run(['--format', 'asciidoc', 'docs-sources'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown format "asciidoc"') });
    expect(run(['does/not/exist.rst'])).toMatchObject({ code: 2, err: 'docdrift-parse: cannot read does/not/exist.rst: no such file or directory\n' });
  });

  it('summarises docs-sources: tables, captions, labels, references', () => {
    const r = run(['docs-sources']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('docs-sources/http-status-codes/apig-internal-ref.rst (rst)');
    expect(r.out).toContain('  table at 8:1 "**Table 1** User management permissions": 1 header + 18 body rows, 18 status codes labels: apig-en-api-180328012__table11812530035');
    expect(r.out).toContain('  ref at 4:1: Table 1 -> apig-en-api-180328012__table11812530035');
    expect(r.out).toContain('docs-sources/http-status-codes/two-tables-markdown-export.md (markdown)');
    // the README of docs-sources is not a page
    expect(r.out).not.toContain('docs-sources/README.md');
  });

  it('prints the tables as JSON with --tables', () => {
    const r = run(['--tables', 'docs-sources/http-status-codes/two-tables.rst']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.out) as Array<{ path: string; tables: Array<{ caption: { text: string }; status: Array<{ code: number }>; bodyRows: Array<Array<{ text: string; position: { start: { line: number } } }>> }> }>;
    expect(file?.path).toBe('docs-sources/http-status-codes/two-tables.rst');
    expect(file?.tables.map((t) => [t.caption.text, t.status.length])).toEqual([
      ['Normal status codes', 4],
      ['Abnormal status codes', 14],
    ]);
    expect(file?.tables[0]?.bodyRows[0]?.map((c) => c.text)).toEqual(['200', 'OK', 'Normal response code for the GET, PUT, and POST operations']);
    expect(file?.tables[0]?.bodyRows[0]?.[0]?.position.start.line).toBe(13);
  });

  it('prints the tree with --json and exits 1 when a file has parse errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docdrift-parse-'));
    writeFileSync(join(dir, 'bad.txt'), 'Intro.\n\n+-----+-----+\n| a   | b\n+-----+-----+\n');
    const r = run(['--json', 'bad.txt'], dir);
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.out) as Array<{ root: { type: string; format: string }; messages: Array<{ code: string; line: number }> }>;
    expect(file?.root).toMatchObject({ type: 'root', format: 'rst' });
    expect(file?.messages.map((m) => m.code)).toContain('malformed-table');
    const text = run(['bad.txt'], dir);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^bad\.txt:4:1 error Malformed table\. Right border not aligned or missing\. \[malformed-table\]$/m);
  });
});
