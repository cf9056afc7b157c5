import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { buildDocSet } from '../src/docset.js';
import { loadConfig, loadInput, walkPages } from '../src/loader.js';
import { run, tree } from './cli/run.js';

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

describe('loader (project roots without conf.py: the topmost index.rst with a toctree)', () => {
  // As in ../shared/corpus/: no conf.py, and sub-folders have index.rst toctrees of their own. The root
  // is found by the folders on disk, whatever the command line names and wherever docdrift runs.
  const repo = (): string =>
    tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docs/api-ref/source/index.rst': page('API', '.. toctree::\n\n   sub/index\n   appendix/index'),
      'docs/api-ref/source/sub/index.rst': page('Sub', '.. toctree::\n\n   call'),
      'docs/api-ref/source/sub/call.rst': page('Call', 'See :ref:`codes` and :ref:`no_such_label`.'),
      'docs/api-ref/source/appendix/index.rst': page('Appendix', '.. toctree::\n\n   codes'),
      'docs/api-ref/source/appendix/codes.rst': page('Codes', '.. _codes:\n\nCodes.'),
    });
  const brokenRefs = (stdout: string): string[] => stdout.split('\n').filter((l) => l.includes('[broken-ref]'));

  it('a folder argument outside cwd (docdrift ../repo/docs) finds the topmost root, not each sub-folder', async () => {
    const d = repo();
    const cwd = join(d, '.git'); // any folder beside the tree, so that every path starts with ../
    const r = await loadInput({ cwd, paths: ['../docs'], config: {} });
    expect(r.input.projects).toEqual([{ root: '../docs/api-ref/source', source: 'toctree', complete: true }]);
    const out = await run(['-f', 'compact', '../docs'], cwd);
    expect(brokenRefs(out.stdout)).toEqual([
      "../docs/api-ref/source/sub/call.rst:4:22: error :ref: to undefined label `no_such_label` (no such label in project `../docs/api-ref/source`) [broken-ref]",
    ]);
  });

  it('a sub-folder argument loads the rest of its project as context: a label elsewhere in it resolves', async () => {
    const d = repo();
    const r = await loadInput({ cwd: d, paths: ['docs/api-ref/source/sub'], config: {} });
    expect(r.input.projects).toEqual([{ root: 'docs/api-ref/source', source: 'toctree', complete: true }]);
    expect(r.input.files.map((f) => `${f.file}${f.check ? ' (checked)' : ''}`).sort()).toEqual([
      'docs/api-ref/source/appendix/codes.rst',
      'docs/api-ref/source/appendix/index.rst',
      'docs/api-ref/source/index.rst',
      'docs/api-ref/source/sub/call.rst (checked)',
      'docs/api-ref/source/sub/index.rst (checked)',
    ]);
    const out = await run(['-f', 'compact', 'docs/api-ref/source/sub'], d);
    expect(brokenRefs(out.stdout)).toEqual([
      'docs/api-ref/source/sub/call.rst:4:22: error :ref: to undefined label `no_such_label` (no such label in project `docs/api-ref/source`) [broken-ref]',
    ]);
  });

  it('a run inside a sub-folder of a project cannot see its whole label index, so broken-ref says nothing', async () => {
    const d = repo();
    const cwd = join(d, 'docs/api-ref/source/sub');
    const r = await loadInput({ cwd, paths: [], config: {} });
    expect(r.input.projects).toEqual([{ root: '.', source: 'toctree', complete: false }]);
    const out = await run(['-f', 'compact'], cwd);
    expect(brokenRefs(out.stdout)).toEqual([]);
  });

  it('the walk up ends at the repository top (.git): an index.rst above it is not the root', async () => {
    const d = tree({
      'index.rst': page('Outside', '.. toctree::\n\n   repo/docs/index'),
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/docs/index.rst': page('Docs', '.. toctree::\n\n   a'),
      'repo/docs/a.rst': page('A'),
    });
    const r = await loadInput({ cwd: join(d, 'repo'), paths: ['docs/a.rst'], config: {} });
    expect(r.input.projects).toEqual([{ root: 'docs', source: 'toctree', complete: true }]);
  });
});

describe.skipIf(process.platform === 'win32')('loader (symbolic links)', () => {
  // Sphinx follows symbolic links when it collects a project's pages, so a label defined in a linked
  // page or folder exists for its :ref:s; a folder walk that skipped links reported them broken.
  const project = (): string => {
    const d = tree({
      'proj/conf.py': '',
      'proj/index.rst': page('Index', 'See :ref:`linked-page` and :ref:`linked-folder`.'),
      'shared/b.rst': page('B', '.. _linked-page:\n\nB.'),
      'shared/deep/c.rst': page('C', '.. _linked-folder:\n\nC.'),
    });
    symlinkSync('../shared/b.rst', join(d, 'proj/b.rst'));
    symlinkSync('../shared/deep', join(d, 'proj/deep'));
    return d;
  };

  it('a folder run reads linked pages and pages in linked folders, under the path of the link', async () => {
    const d = project();
    const r = await loadInput({ cwd: d, paths: ['proj'], config: {} });
    expect(r.input.files.map((f) => f.file).sort()).toEqual(['proj/b.rst', 'proj/deep/c.rst', 'proj/index.rst']);
    expect((await run(['proj', '-f', 'compact'], d)).stdout).toBe('');
  });

  it('a pre-commit run loads them as context of the changed page', async () => {
    const d = project();
    const r = await loadInput({ cwd: d, paths: ['proj/index.rst'], config: {} });
    expect(r.input.files.map((f) => `${f.file}${f.check ? ' (checked)' : ''}`).sort()).toEqual(['proj/b.rst', 'proj/deep/c.rst', 'proj/index.rst (checked)']);
    expect((await run(['proj/index.rst', '-f', 'compact'], d)).stdout).toBe('');
  });

  it('a link back up the tree (a loop) is not followed: each page is listed once', async () => {
    const d = project();
    symlinkSync('..', join(d, 'proj/up'));
    symlinkSync('.', join(d, 'proj/deep/self'));
    const r = await loadInput({ cwd: d, paths: ['proj'], config: {} });
    expect(r.input.files.map((f) => f.file).sort()).toEqual(['proj/b.rst', 'proj/deep/c.rst', 'proj/index.rst']);
    expect(r.errors).toEqual([]);
    // The walk through links goes round a loop once; its findings were reported a second time there.
    writeFileSync(join(d, 'proj/index.rst'), page('Index', 'See :ref:`nowhere`.'));
    const out = (await run(['proj', '-f', 'compact'], d)).stdout;
    expect(out.trim().split('\n')).toEqual([expect.stringMatching(/^proj\/index\.rst:\d+:\d+: error :ref: to undefined label `nowhere`/)]);
  });

  it('a loop through two links is not followed either; a link to a folder elsewhere in the tree is', async () => {
    const d = tree({ 'proj/conf.py': '', 'proj/index.rst': page('Index'), 'proj/a/p.rst': page('P'), 'proj/b/q.rst': page('Q'), 'proj/c/r.rst': page('R') });
    symlinkSync('../b', join(d, 'proj/a/x'));
    symlinkSync('../a', join(d, 'proj/b/y'));
    symlinkSync('../c', join(d, 'proj/a/alias'));
    const r = await loadInput({ cwd: d, paths: ['proj'], config: {} });
    expect(r.input.files.map((f) => f.file).sort()).toEqual([
      'proj/a/alias/r.rst',
      'proj/a/p.rst',
      'proj/a/x/q.rst',
      'proj/b/q.rst',
      'proj/b/y/alias/r.rst',
      'proj/b/y/p.rst',
      'proj/c/r.rst',
      'proj/index.rst',
    ]);
  });
});

describe('walkPages (the folder walk without glob matchers)', () => {
  // listDir walks with fdir and name tests when the configuration ignores nothing; it must list what
  // tinyglobby's glob (used when there are ignore globs) lists, on every kind of name and link.
  const awkward = (): string => {
    const d = tree({
      'a.rst': 'x',
      'b.md': 'x',
      'c.txt': 'x',
      'UPPER.RST': 'x',
      'rst': 'x',
      'a.rst.bak': 'x',
      'a.md.rst': 'x',
      '.hidden.rst': 'x',
      '.dot/x.rst': 'x',
      'sub/.dot/y.rst': 'x',
      'node_modules/p/y.rst': 'x',
      'sub/node_modules/z.rst': 'x',
      'sub/deep/d.rst': 'x',
      'sub/deep/e.md': 'x',
      'sp ace/ü ber.rst': 'x',
      'x.rst/inner.rst': 'x',
      'sub/y.md/z.txt': 'x',
      'elsewhere/linked.rst': 'x',
      'elsewhere/folder/in.rst': 'x',
    });
    mkdirSync(join(d, 'empty.rst'));
    if (process.platform !== 'win32') {
      symlinkSync('elsewhere/linked.rst', join(d, 'link.rst'));
      symlinkSync('../elsewhere/folder', join(d, 'sub/linkdir'));
      symlinkSync('elsewhere/folder', join(d, 'dirlink.rst'));
      symlinkSync('missing.rst', join(d, 'broken.rst'));
      symlinkSync('..', join(d, 'sub/deep/up'));
      symlinkSync('elsewhere/linked.rst', join(d, '.dotlink.rst'));
    }
    return d;
  };
  const glob = (dir: string, exts: string[]): string[] =>
    globSync(exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`, {
      cwd: dir,
      onlyFiles: false,
      ignore: ['**/node_modules/**', '**/.git/**'],
      dot: false,
      followSymbolicLinks: true,
      expandDirectories: false,
    }).sort();

  for (const exts of [['rst', 'md'], ['rst'], ['md'], ['txt', 'RST']]) {
    it(`lists what the glob lists (extensions ${exts.join(', ')})`, () => {
      const d = awkward();
      const walked = walkPages(d, exts).sort();
      expect(walked).toEqual(glob(d, exts));
      expect(walked.length).toBeGreaterThan(0);
    });
  }

  it('finds pages at every depth, folders named like pages, and keeps the paths of links', () => {
    const d = awkward();
    const walked = walkPages(d, ['rst', 'md']);
    expect(walked).toEqual(expect.arrayContaining(['a.rst', 'b.md', 'a.md.rst', 'sub/deep/d.rst', 'sp ace/ü ber.rst', 'x.rst/', 'x.rst/inner.rst', 'empty.rst/', 'sub/y.md/']));
    if (process.platform !== 'win32') expect(walked).toEqual(expect.arrayContaining(['link.rst', 'sub/linkdir/in.rst']));
    expect(walked.filter((p) => p.includes('node_modules') || p.split('/').some((s) => s.startsWith('.')))).toEqual([]);
    expect(walked).not.toContain('UPPER.RST');
  });
});
