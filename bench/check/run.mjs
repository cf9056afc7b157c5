#!/usr/bin/env node
// Benchmark of the whole docdrift check (a script, not a timed test).
//
//   node bench/check/run.mjs [--pages 5000] [--corpus ../shared/corpus] [--runs 3]
//
// 1. The generated tree (bench/check/generate.mjs: 5,000 pages, ~55 MB, two
//    variant repositories with two Sphinx projects each): the CLI over all of
//    it, with --threads 2 and with --threads 1.
// 2. ../shared/corpus/ (if present) with the config from corpus-config.mjs.
// 3. A pre-commit-style run: one changed file inside the 5,000-page tree
//    (the CLI loads its project's labels and its variant counterpart as
//    context), wall time including Node's start-up.
// Each measurement is a fresh `node packages/checker/dist/cli/bin.cjs` process:
// wall time from here, peak RSS and CPU time (user + sys, all threads) from
// /usr/bin/time. The load average before and after is recorded: on a shared
// machine, wall time is only meaningful next to it. Prints a table and writes
// bench/check/out/results.json. Build first: `pnpm build`.
//
//   node bench/check/run.mjs --floors [--runs 3]
//
// Instead of the above: where the whole tree's time goes, by what is switched
// on (--rule id=off for the rest): no rule (reading, scanning and grouping the
// pages, no parse: the rules ask for the trees), parse-error alone (every page
// parsed, nothing else checked, with --threads 1 and 2), the per-page rules
// alone, and every rule. Writes bench/check/out/floors.json.
//
//   node bench/check/run.mjs --formats [--runs 3]
//
// Instead: the whole tree (every rule, --threads 1) written as each report
// format to a file, for the peak memory of the big machine-readable reports
// (JSON, SARIF) against compact's. Writes bench/check/out/formats.json.
/* global process, console, Buffer */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeTree, DEFAULT_OUT } from './generate.mjs';
import { writeCorpusConfig } from './corpus-config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const bin = join(repo, 'packages/checker/dist/cli/bin.cjs');
const outDir = join(here, 'out');

function arg(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

const pages = Number(arg('pages', 5000));
const runs = Number(arg('runs', 3));
const corpus = resolve(repo, arg('corpus', '../shared/corpus'));
if (!existsSync(bin)) {
  console.error(`build first: ${bin} is missing (npx -y pnpm@10.34.9 build)`);
  process.exit(2);
}
const hasTime = existsSync('/usr/bin/time');

/** Run the CLI once; returns wall ms, peak RSS (KB), exit code. */
function once(args, cwd) {
  const o = args.indexOf('-o');
  if (o >= 0) rmSync(args[o + 1], { force: true }); // a crashed run must not leave an old report behind
  const cmd = hasTime ? ['/usr/bin/time', ['-f', '%M %U %S', process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const [rss, user, sys] = hasTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  if (r.status !== 0 && r.status !== 1) throw new Error(`docdrift ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, rssKB: rss, cpuMs: Math.round((user + sys) * 1000), code: r.status };
}

/** Median of `n` runs (`before(i)` runs ahead of each, untimed). */
function measure(label, args, cwd, n, size, before) {
  const all = [];
  for (let i = 0; i < n; i++) {
    before?.(i);
    all.push(once(args, cwd));
  }
  all.sort((a, b) => a.ms - b.ms);
  const m = all[Math.floor(all.length / 2)];
  const row = { label, runs: n, wallMs: Math.round(m.ms), minMs: Math.round(all[0].ms), cpuMs: m.cpuMs, peakRssMB: Math.round(Math.max(...all.map((x) => x.rssKB)) / 1024) };
  if (size) {
    row.files = size.files;
    row.MB = +(size.bytes / 1e6).toFixed(1);
    row.filesPerSec = Math.round(size.files / (m.ms / 1000));
    row.MBPerSec = +(size.bytes / 1e6 / (m.ms / 1000)).toFixed(1);
  }
  console.log(JSON.stringify(row));
  return row;
}

mkdirSync(outDir, { recursive: true });
const machine = { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgBefore: loadavg().map((x) => +x.toFixed(2)) };
console.log(JSON.stringify(machine));
const results = { machine, rows: [] };

const m = writeTree({ pages, out: DEFAULT_OUT, log: (s) => console.log(s) });
const genSize = { files: m.pages, bytes: m.bytes };

if (process.argv.includes('--formats')) {
  for (const f of ['compact', 'json', 'sarif', 'junit', 'html']) {
    const file = join(outDir, `report.${f}`);
    const row = measure(`generated ${m.pages} pages, --format ${f}`, ['-f', f, '-o', file, '--threads', '1'], DEFAULT_OUT, runs, genSize);
    row.reportMB = +(readFileSync(file).length / 1e6).toFixed(1);
    results.rows.push(row);
  }
  results.machine.loadavgAfter = loadavg().map((x) => +x.toFixed(2));
  writeFileSync(join(outDir, 'formats.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${join(outDir, 'formats.json')}`);
  process.exit(0);
}

if (process.argv.includes('--floors')) {
  // The checker's own rule list says which rules check one page (check) and which a variant group (checkGroup).
  const { rules } = await import(pathToFileURL(join(repo, 'packages/checker/dist/index.js')).href);
  const off = (keep) => rules.filter((r) => !keep(r)).flatMap((r) => ['--rule', `${r.id}=off`]);
  const out = ['-f', 'compact', '-o', join(outDir, 'floor.txt')];
  const floors = [
    ['no rule (read, scan, group; no parse)', ['--threads', '1', ...off(() => false)]],
    ['parse-error alone (every page parsed)', ['--threads', '1', ...off((r) => r.id === 'parse-error')]],
    ['parse-error alone, --threads 2', ['--threads', '2', ...off((r) => r.id === 'parse-error')]],
    ['the per-page rules (no variant rule)', ['--threads', '1', ...off((r) => Boolean(r.check))]],
    ['every rule (the default run)', ['--threads', '1']],
  ];
  for (const [label, args] of floors) results.rows.push(measure(`generated ${m.pages} pages, ${label}`, [...out, ...args], DEFAULT_OUT, runs, genSize));
  results.machine.loadavgAfter = loadavg().map((x) => +x.toFixed(2));
  writeFileSync(join(outDir, 'floors.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${join(outDir, 'floors.json')}`);
  process.exit(0);
}
// Both thread counts explicitly: the default is 1 on a machine with 2 cores or fewer (cli/parallel.ts).
results.rows.push(measure(`generated ${m.pages} pages, --threads 2`, ['-f', 'compact', '-o', join(outDir, 'generated.txt'), '--threads', '2'], DEFAULT_OUT, runs, genSize));
results.rows.push(measure(`generated ${m.pages} pages, --threads 1`, ['-f', 'compact', '-o', join(outDir, 'generated-1.txt'), '--threads', '1'], DEFAULT_OUT, runs, genSize));
const same = readFileSync(join(outDir, 'generated.txt'), 'utf8') === readFileSync(join(outDir, 'generated-1.txt'), 'utf8');
console.log(`threaded and single-threaded reports identical: ${same}`);

if (existsSync(corpus)) {
  const config = writeCorpusConfig(corpus, outDir);
  const args = ['--config', config, '-f', 'json', '-o', join(outDir, 'corpus.json')];
  let bytes = 0;
  let files = 0;
  for (const line of spawnSync('find', ['.', '-type', 'f', '(', '-name', '*.rst', '-o', '-name', '*.md', ')'], { cwd: corpus, encoding: 'utf8' }).stdout.trim().split('\n')) {
    if (line.endsWith('README.md') && line.split('/').length === 2) continue;
    bytes += readFileSync(join(corpus, line)).length;
    files++;
  }
  results.rows.push(measure('shared/corpus (865 files)', args, corpus, runs, { files, bytes }));
  const found = JSON.parse(readFileSync(join(outDir, 'corpus.json'), 'utf8'));
  const byRule = {};
  for (const d of found) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1;
  results.corpusFindings = byRule;
  console.log(`shared/corpus findings per rule: ${JSON.stringify(byRule)}`);
}

const changed = 'public/api-ref/source/section_03/page_00321.rst';
results.rows.push(measure(`one changed file (${changed}) in the ${m.pages}-page tree, incl. Node start-up`, ['-f', 'compact', changed], DEFAULT_OUT, Math.max(5, runs)));
// The pre-commit hook's way (.pre-commit-hooks.yaml passes --cache): a first run fills the cache with
// the light scans of the context pages; before each measured run the file is edited, as a commit
// would change it, so neither the stored run nor the file's stored parse can answer.
{
  const cacheDir = join(outDir, 'precommit-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const abs = join(DEFAULT_OUT, changed);
  const original = readFileSync(abs);
  const cacheArgs = ['-f', 'compact', '--cache-location', cacheDir, changed];
  try {
    once(cacheArgs, DEFAULT_OUT);
    const edit = (i) => writeFileSync(abs, Buffer.concat([original, Buffer.from(`\nA paragraph added by edit ${i} of the benchmark.\n`)]));
    results.rows.push(measure(`one changed file, --cache (pre-commit hook), file edited before each run`, cacheArgs, DEFAULT_OUT, Math.max(5, runs), undefined, edit));
  } finally {
    writeFileSync(abs, original);
  }
}
{
  const t = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  t.sort((a, b) => a - b);
  const row = { label: 'node -e 0 (Node start-up alone)', runs: 5, wallMs: Math.round(t[2]) };
  console.log(JSON.stringify(row));
  results.rows.push(row);
}
results.machine.loadavgAfter = loadavg().map((x) => +x.toFixed(2));
writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${join(outDir, 'results.json')}`);
