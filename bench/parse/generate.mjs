#!/usr/bin/env node
// Deterministic generator of a benchmark corpus shaped like the seed pages
// (docs-sources/http-status-codes/*.rst) and the Sphinx API-reference / user
// guide pages in shared/corpus/: a field list (`:original_name:`), a page
// label, a title, sections, paragraphs with `:ref:`s, external links and
// inline markup, bullet and `#.` lists (with labels in items), notes, code
// blocks, figures, and 1-3 `.. table:: **Table N** caption` grid tables of
// 20-40 rows whose cells hold several lines and paragraphs, lists and labels.
//
// Page `i` depends only on (seed, i), so the first N pages of a bigger corpus
// are the N pages of the smaller one. No Math.random, no Date.
//
//   node bench/parse/generate.mjs [--pages 2000] [--seed 20250101] [--out bench/parse/corpus]
/* global process, console, Buffer */

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sfc32 } from '../lib/sfc32.mjs';

export const GENERATOR_VERSION = 1;
/** The generator's own source hash: a cached corpus is regenerated whenever this file changes. */
const GENERATOR_HASH = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
export const DEFAULT_SEED = 20250101;
export const DEFAULT_PAGES = 2000;
export const DEFAULT_OUT = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

/* ------------------------------------------------------------------ PRNG */

/** The shared sfc32 generator (bench/lib), warmed up, with this corpus's helpers. */
function rng(seed) {
  const next = sfc32(seed);
  for (let i = 0; i < 12; i++) next();
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
  return r;
}

/* ------------------------------------------------------------ vocabulary */

const WORDS = (
  'the a an of to and or for in on with by from at as is are be can must may will not this that these those ' +
  'request response parameter value field object array string integer boolean tracker trace resource service ' +
  'endpoint connection gateway project tenant user domain account region subnet address bucket policy key ' +
  'token header body status code message description operation permission role console management network ' +
  'virtual private public default maximum minimum length character characters letters digits underscores ' +
  'hyphens allowed specified configured created deleted modified queried returned supported required optional ' +
  'enabled disabled successful failed abnormal normal time timestamp range interval period notification ' +
  'event events key operations recorded query list lists details page section following example obtain ' +
  'obtaining see click choose select enter view check verify ensure whether if when after before only each'
).split(' ');

const TITLE_WORDS = (
  'Querying Creating Deleting Modifying Listing Updating Enabling Disabling Configuring Viewing Tracker Trace ' +
  'Traces Endpoint Endpoints Connection Connections Gateway Virtual Interface Notification Key Event Quota ' +
  'Quotas Tag Tags Service Services Project Version Versions Permission Permissions Resource Resources Policy'
).split(' ');

const TYPES = ['String', 'Integer', 'Long', 'Boolean', 'Array of strings', 'Object', 'Array of objects', 'Float'];
const CODES = [
  ['200', 'OK'], ['201', 'Created'], ['202', 'Accepted'], ['204', 'No Content'], ['206', 'Partial Content'],
  ['300', 'Multiple Choices'], ['301', 'Moved Permanently'], ['302', 'Found'], ['303', 'See Other'],
  ['304', 'Not Modified'], ['307', 'Temporary Redirect'], ['400', 'Bad Request'], ['401', 'Unauthorized'],
  ['402', 'Payment Required'], ['403', 'Forbidden'], ['404', 'Not Found'], ['405', 'Method Not Allowed'],
  ['406', 'Not Acceptable'], ['407', 'Proxy Authentication Required'], ['408', 'Request Timeout'],
  ['409', 'Conflict'], ['410', 'Gone'], ['411', 'Length Required'], ['412', 'Precondition Failed'],
  ['413', 'Request Entity Too Large'], ['414', 'Request-URI Too Large'], ['415', 'Unsupported Media Type'],
  ['416', 'Requested Range Not Satisfiable'], ['417', 'Expectation Failed'], ['422', 'Unprocessable Entity'],
  ['429', 'Too Many Requests'], ['500', 'Internal Server Error'], ['501', 'Not Implemented'],
  ['502', 'Bad Gateway'], ['503', 'Service Unavailable'], ['504', 'Gateway Timeout'],
  ['505', 'HTTP Version Not Supported'], ['507', 'Insufficient Storage'], ['508', 'Loop Detected'],
  ['510', 'Not Extended'], ['511', 'Network Authentication Required'],
];
const SERVICES = ['cts', 'dc', 'vpcep', 'apig', 'elb', 'ecs', 'evs', 'obs'];
const HOSTS = ['https://docs.otc.t-systems.com', 'https://docs.sc.otc.t-systems.com'];
const CAPTIONS = [
  'Path parameters', 'Query parameters', 'Request header parameters', 'Request body parameters',
  'Response body parameters', 'HTTP status codes', 'Status codes', 'Error codes', 'Parameter description',
  'Information required for requesting a connection', 'Normal status codes', 'Abnormal status codes',
];
const ADMONITIONS = ['note', 'note', 'note', 'important', 'caution', 'warning'];

/* --------------------------------------------------------------- helpers */

/** A page's context: its id, its labels, the ids of other pages to refer to. */
function pageContext(r, i) {
  const svc = SERVICES[i % SERVICES.length];
  const id = `${svc}_api_${String(1000 + i).padStart(4, '0')}`;
  return { r, i, svc, id, labels: [], tableNo: 0, figureNo: 0, images: 0 };
}

function label(ctx, kind) {
  const name = `${ctx.id}__${kind}${ctx.r.int(1000000, 99999999)}${ctx.labels.length}`;
  ctx.labels.push(name);
  return name;
}

function otherPage(ctx) {
  return `${ctx.svc}_api_${String(1000 + ctx.r.int(0, 5000)).padStart(4, '0')}`;
}

function words(r, lo, hi) {
  const n = r.int(lo, hi);
  const out = [];
  for (let k = 0; k < n; k++) out.push(r.pick(WORDS));
  return out;
}

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An inline-markup token (kept whole when wrapping). */
function inlineToken(ctx, short = false) {
  const r = ctx.r;
  // In table cells long link tokens are rare, as in the corpus (they would widen every row of the table).
  switch (short ? r.pick([0, 1, 2, 3, 6, 10, 11, r.chance(0.15) ? 4 : 0]) : r.int(0, 11)) {
    case 0:
    case 1:
      return `**${r.pick(WORDS)}**`;
    case 2:
      return `*${r.pick(WORDS)} ${r.pick(WORDS)}*`;
    case 3:
      return `\`\`${r.pick(WORDS)}_${r.pick(WORDS)}\`\``;
    case 4:
    case 5: {
      const target = ctx.labels.length > 0 && r.chance(0.5) ? r.pick(ctx.labels) : otherPage(ctx);
      return `:ref:\`${cap(r.pick(TITLE_WORDS))} ${r.pick(TITLE_WORDS)} <${target}>\``;
    }
    case 6:
      return `:ref:\`${otherPage(ctx)}\``;
    case 7:
      return `\`${cap(r.pick(WORDS))} ${r.pick(WORDS)} <${r.pick(HOSTS)}/${ctx.svc}/api-ref/${otherPage(ctx)}.html>\`__`;
    case 8:
      return `${r.pick(HOSTS)}/en-us/api/${ctx.svc}/${otherPage(ctx)}.html`;
    case 9:
      return `**${r.pick(TITLE_WORDS)}** > **${r.pick(TITLE_WORDS)}**`;
    case 10:
      return `"${cap(r.pick(WORDS))} ${r.pick(WORDS)}"`;
    default:
      return `(${r.pick(WORDS)})`;
  }
}

/** A sentence as a list of unbreakable tokens. */
function sentence(ctx, lo = 6, hi = 22, markup = 0.12, short = false) {
  const r = ctx.r;
  const toks = words(r, lo, hi);
  toks[0] = cap(toks[0]);
  for (let k = 1; k < toks.length; k++) if (r.chance(markup)) toks[k] = inlineToken(ctx, short);
  toks[toks.length - 1] += '.';
  return toks;
}

function paragraphTokens(ctx, sentences) {
  const out = [];
  for (let s = 0; s < sentences; s++) out.push(...sentence(ctx));
  return out;
}

/** Greedy wrap of tokens into lines of at most `width` characters (a longer token gets its own line). */
function wrap(tokens, width) {
  const lines = [];
  let cur = '';
  for (const t of tokens) {
    if (cur === '') cur = t;
    else if (cur.length + 1 + t.length <= width) cur += ' ' + t;
    else {
      lines.push(cur);
      cur = t;
    }
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

function indent(lines, n) {
  const pad = ' '.repeat(n);
  return lines.map((l) => (l === '' ? '' : pad + l));
}

/* ------------------------------------------------------------ cell bodies */

/**
 * The lines of one cell's content, wrapped to `width`. `kind` is the column
 * kind: short columns get a word or two, description columns get paragraphs,
 * lists and labels.
 */
function cellLines(ctx, kind, width, rowSeed) {
  const r = ctx.r;
  if (kind === 'name') return [rowSeed.name];
  if (kind === 'code') return [rowSeed.code];
  if (kind === 'phrase') return wrap(rowSeed.phrase.split(' '), width);
  if (kind === 'codephrase') return wrap(`${rowSeed.code} ${rowSeed.phrase}`.split(' '), width);
  if (kind === 'mandatory') return [r.chance(0.4) ? 'Yes' : 'No'];
  if (kind === 'type') return [r.pick(TYPES)];
  // description
  const out = [];
  const blocks = r.chance(0.15) ? r.int(2, 3) : 1;
  for (let b = 0; b < blocks; b++) {
    if (b > 0) out.push('');
    const roll = r.next();
    if (b > 0 && roll < 0.22) {
      // bullet or enumerated list inside the cell
      const marker = r.chance(0.5) ? '-  ' : '#. ';
      const items = r.int(2, 3);
      for (let k = 0; k < items; k++) {
        const lines = wrap(sentence(ctx, 4, 12, 0.08, true), width - 3);
        out.push(marker + lines[0], ...indent(lines.slice(1), 3));
      }
    } else if (b > 0 && roll < 0.3) {
      // a label inside the cell, then a paragraph
      out.push(`.. _${label(ctx, 'p')}:`, '');
      out.push(...wrap(sentence(ctx, 4, 14, 0.07, true), width));
    } else {
      out.push(...wrap(sentence(ctx, 3, 14, 0.07, true), width));
      if (r.chance(0.15)) out.push(...wrap(sentence(ctx, 3, 10, 0.07, true), width));
    }
  }
  return out;
}

const SHAPES = [
  { head: ['Parameter', 'Mandatory', 'Type', 'Description'], kinds: ['name', 'mandatory', 'type', 'description'] },
  { head: ['Parameter', 'Type', 'Description'], kinds: ['name', 'type', 'description'] },
  { head: ['Status Code', 'Message', 'Description'], kinds: ['code', 'phrase', 'description'] },
  { head: ['Status Code & Message', 'Description'], kinds: ['codephrase', 'description'] },
  { head: ['Return Value', 'Description'], kinds: ['codephrase', 'description'] },
  { head: ['Parameter', 'Description', 'Example Value'], kinds: ['name', 'description', 'type'] },
];

/** A `.. table::` directive with a grid table, as lines at indentation 0. */
function gridTable(ctx) {
  const r = ctx.r;
  const shape = r.pick(SHAPES);
  const rows = r.int(20, 40);
  const descWidth = r.int(44, 90);
  const rowSeeds = [];
  for (let k = 0; k < rows; k++) {
    const [code, phrase] = CODES[k % CODES.length];
    const name = `${r.pick(WORDS)}_${r.pick(WORDS)}`.replace(/[^a-z_]/g, '');
    rowSeeds.push({ code, phrase, name });
  }
  const minWidth = (kind) =>
    kind === 'name' ? 16 : kind === 'mandatory' ? 11 : kind === 'type' ? 18 : kind === 'code' ? 13 : kind === 'phrase' ? 24 : kind === 'codephrase' ? 26 : descWidth;
  const widths = shape.kinds.map((k, c) => Math.max(minWidth(k), shape.head[c].length + 2));
  const body = rowSeeds.map((seed) => shape.kinds.map((k, c) => cellLines(ctx, k, widths[c] - 2, seed)));
  for (const row of body)
    for (let c = 0; c < row.length; c++) for (const l of row[c]) widths[c] = Math.max(widths[c], l.length + 2);

  const rule = (ch) => '+' + widths.map((w) => ch.repeat(w)).join('+') + '+';
  const line = (cells) => '|' + cells.map((t, c) => ' ' + t.padEnd(widths[c] - 1)).join('|') + '|';
  const emit = (cells) => {
    const h = Math.max(...cells.map((x) => x.length));
    const out = [];
    for (let k = 0; k < h; k++) out.push(line(cells.map((x) => x[k] ?? '')));
    return out;
  };
  const lines = [rule('-'), ...emit(shape.head.map((h) => [h])), rule('=')];
  for (const row of body) lines.push(...emit(row), rule('-'));

  ctx.tableNo++;
  const caption = r.pick(CAPTIONS);
  return [`.. table:: **Table ${ctx.tableNo}** ${caption}`, '', ...indent(lines, 3)];
}

/* ------------------------------------------------------------ prose blocks */

function paragraph(ctx, width = 0) {
  const toks = paragraphTokens(ctx, ctx.r.int(1, 4));
  return width > 0 ? wrap(toks, width) : [toks.join(' ')];
}

function codeBlock(ctx) {
  const r = ctx.r;
  const lang = r.pick(['', ' json', ' text', ' json']);
  const out = [`.. code-block::${lang}`, ''];
  if (lang === ' text') {
    out.push(`   GET https://{endpoint}/v3/{project_id}/${ctx.svc}/${r.pick(WORDS)}?limit=${r.int(1, 200)}&marker=${r.int(1e6, 9e6)}`);
    return out;
  }
  out.push('   {');
  const n = r.int(3, 12);
  for (let k = 0; k < n; k++) {
    const key = `${r.pick(WORDS)}_${r.pick(WORDS)}`;
    const val = r.chance(0.5) ? `"${r.pick(WORDS)}-${r.int(0, 99999)}"` : String(r.int(0, 1e9));
    out.push(`     "${key}" : ${val}${k < n - 1 ? ',' : ''}`);
  }
  out.push('   }');
  return out;
}

function bulletList(ctx, depth = 0) {
  const r = ctx.r;
  const marker = r.chance(0.55) ? '-  ' : '#. ';
  const out = [];
  const items = r.int(2, 6);
  for (let k = 0; k < items; k++) {
    if (k > 0 && r.chance(0.3)) out.push('');
    if (marker === '#. ' && r.chance(0.25)) {
      // `#. .. _label:` then the item's text
      out.push(`${marker}.. _${label(ctx, 'li')}:`, '', ...indent(paragraph(ctx), 3));
    } else {
      out.push(marker + paragraph(ctx)[0]);
    }
    if (depth === 0 && r.chance(0.12)) out.push('', ...indent(bulletList(ctx, 1), 3), '');
    else if (depth === 0 && r.chance(0.08)) out.push('', ...indent(codeBlock(ctx), 3), '');
  }
  return out;
}

function admonition(ctx) {
  const r = ctx.r;
  const out = [`.. ${r.pick(ADMONITIONS)}::`, ''];
  if (r.chance(0.5)) out.push(...indent(paragraph(ctx), 3));
  else out.push(...indent(bulletList(ctx, 1), 3));
  return out;
}

function figure(ctx) {
  const r = ctx.r;
  ctx.figureNo++;
  const caption = `**Figure ${ctx.figureNo}** ${cap(r.pick(WORDS))} ${r.pick(WORDS)}`;
  return [
    `.. _${label(ctx, 'fig')}:`,
    '',
    `.. figure:: /_static/images/en-us_image_${String(r.int(1e9, 9e9))}.png`,
    `   :alt: ${caption}`,
    '',
    `   ${caption}`,
  ];
}

function tableWithIntro(ctx) {
  const r = ctx.r;
  const out = [];
  const lbl = label(ctx, 'table');
  if (r.chance(0.7)) out.push(`:ref:\`Table ${ctx.tableNo + 1} <${lbl}>\` describes the ${r.pick(WORDS)} ${r.pick(WORDS)}.`, '');
  out.push(`.. _${lbl}:`, '', ...gridTable(ctx));
  return out;
}

function heading(text, ch) {
  return [text, ch.repeat(text.length)];
}

/* ------------------------------------------------------------------ pages */

const SECTIONS = ['Function', 'URI', 'Request Parameters', 'Response Parameters', 'Example Request', 'Example Response', 'Status Codes', 'Error Codes', 'Procedure', 'Constraints', 'Background', 'Follow-up Operations'];

/** Generates page `i` of the corpus for `seed`. */
export function generatePage(i, seed = DEFAULT_SEED) {
  const r = rng((seed ^ Math.imul(i + 1, 0x27d4eb2d)) >>> 0);
  const ctx = pageContext(r, i);
  const target = r.int(8000, 18000);
  const nTables = r.pick([1, 1, 1, 1, 2, 2, 2, 3, 3]);
  const out = [];
  const title = `${r.pick(TITLE_WORDS)} ${r.pick(TITLE_WORDS)} ${r.pick(TITLE_WORDS)} (v${r.int(1, 3)}.0)`;
  out.push(`:original_name: ${ctx.id}.html`, '', `.. _${ctx.id}:`, '', ...heading(title, '='), '');

  let tablesLeft = nTables;
  let size = 0;
  let imageUsed = false;
  for (let s = 0; ; s++) {
    const sec = `${SECTIONS[s % SECTIONS.length]}${s >= SECTIONS.length ? ` ${Math.floor(s / SECTIONS.length) + 1}` : ''}`;
    const blocks = [...heading(sec, '-'), ''];
    const n = r.int(2, 5);
    for (let b = 0; b < n; b++) {
      const roll = r.next();
      let lines;
      if (roll < 0.32) lines = paragraph(ctx);
      else if (roll < 0.52) lines = bulletList(ctx);
      else if (roll < 0.62) lines = admonition(ctx);
      else if (roll < 0.74) lines = codeBlock(ctx);
      else if (roll < 0.8) lines = figure(ctx);
      else if (roll < 0.86 && !imageUsed) {
        imageUsed = true;
        lines = [`Click |image1| in the upper left corner and select a ${r.pick(WORDS)}.`];
      } else if (roll < 0.92) {
        lines = [`**${cap(r.pick(WORDS))} ${r.pick(WORDS)}: ${r.int(200, 504)}**`];
      } else {
        const sub = `${cap(r.pick(WORDS))} ${r.pick(WORDS)} ${r.pick(WORDS)}`;
        lines = [...heading(sub, '~'), '', ...paragraph(ctx)];
      }
      blocks.push(...lines, '');
    }
    // Tables go into the middle sections; one in three sits inside a `#.` list item.
    if (tablesLeft > 0 && (s >= 1 || nTables === 3)) {
      tablesLeft--;
      const t = tableWithIntro(ctx);
      if (r.chance(0.33)) blocks.push(`#. ${paragraph(ctx)[0]}`, '', ...indent(t, 3), '', `#. ${paragraph(ctx)[0]}`, '');
      else blocks.push(...t, '');
    }
    for (const l of blocks) size += l.length + 1;
    out.push(...blocks);
    if (tablesLeft === 0 && size >= target) break;
  }
  if (imageUsed) out.push(`.. |image1| image:: /_static/images/en-us_image_${String(r.int(1e9, 9e9))}.png`, '');
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

export function pageName(i) {
  return `page-${String(i).padStart(5, '0')}.rst`;
}

/** Generates pages [from, to). */
export function* generatePages(from, to, seed = DEFAULT_SEED) {
  for (let i = from; i < to; i++) yield { name: pageName(i), text: generatePage(i, seed) };
}

/**
 * Writes pages 0..pages-1 to `out` (with `manifest.json`) unless a manifest
 * for the same generator version, seed and page count is already there.
 * Returns the manifest.
 */
export function writeCorpus({ pages = DEFAULT_PAGES, seed = DEFAULT_SEED, out = DEFAULT_OUT, log = () => {} } = {}) {
  const manifestPath = join(out, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.version === GENERATOR_VERSION && m.generator === GENERATOR_HASH && m.seed === seed && m.pages === pages) return m;
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const files = [];
  for (const { name, text } of generatePages(0, pages, seed)) {
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(out, name), buf);
    hash.update(buf);
    bytes += buf.length;
    files.push(name);
  }
  const manifest = { version: GENERATOR_VERSION, generator: GENERATOR_HASH, seed, pages, bytes, sha256: hash.digest('hex'), files };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
  log(`generated ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB, sha256 ${manifest.sha256.slice(0, 16)}… in ${out}`);
  return manifest;
}

function arg(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pages = Number(arg('pages', DEFAULT_PAGES));
  const seed = Number(arg('seed', DEFAULT_SEED));
  const out = arg('out', DEFAULT_OUT);
  const m = writeCorpus({ pages, seed, out, log: console.log });
  console.log(`${m.pages} pages, ${m.bytes} bytes, sha256 ${m.sha256}`);
}
