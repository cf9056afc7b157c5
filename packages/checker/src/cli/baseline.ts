/** `--baseline FILE` / `--update-baseline` for the CLI (see src/baseline.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { applyBaseline, baselineDir, baselineEntries, BaselineError, parseBaseline, rebase, serializeBaseline } from '../baseline.js';
import type { Diagnostic } from '../diagnostic.js';
import { fileInTheWay, makeDirs } from '../dirs.js';
import { writeFileAtomic } from '../fix.js';
import { reasonOf } from '../errors.js';
import type { OutStream } from './main.js';

export interface UseBaselineOptions {
  cwd: string;
  /** The --baseline argument. */
  file: string;
  update: boolean;
  /** The run's findings, sorted. */
  diagnostics: Diagnostic[];
  /** The files this run checked (relative to cwd). */
  checked: string[];
  stderr: OutStream;
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Apply (or update) the baseline; returns the findings to report. */
export function useBaseline(o: UseBaselineOptions): Diagnostic[] {
  const abs = resolve(o.cwd, o.file);
  const dir = baselineDir(o.file, o.cwd);
  const toBase = (f: string): string => rebase(f, o.cwd, dir);
  const exists = existsSync(abs);
  const read = () => {
    try {
      return parseBaseline(readFileSync(abs, 'utf8'), o.file);
    } catch (e) {
      if (e instanceof BaselineError) throw e;
      throw new BaselineError(`cannot read baseline ${o.file}: ${reasonOf(e)}`);
    }
  };
  if (o.update) {
    // Entries of files this run did not check stay (a pre-commit run checks a few files), unless the file is gone.
    const checked = new Set(o.checked.map(toBase));
    const kept = exists ? read().findings.filter((e) => !checked.has(e.file) && existsSync(resolve(dir, e.file))) : [];
    const entries = [...kept, ...baselineEntries(o.diagnostics, toBase)].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
    const text = serializeBaseline(entries);
    try {
      makeDirs(dirname(abs)); // as for --output: `--baseline ci/docdrift-baseline.json` creates ci/
      writeFileAtomic(abs, Buffer.from(text));
    } catch (e) {
      const inTheWay = fileInTheWay(e, o.cwd);
      throw new BaselineError(`cannot write baseline ${o.file}: ${inTheWay !== undefined ? `${inTheWay} is a file, not a folder` : reasonOf(e)}`);
    }
    o.stderr.write(`docdrift: baseline ${o.file}: ${plural(entries.length, 'finding')} recorded\n`);
    return [];
  }
  if (!exists) throw new BaselineError(`baseline file not found: ${o.file} (create it with --update-baseline)`);
  const result = applyBaseline(o.diagnostics, read(), toBase);
  // Stale entries only count for files this run checked (a pre-commit run sees a few files).
  const checked = new Set(o.checked.map(toBase));
  const stale = result.stale.filter((e) => checked.has(e.file)).length;
  if (result.suppressed > 0 || stale > 0) {
    o.stderr.write(
      `docdrift: ${plural(result.suppressed, 'finding')} hidden by the baseline ${o.file}${stale > 0 ? `; ${(stale === 1 ? '1 baseline entry' : `${stale} baseline entries`)} no longer found (fixed?): --update-baseline drops ${stale === 1 ? 'it' : 'them'}` : ''}\n`,
    );
  }
  return result.fresh;
}
