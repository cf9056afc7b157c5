#!/usr/bin/env node
// Benchmark of the cross-variant drift pass (a script, not a timed test).
//
//   node --expose-gc bench/drift/run.mjs [--pages 2000] [--markdown] [--runs 3] [--corpus ../shared/corpus] [--no-cli]
//
// 1. The generated corpus (bench/drift/generate.mjs): 3 variants × N pages,
//    identical except for edits planted in one variant of about half the
//    pages. Recall: each planted edit must come back as a finding of the
//    expected rule, on the edited page, with the expected key. Every other
//    drift finding is counted as unexpected (the variants are otherwise the
//    same, so there should be none).
// 2. Time, on this thread, CPU time (user + sys, GC threads included; the
//    machine is shared, so wall time moves with other processes):
//      parse  — every page of a variant group parsed once (what any check pays);
//      drift  — the nine drift rules' checkGroup calls (check() with only
//               them; each group's pages parsed before the clock starts):
//               outlines, alignment and the rules;
//    each the median of --runs fresh runs. Plus the whole CLI
//    (`docdrift .`, every rule, default threads) as wall and CPU time.
// 3. ../shared/corpus/ (if present): findings per rule, and the same times.
// Writes bench/drift/out/results.json and prints a table. Build first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeCorpus, DEFAULT_OUT } from './generate.mjs';
import { corpusConfig } from '../check/corpus-config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const dist = join(repo, 'packages/checker/dist');
const bin = join(dist, 'cli/bin.cjs');
if (!existsSync(bin)) {
  console.error(`build first: ${bin} is missing (npx -y pnpm@10.34.9 build)`);
  process.exit(2);
}
const checker = await import(pathToFileURL(join(dist, 'index.js')).href);
const { rules, check, loadConfig, loadInput, buildDocSet } = checker;

const arg = (name, fallback) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
};
const pages = Number(arg('pages', 2000));
const runs = Number(arg('runs', 3));
const md = process.argv.includes('--markdown');
const corpusDir = resolve(repo, arg('corpus', '../shared/corpus'));
const outDir = join(here, 'out');
mkdirSync(outDir, { recursive: true });

export const DRIFT = ['caption-drift', 'heading-drift', 'ref-missing-in-variant', 'ref-target-drift', 'row-missing', 'section-missing', 'table-missing', 'terminology-drift', 'wording-drift'];
const driftRules = rules.filter((r) => DRIFT.includes(r.id));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function load(cwd, configFile) {
  const { config } = loadConfig(cwd, configFile);
  const { input } = await loadInput({ cwd, paths: ['.'], config });
  return { config, input };
}

/**
 * CPU ms of: parsing the pages of every variant group; the drift rules
 * themselves (their checkGroup calls, with the group's pages parsed before
 * the clock starts: outlines, alignment and the rules).
 */
function timeDrift(input, config) {
  const parse = [];
  const drift = [];
  let diagnostics = [];
  for (let k = 0; k < runs; k++) {
    global.gc?.();
    const t = cpu();
    const ds = buildDocSet(input, config);
    // The pages the drift rules read: the members of variant groups (the others are never parsed by them).
    for (const g of ds.variantGroups) for (const m of g.members) void m.page.root;
    parse.push(cpu() - t);
    global.gc?.();
    // One clock per group: started before the first drift rule (after parsing the group's pages and a
    // young-generation GC of the parse's garbage), stopped after the last.
    let ms = 0;
    let t0 = 0;
    const last = driftRules.length - 1;
    const timed = driftRules.map((r, i) => ({
      ...r,
      checkGroup(ctx) {
        if (i === 0) {
          for (const m of ctx.group.members) void m.page.root;
          global.gc?.({ type: 'minor' });
          t0 = cpu();
        }
        r.checkGroup(ctx);
        if (i === last) ms += cpu() - t0;
      },
    }));
    diagnostics = check(input, { ...config, rules: Object.fromEntries(driftRules.map((r) => [r.id, 'warn'])) }, { rules: timed });
    drift.push(ms);
  }
  return { parseMs: Math.round(median(parse)), driftMs: Math.round(median(drift)), diagnostics };
}

/** The whole CLI, every rule, default threads: wall and CPU (all threads), median of runs. */
function timeCli(cwd, extra) {
  const hasTime = existsSync('/usr/bin/time');
  const all = [];
  for (let k = 0; k < runs; k++) {
    const out = join(outDir, 'cli.json');
    const cmd = hasTime ? ['/usr/bin/time', ['-f', '%M %U %S', process.execPath, bin, '.', '--format', 'json', '-o', out, ...extra]] : [process.execPath, [bin, '.', '--format', 'json', '-o', out, ...extra]];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd[0], cmd[1], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`docdrift failed (${r.status}): ${r.stderr}`);
    const [rss, user, sys] = hasTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
    all.push({ wallMs: Math.round(ms), cpuMs: Math.round((user + sys) * 1000), rssMB: Math.round(rss / 1024) });
  }
  all.sort((a, b) => a.wallMs - b.wallMs);
  return all[Math.floor(all.length / 2)];
}

function perRule(diagnostics) {
  const c = {};
  for (const d of diagnostics) c[d.ruleId] = (c[d.ruleId] ?? 0) + 1;
  return Object.fromEntries(Object.entries(c).sort());
}

const results = { date: undefined, machine: { cpus: cpus().length, loadBefore: loadavg().map((x) => +x.toFixed(2)) }, runs };

/* ------------------------------------------------------------ generated */
const corpusOut = `${DEFAULT_OUT}${md ? '-md' : ''}${pages === 2000 ? '' : `-${pages}`}`;
const manifest = writeCorpus({ pages, md, out: corpusOut });
{
  const { config, input } = await load(corpusOut, join(corpusOut, 'docdrift.config.json'));
  const t = timeDrift(input, config);
  const drift = t.diagnostics.filter((d) => DRIFT.includes(d.ruleId));
  const found = new Set();
  const matched = new Set();
  const missed = [];
  for (const e of manifest.edits) {
    const hit = drift.find((d) => d.file === e.file && d.ruleId === e.rule && d.key === e.key);
    if (hit) {
      found.add(e);
      matched.add(hit);
    } else missed.push(e);
  }
  const unexpected = drift.filter((d) => !matched.has(d));
  const byKind = {};
  for (const e of manifest.edits) {
    const k = (byKind[e.kind] ??= { planted: 0, found: 0 });
    k.planted++;
    if (found.has(e)) k.found++;
  }
  const cli = process.argv.includes('--no-cli') ? { wallMs: NaN, cpuMs: NaN, rssMB: NaN } : timeCli(corpusOut, []);
  results.generated = {
    pages,
    variants: 3,
    markdown: md,
    files: manifest.files,
    mb: +(manifest.bytes / 1e6).toFixed(1),
    planted: manifest.edits.length,
    found: found.size,
    recall: +(found.size / manifest.edits.length).toFixed(4),
    byKind,
    unexpected: unexpected.length,
    unexpectedSample: unexpected.slice(0, 10).map((d) => `${d.file}:${d.line}:${d.column} ${d.message} [${d.ruleId}]`),
    missedSample: missed.slice(0, 10),
    findings: perRule(t.diagnostics),
    parseCpuMs: t.parseMs,
    driftCpuMs: t.driftMs,
    cli,
  };
}

/* --------------------------------------------------------------- corpus */
if (existsSync(corpusDir)) {
  const cfgFile = join(outDir, 'corpus.config.json');
  writeFileSync(cfgFile, `${JSON.stringify(corpusConfig(corpusDir), null, 2)}\n`);
  const { config, input } = await load(corpusDir, cfgFile);
  const t = timeDrift(input, config);
  const cli = timeCli(corpusDir, ['--config', cfgFile]);
  const full = JSON.parse(readFileSync(join(outDir, 'cli.json'), 'utf8'));
  writeFileSync(join(outDir, 'corpus-findings.json'), `${JSON.stringify(full, null, 1)}\n`);
  results.corpus = { files: input.files.length, mb: +(input.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6).toFixed(1), findings: perRule(full), parseCpuMs: t.parseMs, driftCpuMs: t.driftMs, cli };
}
results.machine.loadAfter = loadavg().map((x) => +x.toFixed(2));

writeFileSync(join(outDir, `results${md ? '-md' : ''}${pages === 2000 ? '' : `-${pages}`}.json`), `${JSON.stringify(results, null, 2)}\n`);
const g = results.generated;
console.log(`generated: ${g.files} files (${g.pages} pages × 3 variants${md ? ', third as Markdown' : ''}), ${g.mb} MB, ${g.planted} planted edits`);
console.log(`  recall ${g.found}/${g.planted} (${(g.recall * 100).toFixed(1)}%), unexpected drift findings: ${g.unexpected}`);
for (const [k, v] of Object.entries(g.byKind)) console.log(`    ${k.padEnd(14)} ${v.found}/${v.planted}`);
console.log(`  CPU: parse ${g.parseCpuMs} ms, drift pass ${g.driftCpuMs} ms (median of ${runs}, this thread)`);
console.log(`  docdrift . (all rules, default threads): ${g.cli.wallMs} ms wall, ${g.cli.cpuMs} ms CPU, ${g.cli.rssMB} MB peak RSS`);
if (results.corpus) {
  const c = results.corpus;
  console.log(`corpus: ${c.files} files, ${c.mb} MB`);
  console.log(`  findings: ${JSON.stringify(c.findings)}`);
  console.log(`  CPU: parse ${c.parseCpuMs} ms, drift pass ${c.driftCpuMs} ms; docdrift: ${c.cli.wallMs} ms wall, ${c.cli.cpuMs} ms CPU, ${c.cli.rssMB} MB`);
}
console.log(`load average before ${results.machine.loadBefore.join(' ')}, after ${results.machine.loadAfter.join(' ')} (${results.machine.cpus} CPUs)`);
if (g.unexpectedSample.length) console.log('unexpected (sample):\n  ' + g.unexpectedSample.join('\n  '));
if (g.missedSample.length) console.log('missed (sample):\n  ' + g.missedSample.map((e) => JSON.stringify(e)).join('\n  '));
