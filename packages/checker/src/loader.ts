/**
 * The I/O half: find and read the config, expand paths into files, find
 * project roots (`conf.py`, else the top `index.rst` holding a toctree, else
 * the folder given on the command line), and load what a partial run needs
 * around the files it checks (their projects' other pages, their variant
 * counterparts) as context. The engine (check.ts) never touches the disk.
 */
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fdir } from 'fdir';
import { globSync } from 'tinyglobby';
import { ConfigError, validateConfig, type Config } from './config.js';
import { jsonSyntaxError, reasonOf } from './errors.js';
import { formatOf, type CheckInput, type InputFile, type ProjectHint } from './docset.js';
import { scanPage, type ScanResult } from './labels.js';
import { isInside, normalizePath } from './paths.js';
import { titleWordsOf } from './words.js';

export const CONFIG_FILE = 'docdrift.config.json';
const DEFAULT_EXTENSIONS = ['.rst', '.md'];

export interface LoadedConfig {
  config: Config;
  /** The config as written, its folders relative to the config file (rebaseConfig moves them elsewhere). */
  written: Config;
  /** Absolute path of the config file, if one was found. */
  file: string | undefined;
}

/** Find `docdrift.config.json` from `cwd` upward (or read `explicit`), with paths rebased onto `cwd`. */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  let file: string | undefined;
  if (explicit) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${explicit}`);
  } else {
    for (let dir = resolve(cwd); ; dir = resolve(dir, '..')) {
      const f = join(dir, CONFIG_FILE);
      if (existsSync(f)) {
        file = f;
        break;
      }
      if (resolve(dir, '..') === dir) break;
    }
  }
  if (!file) return { config: {}, written: {}, file: undefined };
  let raw: unknown;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config ${posixRel(cwd, file)}: ${reason(e)}`);
  }
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // As a compiler names a syntax error: file:line:column, what, and what to do.
    throw new ConfigError(`${posixRel(cwd, file)}${jsonSyntaxError(text, e as SyntaxError)}; the config must be JSON (no comments, no trailing commas)`);
  }
  const config = validateConfig(raw, posixRel(cwd, file));
  checkFolders(config, resolve(file, '..'), posixRel(cwd, file));
  return { config: rebaseConfig(config, resolve(file, '..'), cwd), written: config, file };
}

/**
 * The folders a config names must exist: a mistyped variant root (`"swiss": "swis"`) left every page
 * without its twin, and the drift rules said nothing, a clean run by mistake.
 */
function checkFolders(config: Config, configDir: string, where: string): void {
  const named: Array<[string, string]> = [];
  const sets = config.variants === undefined ? [] : Array.isArray(config.variants) ? config.variants : [config.variants];
  sets.forEach((set, i) => {
    for (const [name, folder] of Object.entries(set)) named.push([`variants${Array.isArray(config.variants) ? `[${i}]` : ''}.${name}`, folder]);
  });
  (config.groupByContent ?? []).forEach((folder, i) => named.push([`groupByContent[${i}]`, folder]));
  (config.projects ?? []).forEach((p, i) => named.push([`projects[${i}].root`, p.root]));
  (config.sites ?? []).forEach((site, i) => named.push([`sites[${i}].root`, site.root]));
  for (const [key, folder] of named) {
    let st;
    try {
      st = statSync(resolve(configDir, folder));
    } catch {
      throw new ConfigError(`${where}: ${key}: no such folder ${JSON.stringify(folder)} (folders are relative to the config file)`);
    }
    if (!st.isDirectory()) throw new ConfigError(`${where}: ${key}: ${JSON.stringify(folder)} is a file, not a folder`);
  }
}

/** `abs` relative to `cwd`, with `/` separators ('.' for cwd itself). */
export function posixRel(cwd: string, abs: string): string {
  const r = relative(cwd, abs);
  return r === '' ? '.' : r.split(sep).join('/');
}

/** Make the config's folder paths relative to `cwd` (they are written relative to the config file). */
export function rebaseConfig(config: Config, configDir: string, cwd: string): Config {
  const re = (p: string): string => posixRel(cwd, resolve(configDir, p));
  const out: Config = { ...config };
  if (config.projects) out.projects = config.projects.map((p) => ({ ...p, root: re(p.root) }));
  if (config.sites) out.sites = config.sites.map((s) => ({ ...s, root: re(s.root) }));
  if (config.variants) {
    const sets = Array.isArray(config.variants) ? config.variants : [config.variants];
    const rebased = sets.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, re(v)])));
    out.variants = Array.isArray(config.variants) ? rebased : rebased[0];
  }
  if (config.groupByContent) out.groupByContent = config.groupByContent.map(re);
  if (config.ignores) {
    const prefix = posixRel(cwd, configDir);
    out.ignores = config.ignores.map((g) => (prefix === '.' ? g : `${prefix}/${g}`));
  }
  if (config.baseUrl && !config.sites?.some((s) => re(s.root) === re('.'))) {
    // A top-level baseUrl applies to the config file's folder.
    const root = re('.');
    if (root !== '.') {
      out.sites = [...(out.sites ?? []), { root, baseUrl: config.baseUrl }];
      delete out.baseUrl;
    }
  }
  return out;
}

export interface ReadError {
  file: string;
  reason: string;
}

export interface LoadResult {
  input: CheckInput;
  /** Files that could not be read (the others are still checked). */
  errors: ReadError[];
  /** Number of files to check. */
  checked: number;
  /** Bytes read (checked and context files). */
  bytes: number;
  /** Characters of the files to check. */
  checkedBytes: number;
}

export interface LoadOptions {
  cwd: string;
  paths: string[];
  config: Config;
  /**
   * Stored light scans of context pages (the CLI's --cache). A context page whose size and
   * modification time match its stored scan is not read: its text is read when something needs it.
   */
  scans?: ScanStore;
  /**
   * Texts of paths (as given in `paths`) that are checked as they are here, not read from disk: the
   * CLI's --stdin. Such a path need not exist; its project and variants are found from where it is.
   */
  texts?: ReadonlyMap<string, string>;
}

/** Light scans of pages by file and stamp (size, modification time, inode), kept between runs. */
export interface ScanStore {
  lookup(file: string, stamp: string): ScanResult | undefined;
  store(file: string, stamp: string, scan: ScanResult): void;
}

/** What identifies a version of a file without reading it (as ESLint's `--cache-strategy metadata`). */
function stampOf(st: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

/** A context file whose text is read on first use (an unreadable file then reads as empty: context is best effort). */
function lazyFile(file: string, abs: string, scan: ScanResult, stamp: string): InputFile {
  let text: string | undefined;
  return {
    file,
    check: false,
    scan,
    stamp,
    get text(): string {
      if (text === undefined) {
        try {
          text = readText(abs);
        } catch {
          text = '';
        }
      }
      return text;
    },
  };
}

/** Thrown for a path argument that does not exist or holds no page (a usage error, exit 2). */
export class PathError extends Error {
  override name = 'PathError';
  constructor(
    /** The path argument, as given to loadInput. */
    readonly path: string,
    /** The message for the path as the user wrote it (the CLI may have rebased it). */
    readonly describe: (shown: string) => string,
  ) {
    super(describe(path));
  }
}

/**
 * One buffer for every file read, grown to the largest page: decoding copies the text out of it, so a
 * run does not leave a Buffer per page behind it for the garbage collector (15 MB less peak memory
 * over the 5,000-page benchmark tree, one fstat instead of a stat per file).
 */
let scratch = Buffer.allocUnsafe(1 << 16);

/** The whole file behind `fd`, read into `scratch` (to its end, also when it grew after fstat). */
function readAll(fd: number, size: number): Buffer {
  if (size + 1 > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
  let n = 0;
  for (;;) {
    const got = readSync(fd, scratch, n, scratch.length - n, null);
    if (got === 0) return scratch.subarray(0, n);
    n += got;
    if (n === scratch.length) {
      const bigger = Buffer.allocUnsafe(scratch.length * 2);
      scratch.copy(bigger, 0, 0, n);
      scratch = bigger;
    }
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Read a file as strict UTF-8 text; throws with a human reason. */
function readText(abs: string): string {
  let buf: Buffer | undefined;
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const st = fstatSync(fd);
    if (!st.isDirectory()) buf = readAll(fd, st.size);
  } catch (e) {
    throw new Error(reason(e), { cause: e });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (!buf) throw new Error('is a directory');
  const text = decodePage(buf);
  if (text === 'binary') throw new Error('binary file (contains NUL bytes)');
  if (text === 'not-utf8') throw new Error('invalid UTF-8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A page's bytes as text, or why they are none: a NUL byte (binary data) or bytes that are not UTF-8. Also the CLI's --stdin. */
export function decodePage(bytes: Uint8Array): string | 'binary' | 'not-utf8' {
  if (bytes.includes(0)) return 'binary';
  try {
    return UTF8.decode(bytes);
  } catch {
    return 'not-utf8';
  }
}

/** reasonOf, but a page read names a missing file `no such file`. */
function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : reasonOf(e);
}

/** Skipped in every folder walk, also when the configuration ignores nothing. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** Extensions a glob reads literally (anything else goes through tinyglobby, which knows the syntax). */
const PLAIN_EXTENSION = /^[A-Za-z0-9_-]+$/;

/**
 * The pages below `absDir` and the folders named like pages, as POSIX paths below it (folders end
 * in `/`): what `globSync('**' + '/*.{ext,…}', { dot: false, followSymbolicLinks: true, onlyFiles:
 * false })` with only ALWAYS_IGNORED returns, from fdir (the folder walker tinyglobby itself runs)
 * with name tests instead of picomatch matchers. Compiling the glob and matching every path cost
 * ~10 ms of a one-page run in a 1,250-page project (bench/check/README.md, session 6); a test
 * compares the two on a tree of awkward names and links.
 */
export function walkPages(absDir: string, exts: readonly string[]): string[] {
  const suffixes = exts.map((e) => `.${e}`);
  // As `*` with dot: false, a name starting with a dot matches no pattern, and `**` enters no folder so named.
  const isPageName = (name: string): boolean => name.charCodeAt(0) !== 46 && suffixes.some((x) => name.endsWith(x));
  return new fdir({
    relativePaths: true,
    pathSeparator: '/',
    resolveSymlinks: true,
    includeDirs: true,
    exclude: (name) => name.charCodeAt(0) === 46 || name === 'node_modules',
    filters: [
      (path, isDirectory) => {
        // A folder's path ends in `/` (the walk's own root is `.`, which the dot test turns away).
        const end = isDirectory && path.endsWith('/') ? path.length - 1 : path.length;
        return isPageName(path.slice(path.lastIndexOf('/', end - 1) + 1, end));
      },
    ],
  })
    .crawl(absDir)
    .sync();
}

/**
 * The folders among `entries` (paths below `absDir`, folders ending in `/`) that are links back to a
 * folder on their own path (`sub/up -> ..`, `a/x -> ../b` with `b/y -> ../a`), as `sub/up/`. The walk
 * follows links, as Sphinx does, and fdir and tinyglobby stop a loop only after going round it once,
 * which listed the pages above the link a second time below it (and reported each finding there
 * twice). A link to a folder elsewhere, even inside the tree, is kept: Sphinx reads its pages under
 * the link's path too.
 */
function loopLinks(absDir: string, entries: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const e of entries) {
    for (let k = e.indexOf('/'); k !== -1 && k < e.length - 1; k = e.indexOf('/', k + 1)) folders.add(e.slice(0, k + 1));
  }
  const loops: string[] = [];
  const real = new Map<string, string>();
  const realOf = (f: string): string => {
    let r = real.get(f);
    if (r === undefined) {
      r = realpathSync(join(absDir, f));
      real.set(f, r);
    }
    return r;
  };
  const within = (path: string, folder: string): boolean => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
  // Shortest first, so that a loop's own copies below it are never looked at.
  for (const f of [...folders].sort((a, b) => a.length - b.length)) {
    if (loops.some((l) => f.startsWith(l))) continue;
    try {
      // Without the trailing `/`, which would make lstat follow the link.
      if (!lstatSync(join(absDir, f.slice(0, -1))).isSymbolicLink()) continue;
      const target = realOf(f);
      // The folders the walk went through to reach the link: the root, then each prefix of `f`.
      let loop = within(realOf(''), target);
      for (let k = f.indexOf('/'); !loop && k < f.length - 1; k = f.indexOf('/', k + 1)) loop = within(realOf(f.slice(0, k + 1)), target);
      if (loop) loops.push(f);
    } catch {
      // gone or unreadable since the walk: reading its pages reports it
    }
  }
  return loops;
}

// Synchronous: the async walk waits on libuv's thread pool for every folder, and left a read of a
// folder in flight after the listing had resolved, which kept a one-page run alive ~10 ms longer.
function listDir(absDir: string, cwd: string, config: Config): { files: string[]; dirsNamedLikeFiles: string[] } {
  const exts = (config.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.replace(/^\./, ''));
  const pattern = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
  const dirRel = posixRel(cwd, absDir);
  const ignore = [...ALWAYS_IGNORED];
  for (const g of config.ignores ?? []) {
    // Ignore globs are relative to cwd (after rebasing); make them relative to the scanned folder.
    if (g.startsWith('**/')) ignore.push(g);
    else if (dirRel === '.') ignore.push(g);
    else if (g.startsWith(`${dirRel}/`)) ignore.push(g.slice(dirRel.length + 1));
  }
  // Symbolic links are followed, as Sphinx follows them when it collects a project's pages: a label in a
  // linked page or folder is a label of the project. A page keeps the path of its link.
  const entries =
    ignore.length === ALWAYS_IGNORED.length && exts.length > 0 && exts.every((e) => PLAIN_EXTENSION.test(e))
      ? walkPages(absDir, exts)
      : globSync(pattern, { cwd: absDir, onlyFiles: false, ignore, dot: false, followSymbolicLinks: true, expandDirectories: false });
  const files: string[] = [];
  const dirs: string[] = [];
  // The entries are POSIX paths below absDir without `.` or `..` segments, so prefixing the folder's
  // own relative path gives what posixRel would (path.relative per entry was 40 ms of a 1,250-page listing).
  const under = (e: string): string => (dirRel === '.' ? e : `${dirRel}/${e}`);
  const loops = loopLinks(absDir, entries);
  for (const e of entries) {
    if (loops.length > 0 && loops.some((l) => e.startsWith(l))) continue;
    if (e.endsWith('/')) dirs.push(under(e.slice(0, -1)));
    else files.push(under(e));
  }
  return { files: files.sort(), dirsNamedLikeFiles: dirs.sort() };
}

/** A cwd-relative folder that holds cwd: `..`, `../..`, … */
const ABOVE_CWD = /^\.\.(?:\/\.\.)*$/;

/**
 * Find the project root of a directory (cached): the nearest ancestor with `conf.py`, else the topmost
 * ancestor whose `index.rst` has a toctree. Like Sphinx, the walk goes by the folders on disk, not by
 * what was named on the command line: it passes the argument folder and cwd (`docdrift api-ref/source/sub`,
 * a run inside `sub/`, or `docdrift ../other-repo` all find the same root), and ends at the repository's
 * top (the folder holding `.git`) or the file system's root.
 */
class RootFinder {
  private found = new Map<string, { root: string; source: ProjectHint['source'] } | null>();
  private hasFile = new Map<string, boolean>();
  private toctreeCache = new Map<string, boolean>();
  private readonly base: string;
  constructor(cwd: string) {
    this.base = resolve(cwd);
  }

  /** POSIX dir relative to cwd → project root (relative to cwd) and how it was found. */
  find(dir: string): { root: string; source: ProjectHint['source'] } | undefined {
    const cached = this.found.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let conf: string | undefined;
    let top: string | undefined;
    for (let d = resolve(this.base, dir); ; ) {
      if (this.exists(join(d, 'conf.py'))) {
        conf = d;
        break;
      }
      if (this.hasToctree(d)) top = d;
      const up = resolve(d, '..');
      if (up === d || this.exists(join(d, '.git'))) break;
      d = up;
    }
    const hit = conf ?? top;
    const out = hit === undefined ? null : { root: posixRel(this.base, hit), source: conf !== undefined ? ('conf.py' as const) : ('toctree' as const) };
    this.found.set(dir, out);
    return out ?? undefined;
  }

  private exists(f: string): boolean {
    let v = this.hasFile.get(f);
    if (v === undefined) this.hasFile.set(f, (v = existsSync(f)));
    return v;
  }

  private hasToctree(dir: string): boolean {
    let v = this.toctreeCache.get(dir);
    if (v === undefined) {
      try {
        v = /^\.\. toctree::/m.test(readFileSync(join(dir, 'index.rst'), 'utf8'));
      } catch {
        v = false;
      }
      this.toctreeCache.set(dir, v);
    }
    return v;
  }
}

/**
 * `path.resolve(base, file)` for an absolute, resolved `base` and a relative path `file` that
 * normalizePath leaves as it is: joined by hand when `file` stays below `base`. path.resolve on each
 * of a project's 1,250 pages was ~10 ms of a one-page run, all of it spent re-normalising.
 */
export function fileBelow(base: string, file: string): string {
  if (file === '.' || file === '..' || file.startsWith('../') || normalizePath(file) !== file) return resolve(base, file);
  return `${base.endsWith(sep) ? base : base + sep}${sep === '/' ? file : file.replaceAll('/', sep)}`;
}

function parent(dir: string): string {
  const i = dir.lastIndexOf('/');
  return i < 0 ? '.' : dir.slice(0, i);
}

/**
 * Expand the path arguments, find each file's project, read everything. A
 * directory argument checks every page below it; a file argument (a
 * pre-commit run) checks that file and loads its project's other pages and
 * its variant counterparts as context.
 */
export async function loadInput(opts: LoadOptions): Promise<LoadResult> {
  const { cwd, config } = opts;
  const paths = opts.paths.length > 0 ? opts.paths : ['.'];
  const toCheck = new Map<string, string>(); // file → the argument folder it came from (or its own dir)
  const errors: ReadError[] = [];
  const argDirs: string[] = [];
  const given = new Map<string, string>(); // file → text, for opts.texts
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const text = opts.texts?.get(p);
    if (text !== undefined) {
      const rel = posixRel(cwd, abs);
      // Ignored as a file argument is (quietly), when it is on disk: the ignore globs match files there.
      if (config.ignores && config.ignores.length > 0 && existsSync(abs) && globSync([rel], { cwd, ignore: config.ignores, expandDirectories: false }).length === 0) continue;
      given.set(rel, text);
      toCheck.set(rel, parent(rel));
      continue;
    }
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new PathError(p, (shown) => (code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or directory: ${shown}` : `cannot read ${shown}: ${reason(e)}`));
    }
    const rel = posixRel(cwd, abs);
    if (st.isDirectory()) {
      argDirs.push(rel);
      const { files, dirsNamedLikeFiles } = listDir(abs, cwd, config);
      if (files.length === 0 && dirsNamedLikeFiles.length === 0) {
        // As ESLint's "No files matching the pattern": a mistyped or empty folder is not a clean run.
        const exts = (config.extensions ?? DEFAULT_EXTENSIONS).join(', ');
        const ignored = config.ignores && config.ignores.length > 0 ? ', minus the config\'s ignores' : '';
        throw new PathError(p, (shown) => `no pages to check in ${shown} (looked for ${exts} files${ignored}): check the path, or "extensions" and "ignores" in the config`);
      }
      for (const f of files) if (!toCheck.has(f)) toCheck.set(f, rel);
      for (const d of dirsNamedLikeFiles) errors.push({ file: d, reason: 'is a directory' });
    } else if (!st.isFile()) {
      // A FIFO would block the read until something writes to it (docdrift hung); a socket or device is no page.
      errors.push({ file: rel, reason: `is not a regular file (${st.isFIFO() ? 'a named pipe' : st.isSocket() ? 'a socket' : 'a device'})` });
    } else {
      if (config.ignores && config.ignores.length > 0 && globSync([rel], { cwd, ignore: config.ignores, expandDirectories: false }).length === 0) continue;
      toCheck.set(rel, parent(rel));
    }
  }

  // Project roots.
  const finder = new RootFinder(cwd);
  const hints = new Map<string, ProjectHint>();
  const configured = (config.projects ?? []).map((p) => normalizePath(p.root));
  for (const [file, argDir] of toCheck) {
    if (configured.some((r) => isInside(file, r))) continue;
    const found = finder.find(parent(file));
    if (found && ABOVE_CWD.test(found.root)) {
      // The project's root holds cwd (a run inside a project's sub-folder): paths are relative to cwd, so its
      // pages outside cwd cannot be named beside these. Its label index cannot be complete, and rules that
      // need all of it (broken-ref) say nothing rather than guess; run from the root for a full check.
      if (!hints.has('.')) hints.set('.', { root: '.', source: found.source, complete: false });
    } else if (found) {
      if (!hints.has(found.root)) hints.set(found.root, { root: found.root, source: found.source });
    } else if (argDirs.some((d) => isInside(file, d))) {
      const d = argDirs.filter((x) => isInside(file, x)).sort((a, b) => a.length - b.length)[0] as string;
      if (!hints.has(d)) hints.set(d, { root: d, source: 'argument' });
    } else {
      if (!hints.has(argDir)) hints.set(argDir, { root: argDir, source: 'fallback', complete: false });
    }
  }
  for (const r of configured) if (!hints.has(r)) hints.set(r, { root: r, source: 'config' });

  // Context: every page of the projects the checked files belong to, variant counterparts, content groups.
  const contextDirs = new Set<string>();
  const projectRoots = [...hints.values()].filter((h) => h.complete !== false).map((h) => h.root);
  /** The innermost project root holding `f` (asked for each of a project's pages: no array per call). */
  const rootOf = (f: string): string | undefined => {
    let best: string | undefined;
    for (const r of projectRoots) if ((best === undefined || r.length > best.length) && isInside(f, r)) best = r;
    return best;
  };
  for (const file of toCheck.keys()) {
    const r = rootOf(file);
    if (r !== undefined && !argDirs.some((d) => isInside(r, d))) contextDirs.add(r);
  }
  // Variant counterparts: the same relative path in the other variant roots; when a root has no page
  // at that path, the whole root (pairing then goes by :original_name:, page label or title).
  const counterparts = new Set<string>();
  const variantSets = config.variants === undefined ? [] : Array.isArray(config.variants) ? config.variants : [config.variants];
  for (const set of variantSets) {
    const roots = Object.values(set).map(normalizePath);
    for (const f of toCheck.keys()) {
      const own = roots.find((r) => isInside(f, r));
      if (own === undefined) continue;
      for (const r of roots) {
        if (r === own || argDirs.some((d) => isInside(r, d))) continue;
        const twin = normalizePath(`${r}/${f.slice(own === '.' ? 0 : own.length + 1)}`);
        if (existsSync(resolve(cwd, twin)) && !toCheck.has(twin)) counterparts.add(twin);
        else contextDirs.add(r);
      }
    }
  }
  for (const g of config.groupByContent ?? []) {
    const r = normalizePath(g);
    if ([...toCheck.keys()].some((f) => isInside(f, r)) && !argDirs.some((d) => isInside(r, d))) contextDirs.add(r);
  }
  const context = new Set<string>(counterparts);
  for (const dir of [...contextDirs].sort()) {
    const abs = resolve(cwd, dir);
    if (!existsSync(abs)) continue;
    const { files } = listDir(abs, cwd, config);
    for (const f of files) if (!toCheck.has(f)) context.add(f);
  }
  // Projects of context pages from variant roots need their roots too.
  for (const f of context) {
    if (rootOf(f) !== undefined || configured.some((r) => isInside(f, r))) continue;
    const found = finder.find(parent(f));
    if (found && !ABOVE_CWD.test(found.root) && !hints.has(found.root)) {
      hints.set(found.root, { root: found.root, source: found.source });
      projectRoots.push(found.root);
    }
  }

  const files: InputFile[] = [];
  let bytes = 0;
  const base = resolve(cwd);
  for (const [file, check] of [...[...toCheck.keys()].map((f) => [f, true] as const), ...[...context].map((f) => [f, false] as const)]) {
    const own = given.get(file);
    if (own !== undefined) {
      files.push({ file, text: own, check });
      bytes += Buffer.byteLength(own);
      continue;
    }
    const abs = fileBelow(base, file);
    let stamp: string | undefined;
    if (!check && opts.scans) {
      // A context page: its labels and top come from the stored scan when the file is unchanged.
      let st;
      try {
        st = statSync(abs);
      } catch {
        continue; // context is best effort
      }
      if (!st.isFile()) continue;
      stamp = stampOf(st);
      const hit = opts.scans.lookup(file, stamp);
      if (hit) {
        files.push(lazyFile(file, abs, hit, stamp));
        bytes += st.size;
        continue;
      }
    }
    try {
      const text = readText(abs);
      bytes += Buffer.byteLength(text);
      if (stamp !== undefined && opts.scans) {
        const scan = scanPage(text, formatOf(file, text));
        // Stored with the scan: the next run counts the title's words instead of stemming them (ref-text-stale).
        scan.titleWords = titleWordsOf(scan.title);
        opts.scans.store(file, stamp, scan);
        files.push({ file, text, check, scan, stamp });
      } else files.push({ file, text, check });
    } catch (e) {
      if (check) errors.push({ file, reason: (e as Error).message });
    }
  }
  // A project is complete when all of its pages were read: its root lies inside a scanned folder or was loaded as context.
  for (const h of hints.values()) {
    if (h.complete === false) continue;
    const covered = argDirs.some((d) => isInside(h.root, d)) || contextDirs.has(h.root);
    h.complete = covered;
  }
  const input: CheckInput = { files, projects: [...hints.values()].sort((a, b) => (a.root < b.root ? -1 : 1)) };
  const checkedBytes = files.filter((f) => f.check).reduce((n, f) => n + f.text.length, 0);
  return { input, errors: errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), checked: files.filter((f) => f.check).length, bytes, checkedBytes };
}
