/**
 * `--fix` and `--fix-dry-run` for the CLI: fix in passes (src/fix.ts), then
 * either write each changed file atomically or print the unified diff. A
 * file that cannot be written (read-only, changed meanwhile, permission) is
 * named on stderr with the reason; the others are still fixed.
 */
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic } from '../diagnostic.js';
import type { CheckInput } from '../docset.js';
import { fixInput, FixWriteError, writeFixed, type Checker } from '../fix.js';
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
  if (o.dryRun) {
    for (const f of result.files) o.stdout.write(patchOf(f.file, f.original, f.output));
    o.stderr.write(`docdrift: ${fixes === 0 ? 'nothing to fix' : `${plural(fixes, 'fix')} in ${plural(result.files.length, 'file')} would be applied`} (dry run: nothing written)\n`);
    return { diagnostics: result.diagnostics, failed: [] };
  }
  const failed: string[] = [];
  let written = 0;
  let writtenFixes = 0;
  for (const f of result.files) {
    try {
      writeFixed(resolve(o.cwd, f.file), f.file, f.original, f.output);
      written++;
      writtenFixes += f.fixes;
    } catch (e) {
      if (!(e instanceof FixWriteError)) throw e;
      o.stderr.write(`docdrift: ${e.message}\n`);
      failed.push(f.file);
    }
  }
  if (fixes > 0 || failed.length > 0) o.stderr.write(`docdrift: fixed ${plural(writtenFixes, 'problem')} in ${plural(written, 'file')}${failed.length > 0 ? `; ${plural(failed.length, 'file')} not written` : ''}\n`);
  let diagnostics = result.diagnostics;
  if (failed.length > 0) {
    // What is on disk now: the fixed texts, except where the write failed.
    const kept = new Set(failed);
    const out = new Map(result.files.filter((f) => !kept.has(f.file)).map((f) => [f.file, f.output]));
    diagnostics = await o.checker({ ...o.input, files: o.input.files.map((f) => (out.has(f.file) ? { ...f, text: out.get(f.file) as string } : f)) });
  }
  return { diagnostics, failed };
}
