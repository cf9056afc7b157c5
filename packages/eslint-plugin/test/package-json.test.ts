import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearPackageJsonCache, isRuntimeDependency } from '../src/util/package-json.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'docdrift-pkg-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const manifest = (deps: Record<string, string>, dev: Record<string, string> = {}): string => JSON.stringify({ name: 'x', dependencies: deps, devDependencies: dev });

describe('isRuntimeDependency', () => {
  afterEach(() => clearPackageJsonCache());

  it('answers by the nearest package.json, also for files after one in the same folder answered yes', () => {
    const root = tree({
      'package.json': manifest({ 'http-status-codes': '^2.3.0' }),
      'src/sub/package.json': manifest({}),
      'other/package.json': manifest({}, { 'http-status-codes': '^2.3.0' }),
    });
    // In file order, as ESLint lints them: the same folder, a subfolder with its own package.json,
    // a sibling whose name starts like the folder, another package, the first folder again.
    expect(isRuntimeDependency(join(root, 'src/a.ts'), 'http-status-codes')).toBe(true);
    expect(isRuntimeDependency(join(root, 'src/b.ts'), 'http-status-codes')).toBe(true);
    expect(isRuntimeDependency(join(root, 'src/b.ts'), 'express')).toBe(false);
    expect(isRuntimeDependency(join(root, 'src/sub/c.ts'), 'http-status-codes')).toBe(false);
    expect(isRuntimeDependency(join(root, 'srcx/d.ts'), 'http-status-codes')).toBe(true);
    expect(isRuntimeDependency(join(root, 'other/e.ts'), 'http-status-codes')).toBe(false);
    expect(isRuntimeDependency(join(root, 'src/f.ts'), 'http-status-codes')).toBe(true);
    expect(isRuntimeDependency(join(root, 'src/sub/deeper/g.ts'), 'http-status-codes')).toBe(false);
  });

  it('looks past a package.json with neither a name nor dependencies (`{ "type": "module" }` in a sub-folder)', () => {
    const root = tree({
      'package.json': manifest({ 'http-status-codes': '^2.3.0' }),
      'src/esm/package.json': JSON.stringify({ type: 'module' }),
      'src/named/package.json': JSON.stringify({ name: 'named', type: 'module' }),
    });
    expect(isRuntimeDependency(join(root, 'src/esm/a.ts'), 'http-status-codes')).toBe(true);
    expect(isRuntimeDependency(join(root, 'src/named/a.ts'), 'http-status-codes')).toBe(false);
  });

  it('is false for a relative file name, and forgets what it knew when the caches are cleared', () => {
    const root = tree({ 'package.json': manifest({ 'http-status-codes': '^2.3.0' }) });
    expect(isRuntimeDependency('src/a.ts', 'http-status-codes')).toBe(false);
    expect(isRuntimeDependency(join(root, 'a.ts'), 'http-status-codes')).toBe(true);
    writeFileSync(join(root, 'package.json'), manifest({}));
    expect(isRuntimeDependency(join(root, 'b.ts'), 'http-status-codes')).toBe(true); // cached for the process
    clearPackageJsonCache();
    expect(isRuntimeDependency(join(root, 'b.ts'), 'http-status-codes')).toBe(false);
  });
});
