import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tree } from './run.js';

const page = (title: string, body: string): string => `${title}\n${'='.repeat(title.length)}\n\n${body}\n`;

/**
 * A repository with its config at the top, two variants and a Sphinx project in each; the page checked
 * lives in a sub-folder of the public project and refers to a label defined outside that sub-folder.
 */
const repo = (): string =>
  tree({
    'docdrift.config.json': JSON.stringify({
      variants: { public: 'public', swiss: 'swiss' },
      sites: [{ root: 'public', baseUrl: 'https://docs.example.com/svc/' }],
    }),
    'public/api/conf.py': '',
    'public/api/index.rst': page('API', '.. toctree::\n\n   b\n   sub/a'),
    'public/api/b.rst': page('B', '.. _b_label:\n\nThe B page.'),
    'public/api/sub/a.rst': page('A', 'See :ref:`b_label` and :ref:`no_such_label`.\n\nThe service stores every request in the bucket.'),
    'swiss/api/conf.py': '',
    'swiss/api/index.rst': page('API', '.. toctree::\n\n   b\n   sub/a'),
    'swiss/api/b.rst': page('B', '.. _b_label:\n\nThe B page.'),
    'swiss/api/sub/a.rst': page('A', 'See :ref:`b_label` and :ref:`no_such_label`.\n\nThe service keeps every request in the bucket.'),
  });

describe('a run inside a sub-folder of the repository (config found upward)', () => {
  it('finds what a run from the top finds for that folder, with paths relative to where it runs', async () => {
    const dir = repo();
    const top = await run(['-f', 'compact', 'public/api/sub'], dir);
    const inside = await run(['-f', 'compact'], join(dir, 'public/api/sub'));
    const lines = top.stdout.trim().split('\n');
    // The broken label and the wording drift against the Swiss twin (the label outside the folder resolves).
    expect(lines.map((l) => l.replace(/^.*\[(.*)\]$/, '$1'))).toEqual(['broken-ref', 'wording-drift']);
    expect(inside.stdout).toBe(top.stdout.replaceAll('public/api/sub/a.rst:', 'a.rst:'));
    expect(inside.code).toBe(top.code);
    expect(inside.code).toBe(1);
  });

  it('names files relative to where it runs in every place a path appears: arguments, machine formats, --output', async () => {
    const dir = repo();
    const cwd = join(dir, 'public/api');
    const json = await run(['-f', 'json', 'sub/a.rst'], cwd);
    const found = JSON.parse(json.stdout) as Array<{ file: string; ruleId: string; related?: Array<{ file: string }> }>;
    expect(found.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['sub/a.rst broken-ref', 'sub/a.rst wording-drift']);
    expect(found[1]?.related?.map((r) => r.file)).toEqual(['../../swiss/api/sub/a.rst']);
    const out = await run(['-f', 'compact', '-o', 'report.txt', 'sub'], cwd);
    expect(out.code).toBe(1);
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toMatch(/^sub\/a\.rst:4:24: error /);
  });

  it('--fix from a sub-folder writes the file there', async () => {
    const dir = repo();
    const file = join(dir, 'public/api/sub/c.rst');
    writeFileSync(file, page('C', 'See `Page B <https://docs.example.com/svc/api/b.html#b-label>`__.'));
    const r = await run(['--fix', '-f', 'compact', 'c.rst'], join(dir, 'public/api/sub'));
    expect(r.stderr).toBe('docdrift: fixed 1 problem in 1 file\n');
    expect(readFileSync(file, 'utf8')).toBe(page('C', 'See :ref:`Page B <b_label>`.'));
  });

  it('a missing path is named as it was written', async () => {
    const dir = repo();
    expect(await run(['nope.rst'], join(dir, 'public/api/sub'))).toEqual({ code: 2, stdout: '', stderr: 'docdrift: no such file or directory: nope.rst\n' });
  });

  it('a baseline written from a sub-folder suppresses the same findings in a run from the top', async () => {
    const dir = repo();
    const sub = join(dir, 'public/api/sub');
    expect((await run(['--baseline', 'baseline.json', '--update-baseline'], sub)).code).toBe(0);
    const fromTop = await run(['-f', 'compact', '--baseline', 'public/api/sub/baseline.json', 'public/api/sub'], dir);
    expect(fromTop).toMatchObject({ code: 0, stdout: '' });
  });
});
