#!/usr/bin/env node
// The ESLint benchmark: is @docdrift/no-magic-http-status as cheap as core
// no-magic-numbers? See README.md next to this file.
//
//   node bench/eslint/run.mjs [--files 2400] [--repeat 6] [--seed 20251122] [--profile mixed|http|both] [--floor] [--write]
//
// 1. Generates (or reuses) the deterministic corpora in bench/eslint/corpus/
//    (TypeScript, ESM and CommonJS): `mixed`, a third HTTP-facing files
//    (routes, clients, Nest controllers, Lambda handlers, tests) and the rest
//    services, utilities, configuration and UI code; and `http`, HTTP-facing
//    files only, the worst case for the status rule.
// 2. Runs the ESLint CLI on it with TIMING=all, both rules enabled in the same
//    run (eslint.config.mjs), --repeat times, and reads ESLint's per-rule
//    timing table (time spent in each rule's listeners, fixes included).
//    Runs alternate which rule ESLint calls first on each node (BENCH_FIRST):
//    the first one finds the node, ESLint's report code and the CPU caches
//    cold and the second one warm, which moves the ratio by a third.
// 3. Prints each rule's median time, the ratio ours / core, and how much each
//    reported. --write records the result in results.md.
// 4. With --floor, as many runs again with our rule swapped for the floor rule
//    (floor-plugin.mjs): the same reports, read from the first run's output, with
//    no look at the context. Its time is what ESLint charges for those reports
//    and for a `Literal` listener; ours minus the floor is the rule's own work.
/* global process, console */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FILES, DEFAULT_SEED, PROFILES, writeCorpus } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function arg(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}
const FILES = Number(arg('files', DEFAULT_FILES));
const REPEAT = Math.max(1, Number(arg('repeat', 6)));
const SEED = Number(arg('seed', DEFAULT_SEED));
const WRITE = process.argv.includes('--write');
const PROFILE = arg('profile', 'both');
const FLOOR = process.argv.includes('--floor');
const profiles = PROFILE === 'both' ? PROFILES : [PROFILE];

const OURS = '@docdrift/no-magic-http-status';
const CORE = 'no-magic-numbers';
const FLOOR_RULE = 'docdrift-floor/floor';

const plugin = join(root, 'packages/eslint-plugin/dist/index.js');
if (!existsSync(plugin)) {
  console.error(`bench:eslint: ${relative(process.cwd(), plugin)} is missing; build the plugin first:\n  npx -y pnpm@10.34.9 --filter @docdrift/eslint-plugin build`);
  process.exit(2);
}
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');

/** ESLint's TIMING table → { rule: ms }. */
function parseTiming(stdout) {
  const times = {};
  for (const line of stdout.split('\n')) {
    const m = /^(\S+)\s*\|\s*([\d.]+)\s*\|/.exec(line);
    if (m) times[m[1]] = Number(m[2]);
  }
  return times;
}

/** One rule's reports in an ESLint JSON result, as a string to compare: position, message id, message, fix. */
const reportsOf = (results, rule) =>
  results
    .map((f) => `${f.filePath}\n${f.messages.filter((m) => m.ruleId === rule).map((m) => JSON.stringify([m.line, m.column, m.endLine, m.endColumn, m.messageId, m.message, m.fix])).join('\n')}`)
    .join('\n');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'docdrift-bench-eslint-'));
const reports = [];
for (const profile of profiles) {
  const manifest = writeCorpus({ files: FILES, seed: SEED, profile, log: console.log });
  console.log(`\n== ${profile}: ${manifest.files.length} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, seed ${SEED}`);
  const runs = [];
  const floorRuns = [];
  let counts;
  /** The rule's reports in the first run (`reportsOf`), which the floor's must equal. */
  let reference;
  /** One ESLint run with `rule` (ours or the floor) and core; returns both rules' times and the output file. */
  const lint = (r, rule, env = {}) => {
    const out = join(work, `results-${profile}-${rule === OURS ? 'ours' : 'floor'}-${r}.json`);
    const first = r % 2 === 0 ? 'ours' : 'core';
    const started = process.hrtime.bigint();
    const child = spawnSync(
      process.execPath,
      [eslintBin, '--config', join(here, 'eslint.config.mjs'), '--no-cache', '--format', 'json', '--output-file', out, relative(here, manifest.out)],
      { cwd: here, env: { ...process.env, TIMING: 'all', BENCH_FIRST: first, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (child.status !== 0 && child.status !== 1) {
      console.error(child.stderr || child.stdout);
      process.exit(2);
    }
    const times = parseTiming(child.stdout);
    if (times[rule] === undefined || times[CORE] === undefined) {
      console.error(`bench:eslint: no timing for both rules in:\n${child.stdout}`);
      process.exit(2);
    }
    return { ours: times[rule], core: times[CORE], wallMs, first, out };
  };
  for (let r = 0; r < REPEAT; r++) {
    const run = lint(r, OURS);
    runs.push(run);
    const { first, out } = run;
    console.log(`run ${r + 1}/${REPEAT} (${first === 'ours' ? OURS : CORE} first): ${OURS} ${run.ours.toFixed(1)} ms, ${CORE} ${run.core.toFixed(1)} ms, ratio ${(run.ours / run.core).toFixed(2)}, ESLint wall ${(run.wallMs / 1000).toFixed(1)} s`);
    if (!counts) {
      const results = JSON.parse(readFileSync(out, 'utf8'));
      counts = { [OURS]: 0, [CORE]: 0, fixable: 0 };
      for (const file of results) {
        for (const m of file.messages) {
          if (m.ruleId in counts) counts[m.ruleId]++;
          if (m.ruleId === OURS && m.fix) counts.fixable++;
        }
      }
      if (FLOOR) reference = reportsOf(results, OURS);
    }
    if (FLOOR) {
      // Interleaved with the rule's runs, with the same order of the rules; the first run's output is the reference.
      const f = lint(r, FLOOR_RULE, { BENCH_RULE: 'floor', BENCH_FLOOR_REF: runs[0].out });
      floorRuns.push(f);
      console.log(`  floor ${f.ours.toFixed(1)} ms, ${CORE} ${f.core.toFixed(1)} ms, ratio ${(f.ours / f.core).toFixed(2)}`);
      // The floor must give the same reports as the rule, or it measures something else: checked on its first run.
      if (r === 0 && reportsOf(JSON.parse(readFileSync(f.out, 'utf8')), FLOOR_RULE) !== reference) {
        console.error('bench:eslint: the floor rule did not give the same reports as the rule');
        process.exit(2);
      }
    }
  }
  const floor = FLOOR
    ? { runs: floorRuns, ms: median(floorRuns.map((r) => r.ours)), core: median(floorRuns.map((r) => r.core)), ratio: median(floorRuns.map((r) => r.ours / r.core)) }
    : undefined;
  const ours = median(runs.map((r) => r.ours));
  const core = median(runs.map((r) => r.core));
  const ratio = median(runs.map((r) => r.ours / r.core));
  // A shared machine's load moves single runs a lot: the fastest run of each rule is the least disturbed.
  const fastest = Math.min(...runs.map((r) => r.ours)) / Math.min(...runs.map((r) => r.core));
  const byOrder = (first) => {
    const rs = runs.filter((r) => r.first === first);
    return rs.length ? median(rs.map((r) => r.ours / r.core)).toFixed(2) : '-';
  };
  const summary = [
    `${profile}: ${manifest.files.length} files (${(manifest.bytes / 1e6).toFixed(1)} MB), ${REPEAT} runs, medians`,
    `${OURS}: ${ours.toFixed(1)} ms (${counts[OURS]} reports, ${counts.fixable} with a fix)`,
    `${CORE}: ${core.toFixed(1)} ms (${counts[CORE]} reports)`,
    `ratio ${OURS} / ${CORE}: ${ratio.toFixed(2)} median of the runs' ratios, ${fastest.toFixed(2)} fastest run against fastest run (target <= 1.00: ${ratio <= 1 ? 'met' : 'NOT met'})`,
    `median ratio by which rule ESLint calls first on each node: ${byOrder('ours')} with ${OURS} first, ${byOrder('core')} with ${CORE} first`,
  ];
  if (floor) {
    summary.push(
      `floor (the same ${counts[OURS]} reports with no look at the context, floor-plugin.mjs): ${floor.ms.toFixed(1)} ms against ${CORE} ${floor.core.toFixed(1)} ms in the same runs, ratio ${floor.ratio.toFixed(2)}; the rule's own work (${OURS} minus the floor): ${(ours - floor.ms).toFixed(1)} ms`,
    );
  }
  console.log(`\n${summary.join('\n')}`);
  reports.push({ profile, manifest, runs, ours, core, ratio, counts, summary, floor });
}
rmSync(work, { recursive: true, force: true });

if (WRITE) {
  const cpu = cpus();
  const env = `Node ${process.version}, ESLint ${JSON.parse(readFileSync(join(root, 'node_modules/eslint/package.json'), 'utf8')).version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, load average ${loadavg()[0].toFixed(2)} at the end`;
  let md = `# ESLint benchmark results\n\nRecorded by \`node bench/eslint/run.mjs --write\` (${env}). Times are ESLint's\n\`TIMING\` per-rule totals (listeners and \`create\`, fixes included) in one run with both rules.\n`;
  for (const r of reports) {
    md += `\n## ${r.profile}\n\n${r.summary.map((s) => `- ${s}`).join('\n')}\n\n`;
    md += [
      `| run | called first | ${OURS} (ms) | ${CORE} (ms) | ratio | ESLint wall (s) |`,
      '| ---: | --- | ---: | ---: | ---: | ---: |',
      ...r.runs.map((x, i) => `| ${i + 1} | ${x.first === 'ours' ? OURS : CORE} | ${x.ours.toFixed(1)} | ${x.core.toFixed(1)} | ${(x.ours / x.core).toFixed(2)} | ${(x.wallMs / 1000).toFixed(1)} |`),
      `| **median** | | **${r.ours.toFixed(1)}** | **${r.core.toFixed(1)}** | **${r.ratio.toFixed(2)}** | |`,
    ].join('\n');
    md += '\n';
    if (r.floor) {
      md += `\nThe floor (\`--floor\`), interleaved with the runs above:\n\n`;
      md += [
        `| run | called first | floor (ms) | ${CORE} (ms) | ratio | ${OURS} minus the floor (ms) |`,
        '| ---: | --- | ---: | ---: | ---: | ---: |',
        ...r.floor.runs.map((x, i) => `| ${i + 1} | ${x.first === 'ours' ? 'floor' : CORE} | ${x.ours.toFixed(1)} | ${x.core.toFixed(1)} | ${(x.ours / x.core).toFixed(2)} | ${((r.runs[i]?.ours ?? NaN) - x.ours).toFixed(1)} |`),
        `| **median** | | **${r.floor.ms.toFixed(1)}** | **${r.floor.core.toFixed(1)}** | **${r.floor.ratio.toFixed(2)}** | **${(r.ours - r.floor.ms).toFixed(1)}** |`,
      ].join('\n');
      md += '\n';
    }
  }
  writeFileSync(join(here, 'results.md'), md);
  console.log(`bench:eslint: wrote ${relative(process.cwd(), join(here, 'results.md'))}`);
}
