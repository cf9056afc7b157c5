#!/usr/bin/env node
// Print N drift findings chosen at random (a fixed-seed LCG over the drift
// findings of a JSON report, in report order), for reading them against the
// sources. The checker README's 40-finding reading used seed 777 on
// bench/drift/out/corpus-findings.json (written by run.mjs).
//
//   node bench/drift/sample.mjs [--file bench/drift/out/corpus-findings.json] [--n 40] [--seed 777]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
};
const DRIFT = new Set(['caption-drift', 'heading-drift', 'ref-missing-in-variant', 'ref-target-drift', 'row-missing', 'section-missing', 'table-missing', 'terminology-drift', 'wording-drift']);
const findings = JSON.parse(readFileSync(arg('file', join(here, 'out/corpus-findings.json')), 'utf8')).filter((d) => DRIFT.has(d.ruleId));
const n = Math.min(Number(arg('n', 40)), findings.length);
let seed = Number(arg('seed', 777));
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = new Set();
while (pick.size < n) pick.add(Math.floor(rnd() * findings.length));
[...pick]
  .sort((a, b) => a - b)
  .forEach((i, k) => {
    const d = findings[i];
    const rel = (d.related ?? []).slice(0, 2).map((r) => `${r.file}:${r.line}`).join(' ');
    console.log(`${String(k + 1).padStart(2)} ${d.file}:${d.line}:${d.column} [${d.ruleId}] ${d.message}\n     related: ${rel}`);
  });
console.error(`${n} of ${findings.length} drift findings`);
