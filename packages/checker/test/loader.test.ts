import { describe, expect, it } from 'vitest';
import { buildDocSet } from '../src/docset.js';
import { loadConfig, loadInput } from '../src/loader.js';
import { tree } from './cli/run.js';

const page = (title: string, body = 'x'): string => `${title}\n${'='.repeat(title.length)}\n\n${body}\n`;

describe('loader (pre-commit runs)', () => {
  const dir = tree({
    'docdrift.config.json': JSON.stringify({ variants: { public: 'public', swiss: 'swiss' } }),
    'public/api/conf.py': '',
    'public/api/index.rst': page('API', '.. toctree::\n\n   a\n   b'),
    'public/api/a.rst': page('A', '.. _a_label:\n\nSee :ref:`b_label`.'),
    'public/api/b.rst': page('B', '.. _b_label:\n\n:ref:`broken_elsewhere`'),
    'public/umn/conf.py': '',
    'public/umn/u.rst': page('U'),
    'swiss/api/conf.py': '',
    'swiss/api/a.rst': page('A (Swiss)'),
    'swiss/api/other.rst': page('Other'),
  });

  it('a changed file loads its project (labels) and its variant twin as context, nothing else', async () => {
    const { config } = loadConfig(dir);
    const r = await loadInput({ cwd: dir, paths: ['public/api/a.rst'], config });
    expect(r.checked).toBe(1);
    expect(r.input.files.map((f) => `${f.file}${f.check ? ' (checked)' : ''}`).sort()).toEqual([
      'public/api/a.rst (checked)',
      'public/api/b.rst',
      'public/api/index.rst',
      'swiss/api/a.rst',
    ]);
    expect(r.input.projects).toEqual([
      { root: 'public/api', source: 'conf.py', complete: true },
      { root: 'swiss/api', source: 'conf.py', complete: false },
    ]);
    const ds = buildDocSet(r.input, config);
    expect(ds.variantGroupOf(ds.pageByFile('public/api/a.rst')!)?.members.map((m) => m.page.file)).toEqual(['public/api/a.rst', 'swiss/api/a.rst']);
  });

  it('a file without a twin loads the other variant roots whole (pairing by :original_name:, label, title)', async () => {
    const { config } = loadConfig(dir);
    const r = await loadInput({ cwd: dir, paths: ['public/umn/u.rst'], config });
    expect(r.input.files.map((f) => f.file).sort()).toEqual(['public/umn/u.rst', 'swiss/api/a.rst', 'swiss/api/other.rst']);
  });

  it('a folder run loads everything below it and marks its projects complete', async () => {
    const { config } = loadConfig(dir);
    const r = await loadInput({ cwd: dir, paths: ['.'], config });
    expect(r.input.files.every((f) => f.check)).toBe(true);
    expect(r.input.projects?.every((p) => p.complete)).toBe(true);
  });

  it('reads pages of any size exactly, one after the other (a page larger than the read buffer, then smaller ones)', async () => {
    // The loader reads every page into one buffer that starts at 64 KiB and grows.
    const big = page('Big', `${'word '.repeat(40_000)}\n\nÜmlaut and “quotes”.`);
    const exact = page('Exact', 'y'.repeat(65_536 - 'Exact\n=====\n\n\n'.length));
    const files = { 'big.rst': big, 'exact.rst': exact, 'small.rst': page('Small'), 'bom.rst': `\ufeff${page('Bom')}` };
    const d = tree(files);
    const r = await loadInput({ cwd: d, paths: ['.'], config: {} });
    expect(Buffer.byteLength(exact)).toBe(65_536);
    expect(Object.fromEntries(r.input.files.map((f) => [f.file, f.text]))).toEqual({ ...files, 'bom.rst': page('Bom') });
    expect(r.errors).toEqual([]);
  });
});
