/**
 * The bundled CLI's loader (src/cli/load.ts): a CommonJS file run with a V8
 * code cache that is used only for the exact source it was made from, and
 * the built `docdrift` run through it (with and without the cache, and
 * with worker threads, which the bundle loads on demand).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCacheDir, loadBundle, REVIEW_AFTER_MS, runKind } from '../../src/cli/load.js';
import { repo } from '../reporters/seeds.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'docdrift-load-'));

/** A small CommonJS module that uses what `require` gives a module, and `more()`, which compiles 2,000 more functions. */
function bundle(dir: string, answer: number): string {
  const file = join(dir, 'mod.cjs');
  const many = Array.from({ length: 2000 }, (_, i) => `function f${i}(x) { return x * ${i} + (x > ${i} ? 1 : 2); }`).join('\n');
  const calls = Array.from({ length: 2000 }, (_, i) => `f${i}(n)`).join(' + ');
  writeFileSync(
    file,
    `const { join } = require('node:path');\nfunction answer() { return ${answer}; }\n${many}\nfunction more(n) { return ${calls}; }\nmodule.exports = { answer, more, here: join(__dirname, 'x'), file: __filename, viaExports: typeof exports };\n`,
  );
  return file;
}

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.v8'));

// The tests below start fresh Node processes, up to seven each: on a loaded machine that takes longer
// than vitest's default 5 s (a fresh clone's run timed out at 6.7 s), which says nothing about docdrift.
const SPAWNS = { timeout: 60_000 };

describe('loadBundle', SPAWNS, () => {
  it('runs a CommonJS file with require, module, exports, __filename and __dirname', () => {
    const dir = temp();
    const file = bundle(dir, 42);
    const loaded = loadBundle(file, undefined);
    const exp = loaded.exports as { answer: () => number; here: string; file: string; viaExports: string };
    expect(exp.answer()).toBe(42);
    expect(exp.here).toBe(join(dir, 'x'));
    expect(exp.file).toBe(file);
    expect(exp.viaExports).toBe('object');
    expect(loaded.cached).toBe(false);
  });

  // Each load in a fresh process, as docdrift starts: within one process V8 reuses the script it
  // compiled before and never looks at the cache.
  const loader = pathToFileURL(fileURLToPath(new URL('../../dist/cli/load.js', import.meta.url))).href;
  // `more`: the run also calls more(); `checked` (default: more): it saves as a run that checked pages.
  const fresh = (file: string, cache: string, more = false, checked = more): { cached: boolean; answer: number } => {
    const code = `import { loadBundle } from ${JSON.stringify(loader)};
const l = loadBundle(${JSON.stringify(file)}, ${JSON.stringify(cache)});
if (${more}) l.exports.more(3);
process.stdout.write(JSON.stringify({ cached: l.cached, answer: l.exports.answer() }));
l.save(${checked});`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { cached: boolean; answer: number };
  };

  it('stores the cache after the run, headed by the SHA-256 of the source, and uses it next time', () => {
    const dir = temp();
    const cache = join(dir, 'cache');
    const file = bundle(dir, 1);
    expect(fresh(file, cache)).toEqual({ cached: false, answer: 1 });
    const [name] = cacheFiles(cache);
    expect(name).toMatch(/^mod\.cjs-[0-9a-f]{16}\.v8$/);
    const stored = readFileSync(join(cache, name!));
    expect(stored.subarray(0, 32).equals(createHash('sha256').update(readFileSync(file, 'utf8')).digest())).toBe(true);
    expect(stored[32]).toBe(0); // made by a run that checked nothing
    expect(stored.length).toBeGreaterThan(33);
    const mtime = statSync(join(cache, name!)).mtimeMs;
    expect(fresh(file, cache)).toEqual({ cached: true, answer: 1 });
    expect(statSync(join(cache, name!)).mtimeMs).toBe(mtime); // nothing new to store
  });

  it('replaces a cache made by a run that checked nothing with one from the first run that checks, then keeps it', () => {
    const dir = temp();
    const cache = join(dir, 'cache');
    const file = bundle(dir, 5);
    fresh(file, cache); // compiles answer() only
    const [name] = cacheFiles(cache);
    const path = join(cache, name!);
    const thin = readFileSync(path);
    expect(fresh(file, cache, true)).toEqual({ cached: true, answer: 5 }); // used, and more() compiled on top
    const rich = readFileSync(path);
    expect(rich.length).toBeGreaterThan(thin.length + 20_000); // what it loaded and what it compiled
    expect([thin[32], rich[32]]).toEqual([0, 1]);
    expect(fresh(file, cache, true)).toEqual({ cached: true, answer: 5 });
    expect(fresh(file, cache)).toEqual({ cached: true, answer: 5 }); // a run that checks nothing leaves it
    expect(readFileSync(path).equals(rich)).toBe(true);
  });

  it('a checking run reviews a checking run\'s cache once it is old: replaced when it compiled more, else renewed', () => {
    const dir = temp();
    const cache = join(dir, 'cache');
    const file = bundle(dir, 6);
    fresh(file, cache, false, true); // a run that checked pages on a path without more()
    const [name] = cacheFiles(cache);
    const path = join(cache, name!);
    const thin = readFileSync(path);
    expect(thin[32]).toBe(1);
    // A run on a path with more(), while the cache is recent: used as it is.
    expect(fresh(file, cache, true)).toEqual({ cached: true, answer: 6 });
    expect(readFileSync(path).equals(thin)).toBe(true);
    // Once it is older than REVIEW_AFTER_MS, such a run stores what it loaded and compiled.
    const old = (Date.now() - REVIEW_AFTER_MS - 60_000) / 1000;
    utimesSync(path, old, old);
    expect(fresh(file, cache, true)).toEqual({ cached: true, answer: 6 });
    const rich = readFileSync(path);
    expect(rich.length).toBeGreaterThan(thin.length + 20_000);
    // An old cache that holds as much as the run compiled keeps its bytes and gets a new time.
    utimesSync(path, old, old);
    expect(fresh(file, cache, false, true)).toEqual({ cached: true, answer: 6 });
    expect(readFileSync(path).equals(rich)).toBe(true);
    expect(statSync(path).mtimeMs).toBeGreaterThan(Date.now() - REVIEW_AFTER_MS);
  });

  it('never runs the bytecode of another source of the same length (V8 alone would accept it)', () => {
    const dir = temp();
    const cache = join(dir, 'cache');
    const file = bundle(dir, 1);
    fresh(file, cache);
    bundle(dir, 2); // same length, other code
    expect(fresh(file, cache)).toEqual({ cached: false, answer: 2 });
    expect(cacheFiles(cache)).toHaveLength(1); // replaced, not added
    expect(fresh(file, cache)).toEqual({ cached: true, answer: 2 });
  });

  it('compiles as usual when the cache file is damaged, and replaces it', () => {
    const dir = temp();
    const cache = join(dir, 'cache');
    const file = bundle(dir, 7);
    fresh(file, cache);
    const [name] = cacheFiles(cache);
    const path = join(cache, name!);
    const stored = readFileSync(path);
    writeFileSync(path, Buffer.concat([stored.subarray(0, 33), Buffer.from('not a code cache at all')]));
    expect(fresh(file, cache)).toEqual({ cached: false, answer: 7 });
    expect(fresh(file, cache)).toEqual({ cached: true, answer: 7 });
    writeFileSync(path, ''); // empty
    expect(fresh(file, cache)).toEqual({ cached: false, answer: 7 });
  });

  it.skipIf(process.platform === 'win32')('does not use a cache folder that others can write to', () => {
    const dir = temp();
    const cache = join(dir, 'shared');
    mkdirSync(cache);
    chmodSync(cache, 0o777);
    const file = bundle(dir, 3);
    const loaded = loadBundle(file, cache);
    loaded.save(false);
    expect(cacheFiles(cache)).toEqual([]);
    expect((loaded.exports as { answer: () => number }).answer()).toBe(3);
  });

  it('skips a cache folder that cannot be made, without failing', () => {
    const dir = temp();
    writeFileSync(join(dir, 'file'), 'x');
    const file = bundle(dir, 4);
    const loaded = loadBundle(file, join(dir, 'file', 'cache')); // below a file
    loaded.save(false);
    expect((loaded.exports as { answer: () => number }).answer()).toBe(4);
  });
});

describe('runKind', () => {
  it('is the options given (with the format) and whether the paths are files or folders', () => {
    expect(runKind(['--cache', 'a.rst', 'b.rst'])).toBe(runKind(['--cache', 'docs/c.md']));
    expect(runKind(['--cache', 'a.rst'])).not.toBe(runKind(['--cache', 'docs']));
    expect(runKind(['--cache', 'a.rst'])).not.toBe(runKind(['a.rst']));
    expect(runKind(['-f', 'json', 'docs'])).toBe(runKind(['--format=json', 'docs']));
    expect(runKind(['-f', 'json', 'docs'])).not.toBe(runKind(['-f', 'sarif', 'docs']));
    expect(runKind(['--cache-location', 'out/cache', 'a.rst'])).toBe(runKind(['--cache-location', 'elsewhere', 'b.rst'])); // values are not paths
    expect(runKind([])).toBe(runKind(['.']));
    expect(runKind(['--bogus', 'a.rst'])).toContain('bogus');
  });
});

describe('compileCacheDir', () => {
  it('is $DOCDRIFT_COMPILE_CACHE when set, off when empty or 0, else a folder of the user under the temporary folder', () => {
    expect(compileCacheDir({ DOCDRIFT_COMPILE_CACHE: '/somewhere' })).toBe('/somewhere');
    expect(compileCacheDir({ DOCDRIFT_COMPILE_CACHE: '' })).toBeUndefined();
    expect(compileCacheDir({ DOCDRIFT_COMPILE_CACHE: '0' })).toBeUndefined();
    const uid = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
    expect(compileCacheDir({})).toBe(join(tmpdir(), `docdrift-compile-cache${uid}`));
  });
});

describe('the built docdrift through the loader', SPAWNS, () => {
  const bin = fileURLToPath(new URL('../../dist/cli/bin.cjs', import.meta.url));
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });

  it('stores its code cache per kind of run, replaces one from a run that checked nothing, and reports the same', () => {
    const dir = temp();
    const cc = join(dir, 'cc');
    const args = (location: string): string[] => ['docs-sources', '--format', 'compact', '--max-warnings', '0', '--cache', '--cache-location', join(dir, location)];
    // Findings stored by a run without the code cache: the next run of this kind checks nothing.
    const first = run(args('findings'), { DOCDRIFT_COMPILE_CACHE: '0' });
    expect(first.status).toBe(1); // the seeds' findings
    expect(first.stdout).toContain('[mislabeled-caption]');
    expect(run(args('findings'), { DOCDRIFT_COMPILE_CACHE: cc }).stdout).toBe(first.stdout);
    const files = cacheFiles(cc);
    expect(files).toEqual([expect.stringMatching(/^docdrift\.cjs-[0-9a-f]{16}\.v8$/)]);
    const file = join(cc, files[0]!);
    const thin = readFileSync(file);
    expect(thin[32]).toBe(0);
    // The same kind of run with an empty --cache checks the pages: its code cache replaces the thin one.
    expect(run(args('empty'), { DOCDRIFT_COMPILE_CACHE: cc }).stdout).toBe(first.stdout);
    expect(cacheFiles(cc)).toEqual(files);
    const rich = readFileSync(file);
    expect(rich[32]).toBe(1);
    expect(rich.length).toBeGreaterThan(thin.length);
    const mtime = statSync(file).mtimeMs;
    expect(run(args('empty'), { DOCDRIFT_COMPILE_CACHE: cc }).stdout).toBe(first.stdout);
    expect(statSync(file).mtimeMs).toBe(mtime); // used, not rewritten
    // Another kind of run keeps a cache of its own.
    expect(run(['--version'], { DOCDRIFT_COMPILE_CACHE: cc }).status).toBe(0);
    expect(cacheFiles(cc)).toHaveLength(2);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(run(args('off'), { DOCDRIFT_COMPILE_CACHE: '0' }).stdout).toBe(first.stdout);
  });

  it('empties the --cache when the bundle changes (the build id covers dist/cli/docdrift.cjs)', () => {
    // A copy of the built CLI inside the package (so it resolves the parser and the package as the
    // original does), whose bundle is then changed by one comment.
    const copy = join(fileURLToPath(new URL('../../', import.meta.url)), `dist-test-${process.pid}`, 'cli');
    try {
      cpSync(fileURLToPath(new URL('../../dist/cli/', import.meta.url)), copy, { recursive: true });
      const cache = join(temp(), 'cache');
      const args = [join(copy, 'bin.cjs'), 'docs-sources', '--format', 'compact', '--cache-location', cache];
      const build = (): string => (JSON.parse(readFileSync(join(cache, 'meta.json'), 'utf8')) as { build: string }).build;
      const first = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, DOCDRIFT_COMPILE_CACHE: '0' } });
      const before = build();
      writeFileSync(join(copy, 'docdrift.cjs'), `${readFileSync(join(copy, 'docdrift.cjs'), 'utf8')}\n// changed\n`);
      const second = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, DOCDRIFT_COMPILE_CACHE: '0' } });
      expect(second.stdout).toBe(first.stdout);
      expect(first.stdout).toContain('[mislabeled-caption]');
      expect(build()).not.toBe(before);
    } finally {
      rmSync(dirname(copy), { recursive: true, force: true });
    }
  });

  it('has its version written in at build time, the one of its package.json', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(run(['--version'], { DOCDRIFT_COMPILE_CACHE: '0' })).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('resolves no package when it starts: a copy outside any package checks reStructuredText', () => {
    // The version is written in, and the parser's Markdown libraries are looked up on the first
    // Markdown page only (module resolution was ~6 ms of a one-page run).
    const dir = temp();
    const copy = join(dir, 'cli');
    cpSync(fileURLToPath(new URL('../../dist/cli/', import.meta.url)), copy, { recursive: true });
    writeFileSync(join(dir, 'a.rst'), 'Title\n=====\n\nSee :ref:`missing`.\n');
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const opts = { cwd: dir, encoding: 'utf8' as const, env: { ...process.env, DOCDRIFT_COMPILE_CACHE: '0' } };
    expect(spawnSync(process.execPath, [join(copy, 'bin.cjs'), '--version'], opts)).toMatchObject({ status: 0, stdout: `${version}\n` });
    const checked = spawnSync(process.execPath, [join(copy, 'bin.cjs'), '-f', 'compact', '.'], opts);
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toContain('a.rst:4:5: error :ref: to undefined label `missing`');
  });

  it.skipIf(process.platform === 'win32')('writes its whole report to a pipe whose reader is slow before it exits', () => {
    // 70 KB of JSON, more than a pipe holds: part of it waits in Node until the reader catches up.
    const direct = run(['docs-sources', '--format', 'json'], {});
    expect(direct.stdout.length).toBeGreaterThan(65_536);
    const slow = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} docs-sources --format json | (sleep 1; cat)`], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(slow.stdout).toBe(direct.stdout);
  });

  it('starts worker threads from the bundle (--threads 2 reports what one thread does)', () => {
    const args = ['docs-sources', '--format', 'json'];
    const one = run([...args, '--threads', '1'], { DOCDRIFT_COMPILE_CACHE: '0' });
    const two = run([...args, '--threads', '2'], { DOCDRIFT_COMPILE_CACHE: '0' });
    expect(two.stderr).toBe('');
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as unknown[]).length).toBeGreaterThan(0);
  });
});
