import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';

/** What the rule needs to know about the nearest `package.json`. */
export interface PackageManifest {
  readonly path: string;
  /** `dependencies`, `peerDependencies` and `optionalDependencies`: importable from any file. */
  readonly runtime: ReadonlyMap<string, string>;
  /** `devDependencies`: importable from test files only. */
  readonly dev: ReadonlyMap<string, string>;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(path: string): JsonObject | undefined {
  // Most directories have no package.json: check first rather than catch ENOENT (throwing is slow).
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function dependencyMap(manifest: JsonObject, ...fields: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const field of fields) {
    const deps = manifest[field];
    if (!isObject(deps)) continue;
    for (const [name, range] of Object.entries(deps)) {
      if (typeof range === 'string' && !out.has(name)) out.set(name, range);
    }
  }
  return out;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Whether a `package.json` is a package's manifest: one with a `name` or dependencies. A sub-folder's
 * `{ "type": "module" }` (which only sets how Node loads its files) is not, and the search goes on.
 */
function isManifest(json: JsonObject): boolean {
  return typeof json['name'] === 'string' || DEPENDENCY_FIELDS.some((field) => isObject(json[field]));
}

// Caches live for the process: ESLint runs are short, and an editor restarts
// its ESLint server when package.json changes.
const manifestByDir = new Map<string, PackageManifest | null>();
const installedByKey = new Map<string, string | null>();

/**
 * The nearest `package.json` at or above `dir` (one with a `name`, or any
 * with dependencies), or `undefined`.
 */
let lastDir: string | undefined;
let lastManifest: PackageManifest | undefined;

export function nearestPackageJson(dir: string): PackageManifest | undefined {
  // Files come directory by directory: the last answer is usually the right one.
  if (dir === lastDir) return lastManifest;
  const known = manifestByDir.get(dir);
  if (known !== undefined) {
    lastDir = dir;
    lastManifest = known ?? undefined;
    return lastManifest;
  }
  const visited: string[] = [];
  let current = dir;
  let found: PackageManifest | null = null;
  for (;;) {
    const cached = manifestByDir.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    const path = join(current, 'package.json');
    const json = readJson(path);
    if (json && isManifest(json)) {
      found = {
        path,
        runtime: dependencyMap(json, 'dependencies', 'peerDependencies', 'optionalDependencies'),
        dev: dependencyMap(json, 'devDependencies'),
      };
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of visited) manifestByDir.set(d, found);
  lastDir = dir;
  lastManifest = found ?? undefined;
  return lastManifest;
}

let lastPrefix: string | undefined;
let lastPrefixManifest: PackageManifest | undefined;

/**
 * The nearest `package.json` of the (absolute) file `filename`. A file in the
 * same directory as the previous one is answered by comparing the start of
 * its name, without path functions or a cache lookup.
 */
export function manifestOfFile(filename: string): PackageManifest | undefined {
  if (lastPrefix !== undefined && isInDirectory(filename, lastPrefix)) return lastPrefixManifest;
  const dir = dirname(filename);
  const manifest = nearestPackageJson(dir);
  lastPrefix = dir.endsWith(sep) ? dir : dir + sep;
  lastPrefixManifest = manifest;
  return manifest;
}

/** Whether `filename` is directly in the folder `prefix` (which ends with a separator). */
function isInDirectory(filename: string, prefix: string): boolean {
  return filename.startsWith(prefix) && filename.indexOf(sep, prefix.length) === -1 && filename.indexOf('/', prefix.length) === -1;
}

/** The folder (`manifestOfFile`'s prefix) of the last file whose package has `pkg` as a runtime dependency. */
let lastRuntime: { readonly prefix: string; readonly pkg: string } | undefined;

/**
 * Whether `pkg` is a runtime dependency of the package of the file
 * `filename` (false for a relative name). A file in the folder of the last
 * file that had it is answered by one comparison of the start of its name:
 * this runs once per file at the end of the file, where every further call
 * and lookup finds its code and data cold (the answer through
 * `manifestOfFile` and the manifest's map cost ~6 µs a file more on the
 * benchmark's `http` corpus, bench/eslint/README.md).
 */
export function isRuntimeDependency(filename: string, pkg: string): boolean {
  const last = lastRuntime;
  if (last !== undefined && last.pkg === pkg && isInDirectory(filename, last.prefix)) return true;
  if (!isAbsolute(filename) || manifestOfFile(filename)?.runtime.has(pkg) !== true) return false;
  // manifestOfFile has just set lastPrefix to this file's folder.
  lastRuntime = { prefix: lastPrefix as string, pkg };
  return true;
}

/**
 * The version of `pkg` that Node would load from `dir` (walking up
 * `node_modules` directories), or `undefined` when it is not installed.
 */
export function installedVersion(dir: string, pkg: string): string | undefined {
  const key = `${dir}\0${pkg}`;
  const cached = installedByKey.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let version: string | null = null;
  let current = dir;
  for (;;) {
    const json = readJson(join(current, 'node_modules', pkg, 'package.json'));
    if (json) {
      version = typeof json['version'] === 'string' ? json['version'] : null;
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  installedByKey.set(key, version);
  return version ?? undefined;
}

/**
 * The major version a dependency range allows at least (`^10.4.0` → 10,
 * `>=11` → 11, `11.x` → 11), or `undefined` for ranges such as `*`,
 * `latest` or `workspace:*`.
 */
export function minimumMajor(range: string): number | undefined {
  const match = /^\s*(?:[~^]|>=?|=)?\s*v?(\d+)(?:[.\s]|$)/.exec(range);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Forget cached manifests (tests that rewrite package.json files call this). */
export function clearPackageJsonCache(): void {
  lastDir = undefined;
  lastManifest = undefined;
  lastPrefix = undefined;
  lastPrefixManifest = undefined;
  lastRuntime = undefined;
  manifestByDir.clear();
  installedByKey.clear();
}
