#!/usr/bin/env node
import { main } from './main.js';

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
