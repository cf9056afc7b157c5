import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocdriftCache } from '../../src/cache.js';
import { buildDocSet } from '../../src/docset.js';
import { loadInput } from '../../src/loader.js';
import { wordSet } from '../../src/words.js';
import { run, tree } from '../cli/run.js';

/** A Sphinx project with a public and a Swiss variant; `checked.rst` refers to labels of two other pages. */
function project(): string {
  const page = (label: string, title: string, body = 'Some text.'): string => `.. _${label}:\n\n${title}\n${'='.repeat(title.length)}\n\n${body}\n`;
  const files: Record<string, string> = {
    'docdrift.config.json': JSON.stringify({ variants: { public: 'public', swiss: 'swiss' } }),
  };
  for (const v of ['public', 'swiss']) {
    files[`${v}/source/conf.py`] = '';
    files[`${v}/source/index.rst`] = 'Index\n=====\n\n.. toctree::\n\n   checked\n   target\n   other\n';
    files[`${v}/source/checked.rst`] = page('checked', 'Checked page', 'See :ref:`target` and :ref:`Other <other>`.');
    files[`${v}/source/target.rst`] = page('target', 'Target page');
    files[`${v}/source/other.rst`] = page('other', 'Other page');
  }
  return tree(files);
}

describe('stored scans of context pages (--cache)', () => {
  it('store each title\'s words, which the next run\'s pages (and ref-text-stale) take instead of stemming the titles again', async () => {
    const root = project();
    const file = join(root, 'public/source/checked.rst');
    writeFileSync(file, readFileSync(file, 'utf8').replace(':ref:`Other <other>`', ':ref:`Removing tracker quotas <other>`'));
    const cacheDir = join(root, 'cache');
    const config = { variants: { public: 'public', swiss: 'swiss' } };
    const args = ['-f', 'compact', '--rule', 'ref-text-stale=warn', 'public/source/checked.rst'];
    const plain = await run(args, root);
    expect(plain.stdout).toContain('[ref-text-stale]');
    expect(await run([...args, '--cache-location', cacheDir], root)).toEqual(plain);

    const stored = DocdriftCache.open(cacheDir, JSON.parse(readFileSync(join(root, 'docdrift.config.json'), 'utf8')));
    const loaded = await loadInput({ cwd: root, paths: ['public/source/checked.rst'], config, scans: stored.scans });
    const target = loaded.input.files.find((f) => f.file === 'public/source/target.rst');
    expect(target?.scan?.titleWords).toEqual(['target', 'page']);
    const fromScans = buildDocSet(loaded.input, config);
    const fromTexts = buildDocSet({ ...loaded.input, files: loaded.input.files.map((f) => ({ file: f.file, text: f.text, check: f.check })) }, config);
    const words = (d: typeof fromScans): Record<string, readonly string[]> => Object.fromEntries(d.projects.flatMap((p) => p.pages.map((pg) => [pg.file, pg.titleWords])));
    expect(words(fromScans)).toEqual(words(fromTexts));
    expect(words(fromTexts)['public/source/other.rst']).toEqual([...wordSet('Other page')]);
    // The run that takes the stored scans reports what the run that reads every page does.
    expect(await run([...args, '--cache-location', cacheDir], root)).toEqual(plain);
  });

  it('a one-file run reads the context pages once; later runs take their labels from the store until a page changes', async () => {
    const root = project();
    const cacheDir = join(root, 'cache');
    const args = ['-f', 'compact', '--cache-location', cacheDir, 'public/source/checked.rst'];
    const plain = await run(['-f', 'compact', 'public/source/checked.rst'], root);
    expect(plain).toMatchObject({ code: 0, stdout: '' });

    // First run with the cache: the context pages are read and their scans stored.
    expect(await run(args, root)).toEqual(plain);
    const stored = DocdriftCache.open(cacheDir, JSON.parse(readFileSync(join(root, 'docdrift.config.json'), 'utf8')));
    const first = await loadInput({ cwd: root, paths: ['public/source/checked.rst'], config: { variants: { public: 'public', swiss: 'swiss' } }, scans: stored.scans });
    const target = first.input.files.find((f) => f.file === 'public/source/target.rst');
    expect(target?.scan?.labels.map((l) => l.label)).toEqual(['target']);
    expect(target?.stamp).toMatch(/^\d+:/);
    // Stored and unchanged: the text is a getter, read only when asked for.
    expect(Object.getOwnPropertyDescriptor(target, 'text')?.get).toBeTypeOf('function');
    expect(target?.text).toBe(readFileSync(join(root, 'public/source/target.rst'), 'utf8'));
    // The checked file is always read.
    expect(Object.getOwnPropertyDescriptor(first.input.files.find((f) => f.check !== false), 'text')?.value).toContain('Checked page');

    // Renaming the label of a context page changes its size and time: it is scanned again, and the ref is broken.
    const file = join(root, 'public/source/target.rst');
    writeFileSync(file, readFileSync(file, 'utf8').replace('.. _target:', '.. _renamed-target:'));
    const broken = await run(args, root);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(
      (await run(['-f', 'compact', 'public/source/checked.rst'], root)).stdout,
    );
    expect(broken.stdout).toBe('public/source/checked.rst:6:5: error :ref: to undefined label `target` (no such label in project `public/source`) [broken-ref]\n');
  });

  it('a stamp is size, modification time and inode: a page rewritten in place with another size is never taken from the store', async () => {
    const root = project();
    const cacheDir = join(root, 'cache');
    const config = { variants: { public: 'public', swiss: 'swiss' } };
    const file = join(root, 'public/source/other.rst');
    const a = DocdriftCache.open(cacheDir, config);
    await loadInput({ cwd: root, paths: ['public/source/checked.rst'], config, scans: a.scans });
    a.flushScans();

    // Same modification time as before, but a different size (an editor that restores the time).
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('.. _other:', '.. _other:\n.. _other-too:'));
    utimesSync(file, before.atime, before.mtime);
    const b = DocdriftCache.open(cacheDir, config);
    const loaded = await loadInput({ cwd: root, paths: ['public/source/checked.rst'], config, scans: b.scans });
    expect(loaded.input.files.find((f) => f.file === 'public/source/other.rst')?.scan?.labels.map((l) => l.label)).toEqual(['other', 'other-too']);
  });

  it('an unreadable store is an empty one: every context page is read and scanned, and the run finds the same', async () => {
    const root = project();
    const cacheDir = join(root, 'cache');
    const args = ['-f', 'compact', '--cache-location', cacheDir, 'public/source/checked.rst'];
    const file = join(root, 'public/source/target.rst');
    writeFileSync(file, readFileSync(file, 'utf8').replace('.. _target:', '.. _moved:'));
    const plain = await run(['-f', 'compact', 'public/source/checked.rst'], root);
    expect(plain.code).toBe(1);
    expect(await run(args, root)).toEqual(plain);
    writeFileSync(join(cacheDir, 'scans.bin'), 'not a serialised map');
    expect(await run(args, root)).toEqual(plain);
    // …and the store was written again, whole.
    const config = { variants: { public: 'public', swiss: 'swiss' } };
    const stamp = ((st) => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`)(statSync(file));
    expect(DocdriftCache.open(cacheDir, config).scans.lookup('public/source/target.rst', stamp)?.labels.map((l) => l.label)).toEqual(['moved']);
  });

  it('a cache emptied by a configuration change drops the stored scans too', () => {
    const root = project();
    const cacheDir = join(root, 'cache');
    const a = DocdriftCache.open(cacheDir, {});
    a.scans.store('x.rst', '1:2:3:4', { labels: [], originalName: undefined, title: 'X', pageLabels: [] });
    a.flushScans();
    expect(DocdriftCache.open(cacheDir, {}).scans.lookup('x.rst', '1:2:3:4')?.title).toBe('X');
    expect(DocdriftCache.open(cacheDir, { rules: { 'broken-ref': 'off' } }).scans.lookup('x.rst', '1:2:3:4')).toBeUndefined();
  });
});
