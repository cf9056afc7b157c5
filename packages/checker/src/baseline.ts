/**
 * `--baseline FILE`: adopt docdrift in a repository that already has
 * findings. `--update-baseline` records today's findings by fingerprint (see
 * fingerprint.ts: rule, file, key, message, diff and ordinal — no line
 * numbers); later runs report only findings that are not in it, so a
 * finding survives line shifts and edits elsewhere in its file but a new
 * one — or the same one in another file — is reported.
 *
 * Paths in the file are relative to the baseline file's folder, so the
 * baseline works from any working directory. The file is sorted and has no
 * timestamps: it diffs well in review.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './diagnostic.js';
import { jsonSyntaxError } from './errors.js';
import { fingerprints } from './fingerprint.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** Relative to the baseline file's folder. */
  file: string;
  message: string;
}

export interface Baseline {
  version: number;
  tool: 'docdrift';
  findings: BaselineEntry[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** A diagnostics' file path (relative to `cwd`) as the baseline stores it: relative to `baselineDir`, POSIX. */
export function rebase(file: string, cwd: string, baselineDir: string): string {
  const r = relative(baselineDir, resolve(cwd, file));
  return r.split(sep).join('/');
}

/** The baseline entries of the diagnostics (fingerprints computed on the rebased paths), sorted. */
export function baselineEntries(diagnostics: readonly Diagnostic[], toBaselinePath: (file: string) => string = (f) => f): BaselineEntry[] {
  const rebased = diagnostics.map((d) => ({ ...d, file: toBaselinePath(d.file) }));
  const fps = fingerprints(rebased);
  return rebased
    .map((d, i) => ({ fingerprint: fps[i] as string, ruleId: d.ruleId, file: d.file, message: d.message }))
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const b: Baseline = { version: BASELINE_VERSION, tool: 'docdrift', findings: [...entries] };
  return `${JSON.stringify(b, null, 2)}\n`;
}

/** Parse a baseline file's text; throws BaselineError with a reason. */
export function parseBaseline(text: string, name: string): Baseline {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`baseline ${name}${jsonSyntaxError(text, e as SyntaxError)}; it is not JSON (recreate it with --update-baseline)`);
  }
  const b = v as Partial<Baseline>;
  if (!b || typeof b !== 'object' || b.tool !== 'docdrift' || !Array.isArray(b.findings)) throw new BaselineError(`${name} is not a docdrift baseline (create it with --update-baseline)`);
  if (b.version !== BASELINE_VERSION) throw new BaselineError(`baseline ${name} has version ${String(b.version)}; this docdrift reads version ${BASELINE_VERSION} (recreate it with --update-baseline)`);
  for (const e of b.findings) if (!e || typeof e.fingerprint !== 'string') throw new BaselineError(`baseline ${name} has an entry without a fingerprint`);
  return b as Baseline;
}

export interface BaselineFilter {
  /** The findings that are not in the baseline. */
  fresh: Diagnostic[];
  /** How many findings the baseline hid. */
  suppressed: number;
  /** Baseline entries that no finding matched any more (fixed, or changed). */
  stale: BaselineEntry[];
}

/** Drop the findings the baseline holds (each entry hides one finding). */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline, toBaselinePath: (file: string) => string = (f) => f): BaselineFilter {
  const known = new Map<string, number>();
  for (const e of baseline.findings) known.set(e.fingerprint, (known.get(e.fingerprint) ?? 0) + 1);
  const fps = fingerprints(diagnostics.map((d) => ({ ...d, file: toBaselinePath(d.file) })));
  const fresh: Diagnostic[] = [];
  let suppressed = 0;
  diagnostics.forEach((d, i) => {
    const fp = fps[i] as string;
    const n = known.get(fp) ?? 0;
    if (n > 0) {
      known.set(fp, n - 1);
      suppressed++;
    } else fresh.push(d);
  });
  const stale = baseline.findings.filter((e) => {
    const n = known.get(e.fingerprint) ?? 0;
    if (n > 0) {
      known.set(e.fingerprint, n - 1);
      return true;
    }
    return false;
  });
  return { fresh, suppressed, stale };
}

export function baselineDir(file: string, cwd: string): string {
  return dirname(resolve(cwd, file));
}
