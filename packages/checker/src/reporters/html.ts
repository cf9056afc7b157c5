/**
 * One self-contained HTML page (no network: inline CSS and script, no
 * external links from document text): a summary, filters by rule, severity
 * and variant, a matrix per variant group (rows = aligned table rows,
 * columns = variants; same / differs / missing, each cell a link to the
 * finding with the word diff), and every finding with its source excerpt.
 *
 * Everything that comes from the documents is HTML-escaped, and a Content
 * Security Policy allows only the report's own script (by hash): a page
 * that contains `<script>` or a `javascript:` link shows it as text, and
 * even a markup mistake of ours could not make it run.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { clipDiff, counts, rulesFor, summaryText, type CellState, type GroupMatrix, type ReportContext } from './context.js';
import { SECTIONS } from './matrix.js';

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const NO_VARIANT = '(no variant group)';
const SYMBOL: Record<CellState, string> = { same: '✓', differs: '≠', missing: '–' };

const CSS = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#fff; --soft:#f6f8fa;
  --same:#dafbe1; --same-fg:#116329; --differs:#fff1c2; --differs-fg:#7d4e00; --missing:#ffd8d3; --missing-fg:#a40e26;
  --error:#cf222e; --warning:#9a6700; --info:#0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header, main { padding: 16px 24px; }
header { border-bottom: 1px solid var(--line); background: var(--soft); }
h1 { font-size: 20px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.totals { font-size: 15px; }
.counts { border-collapse: collapse; margin-top: 8px; }
.counts td, .counts th { border: 1px solid var(--line); padding: 2px 8px; text-align: right; }
.counts td:first-child, .counts th:first-child { text-align: left; }
.filters { display: flex; flex-wrap: wrap; gap: 12px 28px; margin: 10px 0 0; }
.filters fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px 6px; margin: 0; max-width: 100%; }
.filters legend { font-weight: 600; padding: 0 4px; }
.filters label { display: inline-block; margin: 2px 10px 2px 0; white-space: nowrap; }
.matrix-group { margin: 10px 0 24px; }
table.matrix { border-collapse: collapse; margin: 6px 0 14px; }
table.matrix th, table.matrix td { border: 1px solid var(--line); padding: 3px 8px; }
table.matrix thead th { background: var(--soft); font-weight: 600; vertical-align: bottom; max-width: 16em; overflow-wrap: anywhere; }
table.matrix thead th.absent { color: var(--muted); font-style: italic; }
table.matrix tbody th { text-align: left; background: var(--soft); }
td.cell { text-align: center; min-width: 5.5em; padding: 0; }
td.cell a, td.cell span { display: block; padding: 3px 8px; text-decoration: none; color: inherit; }
td.cell a:hover, td.cell a:focus { outline: 2px solid var(--fg); outline-offset: -2px; }
td.same { background: var(--same); color: var(--same-fg); }
td.differs { background: var(--differs); color: var(--differs-fg); font-weight: 600; }
td.missing { background: var(--missing); color: var(--missing-fg); font-weight: 600; }
.legend span { display: inline-block; padding: 0 8px; margin-right: 6px; border-radius: 4px; }
.legend .same { background: var(--same); color: var(--same-fg); }
.legend .differs { background: var(--differs); color: var(--differs-fg); }
.legend .missing { background: var(--missing); color: var(--missing-fg); }
.file > h3 { position: sticky; top: 0; background: var(--bg); padding: 4px 0; margin-bottom: 0; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.finding:target, .finding.target { box-shadow: 0 0 0 3px #0969da66; }
.finding .where { color: var(--muted); }
.sev { font-weight: 600; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
.rule { color: var(--muted); }
.msg { margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.related { margin: 4px 0 0; padding-left: 18px; color: var(--muted); }
.diff { margin: 6px 0; padding: 6px 8px; background: var(--soft); border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.diff del { background: #ffebe9; color: #82071e; text-decoration: line-through; }
.diff ins { background: #dafbe1; color: #116329; text-decoration: none; font-weight: 600; }
pre.excerpt { margin: 6px 0 0; padding: 6px 0; background: var(--soft); border-radius: 4px; overflow-x: auto; tab-size: 4; }
pre.excerpt .ln { display: inline-block; width: 4.5em; padding-right: 8px; text-align: right; color: var(--muted); user-select: none; }
pre.excerpt mark { background: #fff8c5; outline: 1px solid #d4a72c; }
.none { color: var(--muted); }
[hidden] { display: none !important; }
`;

const SCRIPT = `(function () {
  var all = function (s, root) { return Array.prototype.slice.call((root || document).querySelectorAll(s)); };
  function checked(name) { var set = {}; all('.filters input[name="' + name + '"]:checked').forEach(function (i) { set[i.value] = true; }); return set; }
  function apply() {
    var rules = checked('rule'), sevs = checked('severity'), variants = checked('variant'), shown = 0;
    all('.finding').forEach(function (f) {
      var ok = rules[f.getAttribute('data-rule')] && sevs[f.getAttribute('data-severity')] && variants[f.getAttribute('data-variant')];
      f.hidden = !ok;
      if (ok) shown++;
    });
    all('.file').forEach(function (g) { g.hidden = !g.querySelector('.finding:not([hidden])'); });
    document.getElementById('shown').textContent = String(shown);
  }
  function reveal(id) {
    var t = document.getElementById(id);
    if (!t) return;
    if (t.hidden) { all('.filters input').forEach(function (i) { i.checked = true; }); apply(); }
    all('.finding.target').forEach(function (x) { x.classList.remove('target'); });
    t.classList.add('target');
  }
  document.addEventListener('change', function (e) { if (e.target.closest && e.target.closest('.filters')) apply(); });
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#f"]');
    if (a) reveal(a.getAttribute('href').slice(1));
    var b = e.target.closest && e.target.closest('button[data-all]');
    if (b) { all('.filters input[name="' + b.getAttribute('data-all') + '"]').forEach(function (i) { i.checked = b.getAttribute('data-on') === '1'; }); apply(); }
  });
  if (location.hash) reveal(location.hash.slice(1));
  apply();
})();`;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lines longer than this are shown as a window around the flagged column (the same window on every line, so columns line up). */
const MAX_LINE = 180;

/** A source's lines, split once for the findings on it in a row (a page has dozens; its text may be large). */
function lineSplitter(): (text: string) => string[] {
  let lastText: string | undefined;
  let lastLines: string[] = [];
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      lastLines = text.split(/\r?\n/);
    }
    return lastLines;
  };
}

/** The lines around a finding, the flagged range marked. */
function excerpt(d: Diagnostic, text: string | undefined, linesOf: (text: string) => string[]): string {
  if (text === undefined) return '';
  const lines = linesOf(text);
  const endLine = Math.max(d.line, d.endLine);
  const from = Math.max(1, d.line - 2);
  const to = Math.min(lines.length, endLine + 2, from + 12);
  if (from > lines.length) return '';
  const shown = lines.slice(from - 1, to);
  const longest = Math.max(0, ...shown.map((l) => l.length));
  const winStart = longest > MAX_LINE ? Math.max(0, d.column - 1 - 40) : 0;
  const winEnd = longest > MAX_LINE ? winStart + MAX_LINE : Infinity;
  const clip = (line: string, a: number, b: number): string => escapeHtml(line.slice(Math.max(a, winStart), Math.min(b, winEnd)));
  let out = '';
  for (let n = from; n <= to; n++) {
    const line = lines[n - 1] ?? '';
    const pre = winStart > 0 && line.length > 0 ? '…' : '';
    const post = line.length > winEnd ? '…' : '';
    let body: string;
    if (n < d.line || n > endLine) body = clip(line, 0, line.length);
    else {
      const s = n === d.line ? Math.max(0, d.column - 1) : 0;
      const e = n === endLine ? Math.max(s, d.endColumn - 1) : line.length;
      body = `${clip(line, 0, s)}<mark>${clip(line, s, e)}</mark>${clip(line, e, line.length)}`;
    }
    out += `<span class="ln">${n}</span>${pre}${body}${post}\n`;
  }
  return `<pre class="excerpt">${out}</pre>`;
}

function diffHtml(d: Diagnostic): string {
  if (!d.diff || !d.diff.some((p) => p.op !== 'equal')) return '';
  const body = clipDiff(d.diff, 8)
    .map((p) => (p.op === 'equal' ? escapeHtml(p.text) : p.op === 'removed' ? `<del>${escapeHtml(p.text)}</del>` : `<ins>${escapeHtml(p.text)}</ins>`))
    .join('');
  return `<div class="diff" title="word diff: struck = the other variant's words, bold = this page's">${body}</div>`;
}

export function html(diagnostics: readonly Diagnostic[], context: ReportContext = {}): string {
  const groups = context.groups ?? [];
  const sources = context.sources ?? {};
  const linesOf = lineSplitter();
  const c = counts(diagnostics);
  const ids = new Map<Diagnostic, string>(diagnostics.map((d, i) => [d, `f${i + 1}`]));

  // Which variant each file is (for the variant filter).
  const variantOf = new Map<string, string>();
  for (const g of groups) g.files.forEach((f, i) => variantOf.set(f, g.variants[i] ?? f));
  const variantName = (file: string): string => variantOf.get(file) ?? NO_VARIANT;

  const rules = rulesFor(diagnostics, context);
  const perRule = new Map<string, Record<Severity, number>>();
  for (const d of diagnostics) {
    let e = perRule.get(d.ruleId);
    if (!e) perRule.set(d.ruleId, (e = { error: 0, warning: 0, info: 0 }));
    e[d.severity]++;
  }
  const usedRules = rules.filter((r) => perRule.has(r.id));
  const usedVariants = [...new Set(diagnostics.map((d) => variantName(d.file)))].sort((a, b) => (a === NO_VARIANT ? 1 : b === NO_VARIANT ? -1 : cmp(a, b)));

  // Header and summary.
  let body = `<header><h1>docdrift report</h1>`;
  body += `<div class="totals"><strong>${escapeHtml(c.total === 0 ? 'No problems' : summaryText(diagnostics))}</strong>`;
  const filesWith = new Set(diagnostics.map((d) => d.file)).size;
  body += ` in ${filesWith} ${filesWith === 1 ? 'file' : 'files'}${context.files ? ` of ${context.files.length} checked` : ''}`;
  if (groups.length > 0) body += `; ${groups.length} variant ${groups.length === 1 ? 'group' : 'groups'}`;
  body += `. Showing <span id="shown">${c.total}</span>.</div>`;
  if (usedRules.length > 0) {
    body += `<table class="counts"><thead><tr><th>rule</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody>`;
    for (const r of usedRules) {
      const e = perRule.get(r.id) as Record<Severity, number>;
      body += `<tr><td><code title="${escapeHtml(r.description)}">${escapeHtml(r.id)}</code></td><td>${e.error}</td><td>${e.warning}</td><td>${e.info}</td></tr>`;
    }
    body += `</tbody></table>`;
  }
  // Filters.
  if (c.total > 0) {
    const box = (name: string, legend: string, values: Array<[string, string, number]>): string =>
      `<fieldset data-filter="${name}"><legend>${legend} <button type="button" data-all="${name}" data-on="1">all</button> <button type="button" data-all="${name}" data-on="0">none</button></legend>${values
        .map(([v, label, n]) => `<label><input type="checkbox" name="${name}" value="${escapeHtml(v)}" checked> ${escapeHtml(label)} <span class="none">(${n})</span></label>`)
        .join('')}</fieldset>`;
    body += `<div class="filters">`;
    body += box('rule', 'Rule', usedRules.map((r) => [r.id, r.id, diagnostics.filter((d) => d.ruleId === r.id).length]));
    body += box('severity', 'Severity', SEVERITIES.filter((s) => diagnostics.some((d) => d.severity === s)).map((s) => [s, s, diagnostics.filter((d) => d.severity === s).length]));
    body += box('variant', 'Variant', usedVariants.map((v) => [v, v, diagnostics.filter((d) => variantName(d.file) === v).length]));
    body += `</div>`;
  }
  body += `</header><main>`;

  // Variant matrices.
  if (groups.some((g) => g.tables.length > 0)) {
    body += `<h2>Variant matrices</h2><p class="legend">Rows are the aligned sections of the page, then the aligned rows of each table; columns are the variants: <span class="same">✓ same</span><span class="differs">≠ differs</span><span class="missing">– missing</span>. A cell that differs or is missing links to its finding and word diff.</p>`;
    // Each cell looks for its finding among its group's findings only (looking among all of them made a
    // report of 54,000 findings over 2,254 groups take minutes).
    const positionsByFile = new Map<string, number[]>();
    diagnostics.forEach((d, i) => {
      const list = positionsByFile.get(d.file);
      if (list) list.push(i);
      else positionsByFile.set(d.file, [i]);
    });
    for (const [gi, g] of groups.entries()) {
      if (g.tables.length === 0) continue;
      body += `<section class="matrix-group" id="g${gi + 1}" data-group="${escapeHtml(g.group)}"><h3>${escapeHtml(g.group)}</h3>`;
      // In the order of `diagnostics`, which decides which finding a cell links to.
      const positions = [...new Set(g.files)].flatMap((f) => positionsByFile.get(f) ?? []).sort((a, b) => a - b);
      const inGroup = positions.map((i) => diagnostics[i] as Diagnostic);
      for (const t of g.tables) body += matrixTable(g, t, inGroup, ids);
      body += `</section>`;
    }
  }

  // Findings by file.
  body += `<h2>Findings</h2>`;
  if (c.total === 0) body += `<p class="none">No problems found.</p>`;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    body += `<section class="file"><h3><code>${escapeHtml(file)}</code></h3>`;
    for (const d of list) {
      const related = (d.related ?? []).map((r) => `<li><code>${escapeHtml(`${r.file}:${r.line}:${r.column}`)}</code> ${escapeHtml(r.message)}</li>`).join('');
      body +=
        `<article class="finding ${d.severity}" id="${ids.get(d)}" data-rule="${escapeHtml(d.ruleId)}" data-severity="${d.severity}" data-variant="${escapeHtml(variantName(d.file))}"${d.key !== undefined ? ` data-key="${escapeHtml(d.key)}"` : ''}>` +
        `<div><span class="sev ${d.severity}">${d.severity}</span> <span class="where mono">${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</span> <span class="rule mono">${escapeHtml(d.ruleId)}</span>${d.key !== undefined ? ` <span class="mono">[${escapeHtml(d.key)}]</span>` : ''}</div>` +
        `<div class="msg">${escapeHtml(d.message)}</div>` +
        diffHtml(d) +
        (related ? `<ul class="related">${related}</ul>` : '') +
        excerpt(d, sources[d.file], linesOf) +
        `</article>`;
    }
    body += `</section>`;
  }
  body += `</main>`;

  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="docdrift ${escapeHtml(context.version ?? '')}">
<title>docdrift report: ${escapeHtml(c.total === 0 ? 'no problems' : summaryText(diagnostics))}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A matrix table; `diagnostics` are the group's findings (on its files). */
function matrixTable(g: GroupMatrix, t: GroupMatrix['tables'][number], diagnostics: readonly Diagnostic[], ids: Map<Diagnostic, string>): string {
  // Section rows match the findings keyed by the section title, and its paragraphs' (`Title ¶2`).
  const keyed = t.table === SECTIONS ? (d: Diagnostic, key: string) => d.key === key || (d.key?.startsWith(`${key} ¶`) ?? false) : (d: Diagnostic, key: string) => d.key === key;
  const findingFor = (key: string, v: number, state: CellState): Diagnostic | undefined => {
    if (state === 'same') return undefined;
    const file = g.files[v];
    const mine = diagnostics.filter((d) => keyed(d, key) && d.file === file);
    // A missing row is reported on a variant that has it: link there.
    const pick = mine.length > 0 ? mine : diagnostics.filter((d) => keyed(d, key));
    // The finding on the item itself (a heading) before one on its parts (a paragraph); one with a word diff first.
    return pick.find((d) => d.key === key && d.diff) ?? pick.find((d) => d.key === key) ?? pick.find((d) => d.diff) ?? pick[0];
  };
  let out = `<table class="matrix" data-table="${escapeHtml(t.table)}"><caption class="mono">${escapeHtml(t.table)}${t.section ? ` <span class="none">in ${escapeHtml(t.section)}</span>` : ''}</caption><thead><tr><th scope="col">row</th>`;
  g.variants.forEach((name, v) => {
    out += `<th scope="col" class="${t.present[v] === false ? 'absent' : ''}" title="${escapeHtml(g.files[v] ?? '')}${t.present[v] === false ? ' (no such table)' : ''}">${escapeHtml(name)}</th>`;
  });
  out += `</tr></thead><tbody>`;
  for (const r of t.rows) {
    out += `<tr data-key="${escapeHtml(r.key)}"><th scope="row" class="mono">${escapeHtml(r.name ?? r.key).replace(/^( +)/, (sp) => '&nbsp;'.repeat(sp.length))}</th>`;
    r.cells.forEach((state, v) => {
      const d = findingFor(r.key, v, state);
      const label = `${r.key} in ${g.variants[v] ?? ''}: ${state}`;
      const inner = d ? `<a href="#${ids.get(d)}" title="${escapeHtml(label)}">${SYMBOL[state]} ${state}</a>` : `<span title="${escapeHtml(label)}">${SYMBOL[state]} ${state}</span>`;
      out += `<td class="cell ${state}" data-state="${state}" data-variant="${escapeHtml(g.variants[v] ?? '')}">${inner}</td>`;
    });
    out += `</tr>`;
  }
  out += `</tbody></table>`;
  return out;
}
