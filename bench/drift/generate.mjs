#!/usr/bin/env node
// The drift benchmark's corpus: N pages in 3 variants (public, swiss, eu:
// three RST repositories; with --markdown the third is a Markdown export with
// HTML tables, like opentelekomcloud/docs), identical except for edits planted
// in one variant of some pages. The manifest lists every planted edit with the
// rule and key a finding must carry, so run.mjs can measure recall (and count
// every other finding as unexpected).
//
// A page is an API reference page like the real ones: title and page label,
// an intro with a :ref: to its request table, a Function section (paragraphs,
// a bullet list), URI, Request (grid table of parameters), Response (grid
// table), Status Codes (simple table of codes), an Error Codes table keyed by
// DRIFT.xxxx codes. About 5 KB of RST per page.
//
// Deterministic: page i depends on (seed, i) only.
//
//   node bench/drift/generate.mjs [--pages 2000] [--markdown] [--out bench/drift/corpus]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sfc32 } from '../lib/sfc32.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = join(here, 'corpus');
const VERSION = 4;
export const SEED = 0x5eed4;

/** The shared sfc32 generator with this corpus's helpers. */
function rng(seed) {
  const next = sfc32(seed);
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const NOUNS = 'tracker trace bucket endpoint gateway connection interface policy tag quota region project user group key service resource record notification topic subnet route address certificate listener backend member pool rule alarm metric job task template'.split(' ');
const VERBS = 'create delete update query list enable disable configure attach detach verify export transfer record notify assign'.split(' ');
const ADJ = 'private public virtual dedicated shared default custom remote local primary standby active inactive'.split(' ');
const TYPES = ['String', 'Integer', 'Boolean', 'Array of objects', 'Object', 'Long'];
const SUBSTITUTES = { tracker: 'monitor', bucket: 'container', endpoint: 'access point', gateway: 'router', connection: 'link', policy: 'rule set', quota: 'limit', region: 'zone', project: 'workspace', user: 'account', key: 'token', service: 'offering', record: 'entry', route: 'path', address: 'IP address' };
const STATUS = [
  [200, 'OK'], [201, 'Created'], [202, 'Accepted'], [204, 'No Content'], [400, 'Bad Request'], [401, 'Unauthorized'], [403, 'Forbidden'],
  [404, 'Not Found'], [405, 'Method Not Allowed'], [409, 'Conflict'], [413, 'Payload Too Large'], [429, 'Too Many Requests'], [500, 'Internal Server Error'],
  [502, 'Bad Gateway'], [503, 'Service Unavailable'], [504, 'Gateway Timeout'],
];

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(r, words = 8 + r.int(10)) {
  const out = [];
  for (let k = 0; k < words; k++) out.push(r.next() < 0.5 ? r.pick(NOUNS) : r.next() < 0.5 ? r.pick(VERBS) : r.pick(ADJ));
  return `${cap(out.join(' '))}.`;
}

/** The content of page i (the same in every variant before edits). */
function pageModel(i) {
  const r = rng(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const noun = r.pick(NOUNS);
  const title = `${cap(r.pick(VERBS))} a ${cap(r.pick(ADJ))} ${cap(noun)} ${i}`;
  const params = [];
  const used = new Set();
  const nParams = 5 + r.int(8);
  while (params.length < nParams) {
    const name = `${r.pick(ADJ)}_${r.pick(NOUNS)}_${params.length}`;
    if (used.has(name)) continue;
    used.add(name);
    params.push({ name, mandatory: r.next() < 0.5 ? 'Yes' : 'No', type: r.pick(TYPES), desc: `Specifies the ${r.pick(ADJ)} ${r.pick(NOUNS)} of the ${noun}. ${sentence(r, 6 + r.int(8))}` });
  }
  const response = [];
  const nResp = 3 + r.int(5);
  for (let k = 0; k < nResp; k++) response.push({ name: `${r.pick(NOUNS)}_${k}_id`, type: r.pick(TYPES), desc: `${cap(r.pick(NOUNS))} returned by the ${noun} API. ${sentence(r, 5 + r.int(6))}` });
  const codes = STATUS.filter(() => r.next() < 0.6);
  if (codes.length < 3) codes.push(STATUS[0], STATUS[4], STATUS[12]);
  const uniqueCodes = [...new Map(codes.map((c) => [c[0], c])).values()].sort((a, b) => a[0] - b[0]);
  const statuses = uniqueCodes.map(([code, phrase]) => ({ code, phrase, desc: sentence(r, 5 + r.int(6)) }));
  const errors = [];
  const nErr = 2 + r.int(4);
  for (let k = 0; k < nErr; k++) errors.push({ status: r.pick([400, 403, 404, 409, 500]), code: `DRIFT.${String(1000 + i * 10 + k)}`, msg: sentence(r, 4 + r.int(4)).replace(/\.$/, ''), fix: sentence(r, 5 + r.int(5)) });
  const func = [sentence(r, 12 + r.int(10)), sentence(r, 10 + r.int(12))];
  const items = [];
  const nItems = 2 + r.int(3);
  for (let k = 0; k < nItems; k++) items.push(sentence(r, 6 + r.int(6)));
  return {
    i,
    label: `drift_${i}`,
    title,
    intro: sentence(r, 10 + r.int(8)),
    func,
    items,
    uri: `POST /v1/{project_id}/${noun}s/${i}`,
    params,
    response,
    statuses,
    errors,
    reqCaption: 'Request parameters',
    respCaption: 'Response parameters',
  };
}

/* ------------------------------------------------------------------ edits */

const EDITS = ['cell-word', 'para-word', 'item-word', 'row-drop', 'status-drop', 'error-drop', 'table-drop', 'section-drop', 'heading-edit', 'caption-edit', 'ref-drop', 'terminology'];

function swapWord(text, r) {
  const words = text.split(' ');
  const k = 1 + r.int(Math.max(1, words.length - 2));
  const w = words[k] ?? '';
  let rep = r.pick(NOUNS);
  while (rep === w.replace(/\.$/, '').toLowerCase()) rep = r.pick(NOUNS);
  words[k] = w.endsWith('.') ? `${rep}.` : rep;
  return words.join(' ');
}

/**
 * Plant one edit in one variant of some pages. Returns per-variant models and
 * the expected finding `{ variant, rule, key }`.
 */
function plant(model, nVariants, editRate) {
  const r = rng((SEED * 31) ^ Math.imul(model.i + 7, 0x85ebca6b));
  const models = Array.from({ length: nVariants }, () => structuredClone(model));
  if (r.next() >= editRate) return { models, edit: undefined };
  const v = r.int(nVariants);
  const m = models[v];
  const kind = r.pick(EDITS);
  let expect;
  switch (kind) {
    case 'cell-word': {
      const p = m.params[r.int(m.params.length)];
      p.desc = swapWord(p.desc, r);
      expect = { rule: 'wording-drift', key: p.name };
      break;
    }
    case 'para-word': {
      const k = r.int(m.func.length);
      m.func[k] = swapWord(m.func[k], r);
      expect = { rule: 'wording-drift', key: `Function ¶${k + 1}` };
      break;
    }
    case 'item-word': {
      const k = r.int(m.items.length);
      m.items[k] = swapWord(m.items[k], r);
      expect = { rule: 'wording-drift', key: `Function ¶${m.func.length + k + 1}` };
      break;
    }
    case 'row-drop': {
      const k = 1 + r.int(m.params.length - 1);
      const [p] = m.params.splice(k, 1);
      expect = { rule: 'row-missing', key: p.name };
      break;
    }
    case 'status-drop': {
      const k = r.int(m.statuses.length);
      const [s] = m.statuses.splice(k, 1);
      expect = { rule: 'row-missing', key: String(s.code) };
      break;
    }
    case 'error-drop': {
      const k = r.int(m.errors.length);
      const [e] = m.errors.splice(k, 1);
      expect = { rule: 'row-missing', key: e.code };
      break;
    }
    case 'table-drop':
      m.response = [];
      expect = { rule: 'table-missing', key: m.respCaption };
      break;
    case 'section-drop':
      m.noUri = true;
      expect = { rule: 'section-missing', key: 'URI' };
      break;
    case 'heading-edit':
      m.funcTitle = 'Functions';
      expect = { rule: 'heading-drift', key: 'Function' };
      break;
    case 'caption-edit':
      m.reqCaption = 'Request body parameters';
      expect = { rule: 'caption-drift', key: 'Request parameters' };
      break;
    case 'ref-drop':
      m.plainRef = true;
      expect = { rule: 'ref-missing-in-variant', key: `${m.title} ¶1` };
      break;
    case 'terminology': {
      // The same substitution in three places of the page: one terminology finding.
      const word = Object.keys(SUBSTITUTES).find((w) => m.params.filter((p) => p.desc.includes(` ${w} `)).length >= 2) ?? 'service';
      const rep = SUBSTITUTES[word];
      let n = 0;
      for (const p of m.params) {
        if (n < 3 && p.desc.includes(` ${word} `)) {
          p.desc = p.desc.replace(` ${word} `, ` ${rep} `);
          n++;
        }
      }
      if (n < 2) {
        // Not enough places: plant the words first, in every variant, then substitute in one.
        for (const mm of models) for (const p of mm.params.slice(0, 2)) p.desc = `${p.desc} Uses the ${word} once.`;
        for (const p of m.params.slice(0, 2)) p.desc = p.desc.replace(` ${word} once.`, ` ${rep} once.`);
      }
      expect = { rule: 'terminology-drift', key: `${word} → ${rep}` };
      break;
    }
  }
  return { models, edit: { variant: v, kind, ...expect } };
}

/* ------------------------------------------------------------------ writers */

function grid(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)) + 2);
  const line = (ch) => `+${widths.map((w) => ch.repeat(w)).join('+')}+`;
  const row = (cells) => `|${cells.map((c, k) => ` ${c.padEnd(widths[k] - 1)}`).join('|')}|`;
  return [line('-'), row(header), line('='), ...rows.flatMap((cells) => [row(cells), line('-')])];
}

function simple(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const rule = widths.map((w) => '='.repeat(w)).join(' ');
  const row = (cells) => cells.map((c, k) => (k === cells.length - 1 ? c : c.padEnd(widths[k]))).join(' ');
  return [rule, row(header), rule, ...rows.map(row), rule];
}

function indent(lines) {
  return lines.map((l) => (l === '' ? '' : `   ${l}`));
}

function heading(text, ch) {
  return [text, ch.repeat(text.length)];
}

export function rst(m) {
  const L = [];
  const t1 = `${m.label}__table1${m.i}`;
  L.push(`:original_name: ${m.label}.html`, '', `.. _${m.label}:`, '', ...heading(m.title, '='), '');
  L.push(m.plainRef ? `${m.intro} For details, see Table 1.` : `${m.intro} For details, see :ref:\`Table 1 <${t1}>\`.`, '');
  L.push(...heading(m.funcTitle ?? 'Function', '-'), '');
  for (const p of m.func) L.push(p, '');
  for (const it of m.items) L.push(`-  ${it}`);
  L.push('');
  if (!m.noUri) L.push(...heading('URI', '-'), '', m.uri, '');
  L.push(...heading('Request', '-'), '', `.. _${t1}:`, '', `.. table:: **Table 1** ${m.reqCaption}`, '');
  L.push(...indent(grid(['Parameter', 'Mandatory', 'Type', 'Description'], m.params.map((p) => [p.name, p.mandatory, p.type, p.desc]))), '');
  L.push(...heading('Response', '-'), '');
  if (m.response.length > 0) {
    L.push(`.. table:: **Table 2** ${m.respCaption}`, '');
    L.push(...indent(grid(['Parameter', 'Type', 'Description'], m.response.map((p) => [p.name, p.type, p.desc]))), '');
  }
  L.push(...heading('Status Codes', '-'), '', `.. table:: **Table ${m.response.length > 0 ? 3 : 2}** Status codes`, '');
  L.push(...indent(simple(['Status Code', 'Description'], m.statuses.map((s) => [`${s.code} ${s.phrase}`, s.desc]))), '');
  L.push(...heading('Error Codes', '-'), '');
  L.push(...grid(['Status Code', 'Error Code', 'Error Message', 'Solution'], m.errors.map((e) => [String(e.status), e.code, e.msg, e.fix])), '');
  return `${L.join('\n')}\n`;
}

function html(header, rows, anchor) {
  const th = header.map((h) => `<th class="cellrowborder" valign="top">${h}</th>`).join('');
  const tr = rows.map((cells) => `<tr>${cells.map((c) => `<td class="cellrowborder" valign="top"><p>${c}</p>\n</td>`).join('\n')}\n</tr>`).join('\n');
  return [`<a name="${anchor}"></a>`, `<table><thead align="left"><tr>${th}</tr>\n</thead>\n<tbody>${tr}\n</tbody>\n</table>`];
}

/** The Markdown export's writing of the same page: heading anchors, HTML tables, `**Table N**` paragraphs. */
export function markdown(m) {
  const L = [];
  const t1 = `${m.label}__table1${m.i}`;
  L.push(`# ${m.title}<a name="${m.label}"></a>`, '');
  L.push(m.plainRef ? `${m.intro} For details, see Table 1.` : `${m.intro} For details, see [Table 1](#${t1}).`, '');
  L.push(`## ${m.funcTitle ?? 'Function'}<a name="section1"></a>`, '');
  for (const p of m.func) L.push(p, '');
  for (const it of m.items) L.push(`-   ${it}`);
  L.push('');
  if (!m.noUri) L.push('## URI<a name="section2"></a>', '', m.uri, '');
  L.push('## Request<a name="section3"></a>', '', `**Table 1** ${m.reqCaption}`, '');
  L.push(...html(['Parameter', 'Mandatory', 'Type', 'Description'], m.params.map((p) => [p.name, p.mandatory, p.type, p.desc]), t1), '');
  L.push('## Response<a name="section4"></a>', '');
  if (m.response.length > 0) {
    L.push(`**Table 2** ${m.respCaption}`, '');
    L.push(...html(['Parameter', 'Type', 'Description'], m.response.map((p) => [p.name, p.type, p.desc]), `${m.label}__table2`), '');
  }
  L.push('## Status Codes<a name="section5"></a>', '', `**Table ${m.response.length > 0 ? 3 : 2}** Status codes`, '');
  L.push(...html(['Status Code', 'Description'], m.statuses.map((s) => [`${s.code} ${s.phrase}`, s.desc]), `${m.label}__table3`), '');
  L.push('## Error Codes<a name="section6"></a>', '');
  L.push(...html(['Status Code', 'Error Code', 'Error Message', 'Solution'], m.errors.map((e) => [String(e.status), e.code, e.msg, e.fix]), `${m.label}__table4`), '');
  return `${L.join('\n')}\n`;
}

/* ------------------------------------------------------------------- layout */

export const VARIANTS = ['public', 'swiss', 'eu'];

/** Where page i of a variant lives (the Markdown export has its own layout; it pairs through the page label). */
export function pathOf(variant, i, md) {
  const section = `section_${String(Math.floor(i / 100)).padStart(2, '0')}`;
  if (md && variant === 'eu') return `export/doc/source/drift/api-reference/${section}/page-${String(i).padStart(5, '0')}.md`;
  return `${variant}/api-ref/source/${section}/page_${String(i).padStart(5, '0')}.rst`;
}

export function config(md) {
  return { variants: { public: 'public', swiss: 'swiss', eu: md ? 'export' : 'eu' } };
}

export function writeCorpus({ pages = 2000, md = false, out = DEFAULT_OUT, editRate = 0.5 } = {}) {
  const stamp = JSON.stringify({ VERSION, pages, md, editRate, SEED });
  const manifestFile = join(out, 'manifest.json');
  if (existsSync(manifestFile)) {
    const old = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (old.stamp === stamp) return old;
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const edits = [];
  let bytes = 0;
  for (let i = 0; i < pages; i++) {
    const { models, edit } = plant(pageModel(i), VARIANTS.length, editRate);
    VARIANTS.forEach((v, k) => {
      const file = pathOf(v, i, md);
      const text = md && v === 'eu' ? markdown(models[k]) : rst(models[k]);
      mkdirSync(join(out, dirname(file)), { recursive: true });
      writeFileSync(join(out, file), text);
      bytes += Buffer.byteLength(text);
    });
    if (edit) edits.push({ file: pathOf(VARIANTS[edit.variant], i, md), kind: edit.kind, rule: edit.rule, key: edit.key });
  }
  // The projects: each variant root's api-ref/source (an index.rst with a toctree makes it a project root).
  for (const v of VARIANTS) {
    if (md && v === 'eu') continue;
    writeFileSync(join(out, v, 'api-ref/source/index.rst'), 'API Reference\n=============\n\n.. toctree::\n   :maxdepth: 1\n\n   section_00/page_00000\n');
  }
  writeFileSync(join(out, 'docdrift.config.json'), `${JSON.stringify(config(md), null, 2)}\n`);
  const manifest = { stamp, pages, variants: VARIANTS.length, markdown: md, files: pages * VARIANTS.length, bytes, edits };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const k = process.argv.indexOf(`--${name}`);
    return k > 0 ? process.argv[k + 1] : fallback;
  };
  const m = writeCorpus({ pages: Number(arg('pages', 2000)), md: process.argv.includes('--markdown'), out: arg('out', DEFAULT_OUT) });
  console.log(`${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB, ${m.edits.length} planted edits`);
}
