/**
 * `mkdir -p` that ends. Node 20's `mkdirSync(dir, { recursive: true })` spins for ever (100 % CPU)
 * where a folder cannot be created although its parent exists (`/proc/x`: ENOENT, which it takes for
 * a missing parent). This walks up to the nearest existing folder, then creates each level once.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** Thrown when a path component that should be a folder is a file (`code` ENOTDIR, `path` that file). */
function notAFolder(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOTDIR: ${path} is a file, not a folder`), { code: 'ENOTDIR', path });
}

/** Create `dir` and the folders above it that are missing. Throws the file system's error (or ENOTDIR for a file in the way). */
export function makeDirs(dir: string): void {
  const abs = resolve(dir);
  const missing: string[] = [];
  for (let d = abs; ; ) {
    let st;
    try {
      st = statSync(d);
    } catch (e) {
      // ENOTDIR: a file above it; the walk up finds which.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    }
    if (st) {
      if (!st.isDirectory()) throw notAFolder(d);
      break;
    }
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}

/** The file in the way of a makeDirs() that failed with ENOTDIR, relative to `cwd` (else undefined). */
export function fileInTheWay(e: unknown, cwd: string): string | undefined {
  const err = e as NodeJS.ErrnoException;
  if (err?.code !== 'ENOTDIR' || typeof err.path !== 'string') return undefined;
  const r = relative(cwd, err.path);
  return r === '' || r.startsWith('..') ? err.path : r.split('\\').join('/');
}
