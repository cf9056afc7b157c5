import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { fileBelow } from '../src/loader.js';
import { normalizePath, normalizeSegments } from '../src/paths.js';

/** Every string of up to `max` characters over `alphabet`, the empty one first. */
function* everyString(alphabet: readonly string[], max: number, prefix = ''): Generator<string> {
  yield prefix;
  if (prefix.length < max) for (const c of alphabet) yield* everyString(alphabet, max, prefix + c);
}

describe('normalizePath', () => {
  it('normalises separators, `.` and `..` segments and stray slashes', () => {
    expect(normalizePath('docs\\public\\a.rst')).toBe('docs/public/a.rst');
    expect(normalizePath('./docs//public/')).toBe('docs/public');
    expect(normalizePath('docs/x/../a.rst')).toBe('docs/a.rst');
    expect(normalizePath('../up/a.rst')).toBe('../up/a.rst');
    expect(normalizePath('')).toBe('.');
    expect(normalizePath('.')).toBe('.');
    expect(normalizePath('/abs/a.rst')).toBe('abs/a.rst');
  });

  it('keeps names that only look like dot segments', () => {
    expect(normalizePath('docs/.hidden/a.rst')).toBe('docs/.hidden/a.rst');
    expect(normalizePath('docs/...')).toBe('docs/...');
    expect(normalizePath('a..b/c.')).toBe('a..b/c.');
  });

  it('agrees with segment-by-segment normalisation on every path of a small alphabet', () => {
    // Every string of up to 5 characters over the characters that matter: all 1,365 of them.
    let checked = 0;
    for (const p of everyString(['a', '.', '/', '\\'], 5)) {
      expect(normalizePath(p), JSON.stringify(p)).toBe(normalizeSegments(p));
      checked += 1;
    }
    expect(checked).toBe(1365);
  });
});

describe('fileBelow', () => {
  it('is path.resolve(base, file) for every path of a small alphabet, below and above the base', () => {
    // The loader joins a project's page paths to the working directory by hand; where that would
    // differ from path.resolve (a `..`, a path that is not normal) it falls back to path.resolve.
    let checked = 0;
    for (const p of everyString(['a', '.', '/'], 6)) {
      if (p === '' || p.startsWith('/')) continue;
      for (const base of [resolve('/work/docs'), resolve('/work/docs/'), resolve('/')]) {
        expect(fileBelow(base, p), `${base} + ${JSON.stringify(p)}`).toBe(resolve(base, p));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(fileBelow('/work/docs', 'public/api-ref/source/a.rst')).toBe(resolve('/work/docs', 'public/api-ref/source/a.rst'));
  });
});
