import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { driftSummary } from '../../src/align/index.js';
import { buildDocSet } from '../../src/docset.js';
import { sortDiagnostics } from '../../src/diagnostic.js';
import { escapeHtml, html } from '../../src/reporters/html.js';
import { groupMatrices, SECTIONS } from '../../src/reporters/matrix.js';
import { seeds, tricky } from './seeds.js';

const config = { baseUrl: 'https://docs.otc.t-systems.com/', groupByContent: ['docs-sources'] };

async function seedReport() {
  const s = await seeds();
  const docSet = buildDocSet({ files: Object.entries(s.texts).map(([file, text]) => ({ file, text, check: !file.endsWith('README.md') })) }, config);
  const groups = driftSummary(docSet, {});
  return { ...s, groups, page: html(s.diagnostics, { ...s.context, groups, version: '0.0.0' }) };
}

describe('--format html', () => {
  it('one self-contained page: no external resource, a CSP that allows only its own script', async () => {
    const { page } = await seedReport();
    expect(page.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/\s(src|href)="(?!#)/i);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}';`);
    expect(page).not.toMatch(/\son[a-z]+=/i); // no inline event handlers (the CSP would block them)
  });

  it('the seeds: summary, one matrix per aligned table, every finding with its excerpt', async () => {
    const { page, diagnostics, groups } = await seedReport();
    expect(page).toContain(`Showing <span id="shown">${diagnostics.length}</span>`);
    expect(page.match(/<article class="finding /g)).toHaveLength(diagnostics.length);
    expect(page.match(/<pre class="excerpt">/g)).toHaveLength(diagnostics.length);
    const tables = groups.flatMap((g) => g.tables);
    expect(tables.length).toBeGreaterThan(0);
    expect(page.match(/<table class="matrix"/g)).toHaveLength(tables.length);
    // The status table of the seeds: 201 is missing in the three API Gateway pages, 403 differs somewhere.
    const status = tables.find((t) => t.rows.some((r) => r.key === '403'))!;
    const row = (key: string) => status.rows.find((r) => r.key === key)!.cells;
    expect(row('201').filter((c) => c === 'missing')).toHaveLength(3);
    expect(row('403')).toContain('differs');
    const tr = (key: string) => new RegExp(`<tr data-key="${key}">(.*?)</tr>`).exec(page)![1]!;
    expect([...tr('201').matchAll(/data-state="(\w+)"/g)].map((m) => m[1])).toEqual(row('201'));
    expect([...tr('403').matchAll(/data-state="(\w+)"/g)].map((m) => m[1])).toEqual(row('403'));
    // Cells that differ link to a finding with that key.
    for (const m of tr('403').matchAll(/data-state="differs"[^>]*><a href="#(f\d+)"/g)) {
      expect(page).toMatch(new RegExp(`id="${m[1]}" data-rule="[a-z-]+" data-severity="\\w+" data-variant="[^"]*" data-key="403"`));
    }
    // The word diff of a drift finding.
    expect(page).toMatch(/<div class="diff"[^>]*>.*<del>.*<\/del>.*<ins>.*<\/ins>/);
    expect(html(diagnostics, { ...(await seeds()).context, groups, version: '0.0.0' })).toBe(page);
  });

  it('escapes every piece of document text', () => {
    const page = html(sortDiagnostics([...tricky]), {
      sources: { 'docs/with space/ünïcode #1.rst': 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk <script>alert(1)</script> `x <javascript:alert(1)>`__\nl\n' },
      groups: [{ group: '<g>', variants: ['<v1>', 'v"2'], files: ['docs/with space/ünïcode #1.rst', 'docs/other/page.md'], tables: [{ table: '<b>T</b>', section: 'S&S', present: [true, false], rows: [{ key: '403', name: '<i>403</i>', cells: ['differs', 'missing'] }] }] }],
    });
    const body = page.slice(page.indexOf('<body>'), page.indexOf('<script>'));
    expect(body).not.toMatch(/<(script|b|i|g|v1|x)\b/);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&lt;javascript:alert(1)&gt;');
    expect(body).toContain('data-variant="v&quot;2"');
    expect(body).toContain('<mark>');
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('long lines are shown as a window around the flagged column', () => {
    const long = `${'x'.repeat(500)}TARGET${'y'.repeat(500)}`;
    const page = html([{ ruleId: 'r', severity: 'error', message: 'm', file: 'a.md', line: 1, column: 501, endLine: 1, endColumn: 507 }], { sources: { 'a.md': long } });
    const pre = /<pre class="excerpt">([\s\S]*?)<\/pre>/.exec(page)![1]!;
    expect(pre).toContain('<mark>TARGET</mark>');
    expect(pre.length).toBeLessThan(400);
  });

  it('a sections matrix per group: the seeds\' heading drift ("Status Codes" in the two-tables pages) links to its finding', async () => {
    const s = await seeds();
    const docSet = buildDocSet({ files: Object.entries(s.texts).map(([file, text]) => ({ file, text, check: !file.endsWith('README.md') })) }, config);
    const groups = groupMatrices(docSet, {});
    expect(groups).toHaveLength(1);
    const sections = groups[0]!.tables[0]!;
    expect(sections.table).toBe(SECTIONS);
    const row = sections.rows.find((r) => r.key === 'HTTP Status Codes')!;
    const twoTables = groups[0]!.files.map((f) => f.includes('two-tables'));
    expect(row.cells).toEqual(twoTables.map((t) => (t ? 'differs' : 'same')));
    // The rest are the drift summary's tables.
    expect(groups[0]!.tables.slice(1).map((t) => t.table)).toEqual(driftSummary(docSet, {})[0]!.tables.map((t) => t.table));
    const page = html(s.diagnostics, { ...s.context, groups });
    const tr = /<tr data-key="HTTP Status Codes">(.*?)<\/tr>/.exec(page)![1]!;
    const links = [...tr.matchAll(/<a href="#(f\d+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    for (const id of links) expect(page).toMatch(new RegExp(`id="${id}" data-rule="heading-drift"`));
  });
});
