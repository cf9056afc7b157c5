/**
 * `--cache`: what a second run can skip.
 *
 * 1. Markdown parses. A page's parse result is a pure function of its path
 *    and text, so it is stored under the hash of both (`parse/ab/abcd….bin`,
 *    V8's serialisation) and read back instead of parsing again. The engine
 *    asks for parses through a hook (`CheckOptions.parse`), so it still does
 *    no I/O itself, and the small LRU of parsed trees keeps working: a page
 *    the LRU dropped comes back from the cache, not from the parser.
 *    reStructuredText pages are parsed every time: on the 5,000-page
 *    benchmark tree their stored trees came to 246 MB (4.5 times the pages),
 *    writing them made the first run 60 % slower and reading them back made
 *    a run after a one-page edit slower than a run without the cache.
 * 2. Whole runs. The findings of a check are a pure function of the input
 *    (every file's path, text and role), the configuration and docdrift's
 *    build; a run whose key matches a stored one returns its findings.
 *
 * 3. Light scans of context pages (`scans.bin`): the labels, `:original_name:`,
 *    title, title words and page labels of each page a partial run loads around the files
 *    it checks, by path and stamp (size, modification time, inode; as
 *    ESLint's `--cache-strategy metadata`). A pre-commit run on one file then
 *    reads only that file, its variant counterparts and the pages its
 *    references lead to, not every page of its project.
 *
 * Validity: `meta.json` records docdrift's version, a hash of its and the
 * parser's code, and a hash of the effective configuration; when any of them
 * differs the cache is emptied first. Entries are written atomically
 * (temporary file + rename) and an unreadable entry is a miss, so two runs
 * at once or a run killed midway cannot poison it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { detectFormat, parse, type ParseMessage, type Root } from '@docdrift/parser';
import type { Config } from './config.js';
import type { Diagnostic } from './diagnostic.js';
import type { CheckInput, ParseHook } from './docset.js';
import type { ScanResult } from './labels.js';
import type { ScanStore } from './loader.js';
import { makeDirs } from './dirs.js';
import { writePieces } from './pieces.js';
import { VERSION } from './version.js';

/** The cache format; bump when the layout or the entries change. */
const FORMAT = 2;
/** Whole-run entries kept (the most recent ones). */
const MAX_RUNS = 16;
/** The light scans of context pages (one file: a partial run needs thousands of tiny entries). */
const SCANS = 'scans.bin';

export type { ParseHook };

interface Parsed {
  root: Root;
  messages: ParseMessage[];
}

export interface CacheStats {
  parseHits: number;
  parseMisses: number;
  /** Pages parsed without the cache (reStructuredText: parsing it is faster than reading it back). */
  parseSkipped: number;
  runHit: boolean;
}

function sha256(...parts: Array<string | Buffer>): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('hex');
}

/** JSON with object keys sorted, so equal configurations hash equally. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function configHash(config: Config): string {
  return sha256(canonical(config));
}

let buildIdMemo: string | undefined;

/** True in the bundled CLI, where scripts/bundle.mjs defines it (esbuild `define`); undeclared elsewhere. */
declare const __DOCDRIFT_BUNDLED__: boolean | undefined;

/** The code files (.js, .cjs, .ts, .json, .tsv; no declarations or maps) below `dir`, sorted. */
function codeFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(c?js|ts|json|tsv)$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.map')) files.push(p);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * A hash of docdrift's own code and the parser's (every .js/.ts file of the
 * two packages' built or source folders): a rebuilt docdrift or parser
 * invalidates the cache even when the version number did not change. The
 * bundled CLI (dist/cli/docdrift.cjs) holds both packages' code, so the
 * bundle is all it hashes: finding the parser's folder by module resolution
 * and walking the folders cost a pre-commit run ~5 ms.
 */
export function buildId(): string {
  if (buildIdMemo) return buildIdMemo;
  const self = fileURLToPath(import.meta.url);
  const sources: Array<[dir: string, file: string]> =
    typeof __DOCDRIFT_BUNDLED__ === 'boolean'
      ? [[dirname(self), self]]
      : [dirname(self), dirname(createRequire(import.meta.url).resolve('@docdrift/parser'))].flatMap((dir) => codeFiles(dir).map((f): [string, string] => [dir, f]));
  const h = createHash('sha256');
  h.update(`docdrift ${VERSION} cache ${FORMAT} node ${process.versions.v8}\u0000`);
  for (const [dir, f] of sources) {
    h.update(f.slice(dir.length));
    h.update('\u0000');
    h.update(readFileSync(f));
    h.update('\u0000');
  }
  buildIdMemo = h.digest('hex');
  return buildIdMemo;
}

/** `node_modules/.cache/docdrift` of the nearest folder (from `cwd` up) with a package.json, else of `cwd`. */
export function defaultCacheDir(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'node_modules', '.cache', 'docdrift');
    if (dirname(dir) === dir) break;
  }
  return join(resolve(cwd), 'node_modules', '.cache', 'docdrift');
}

/**
 * Write a file atomically (a half-written entry must never be read). `data` may also come in
 * pieces, written as they come, so that a big entry never has to be one string and one buffer.
 */
function put(file: string, data: string | Buffer | Iterable<string>): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    makeDirs(dirname(file));
    if (typeof data === 'string' || Buffer.isBuffer(data)) {
      writeFileSync(tmp, data);
    } else {
      fd = openSync(tmp, 'w');
      writePieces(fd, data);
      closeSync(fd);
      fd = undefined;
    }
    renameSync(tmp, file);
  } catch {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    // A cache that cannot be written is only slower.
  }
}

/**
 * `JSON.stringify(items)` in pieces of about `size` characters: the findings of a big run are
 * tens of megabytes of JSON (36 MB for the 5,000-page benchmark tree), which as one string and
 * its UTF-8 copy raised the run's peak memory by ~120 MB.
 */
export function* jsonArrayPieces(items: readonly unknown[], size = 1 << 20): Generator<string> {
  let piece = '[';
  for (let i = 0; i < items.length; i++) {
    piece += (i === 0 ? '' : ',') + JSON.stringify(items[i]);
    if (piece.length >= size) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}]`;
}

interface Meta {
  format: number;
  version: string;
  build: string;
  config: string;
}

export class DocdriftCache {
  readonly stats: CacheStats = { parseHits: 0, parseMisses: 0, parseSkipped: 0, runHit: false };
  /** Why the cache was emptied when it was opened (undefined: it was valid or new). */
  invalidated: string | undefined;

  private constructor(
    readonly dir: string,
    private readonly configKey: string,
  ) {}

  /** Open (and validate) the cache in `dir` for this configuration: a different version, build or configuration empties it. */
  static open(dir: string, config: Config): DocdriftCache {
    const meta: Meta = { format: FORMAT, version: VERSION, build: buildId(), config: configHash(config) };
    const cache = new DocdriftCache(dir, meta.config);
    const metaFile = join(dir, 'meta.json');
    let old: Meta | undefined;
    try {
      old = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    } catch {
      old = undefined;
    }
    const why =
      old === undefined
        ? undefined
        : old.format !== meta.format
          ? 'cache format changed'
          : old.version !== meta.version
            ? `docdrift version changed (${old.version} → ${meta.version})`
            : old.build !== meta.build
              ? 'docdrift or its parser was rebuilt'
              : old.config !== meta.config
                ? 'configuration changed'
                : null;
    if (why !== null) {
      if (why !== undefined) cache.invalidated = why;
      rmSync(join(dir, 'parse'), { recursive: true, force: true });
      rmSync(join(dir, 'runs'), { recursive: true, force: true });
      rmSync(join(dir, SCANS), { force: true });
      put(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
    }
    return cache;
  }

  /** The cache in `dir` as a worker thread sees it (already validated by the main thread). */
  static attach(dir: string): DocdriftCache {
    return new DocdriftCache(dir, '');
  }

  private parseFile(text: string, path: string): string {
    const key = sha256(path, text);
    return join(this.dir, 'parse', key.slice(0, 2), `${key.slice(2)}.bin`);
  }

  /**
   * The engine's parse hook: a stored parse when there is one, else the parser (and the result
   * stored). Only Markdown parses are stored: reading a stored tree back (V8's deserialisation)
   * is ~12 times faster than parsing Markdown (markdown-it and the HTML tables), but slower than
   * parsing reStructuredText, whose stored tree is also ~4.5 times the page's size to write.
   */
  readonly parse: ParseHook = (text, path) => {
    if (detectFormat(text, path) !== 'markdown') {
      this.stats.parseSkipped++;
      return parse(text, { path, format: 'rst' });
    }
    const file = this.parseFile(text, path);
    try {
      const hit = deserialize(readFileSync(file)) as Parsed;
      if (hit && typeof hit === 'object' && hit.root && Array.isArray(hit.messages)) {
        this.stats.parseHits++;
        return hit;
      }
    } catch {
      // a miss (or an unreadable entry, rewritten below)
    }
    this.stats.parseMisses++;
    const parsed = parse(text, { path });
    put(file, serialize({ root: parsed.root, messages: parsed.messages }));
    return { root: parsed.root, messages: parsed.messages };
  };

  /** The key of a whole run: every file's path, role and text hash, the projects, the configuration, the build. */
  runKey(input: CheckInput): string {
    // A context file read lazily is keyed by its stamp: hashing its text would read it.
    const files = [...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((f) => `${f.file}\u0001${f.check === false ? 0 : 1}\u0001${f.stamp !== undefined ? `stamp:${f.stamp}` : sha256(f.text)}`);
    return sha256(buildId(), this.configKey, canonical(input.projects ?? null), String(input.complete ?? ''), ...files);
  }

  /** The findings of a run with this key, if stored. */
  loadRun(key: string): Diagnostic[] | undefined {
    try {
      const v = JSON.parse(readFileSync(join(this.dir, 'runs', `${key}.json`), 'utf8')) as unknown;
      if (!Array.isArray(v)) return undefined;
      this.stats.runHit = true;
      return v as Diagnostic[];
    } catch {
      return undefined;
    }
  }

  private scanMap: Map<string, [string, ScanResult]> | undefined;
  private scansDirty = false;

  /** The stored light scans of context pages (see the module comment); `flushScans()` writes what changed. */
  readonly scans: ScanStore = {
    lookup: (file, stamp) => {
      const e = this.loadScans().get(file);
      return e && e[0] === stamp ? e[1] : undefined;
    },
    store: (file, stamp, scan) => {
      this.loadScans().set(file, [stamp, scan]);
      this.scansDirty = true;
    },
  };

  private loadScans(): Map<string, [string, ScanResult]> {
    if (!this.scanMap) {
      try {
        const v = deserialize(readFileSync(join(this.dir, SCANS))) as unknown;
        this.scanMap = v instanceof Map ? (v as Map<string, [string, ScanResult]>) : new Map();
      } catch {
        this.scanMap = new Map();
      }
    }
    return this.scanMap;
  }

  /** Write the scans if a run added or renewed any (atomically, like every entry). */
  flushScans(): void {
    if (this.scansDirty && this.scanMap) put(join(this.dir, SCANS), serialize(this.scanMap));
    this.scansDirty = false;
  }

  saveRun(key: string, diagnostics: readonly Diagnostic[]): void {
    put(join(this.dir, 'runs', `${key}.json`), jsonArrayPieces(diagnostics));
    // Keep the most recent runs only.
    try {
      const dir = join(this.dir, 'runs');
      const entries = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
        .sort((a, b) => b.t - a.t || (a.f < b.f ? -1 : 1));
      for (const e of entries.slice(MAX_RUNS)) rmSync(join(dir, e.f), { force: true });
    } catch {
      // pruning is best effort
    }
  }
}
