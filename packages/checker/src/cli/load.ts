/**
 * Loads the bundled CLI (dist/cli/docdrift.cjs, written by scripts/bundle.mjs) with a V8 code
 * cache, the way Node 22's `module.enableCompileCache()` does for every module (Node 20 has no
 * such switch). A pre-commit run checks one page: compiling the bundle's functions as the run
 * first calls them cost ~30 ms of its ~350 ms (bench/check/README.md, session 5). The cache holds
 * the bytecode of every function the last run compiled, so the next run skips that work.
 *
 * Where: `$DOCDRIFT_COMPILE_CACHE` if set (an empty value or `0` turns the cache off), else a
 * folder of the user's own under the system's temporary folder. A cache file starts with the
 * SHA-256 of the source it was made from: V8 itself only compares the source's length, so a
 * rebuilt bundle must never meet the bytecode of the old one. A missing, foreign, stale or
 * rejected cache (V8 also checks its own version and flags) means the bundle is compiled as
 * usual; a cache that cannot be written is skipped. Neither is ever an error.
 *
 * A cache holds what its run compiled: one made by a run that checked nothing (its findings came
 * from --cache) would leave every later run compiling the rules. So the cache records whether its
 * run checked pages, and the first run that does replaces a cache from one that did not, with the
 * functions it loaded from the cache plus those it compiled. (Asking V8 how much bytecode the
 * process holds would tell more, but walks the heap: 3 ms of a 300 ms run, and counts the Markdown
 * libraries, which are not in the bundle.) And runs of different kinds take different paths
 * through the bundle: a pre-commit run with --cache reads stored scans, which a folder run
 * never does. A cache made by the one serves the other badly (~30 ms of the pre-commit run), so
 * each kind of run (runKind) keeps a cache of its own. Within a kind, the first checking run's page
 * decides what the cache holds, so a checking run reviews a cache older than REVIEW_AFTER_MS.
 *
 * The bundle must not use `import()`: a script run this way has no module loader for it.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Script } from 'node:vm';
import { OPTIONS } from './options.js';

/** A CommonJS file's exports, and a way to store its code cache once the run has warmed it. */
export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** True when the stored cache was used. */
  cached: boolean;
  /**
   * Stores the bytecode compiled so far (call it after the run; `checked`: the run checked pages),
   * unless the stored cache was used and is as good (a checking run's cache is compared with this
   * run's bytecode once it is REVIEW_AFTER_MS old). Never throws.
   */
  save(checked: boolean): void;
}

const HASH_BYTES = 32;
/**
 * How long a cache from a run that checked pages is used as it is. A run on another page can take
 * paths the first one did not (a page with a variant twin runs the alignment, one without does not),
 * and a cache without them leaves every later run compiling them (~25 ms of a pre-commit run). So a
 * checking run that finds the cache older than this compares it with what it compiled itself
 * (createCachedData, ~6 ms, hence not every run): a larger one replaces it, else its time is renewed.
 */
export const REVIEW_AFTER_MS = 10 * 60 * 1000;
/** SHA-256 of the source, then 1 when the run that made the cache checked pages (else 0). */
const HEADER_BYTES = HASH_BYTES + 1;

/** The cache folder, or undefined when the cache is turned off. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env['DOCDRIFT_COMPILE_CACHE'];
  if (given !== undefined) return given === '' || given === '0' ? undefined : given;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return join(tmpdir(), uid === undefined ? 'docdrift-compile-cache' : `docdrift-compile-cache-${uid}`);
}

/** A folder only this user can write to (or any folder where there are no uids): else a planted cache could run as us. */
function ownFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    return st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(file: string, hash: Buffer): { data: Buffer; checked: boolean; mtimeMs: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
    const data = readFileSync(fd);
    if (data.length <= HEADER_BYTES || !data.subarray(0, HASH_BYTES).equals(hash)) return undefined;
    return { data: data.subarray(HEADER_BYTES), checked: data[HASH_BYTES] === 1, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeCache(file: string, hash: Buffer, checked: boolean, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      hash.copy(header);
      header[HASH_BYTES] = checked ? 1 : 0;
      writeSync(fd, header);
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file); // atomic: a reader sees the old cache or the new one, never half of one
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/**
 * Runs the CommonJS file `file` as `require` would, with the code cache in `cacheDir`
 * (compileCacheDir(); undefined: no cache). `kind` names the kind of run (see runKind): each kind keeps its own cache.
 */
export function loadBundle(file: string, cacheDir: string | undefined, kind = ''): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(source).digest();
  const folder = cacheDir !== undefined && ownFolder(cacheDir) ? cacheDir : undefined;
  // One cache per bundle file (a second install is a second file) and kind of run, replaced when the bundle changes.
  const id = createHash('sha256').update(`${file}\0${kind}`).digest('hex').slice(0, 16);
  const cacheFile = folder === undefined ? undefined : join(folder, `${basename(file)}-${id}.v8`);
  const stored = cacheFile === undefined ? undefined : readCache(cacheFile, hash);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(stored ? { cachedData: stored.data } : {}) });
  const cached = stored !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cached,
    save(checked) {
      if (cacheFile === undefined || (cached && !checked)) return;
      try {
        if (cached && stored.checked) {
          // Reviewed now and then (REVIEW_AFTER_MS): replaced when this run compiled clearly more.
          const now = Date.now();
          if (now - stored.mtimeMs < REVIEW_AFTER_MS) return;
          const data = script.createCachedData();
          if (data.length > stored.data.length * 1.01) writeCache(cacheFile, hash, true, data);
          else utimesSync(cacheFile, now / 1000, now / 1000);
          return;
        }
        writeCache(cacheFile, hash, checked, script.createCachedData());
      } catch {
        // a cache is an optimisation: never a reason to fail the run
      }
    },
  };
}

/**
 * What kind of run the arguments ask for, as far as the code it runs goes: the options given
 * (with --format's value), and whether the paths name files (a pre-commit run) or folders.
 * `docdrift --cache a.rst b.rst` and `docdrift --cache c.rst` are one kind.
 */
export function runKind(argv: readonly string[]): string {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false });
  } catch {
    return 'unparsed'; // main says what is wrong
  }
  const options = Object.keys(parsed.values)
    .map((k) => (k === 'format' ? `format=${String(parsed.values[k])}` : k))
    .sort();
  const paths = parsed.positionals.length === 0 ? ['.'] : parsed.positionals;
  const files = paths.some((p) => /\.[A-Za-z]+$/.test(p));
  const folders = paths.some((p) => !/\.[A-Za-z]+$/.test(p));
  return [...options, files ? 'files' : '', folders ? 'folders' : ''].join(' ');
}
