#!/usr/bin/env node
// The pre-commit-style run on one changed file, measured against Node's own start-up and, when
// given, against another build of docdrift, with the three interleaved run by run. On a machine
// whose speed drifts (this one's `node -e 0` went from 0.10 s to 0.20 s within an hour), runs taken
// minutes apart cannot be compared; interleaved runs can, and the ratio to `node -e 0` carries over
// from one machine to another better than milliseconds do.
//
//   node bench/check/onefile.mjs [--runs 9] [--base path/to/other/checkout]
//
// Needs the generated tree (node bench/check/generate.mjs, or run.mjs once) and a build.
// Measures, each as a fresh process (wall time from here; medians):
//   node -e 0; docdrift FILE; docdrift --cache FILE with the file edited before each run (the
//   pre-commit hook's way: only the context pages' stored scans can be reused); and, with --base,
//   the other build's `docdrift FILE` and `docdrift --cache FILE` the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OUT } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const arg = (name, fallback) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
};
const runs = Number(arg('runs', 9));
const base = arg('base', undefined);
const changed = 'public/api-ref/source/section_03/page_00321.rst';
const abs = join(DEFAULT_OUT, changed);
if (!existsSync(abs)) {
  console.error(`no generated tree: run node bench/check/generate.mjs first (${abs} is missing)`);
  process.exit(2);
}
// The command is dist/cli/bin.cjs since session 5 (bin.js before): a --base build may have either.
const command = (checkout) => ['bin.cjs', 'bin.js'].map((f) => join(checkout, 'packages/checker/dist/cli', f)).find((f) => existsSync(f)) ?? join(checkout, 'packages/checker/dist/cli/bin.cjs');
const builds = [['new', command(repo)]];
if (base) builds.push(['base', command(resolve(base))]);
for (const [, bin] of builds) if (!existsSync(bin)) throw new Error(`build first: ${bin} is missing`);

const original = readFileSync(abs);
const edit = (i) => writeFileSync(abs, Buffer.concat([original, Buffer.from(`\nA paragraph added by edit ${i} of the benchmark.\n`)]));
const time = (args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: DEFAULT_OUT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
};

const cases = [['node -e 0', () => ['-e', '0']]];
for (const [name, bin] of builds) {
  const cache = join(here, 'out', `onefile-cache-${name}`);
  rmSync(cache, { recursive: true, force: true });
  time([bin, '-f', 'compact', '--cache-location', cache, changed]); // fills the cache
  cases.push([`${name}: docdrift FILE`, () => [bin, '-f', 'compact', changed]]);
  cases.push([`${name}: docdrift --cache FILE (edited)`, () => [bin, '-f', 'compact', '--cache-location', cache, changed], true]);
}
const samples = new Map(cases.map(([label]) => [label, []]));
const before = loadavg()[0];
try {
  for (let i = 0; i < runs; i++) {
    for (const [label, args, edits] of cases) {
      if (edits) edit(i);
      else writeFileSync(abs, original);
      samples.get(label).push(time(args()));
    }
  }
} finally {
  writeFileSync(abs, original);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = median(samples.get('node -e 0'));
console.log(`${runs} interleaved runs, load ${before.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; medians`);
for (const [label, xs] of samples) console.log(`${label.padEnd(40)} ${median(xs).toFixed(0).padStart(5)} ms  ${(median(xs) / node).toFixed(2)}x node -e 0  (min ${Math.min(...xs).toFixed(0)} ms)`);
