import { describe, expect, it } from 'vitest';
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
