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
import { parse, type ParseMessage } from '@docdrift/parser';

export interface FixPass {
  /** The text with the applied fixes. */
  output: string;
  /** The findings whose fix was applied. */
  applied: Diagnostic[];
  /** The findings whose fix overlapped one applied before it (left for the next pass) or was out of range. */
  deferred: Diagnostic[];
  /** The findings whose fix cannot be applied safely, with the reason (never retried). */
  unsafe: Array<{ diagnostic: Diagnostic; reason: string }>;
  /** The replacements made, in text order: `[start, end)` of the old text and the new text's length. */
  edits: Array<{ start: number; end: number; length: number }>;
}

/** Where an offset of the text before a pass is in the text after it (an offset inside a replaced range goes to its start). */
export function shiftOffset(edits: FixPass['edits'], offset: number): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= offset && e.start < offset) delta += e.length - (e.end - e.start);
    else if (e.start < offset) return e.start + delta;
    else break;
  }
  return offset + delta;
}

function validRange(f: Fix, length: number): boolean {
  const [s, e] = f.range;
  return Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e >= s && e <= length;
}

/** Columns a text takes in a monospaced table, as docutils counts them: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0x300 && c <= 0x36f) continue; // combining marks
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/**
 * A fix inside one line of a grid-table row (`| … | … |`) keeps the row's
 * borders where they are: a shorter replacement pads the cell before its
 * right border, a longer one takes the cell's trailing spaces (keeping one).
 * Returns the fix to apply, or a reason when the cell has no room.
 */
export function gridSafeFix(text: string, f: Fix): Fix | { unsafe: string } {
  const [s, e] = f.range;
  if (f.text.includes('\n') || text.slice(s, e).includes('\n')) return f;
  const lineStart = text.lastIndexOf('\n', s - 1) + 1;
  let lineEnd = text.indexOf('\n', e);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  if (!/^\s*\|.*\|\s*$/.test(line)) return f;
  const bar = text.indexOf('|', e);
  if (bar < 0 || bar >= lineEnd || text.lastIndexOf('|', s - 1) < lineStart) return f;
  const delta = displayWidth(f.text) - displayWidth(text.slice(s, e));
  if (delta === 0) return f;
  if (delta < 0) return { range: [s, bar], text: f.text + text.slice(e, bar) + ' '.repeat(-delta) };
  let spaces = 0;
  while (bar - 1 - spaces >= e && text[bar - 1 - spaces] === ' ') spaces++;
  if (spaces - 1 < delta) return { unsafe: `the table cell is ${delta - (spaces - 1)} ${delta - (spaces - 1) === 1 ? 'column' : 'columns'} too narrow for the fix; widen the column, then run --fix again` };
  return { range: [s, bar], text: f.text + text.slice(e, bar - delta) };
}

/**
 * One pass of fixes over one text: non-overlapping fixes in start order;
 * overlapping ones are deferred, never merged. In grid-table rows the cell
 * padding is adjusted so the borders stay aligned (see `gridSafeFix`).
 */
export function applyFixPass(text: string, diagnostics: readonly Diagnostic[]): FixPass {
  const applied: Diagnostic[] = [];
  const deferred: Diagnostic[] = [];
  const unsafe: FixPass['unsafe'] = [];
  const planned: Array<{ d: Diagnostic; f: Fix }> = [];
  for (const d of diagnostics) {
    if (!d.fix) continue;
    if (!validRange(d.fix, text.length)) {
      deferred.push(d);
      continue;
    }
    const f = gridSafeFix(text, d.fix);
    if ('unsafe' in f) unsafe.push({ diagnostic: d, reason: f.unsafe });
    else planned.push({ d, f });
  }
  planned.sort((a, b) => a.f.range[0] - b.f.range[0] || a.f.range[1] - b.f.range[1]);
  const edits: FixPass['edits'] = [];
  let out = '';
  let at = 0;
  let lastStart = -1;
  for (const { d, f } of planned) {
    // Overlap: starts inside the last replaced range, or is a second insertion at the same point.
    if (f.range[0] < at || (f.range[0] === f.range[1] && f.range[0] === lastStart)) {
      deferred.push(d);
      continue;
    }
    if (text.slice(f.range[0], f.range[1]) === f.text) continue; // already so: nothing to do
    out += text.slice(at, f.range[0]) + f.text;
    edits.push({ start: f.range[0], end: f.range[1], length: f.text.length });
    at = f.range[1];
    lastStart = f.range[0];
    applied.push(d);
  }
  return { output: out + text.slice(at), applied, deferred, unsafe, edits };
}

/**
 * What a fix must not do: make the parser report a problem the text did not
 * have (a grid table whose border moved, a directive that lost its blank
 * line). Returns the new problem, or undefined.
 */
export function newParseProblem(file: string, before: string, after: string): string | undefined {
  const key = (m: ParseMessage): string => `${m.code}\u0000${m.message}`;
  const seen = new Map<string, number>();
  for (const m of parse(before, { path: file }).messages) if (m.severity !== 'info') seen.set(key(m), (seen.get(key(m)) ?? 0) + 1);
  for (const m of parse(after, { path: file }).messages) {
    if (m.severity === 'info') continue;
    const n = seen.get(key(m)) ?? 0;
    if (n > 0) seen.set(key(m), n - 1);
    else return `${m.message.replace(/\s*\n\s*/g, ' ')} (line ${m.line})`;
  }
  return undefined;
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
  /** Fixes not applied because they would break the document (as found when they were tried), sorted by file and line. */
  rejected: Array<{ diagnostic: Diagnostic; reason: string }>;
}

export interface FixOptions {
  /** Stop after this many passes that changed something (default 10, as ESLint). */
  maxPasses?: number;
  /** Only fix these files (default: every checked file). */
  only?: ReadonlySet<string>;
  /** The findings of the input as it is, when the caller has them already (saves the first check). */
  initial?: Diagnostic[];
  /** Whether a fixed text is still sound: a reason when it is not (default: `newParseProblem`, the parser must not report anything new). */
  verify?: (file: string, before: string, after: string) => string | undefined;
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
  const fixable = new Set(input.files.filter((f) => f.check !== false && (!options.only || options.only.has(f.file))).map((f) => f.file));
  // Only the fixable files' texts change; context files are passed on as they are (their text may be
  // read lazily by the loader, and a pre-commit run must not read every page of the project for it).
  const texts = new Map(input.files.filter((f) => fixable.has(f.file)).map((f) => [f.file, f.text]));
  const original = new Map(texts);
  const counts = new Map<string, number>();
  const current = (): CheckInput => ({ ...input, files: input.files.map((f) => (texts.has(f.file) ? { ...f, text: texts.get(f.file) as string } : f)) });
  const verify = options.verify ?? newParseProblem;
  // A refused fix is never tried again. A finding keeps its rule, message and fix text from pass to pass,
  // but the same words can be found in several places of a page (a "404 NotFound" row in each operation's
  // status table): a refusal is also tied to where its fix starts, moved along as earlier fixes apply.
  const rejected = new Map<string, Array<{ key: string; start: number; diagnostic: Diagnostic; reason: string }>>();
  const fixKey = (d: Diagnostic): string => `${d.ruleId}\u0000${d.message}\u0000${d.fix?.text ?? ''}`;
  const refusal = (d: Diagnostic) => rejected.get(d.file)?.find((r) => r.key === fixKey(d) && r.start === d.fix?.range[0]);
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
    for (const [file, all] of byFile) {
      const text = texts.get(file) as string;
      const reject = (d: Diagnostic, reason: string): void => {
        if (refusal(d) || !d.fix) return;
        const entry = { key: fixKey(d), start: d.fix.range[0], diagnostic: d, reason };
        const list = rejected.get(file);
        if (list) list.push(entry);
        else rejected.set(file, [entry]);
      };
      const list = all.filter((d) => !refusal(d));
      let pass = applyFixPass(text, list);
      for (const u of pass.unsafe) reject(u.diagnostic, u.reason);
      if (pass.applied.length === 0 || pass.output === text) continue;
      if (verify(file, text, pass.output) !== undefined) {
        // Something in this pass breaks the page: try each fix alone, keep the sound ones.
        const sound = pass.applied.filter((d) => {
          const why = verify(file, text, applyFixPass(text, [d]).output);
          if (why !== undefined) reject(d, `the fix would break the page: ${why}`);
          return why === undefined;
        });
        pass = applyFixPass(text, sound);
        if (sound.length > 1 && verify(file, text, pass.output) !== undefined) pass = applyFixPass(text, sound.slice(0, 1));
        if (pass.applied.length === 0 || pass.output === text) continue;
      }
      next.set(file, pass.output);
      for (const r of rejected.get(file) ?? []) r.start = shiftOffset(pass.edits, r.start);
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
  // Report a rejected fix at its place in the final text when the finding is still there.
  const final = new Map(diagnostics.filter((d) => d.fix).map((d) => [`${d.file}\u0000${fixKey(d)}\u0000${d.fix?.range[0]}`, d]));
  const rejectedList = [...rejected.entries()]
    .flatMap(([file, list]) => list.map((r) => ({ diagnostic: final.get(`${file}\u0000${r.key}\u0000${r.start}`) ?? r.diagnostic, reason: r.reason })))
    .sort((a, b) => (a.diagnostic.file < b.diagnostic.file ? -1 : a.diagnostic.file > b.diagnostic.file ? 1 : a.diagnostic.line - b.diagnostic.line));
  return { files, diagnostics, passes, exhausted, rejected: rejectedList };
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
