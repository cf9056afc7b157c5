import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { fileBelow } from '../src/loader.js';
import { normalizePath, normalizeSegments } from '../src/paths.js';

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
    const alphabet = ['a', '.', '/', '\\'];
    let checked = 0;
    const grow = (p: string, depth: number): void => {
      expect(normalizePath(p), JSON.stringify(p)).toBe(normalizeSegments(p));
      checked += 1;
      if (depth < 5) for (const c of alphabet) grow(p + c, depth + 1);
    };
    grow('', 0);
    expect(checked).toBe(1365);
  });
});

describe('fileBelow', () => {
  it('is path.resolve(base, file) for every path of a small alphabet, below and above the base', () => {
    // The loader joins a project's page paths to the working directory by hand; where that would
    // differ from path.resolve (a `..`, a path that is not normal) it falls back to path.resolve.
    const alphabet = ['a', '.', '/'];
    let checked = 0;
    const grow = (p: string, depth: number): void => {
      if (p !== '' && !p.startsWith('/')) {
        for (const base of [resolve('/work/docs'), resolve('/work/docs/'), resolve('/')]) {
          expect(fileBelow(base, p), `${base} + ${JSON.stringify(p)}`).toBe(resolve(base, p));
          checked += 1;
        }
      }
      if (depth < 6) for (const c of alphabet) grow(p + c, depth + 1);
    };
    grow('', 0);
    expect(checked).toBeGreaterThan(1000);
    expect(fileBelow('/work/docs', 'public/api-ref/source/a.rst')).toBe(resolve('/work/docs', 'public/api-ref/source/a.rst'));
  });
});
