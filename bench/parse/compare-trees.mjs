#!/usr/bin/env node
// Checks that two builds of the parser give byte-identical RST trees and
// messages: run it before committing a change meant to be a pure speed-up.
//
//   cp -r packages/parser/dist /tmp/before && ln -s "$PWD/packages/parser/node_modules" /tmp/before/node_modules
//   … change the parser, npx -y pnpm@10.34.9 --filter @docdrift/parser build …
//   node bench/parse/compare-trees.mjs --before /tmp/before/index.js
//        [--after packages/parser/dist/index.js] [--pages 200] [--synthetic 3000] [--dir DIR]…
//
// Inputs: every --pages-th share of the bench corpus (bench/parse/corpus, made
// by run.mjs or generate.mjs), the .rst/.txt files of docs-sources/ and of the
// parser's test fixtures, docutils' table cases, any --dir given (searched for
// .rst files), and --synthetic generated documents of grid tables whose
// cells mix plain text with block markup, malformed borders and wide
// characters (deterministic). Each input is parsed with `format: 'rst'` by
// both builds and JSON.stringify of { root, messages } is compared.
/* global process, console */

import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const k = argv.indexOf(`--${name}`);
  return k >= 0 && argv[k + 1] !== undefined ? argv[k + 1] : fallback;
};
const dirs = argv.flatMap((a, k) => (a === '--dir' && argv[k + 1] ? [argv[k + 1]] : []));
const beforePath = arg('before');
if (!beforePath) {
  console.error('usage: node bench/parse/compare-trees.mjs --before path/to/index.js [--after path/to/index.js] [--pages 200] [--synthetic 3000] [--dir DIR]…');
  process.exit(2);
}
const afterPath = arg('after', join(root, 'packages', 'parser', 'dist', 'index.js'));
const PAGES = Number(arg('pages', 200));
const SYNTHETIC = Number(arg('synthetic', 3000));

const before = (await import(pathToFileURL(resolve(beforePath)).href)).parse;
const after = (await import(pathToFileURL(resolve(afterPath)).href)).parse;

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(rst|txt)$/.test(name)) out.push(p);
  }
  return out;
}

/* ------------------------------------------------------- synthetic tables */

let seed = 12345;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const CELL_LINES = [
  'plain text', '- bullet item', '* star item', '#. enum', '1. one', 'a) x', '(i) roman', '.. _lab-el:', '.. note:: hi', ':field: value',
  '| line block', 'ends with::', '::', '  indented', '', '   ', '**strong** and *em*', '``lit`` x', ':ref:`a <b>`', 'http://x.org/y.',
  'name_ ref', '`link <http://u>`__', '|sub|', '\\*esc\\*', 'Ünïcödé 漢字 text', 'tab\there', '=====', '-----', 'term', '    definition',
  '+', '>>> py', '| a', '.. comment', '__ http://anon', 'x :: y', 'Title', '~~~~~', 'a  *b* c', '*open', 'close*', '`x`:role:', 'e\u0301 combining',
];
function cell(height) {
  const lines = [];
  for (let i = 0; i < height; i++) {
    let t = rnd() < 0.5 ? pick(CELL_LINES) : `${pick(CELL_LINES)} ${pick(CELL_LINES)}`;
    if (rnd() < 0.2) t = ' '.repeat(Math.floor(rnd() * 3)) + t;
    lines.push(t);
  }
  return lines;
}
function gridTable() {
  const widths = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => 22 + Math.floor(rnd() * 10));
  const border = (c) => `+${widths.map((w) => c.repeat(w)).join('+')}+`;
  const out = [border('-')];
  const rows = 1 + Math.floor(rnd() * 4);
  for (let r = 0; r < rows; r++) {
    const height = 1 + Math.floor(rnd() * 3);
    const cells = widths.map(() => cell(height));
    for (let i = 0; i < height; i++) {
      // padded by UTF-16 units: wide characters make misaligned (malformed) tables, also worth comparing
      out.push(`|${widths.map((w, c) => ` ${cells[c][i]}`.slice(0, w).padEnd(w)).join('|')}|`);
    }
    out.push(border(r === 0 && rows > 1 && rnd() < 0.5 ? '=' : '-'));
  }
  return out.join('\n');
}
function synthetic() {
  const parts = [];
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const indent = rnd() < 0.3 ? '   ' : '';
    const table = gridTable().replace(/^/gm, indent);
    parts.push(rnd() < 0.2 ? `.. table:: **Table 1** caption\n\n${table.replace(/^/gm, '   ')}` : table);
    parts.push(cell(1 + Math.floor(rnd() * 3)).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/* ------------------------------------------------------------------ inputs */

const inputs = [];
const corpus = join(here, 'corpus');
if (existsSync(corpus)) {
  const files = readdirSync(corpus).filter((n) => n.endsWith('.rst')).sort();
  const step = Math.max(1, Math.floor(files.length / Math.max(1, PAGES)));
  for (let i = 0; i < files.length && PAGES > 0; i += step) inputs.push([`bench/parse/corpus/${files[i]}`, readFileSync(join(corpus, files[i]), 'utf8')]);
} else {
  console.log('(no bench/parse/corpus yet: run node bench/parse/generate.mjs to include it)');
}
for (const dir of [join(root, 'docs-sources'), join(root, 'packages', 'parser', 'test', 'fixtures'), ...dirs]) {
  if (existsSync(dir)) for (const p of walk(dir)) inputs.push([p, readFileSync(p, 'utf8')]);
}
const cases = join(root, 'packages', 'parser', 'test', 'fixtures', 'docutils-table-cases.json');
if (existsSync(cases)) for (const c of JSON.parse(readFileSync(cases, 'utf8')).cases) inputs.push([`docutils case ${c.id}`, c.input]);
for (let k = 0; k < SYNTHETIC; k++) inputs.push([`synthetic #${k}`, synthetic()]);

/* ----------------------------------------------------------------- compare */

let differing = 0;
for (const [name, text] of inputs) {
  const a = JSON.stringify(before(text, { format: 'rst' }));
  const b = JSON.stringify(after(text, { format: 'rst' }));
  if (a === b) continue;
  differing++;
  if (differing <= 5) {
    let k = 0;
    while (k < a.length && a[k] === b[k]) k++;
    console.log(`DIFFERENT: ${name}\n  before: …${a.slice(Math.max(0, k - 80), k + 80)}…\n  after:  …${b.slice(Math.max(0, k - 80), k + 80)}…`);
  }
}
console.log(`${inputs.length} inputs, ${differing} with different trees or messages`);
process.exit(differing === 0 ? 0 : 1);
