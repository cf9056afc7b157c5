#!/usr/bin/env node
// The checker's benchmark tree: 5,000 pages / about 55 MB laid out like the
// real repositories (two variant repositories, each with two Sphinx projects
// holding conf.py and an index.rst toctree, pages in sub-folders), built from
// bench/parse/generate.mjs's deterministic pages:
//   - page i of the parse generator, cut at a top-level block boundary to
//     8-14 KB (real corpus pages average 11 KB; the parse generator's are 28 KB),
//   - its :ref: targets mapped onto page labels of the same length that exist
//     in the same project (the parse generator draws them from a wider range),
//     so the label index, not the error reporter, does the work;
//   - public page k and Swiss page k share a relative path (variant pairs),
//     and the Swiss page is an edited copy of the public one, calibrated on
//     ../shared/corpus/ (see `swissVariant` and the README); `--pairing
//     unrelated` gives the earlier worst case instead, where the two pages at
//     a path are unrelated pages.
// Deterministic: same arguments, same bytes.
//
//   node bench/check/generate.mjs [--pages 5000] [--pairing variants|unrelated] [--out bench/check/corpus]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePage, DEFAULT_SEED } from '../parse/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = join(here, 'corpus');
const VERSION = 11;
// Cut targets (bytes): chosen so that 5,000 pages come to about 55 MB.
const TARGET_MIN = 2600;
const TARGET_SPREAD = 6001;

function hash32(s) {
  return createHash('sha1').update(s).digest().readUInt32BE(0);
}

/** Cut an RST page at the first top-level block boundary (a blank line followed by an unindented line) at or after `target` bytes. */
function cut(text, target) {
  if (text.length <= target) return text;
  const re = /\n\n(?=[^\s])/g;
  re.lastIndex = target;
  const m = re.exec(text);
  return m ? text.slice(0, m.index + 1) : text;
}

/** A deterministic draw in [0, 1) for `key`. */
function chance(key) {
  return hash32(key) / 2 ** 32;
}

// Calibration (../shared/corpus/, public and Swiss pages at the same path in
// the three services): 49 of 164 pairs are byte-identical (30 %); in the
// others the median share of public lines that the Swiss page does not have
// is 22 % (90th percentile 58 %). The rates below give the generated pairs
// about the same shape (measured by `node bench/check/generate.mjs --stats`).
const IDENTICAL = 0.3;
const SWISS_ONLY = 0.1; // Swiss pages with no public twin (as many public pages lose theirs)
const REWORD_LINE = 0.6; // a prose line gets one word changed
const REWORD_CELL_LINE = 0.55; // a table-cell line gets one word changed (same length)
const DROP_ROW = 0.15; // a grid-table body row is missing in the Swiss page
const DROP_PARAGRAPH = 0.08; // a top-level paragraph is missing
const WORDS = ['region', 'tenant', 'bucket', 'domain', 'policy', 'subnet', 'quota', 'token', 'event', 'trace', 'field', 'value', 'state', 'gateway', 'service', 'project', 'account'];

/** Replace one word of `line` (chosen by `key`); with `sameLength`, only by a word of the same length, so table borders stay aligned. */
function reword(line, key, sameLength) {
  const words = [...line.matchAll(/\b[a-z]{4,}\b/g)];
  if (words.length === 0) return line;
  const m = words[hash32(`w${key}`) % words.length];
  const pool = WORDS.filter((w) => w !== m[0] && (!sameLength || w.length === m[0].length));
  if (pool.length === 0) return line;
  const w = pool[hash32(`r${key}`) % pool.length];
  return line.slice(0, m.index) + w + line.slice(m.index + m[0].length);
}

/**
 * The Swiss variant of a public page: the public site's URLs point at the
 * Swiss site, some prose lines and table-cell lines are reworded, some
 * body rows of span-free grid tables and some top-level paragraphs are
 * missing. Everything else is byte-identical.
 */
export function swissVariant(text, key) {
  if (chance(`same${key}`) < IDENTICAL) return text;
  // How much a page drifted varies a lot between pages: scale the rates by an exponential draw (mean 2.4).
  const f = 2.4 * -Math.log(1 - chance(`f${key}`));
  const lines = text.split('\n');
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const k = `${key}:${i}`;
    // A grid table: its border lines start with "+-" after the indent.
    if (/^\s*\+-/.test(line)) {
      const indent = line.length - line.trimStart().length;
      let j = i;
      while (j < lines.length && /^\s*[+|]/.test(lines[j]) && lines[j].length - lines[j].trimStart().length === indent) j++;
      out.push(...swissTable(lines.slice(i, j), k, f));
      i = j;
      continue;
    }
    // A top-level paragraph: unindented prose after a blank line, up to the next blank line.
    if ((i === 0 || lines[i - 1] === '') && /^[A-Z]/.test(line) && !/^[=\-~^]+$/.test(lines[i + 1] ?? '') && chance(`p${k}`) < DROP_PARAGRAPH * f) {
      let j = i;
      while (j < lines.length && lines[j] !== '') j++;
      i = j + 1;
      continue;
    }
    let next = line.replaceAll('https://docs.otc.t-systems.com/', 'https://docs.sc.otc.t-systems.com/');
    const prose = /^\s*[A-Za-z*:`"(]/.test(next) && !/^\s*(\.\.|:[a-z_]+:\s)/.test(next) && !/^[=\-~^]+$/.test(lines[i + 1] ?? '');
    if (prose && chance(`l${k}`) < REWORD_LINE * f) next = reword(next, k, false);
    out.push(next);
    i++;
  }
  return out.join('\n');
}

/** A grid table of the Swiss page: rows dropped only when no cell spans rows (every border is the top border). */
function swissTable(rows, key, f) {
  const top = rows[0];
  const borders = rows.filter((l) => /^\s*\+/.test(l));
  const spanFree = borders.every((b) => b.replaceAll('=', '-') === top);
  const out = [];
  let row = [];
  let header = true;
  for (let r = 0; r < rows.length; r++) {
    const l = rows[r];
    if (/^\s*\+/.test(l)) {
      const drop = spanFree && !header && row.length > 0 && r < rows.length - 1 && chance(`row${key}:${r}`) < DROP_ROW * f;
      if (!drop) out.push(...row, l);
      if (l.includes('=')) header = false;
      row = [];
      continue;
    }
    row.push(chance(`c${key}:${r}`) < REWORD_CELL_LINE * f ? reword(l, `${key}:${r}`, true) : l);
  }
  out.push(...row);
  return out;
}

export function layout(pages) {
  const variants = ['public', 'swiss'];
  const projects = ['api-ref', 'umn'];
  const perVariant = Math.ceil(pages / variants.length);
  const out = [];
  for (let i = 0; i < pages; i++) {
    const v = Math.floor(i / perVariant);
    const k = i % perVariant;
    const project = projects[k % projects.length];
    const n = Math.floor(k / projects.length);
    const rel = `section_${String(Math.floor(n / 100)).padStart(2, '0')}/page_${String(n).padStart(5, '0')}.rst`;
    out.push({ i, variant: variants[v], project, rel, file: `${variants[v]}/${project}/source/${rel}` });
  }
  return out;
}

export function writeTree({ pages = 5000, out = DEFAULT_OUT, seed = DEFAULT_SEED, pairing = 'variants', log = () => {} } = {}) {
  const manifestPath = join(out, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.version === VERSION && m.pages === pages && m.seed === seed && m.pairing === pairing) return m;
  }
  rmSync(out, { recursive: true, force: true });
  const entries = layout(pages);
  const texts = entries.map((e) => cut(generatePage(e.i, seed), TARGET_MIN + (hash32(`size${e.i}`) % TARGET_SPREAD)));
  const variants = pairing === 'variants';
  if (!variants && pairing !== 'unrelated') throw new Error(`--pairing expects variants or unrelated, got ${pairing}`);
  // With variant pairing, Swiss page k is made from public page k below; a tenth
  // of the Swiss pages keep their own (unrelated) text under another name instead.
  const publicAt = new Map(entries.filter((e) => e.variant === 'public').map((e) => [`${e.project}/${e.rel}`, e.i]));
  const twin = new Map();
  if (variants) {
    for (const e of entries) {
      if (e.variant !== 'swiss') continue;
      const pub = publicAt.get(`${e.project}/${e.rel}`);
      if (pub === undefined || chance(`only${e.i}`) < SWISS_ONLY) {
        e.rel = e.rel.replace('/page_', '/swiss_page_');
        e.file = `${e.variant}/${e.project}/source/${e.rel}`;
      } else twin.set(e.i, pub);
    }
  }
  // Page labels per project, for mapping :ref: targets onto labels that exist.
  const labelOf = (text) => /^\.\. _([^:]+):/m.exec(text)?.[1];
  const ids = new Map();
  const addId = (e, text) => {
    const key = `${e.variant}/${e.project}`;
    const id = labelOf(text);
    if (!ids.has(key)) ids.set(key, []);
    if (id) ids.get(key).push(id);
  };
  // Public pages point only at pages that the Swiss variant has too (as in the real corpus, where no
  // Swiss page refers to a page missing from the Swiss variant), so copying a page never breaks a ref.
  const twinned = new Set(twin.values());
  entries.forEach((e, j) => {
    if (variants && e.variant === 'public' && !twinned.has(e.i)) return;
    addId(e, twin.has(e.i) ? texts[twin.get(e.i)] : texts[j]);
  });
  const known = new Map([...ids].map(([k, list]) => [k, new Set(list.map((id) => id.toLowerCase()))]));
  // Page titles by label, so that an explicit :ref: text can name what it points at.
  const titles = new Map();
  entries.forEach((e, j) => {
    const m = /^\.\. _([^:]+):\s*\n\n(.+)\n=+\s*$/m.exec(twin.has(e.i) ? texts[twin.get(e.i)] : texts[j]);
    if (m) titles.set(`${e.variant}/${e.project}/${m[1].toLowerCase()}`, m[2].trim());
  });
  /**
   * Point the page's :ref:s at labels of its own project: every one (public, unrelated pages), or
   * only those that would be broken (Swiss variants, which keep their public twin's targets). An
   * explicit :ref: to a page outside a table then shows that page's title, as in the real corpus
   * (whose 2,162 :ref:s give no ref-text-stale finding; the parse generator's texts are random words).
   * Inside grid tables the text keeps its length, so the borders stay aligned.
   */
  const mapRefs = (e, text, all) => {
    const own = ids.get(`${e.variant}/${e.project}`);
    const exists = known.get(`${e.variant}/${e.project}`);
    const defined = new Set([...text.matchAll(/^\s*\.\. _([^:]+):/gm)].map((m) => m[1].toLowerCase()));
    return text
      .split('\n')
      .map((line) => {
        const inTable = /^\s*[|+]/.test(line);
        return line.replace(/:ref:`(?:([^`<]*?)(\s*)<)?([a-z]+_api_\d{4}(?:__[a-z]+\d+)?)(>?)`/g, (m, shown, space, target, close) => {
          let to = target;
          if (!defined.has(target.toLowerCase()) && (all || !exists.has(target.toLowerCase()))) {
            // Same length, so grid-table borders stay aligned.
            const same = own.filter((id) => id.length === target.length);
            if (same.length > 0) to = same[hash32(target) % same.length];
          }
          if (shown === undefined) return `:ref:\`${to}\``;
          const title = inTable ? undefined : titles.get(`${e.variant}/${e.project}/${to.toLowerCase()}`);
          return `:ref:\`${title ?? shown}${space}<${to}${close}\``;
        });
      })
      .join('\n');
  };
  const final = new Array(entries.length);
  entries.forEach((e, j) => {
    if (!twin.has(e.i)) final[j] = mapRefs(e, texts[j], true);
  });
  entries.forEach((e, j) => {
    if (twin.has(e.i)) final[j] = mapRefs(e, swissVariant(final[twin.get(e.i)], e.i), false);
  });
  const hashAll = createHash('sha256');
  let bytes = 0;
  entries.forEach((e, j) => {
    const text = final[j];
    const abs = join(out, e.file);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    hashAll.update(text);
    bytes += Buffer.byteLength(text);
  });
  for (const v of ['public', 'swiss']) {
    for (const p of ['api-ref', 'umn']) {
      const dir = join(out, v, p, 'source');
      if (!existsSync(dir)) continue;
      writeFileSync(join(dir, 'conf.py'), `# Sphinx project ${v}/${p}\nproject = '${p}'\n`);
      const sections = [...new Set(entries.filter((e) => e.variant === v && e.project === p).map((e) => e.rel.split('/')[0]))];
      writeFileSync(join(dir, 'index.rst'), `${p}\n${'='.repeat(p.length)}\n\n.. toctree::\n   :maxdepth: 1\n\n${sections.map((s) => `   ${s}/index`).join('\n')}\n`);
    }
  }
  const manifest = { version: VERSION, seed, pages, pairing, bytes, sha256: hashAll.digest('hex') };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
  writeFileSync(
    join(out, 'docdrift.config.json'),
    JSON.stringify(
      {
        sites: [
          { root: 'public', baseUrl: 'https://docs.otc.t-systems.com/dc/' },
          { root: 'swiss', baseUrl: 'https://docs.sc.otc.t-systems.com/dc/' },
        ],
        variants: { public: 'public', swiss: 'swiss' },
      },
      null,
      2,
    ) + '\n',
  );
  log(`generated ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB in ${out}`);
  return manifest;
}

function arg(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const m = writeTree({ pages: Number(arg('pages', 5000)), out: arg('out', DEFAULT_OUT), pairing: arg('pairing', 'variants'), log: console.log });
  console.log(`${m.pages} pages, ${m.bytes} bytes, sha256 ${m.sha256}`);
  if (process.argv.includes('--stats')) console.log(JSON.stringify(pairStats(arg('out', DEFAULT_OUT))));
}

/** How alike the public and Swiss pages at the same path are (the figures the calibration above compares with ../shared/corpus/). */
export function pairStats(out) {
  const files = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.rst'));
  let identical = 0;
  let publicOnly = 0;
  const changed = [];
  for (const project of ['api-ref', 'umn']) {
    const pub = join(out, 'public', project, 'source');
    for (const rel of files(pub)) {
      const other = join(out, 'swiss', project, 'source', rel);
      if (!existsSync(other)) {
        publicOnly++;
        continue;
      }
      const a = readFileSync(join(pub, rel), 'utf8');
      const b = readFileSync(other, 'utf8');
      if (a === b) {
        identical++;
        continue;
      }
      const have = new Set(b.split('\n'));
      const lines = a.split('\n');
      changed.push(lines.filter((l) => !have.has(l)).length / lines.length);
    }
  }
  changed.sort((x, y) => x - y);
  const q = (f) => +(changed[Math.floor(changed.length * f)] ?? 0).toFixed(3);
  return { identical, differing: changed.length, publicOnly, medianChangedShare: q(0.5), p90ChangedShare: q(0.9) };
}
