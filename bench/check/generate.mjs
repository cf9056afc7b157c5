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
//   - public page k and Swiss page k share a relative path (variant pairs).
// Deterministic: same arguments, same bytes.
//
//   node bench/check/generate.mjs [--pages 5000] [--out bench/check/corpus]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePage, DEFAULT_SEED } from '../parse/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = join(here, 'corpus');
const VERSION = 4;
// Cut targets (bytes): chosen so that 5,000 pages come to about 55 MB.
const TARGET_MIN = 2000;
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

export function writeTree({ pages = 5000, out = DEFAULT_OUT, seed = DEFAULT_SEED, log = () => {} } = {}) {
  const manifestPath = join(out, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.version === VERSION && m.pages === pages && m.seed === seed) return m;
  }
  rmSync(out, { recursive: true, force: true });
  const entries = layout(pages);
  const texts = entries.map((e) => cut(generatePage(e.i, seed), TARGET_MIN + (hash32(`size${e.i}`) % TARGET_SPREAD)));
  // Page labels per project, for mapping :ref: targets onto labels that exist.
  const ids = new Map();
  entries.forEach((e, j) => {
    const key = `${e.variant}/${e.project}`;
    const id = /^\.\. _([^:]+):/m.exec(texts[j])?.[1];
    if (!ids.has(key)) ids.set(key, []);
    if (id) ids.get(key).push(id);
  });
  const hashAll = createHash('sha256');
  let bytes = 0;
  entries.forEach((e, j) => {
    const own = ids.get(`${e.variant}/${e.project}`);
    const defined = new Set([...texts[j].matchAll(/^\s*\.\. _([^:]+):/gm)].map((m) => m[1].toLowerCase()));
    const text = texts[j].replace(/(:ref:`(?:[^`<]*<)?)([a-z]+_api_\d{4}(?:__[a-z]+\d+)?)(>?`)/g, (m, pre, target, post) => {
      if (defined.has(target.toLowerCase())) return m;
      // Same length, so grid-table borders stay aligned.
      const same = own.filter((id) => id.length === target.length);
      if (same.length === 0) return m;
      return `${pre}${same[hash32(target) % same.length]}${post}`;
    });
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
  const manifest = { version: VERSION, seed, pages, bytes, sha256: hashAll.digest('hex') };
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
  const m = writeTree({ pages: Number(arg('pages', 5000)), out: arg('out', DEFAULT_OUT), log: console.log });
  console.log(`${m.pages} pages, ${m.bytes} bytes, sha256 ${m.sha256}`);
}
