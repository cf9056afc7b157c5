/**
 * Autofix. Three layers:
 *
 * - `applyFixes(text, diagnostics)`: one pass over one text — the fixes that
 *   do not overlap an earlier one (by start offset) replace their ranges;
 *   the rest wait.
 * - `fixInput(input, checker)`: passes until nothing is left to fix. Each
 *   pass checks the *current* texts again, so a fix that overlapped one
 *   applied in the pass before is recomputed against the new text (or no
 *   longer needed) instead of being merged blindly. Pure: no I/O.
 * - `writeFileAtomic(file, text)`: the write — a temporary file in the same
 *   folder, flushed, renamed over the original, so an interrupted run leaves
 *   either the old file or the new one, never a truncated one.
 *
 * Bytes outside the fixed ranges never change: the texts are the files'
 * texts (CRLF, tabs, trailing spaces untouched), and the byte order mark the
 * loader strips is put back by `encodeText`.
 */
import { randomBytes } from 'node:crypto';
import { type Stats, closeSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, fchmodSync, fchownSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic, Fix } from './diagnostic.js';
import type { CheckInput } from './docset.js';

export interface FixPass {
  /** The text with the applied fixes. */
  output: string;
  /** The findings whose fix was applied. */
  applied: Diagnostic[];
  /** The findings whose fix overlapped one applied before it (left for the next pass) or was out of range. */
  deferred: Diagnostic[];
}

function validRange(f: Fix, length: number): boolean {
  const [s, e] = f.range;
  return Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e >= s && e <= length;
}

/** One pass of fixes over one text: non-overlapping fixes in start order; overlapping ones are deferred, never merged. */
export function applyFixPass(text: string, diagnostics: readonly Diagnostic[]): FixPass {
  const withFix = diagnostics.filter((d): d is Diagnostic & { fix: Fix } => d.fix !== undefined);
  const sorted = [...withFix].sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  const applied: Diagnostic[] = [];
  const deferred: Diagnostic[] = [];
  let out = '';
  let at = 0;
  let lastStart = -1;
  for (const d of sorted) {
    const f = d.fix;
    // Overlap: starts inside the last replaced range, or is a second insertion at the same point.
    if (!validRange(f, text.length) || f.range[0] < at || (f.range[0] === f.range[1] && f.range[0] === lastStart)) {
      deferred.push(d);
      continue;
    }
    if (text.slice(f.range[0], f.range[1]) === f.text) continue; // already so: nothing to do
    out += text.slice(at, f.range[0]) + f.text;
    at = f.range[1];
    lastStart = f.range[0];
    applied.push(d);
  }
  return { output: out + text.slice(at), applied, deferred };
}

/** Apply the non-overlapping fixes of `diagnostics` to `text` (later ones that overlap an earlier fix are skipped). */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  return applyFixPass(text, diagnostics).output;
}

export interface FixedFile {
  file: string;
  /** The text before any fix. */
  original: string;
  /** The text after every pass. */
  output: string;
  /** How many fixes were applied to it, over all passes. */
  fixes: number;
}

export interface FixResult {
  /** Files whose text changed, sorted by path. */
  files: FixedFile[];
  /** The findings of the fixed texts (what is left to do by hand). */
  diagnostics: Diagnostic[];
  /** Passes that applied at least one fix. */
  passes: number;
  /** Whether fixes were still pending when `maxPasses` ran out. */
  exhausted: boolean;
}

export interface FixOptions {
  /** Stop after this many passes that changed something (default 10, as ESLint). */
  maxPasses?: number;
  /** Only fix these files (default: every checked file). */
  only?: ReadonlySet<string>;
  /** The findings of the input as it is, when the caller has them already (saves the first check). */
  initial?: Diagnostic[];
}

/** Check the input's current texts (sync or async: the CLI may check in worker threads). */
export type Checker = (input: CheckInput) => Diagnostic[] | Promise<Diagnostic[]>;

/**
 * Fix the checked files of `input` in passes until no fix is left (or
 * `maxPasses` changed something): check, apply each file's non-overlapping
 * fixes, check the new texts again. Returns the new texts; writes nothing.
 */
export async function fixInput(input: CheckInput, checker: Checker, options: FixOptions = {}): Promise<FixResult> {
  const maxPasses = options.maxPasses ?? 10;
  const texts = new Map(input.files.map((f) => [f.file, f.text]));
  const original = new Map(texts);
  const counts = new Map<string, number>();
  const fixable = new Set(input.files.filter((f) => f.check !== false && (!options.only || options.only.has(f.file))).map((f) => f.file));
  const current = (): CheckInput => ({ ...input, files: input.files.map((f) => ({ ...f, text: texts.get(f.file) as string })) });
  let passes = 0;
  let diagnostics = options.initial ?? (await checker(current()));
  let exhausted = false;
  for (;;) {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      if (!d.fix || !fixable.has(d.file)) continue;
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    let changed = false;
    const next = new Map<string, string>();
    for (const [file, list] of byFile) {
      const pass = applyFixPass(texts.get(file) as string, list);
      if (pass.applied.length === 0 || pass.output === texts.get(file)) continue;
      next.set(file, pass.output);
      counts.set(file, (counts.get(file) ?? 0) + pass.applied.length);
      changed = true;
    }
    if (!changed) break;
    if (passes === maxPasses) {
      exhausted = true;
      break;
    }
    for (const [file, text] of next) texts.set(file, text);
    passes++;
    diagnostics = await checker(current());
  }
  const files: FixedFile[] = [...texts]
    .filter(([file, text]) => text !== original.get(file))
    .map(([file, text]) => ({ file, original: original.get(file) as string, output: text, fixes: counts.get(file) ?? 0 }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, diagnostics, passes, exhausted };
}

/* ------------------------------------------------------------------ disk */

/** Why a file could not be fixed on disk (read-only, changed meanwhile, permission…): a message for the user, not a crash. */
export class FixWriteError extends Error {
  override name = 'FixWriteError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot fix ${file}: ${reason}`);
  }
}

const BOM = '\uFEFF';

/** The file's text as the loader gives it (UTF-8, BOM stripped) and whether it had a BOM. */
export function decodeText(buf: Buffer): { text: string; bom: boolean } {
  // ignoreBOM keeps the mark in the text, so we can tell whether it was there.
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** The bytes to write for a text (the byte order mark put back if the file had one). */
export function encodeText(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? BOM + text : text, 'utf8');
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOENT') return 'the file is gone';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (e as Error).message;
}

export interface AtomicWriteHooks {
  /** Called with the temporary file once its bytes are written and flushed, before the rename (tests simulate a crash here). */
  beforeRename?: (tmp: string) => void;
}

/**
 * Replace `file` by `data` atomically: write a temporary file next to it
 * (same folder, so the rename cannot cross file systems), flush it, give it
 * the original's mode (and owner, when we may), rename it over the original.
 * A symbolic link is followed: its target is replaced, the link stays. A
 * file that does not exist yet is created the same way (umask applies).
 */
export function writeFileAtomic(file: string, data: Buffer, hooks: AtomicWriteHooks = {}): void {
  let target = file;
  let st: Stats | undefined;
  try {
    if (lstatSync(file).isSymbolicLink()) target = realpathSync(file);
    st = statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = join(dirname(target), `.${basename(target)}.docdrift-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', st ? st.mode & 0o7777 : 0o666);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    if (st) {
      fchmodSync(fd, st.mode & 0o7777);
      try {
        if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || st.gid !== process.getgid?.())) fchownSync(fd, st.uid, st.gid);
      } catch {
        // Not allowed to give the file its owner back: it keeps ours (as any editor's save would).
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    hooks.beforeRename?.(tmp);
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already renamed
    }
    throw e;
  }
}

/**
 * Write a fixed text over `abs` (shown as `file` in messages). Refuses, with
 * a `FixWriteError`, a read-only file (no write bit: the owner said "do not
 * change", even to root) and a file that changed since it was read.
 */
export function writeFixed(abs: string, file: string, expected: string, output: string, hooks?: AtomicWriteHooks): void {
  let buf: Buffer;
  let st;
  try {
    st = statSync(abs);
    buf = readFileSync(abs);
  } catch (e) {
    throw new FixWriteError(file, reasonOf(e));
  }
  if ((st.mode & 0o222) === 0) throw new FixWriteError(file, 'the file is read-only (no write permission); make it writable (chmod u+w) to let --fix change it');
  let current;
  try {
    current = decodeText(buf);
  } catch {
    throw new FixWriteError(file, 'it is no longer valid UTF-8');
  }
  if (current.text !== expected) throw new FixWriteError(file, 'it changed on disk while docdrift ran; run again');
  try {
    writeFileAtomic(abs, encodeText(output, current.bom), hooks);
  } catch (e) {
    throw new FixWriteError(file, reasonOf(e));
  }
}
