import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocdriftCache, defaultCacheDir, jsonArrayPieces } from '../../src/cache.js';
import { checkDocSet } from '../../src/check.js';
import type { CheckInput } from '../../src/docset.js';
import type { main as srcMain } from '../../src/cli/main.js';
import { run, tree } from '../cli/run.js';
import { seeds } from '../reporters/seeds.js';
import { seedTree } from '../fix/fixture.js';

const config = { baseUrl: 'https://docs.otc.t-systems.com/', groupByContent: ['docs-sources'] };

async function seedInput(): Promise<CheckInput> {
  const { texts } = await seeds();
  return { files: Object.entries(texts).map(([file, text]) => ({ file, text, check: !file.endsWith('README.md') })) };
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('the parse cache', () => {
  it('a second run parses nothing and finds exactly the same; a changed page is the only one parsed again', async () => {
    const dir = join(tree({}), 'cache');
    const input = await seedInput();
    const plain = checkDocSet(input, config).diagnostics;

    // The seeds: four reStructuredText pages and one Markdown page. Only Markdown parses are
    // stored (reading a stored reStructuredText tree back is slower than parsing it again).
    const first = DocdriftCache.open(dir, config);
    expect(checkDocSet(input, config, { parse: first.parse }).diagnostics).toEqual(plain);
    expect(first.stats.parseHits).toBe(0);
    expect(first.stats.parseMisses).toBe(1);
    expect(first.stats.parseSkipped).toBeGreaterThanOrEqual(4);
    expect(files(join(dir, 'parse'))).toHaveLength(1);

    const second = DocdriftCache.open(dir, config);
    expect(second.invalidated).toBeUndefined();
    expect(checkDocSet(input, config, { parse: second.parse }).diagnostics).toEqual(plain);
    expect(second.stats).toMatchObject({ parseMisses: 0 });
    expect(second.stats.parseHits).toBeGreaterThanOrEqual(1);
    expect(second.stats.parseSkipped).toBe(first.stats.parseSkipped);

    const edited: CheckInput = {
      files: input.files.map((f) => (f.file.endsWith('two-tables-markdown-export.md') ? { ...f, text: `${f.text}\nA closing paragraph.\n` } : f)),
    };
    const third = DocdriftCache.open(dir, config);
    expect(checkDocSet(edited, config, { parse: third.parse }).diagnostics).toEqual(checkDocSet(edited, config).diagnostics);
    expect(third.stats.parseMisses).toBe(1);
    expect(files(join(dir, 'parse'))).toHaveLength(2);
  });

  it('stores a run\'s findings as JSON.stringify would write them, in pieces', () => {
    const items = [{ a: 1, text: 'caf\u00e9 \u2014 \ud83d\ude00' }, { b: [1, 2, { c: null }] }, 'plain', 42];
    for (const size of [1, 5, 1 << 20]) {
      expect([...jsonArrayPieces(items, size)].join('')).toBe(JSON.stringify(items));
      expect([...jsonArrayPieces([], size)].join('')).toBe('[]');
    }
    expect([...jsonArrayPieces(items, 1)].length).toBe(items.length + 1);
  });

  it('a changed configuration or docdrift version empties it; an unreadable entry is a miss', async () => {
    const dir = join(tree({}), 'cache');
    const input = await seedInput();
    const a = DocdriftCache.open(dir, config);
    checkDocSet(input, config, { parse: a.parse });
    const entries = files(join(dir, 'parse'));
    expect(entries.length).toBeGreaterThan(0);

    const other = { ...config, rules: { 'wording-drift': 'off' as const } };
    const b = DocdriftCache.open(dir, other);
    expect(b.invalidated).toBe('configuration changed');
    expect(files(join(dir, 'parse'))).toEqual([]);
    checkDocSet(input, other, { parse: b.parse });

    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Record<string, string>;
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, version: '0.0.1' }));
    const c = DocdriftCache.open(dir, other);
    expect(c.invalidated).toMatch(/^docdrift version changed \(0\.0\.1 → /);
    expect(files(join(dir, 'parse'))).toEqual([]);

    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')), build: 'an older build' }));
    expect(DocdriftCache.open(dir, other).invalidated).toBe('docdrift or its parser was rebuilt');

    // Garbage in an entry: parsed again, same result.
    const d = DocdriftCache.open(dir, other);
    const plain = checkDocSet(input, other).diagnostics;
    checkDocSet(input, other, { parse: d.parse });
    for (const f of files(join(dir, 'parse'))) writeFileSync(join(dir, 'parse', f), 'not a parse');
    const e = DocdriftCache.open(dir, other);
    expect(checkDocSet(input, other, { parse: e.parse }).diagnostics).toEqual(plain);
    expect(e.stats.parseHits).toBe(0);
  });
});

describe('docdrift --cache', () => {
  it('the second run prints the same and reuses the stored run; a changed file or --rule changes the result', async () => {
    const root = seedTree();
    const plain = await run(['docs', '-f', 'compact'], root);
    const cacheDir = join(root, 'node_modules/.cache/docdrift');
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'package.json'), '{}');
    expect(defaultCacheDir(join(root, 'docs'))).toBe(cacheDir);

    const first = await run(['docs', '-f', 'compact', '--cache'], root);
    expect(first).toEqual(plain);
    const runs = files(join(cacheDir, 'runs'));
    expect(runs).toHaveLength(1);
    // The Markdown page's parse (reStructuredText is parsed again: that is faster than reading it back).
    expect(files(join(cacheDir, 'parse'))).toHaveLength(1);

    const second = await run(['docs', '-f', 'compact', '--cache'], root);
    expect(second).toEqual(plain);
    expect(files(join(cacheDir, 'runs'))).toEqual(runs);

    writeFileSync(join(root, 'docs/two-tables.rst'), `${readFileSync(join(root, 'docs/two-tables.rst'), 'utf8')}\nSee :ref:\`nowhere\`.\n`);
    const edited = await run(['docs', '-f', 'compact', '--cache'], root);
    expect(edited).toEqual(await run(['docs', '-f', 'compact'], root));
    expect(edited.stdout).toContain('[broken-ref]');

    const off = await run(['docs', '-f', 'compact', '--cache', '--rule', 'broken-ref=off'], root);
    expect(off.stdout).not.toContain('[broken-ref]');
    // --cache-location puts it elsewhere.
    const there = await run(['docs', '-f', 'compact', '--cache-location', '.dd-cache'], root);
    expect(there.stdout).toBe(edited.stdout);
    expect(existsSync(join(root, '.dd-cache/meta.json'))).toBe(true);
  });
});

describe('docdrift --cache-location that cannot hold a cache', () => {
  it('a file is a usage error (exit 2, no stack trace); a folder that cannot be created is said once and the run goes on without the cache', async () => {
    const root = seedTree();
    const plain = await run(['docs', '-f', 'compact'], root);
    writeFileSync(join(root, 'afile'), 'x');
    for (const where of ['afile', 'afile/sub']) {
      expect(await run(['docs', '-f', 'compact', '--cache-location', where], root)).toEqual({ code: 2, stdout: '', stderr: `docdrift: --cache-location ${where}: afile is a file, not a folder\n` });
    }
    expect(readFileSync(join(root, 'afile'), 'utf8')).toBe('x');
    if (process.platform === 'linux' && existsSync('/proc/self')) {
      // /proc/x cannot be created though /proc exists (Node 20's recursive mkdirSync spun for ever on it).
      expect(await run(['docs', '-f', 'compact', '--cache-location', '/proc/docdrift-cache'], root)).toEqual({
        ...plain,
        stderr: 'docdrift: cannot use the cache folder /proc/docdrift-cache (no such file or directory); running without the cache\n',
      });
    }
  });
});

// Worker threads run from dist/ (turbo's `test` depends on `build`).
const distMain = new URL('../../dist/cli/main.js', import.meta.url);

describe('docdrift --cache --threads 2', () => {
  it.skipIf(!existsSync(distMain))('worker threads read and store parses in the same cache', async () => {
    const { main } = (await import(distMain.href)) as { main: typeof srcMain };
    const root = seedTree();
    const go = async (argv: string[]): Promise<string> => {
      let out = '';
      const code = await main({ argv, cwd: root, env: {}, stdout: { write: (x: string) => (out += x) }, stderr: { write: () => true } });
      return `${code}\n${out}`;
    };
    const plain = await go(['docs', '-f', 'compact']);
    expect(await go(['docs', '-f', 'compact', '--threads', '2', '--cache-location', 'c'])).toBe(plain);
    const parsed = files(join(root, 'c/parse'));
    // The Markdown page's parse: reStructuredText is not stored.
    expect(parsed).toHaveLength(1);
    // Rerun after removing the stored run: the workers now only read parses.
    for (const f of files(join(root, 'c/runs'))) writeFileSync(join(root, 'c/runs', f), 'garbage');
    expect(await go(['docs', '-f', 'compact', '--threads', '2', '--cache-location', 'c'])).toBe(plain);
    expect(files(join(root, 'c/parse'))).toEqual(parsed);
  });
});
