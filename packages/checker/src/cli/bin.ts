#!/usr/bin/env node
// The `docdrift` command. scripts/bundle.mjs turns this file and load.ts into dist/cli/bin.cjs: a
// CommonJS entry starts ~10 ms sooner than an ES module one (Node's ES module loader is not needed).
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { reasonOf } from '../errors.js';
import { compileCacheDir, loadBundle, runKind } from './load.js';
import { guardStream } from './stdout.js';
import type * as Main from './main.js';

// Peak memory: by default V8 lets a big run's garbage (a parse tree per page, dead once the page's
// rules have run) grow to several times the live heap before a full collection; over the 55 MB
// benchmark tree that peaked at ~550 MB for ~130 MB of live data. A heap that grows by 30 % at a
// time keeps the peak near 365 MB (50 %, the setting until session 7: 380–397 MB, against the
// 400 MB target) for no measurable wall time and ~2 % more CPU (bench/check/README.md). Only the
// collector's heuristics change, so there is no limit to run into; a flag the user gives wins.
if (!/heap-growing-percent/.test(`${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`)) {
  setFlagsFromString('--heap-growing-percent=30');
}

// `docdrift … | head` closes the pipe early: the rest of the report is dropped, quietly, and the exit
// code still says what the run found. Any other failure to write the report (a full disk) is said
// once on stderr and makes the exit code 2.
let stdoutFailed = false;
const stderr = guardStream(process.stderr);
const stdout = guardStream(process.stdout, (e) => {
  if (e.code === 'EPIPE') return;
  stdoutFailed = true;
  process.exitCode = 2;
  stderr.write(`docdrift: cannot write the report to stdout: ${reasonOf(e)}\n`);
});
async function run(): Promise<void> {
  // The CLI itself is one CommonJS bundle (scripts/bundle.mjs), loaded with a code cache (load.ts).
  const bundle = fileURLToPath(new URL('./docdrift.cjs', import.meta.url));
  let loaded;
  try {
    loaded = loadBundle(bundle, compileCacheDir(), runKind(process.argv.slice(2)));
  } catch (e) {
    process.stderr.write(`docdrift: cannot load ${bundle}: ${(e as Error).message}\nReinstall docdrift, or in its repository run the build (npx -y pnpm@10.34.9 build).\n`);
    process.exitCode = 2;
    return;
  }
  const { main } = loaded.exports as typeof Main;
  let checked = false;
  try {
    const code = await main({ argv: process.argv.slice(2), cwd: process.cwd(), stdout, stderr, stdin: process.stdin, onCheck: () => (checked = true) });
    process.exitCode = stdoutFailed ? 2 : code;
  } catch (e) {
    // A failure of docdrift itself is exit 2, never 1 (which means "findings").
    process.stderr.write(`docdrift: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  }
  // A run that printed help or its findings from --cache stores a cache marked as such, which the
  // next run that checks pages replaces (load.ts).
  loaded.save(checked);
  // Done: leave now rather than when the event loop runs dry, which first ran a garbage collection V8
  // had scheduled and closed handles, ~10 ms of a one-page run. Only once stdout and stderr hold no
  // unwritten output: a write to a pipe can stay pending (on POSIX, when the reader is slower than
  // the report; Node documents pipes as asynchronous there), and then the natural exit waits for it.
  if ((process.stdout.writableLength === 0 || stdout.failure !== undefined) && process.stderr.writableLength === 0) process.exit();
}
// Not top-level await: the bundle of this file is CommonJS.
void run();
