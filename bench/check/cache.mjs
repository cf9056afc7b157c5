#!/usr/bin/env node
// The --cache benchmark (a script, not a timed test): the first run against
// later runs on ../shared/corpus/.
//
//   node bench/check/cache.mjs [--corpus ../shared/corpus] [--runs 3]
//
// The corpus is copied to bench/check/out/cache-corpus/ (it is read-only, and
// one measurement edits a page). Each measurement is a fresh
// `node packages/checker/dist/cli/bin.cjs --format json` process; wall time
// from here, CPU time (user + sys) and peak RSS from /usr/bin/time; median
// of --runs runs:
//   1. no cache                                   (today's cost)
//   2. --cache, cold: the cache emptied before each run (first run + storing)
//   3. --cache, warm, nothing changed             (the stored run is reused)
//   4. --cache, warm parses, one page edited      (every other page's parse is read back)
// Every cached run's report must equal the uncached report of the same
// input. Writes bench/check/out/cache-results.json. Build first.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusConfig } from './corpus-config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const out = join(here, 'out');

function arg(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}
const runs = Number(arg('runs', 3));
const corpus = resolve(repo, arg('corpus', '../shared/corpus'));
if (!existsSync(join(repo, 'packages/checker/dist/cli/bin.cjs'))) {
  console.error('build first: packages/checker/dist is missing (npx -y pnpm@10.34.9 build)');
  process.exit(2);
}

// A snapshot of the build (the checker, parser and http-status packages' dist/; third-party
// packages linked): a rebuild in the work tree while the benchmark runs must not change
// docdrift between two measurements (it would also, rightly, empty the cache).
function snapshot(dest) {
  rmSync(dest, { recursive: true, force: true });
  const copyPkg = (from, to) => {
    mkdirSync(to, { recursive: true });
    for (const part of ['package.json', 'dist', 'data']) if (existsSync(join(from, part))) cpSync(join(from, part), join(to, part), { recursive: true, dereference: true });
    mkdirSync(join(to, 'node_modules'), { recursive: true });
    for (const dep of readdirSync(join(from, 'node_modules'))) {
      if (dep === '@docdrift') continue;
      symlinkSync(realpathSync(join(from, 'node_modules', dep)), join(to, 'node_modules', dep));
    }
    if (existsSync(join(from, 'node_modules/@docdrift'))) {
      for (const own of readdirSync(join(from, 'node_modules/@docdrift'))) copyPkg(realpathSync(join(from, 'node_modules/@docdrift', own)), join(to, 'node_modules/@docdrift', own));
    }
  };
  copyPkg(join(repo, 'packages/checker'), dest);
  return join(dest, 'dist/cli/bin.cjs');
}
const bin = snapshot(join(out, 'cache-build'));
if (!existsSync(corpus)) {
  console.error(`no corpus at ${corpus}`);
  process.exit(2);
}

mkdirSync(out, { recursive: true });
const copy = join(out, 'cache-corpus');
rmSync(copy, { recursive: true, force: true });
cpSync(corpus, copy, { recursive: true });
spawnSync('chmod', ['-R', 'u+w', copy]);
const configFile = join(out, 'cache-corpus.config.json');
writeFileSync(configFile, JSON.stringify(corpusConfig(copy), null, 2) + '\n');
const cacheDir = join(out, 'cache-dir');

function once(extra, before) {
  before?.();
  const args = ['-f', 'json', '--config', configFile, ...extra];
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, bin, ...args], { cwd: copy, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`docdrift failed (${r.status}): ${r.stderr}`);
  const [rss, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ms, cpuMs: Math.round((user + sys) * 1000), rssKB: rss, report: r.stdout };
}

function measure(label, extra, before) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(once(extra, before));
  const byWall = [...all].sort((a, b) => a.ms - b.ms);
  const byCpu = [...all].sort((a, b) => a.cpuMs - b.cpuMs);
  const row = {
    label,
    runs,
    wallMs: Math.round(byWall[Math.floor(runs / 2)].ms),
    minWallMs: Math.round(byWall[0].ms),
    cpuMs: byCpu[Math.floor(runs / 2)].cpuMs,
    peakRssMB: Math.round(Math.max(...all.map((x) => x.rssKB)) / 1024),
  };
  console.log(JSON.stringify(row));
  return { row, report: all[0].report, reports: all.map((x) => x.report) };
}

const machine = { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgBefore: loadavg().map((x) => +x.toFixed(2)) };
console.log(JSON.stringify(machine));

const cacheArgs = ['--cache-location', cacheDir];
const plain = measure('no cache', []);
const cold = measure('--cache, cold (cache emptied before each run)', cacheArgs, () => rmSync(cacheDir, { recursive: true, force: true }));
const warm = measure('--cache, warm, nothing changed (stored run reused)', cacheArgs);

// One page edited: a paragraph appended to a page of the public VPC endpoint API reference.
const edited = join(copy, 'opentelekomcloud-docs+vpc-endpoint/api-ref/source/api_usage_guidelines.rst');
const original = existsSync(edited) ? readFileSync(edited, 'utf8') : undefined;
if (original === undefined) throw new Error(`corpus changed: ${edited} is missing`);
let n = 0;
const oneEdit = measure('--cache, one page edited (other parses read back)', cacheArgs, () => writeFileSync(edited, `${original}\nEdited for the cache benchmark (${++n}).\n`));
const plainEdited = once([]); // the uncached report of the last edited state

const checks = {
  cold: cold.reports.every((r) => r === plain.report),
  warm: warm.reports.every((r) => r === plain.report),
  oneEdit: oneEdit.reports.at(-1) === plainEdited.report,
};
const same = Object.values(checks).every(Boolean);
console.log(`cached reports identical to uncached ones: ${same} ${JSON.stringify(checks)}`);
if (!same) {
  writeFileSync(join(out, 'cache-plain.json'), plain.report);
  for (const [k, m] of Object.entries({ cold, warm, oneEdit })) m.reports.forEach((r, i) => writeFileSync(join(out, `cache-${k}-${i}.json`), r));
  writeFileSync(join(out, 'cache-plain-edited.json'), plainEdited.report);
}
writeFileSync(edited, original);

const results = {
  machine: { ...machine, loadavgAfter: loadavg().map((x) => +x.toFixed(2)) },
  rows: [plain.row, cold.row, warm.row, oneEdit.row],
  identical: same,
};
writeFileSync(join(out, 'cache-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`wrote ${join(out, 'cache-results.json')}`);
if (!same) process.exit(1);
