/**
 * `--fix` and `--fix-dry-run` for the CLI: fix in passes (src/fix.ts), then
 * either write each changed file atomically or print the unified diff. A
 * file that cannot be written (read-only, changed meanwhile, permission) is
 * named on stderr with the reason; the others are still fixed.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic } from '../diagnostic.js';
import type { CheckInput } from '../docset.js';
import { fixInput, FixWriteError, writeFixed, type Checker, type FixedFile } from '../fix.js';
import type { OutStream } from './main.js';

export interface CliFixOptions {
  cwd: string;
  input: CheckInput;
  checker: Checker;
  /** The findings of the input as it is. */
  initial: Diagnostic[];
  dryRun: boolean;
  stdout: OutStream;
  stderr: OutStream;
}

export interface CliFixResult {
  /** The findings left: of the fixed texts, and of the original text of a file that could not be written. */
  diagnostics: Diagnostic[];
  /** Files that could not be written. */
  failed: string[];
}

/** The unified diff of one fixed file (`a/<file>` → `b/<file>`, as git prints it). */
export function patchOf(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 }).replace(/^={67}\n/, '');
}

export async function runFix(o: CliFixOptions): Promise<CliFixResult> {
  const result = await fixInput(o.input, o.checker, { initial: o.initial });
  const fixes = result.files.reduce((n, f) => n + f.fixes, 0);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : w.endsWith('x') ? 'es' : 's'}`;
  for (const r of result.rejected) {
    const d = r.diagnostic;
    o.stderr.write(`docdrift: not fixed: ${d.file}:${d.line}:${d.column} ${d.ruleId}: ${r.reason}\n`);
  }
  if (result.exhausted) o.stderr.write(`docdrift: fixes were still pending after ${result.passes} passes; run --fix again\n`);
  // A page listed under two paths (a link and its target, or two links to one file) is one file: it
  // is shown and written once, under the first of its paths, and the others show its new text.
  const reals = new Map<string, string>();
  const real = (file: string): string => {
    let r = reals.get(file);
    if (r === undefined) {
      const abs = resolve(o.cwd, file);
      try {
        r = realpathSync(abs);
      } catch {
        r = abs;
      }
      reals.set(file, r);
    }
    return r;
  };
  /** The first changed path of each file, by its real path. */
  const firsts = new Map<string, FixedFile>();
  for (const f of result.files) if (!firsts.has(real(f.file))) firsts.set(real(f.file), f);
  if (o.dryRun) {
    const count = [...firsts.values()].reduce((n, f) => n + f.fixes, 0);
    for (const f of firsts.values()) o.stdout.write(patchOf(f.file, f.original, f.output));
    o.stderr.write(`docdrift: ${count === 0 ? 'nothing to fix' : `${plural(count, 'fix')} in ${plural(firsts.size, 'file')} would be applied`} (dry run: nothing written)\n`);
    return { diagnostics: result.diagnostics, failed: [] };
  }
  const failed: string[] = [];
  let writtenFixes = 0;
  /** The text now on disk of each written file, by its real path. */
  const onDisk = new Map<string, string>();
  for (const f of result.files) {
    const key = real(f.file);
    const first = firsts.get(key) as FixedFile;
    if (first !== f) {
      // Reported once, under the first path: written there, or named there as not written.
      if (onDisk.has(key) && first.output !== f.output) o.stderr.write(`docdrift: ${f.file} is the same file as ${first.file} (a link); fixed as ${first.file}\n`);
      continue;
    }
    try {
      writeFixed(resolve(o.cwd, f.file), f.file, f.original, f.output);
      onDisk.set(key, f.output);
      writtenFixes += f.fixes;
    } catch (e) {
      if (!(e instanceof FixWriteError)) throw e;
      o.stderr.write(`docdrift: ${e.message}\n`);
      failed.push(f.file);
    }
  }
  if (fixes > 0 || failed.length > 0) o.stderr.write(`docdrift: fixed ${plural(writtenFixes, 'problem')} in ${plural(onDisk.size, 'file')}${failed.length > 0 ? `; ${plural(failed.length, 'file')} not written` : ''}\n`);
  let diagnostics = result.diagnostics;
  // Re-checked with what is on disk now, under every path of each file, when that is not what the
  // passes saw: a write failed, or another path (which may have had no fixes of its own) shows a
  // written file. Pages that show no written file stay as they are (context pages may be read only
  // when needed).
  const aliased = onDisk.size > 0 && o.input.files.some((f) => onDisk.has(real(f.file)) && firsts.get(real(f.file))?.file !== f.file);
  if (failed.length > 0 || aliased) {
    diagnostics = await o.checker({
      ...o.input,
      files: o.input.files.map((f) => {
        const text = onDisk.size > 0 ? onDisk.get(real(f.file)) : undefined;
        return text === undefined ? f : { ...f, text };
      }),
    });
  }
  return { diagnostics, failed };
}
