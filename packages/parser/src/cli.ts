#!/usr/bin/env node
import { main } from './cli/main.js';

process.exitCode = main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
