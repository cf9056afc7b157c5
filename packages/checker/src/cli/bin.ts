#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

// Peak memory: by default V8 lets a big run's garbage (a parse tree per page, dead once the page's
// rules have run) grow to several times the live heap before a full collection; over the 55 MB
// benchmark tree that peaked at ~550 MB for ~130 MB of live data. A heap that grows by 50 % at a
// time keeps the peak near 350 MB for a few percent more CPU (bench/check/README.md). Only the
// collector's heuristics change, so there is no limit to run into; a flag the user gives wins.
if (!/heap-growing-percent/.test(`${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`)) {
  setFlagsFromString('--heap-growing-percent=50');
}

// `docdrift … | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
try {
  process.exitCode = await main({ argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
} catch (e) {
  // A failure of docdrift itself is exit 2, never 1 (which means "findings").
  process.stderr.write(`docdrift: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 2;
}
