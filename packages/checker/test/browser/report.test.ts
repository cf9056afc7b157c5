/**
 * The HTML report in a real browser: Debian's Chromium driven by
 * playwright-core (no browser download). Skipped, with a message, only when
 * /usr/bin/chromium is absent outside CI; in CI (`CI` set) it must run
 * (.ci/run installs Chromium). The screenshot goes to test-results/browser/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftSummary } from '../../src/align/index.js';
import { buildDocSet } from '../../src/docset.js';
import { loadConfig, loadInput } from '../../src/loader.js';
import { run } from '../cli/run.js';
import { seedTree } from '../fix/fixture.js';
import { repo } from '../reporters/seeds.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI);
if (!available && !inCI) console.warn(`test/browser: skipped — ${CHROMIUM} is not installed (apt-get install -y chromium); in CI this test runs`);

const out = fileURLToPath(new URL('../../test-results/browser/', import.meta.url));

/** The 403 description of two-tables.rst replaced, at the same width, by a script and a javascript: link. */
const PLANTED = 'Forbidden. <script>window.__pwned = 1</script> `click <javascript:window.__pwned=2>`__';

describe.skipIf(!available && !inCI)('the HTML report in Chromium', () => {
  let browser: Browser;
  const dialogs: string[] = [];
  const requested = new Map<Page, string[]>();

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Nothing may leave the machine: every request but the report itself is refused and recorded.
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(file).href) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    requested.set(page, requests);
    return page;
  }

  it('the seeds: the matrix shows the known drift, cells lead to the word diff, filters work', async () => {
    const file = join(out, 'seeds-report.html');
    const r = await run(['docs-sources', '--format', 'html', '--output', file], repo);
    expect(r.stderr).toBe('');
    const page = await open(file);

    // The matrix in the page is the drift summary of the seeds.
    const { config } = loadConfig(repo);
    const loaded = await loadInput({ cwd: repo, paths: ['docs-sources'], config });
    const summary = driftSummary(buildDocSet(loaded.input, config), config);
    const status = summary.flatMap((g) => g.tables).find((t) => t.rows.some((row) => row.key === '403'))!;
    const cells = (key: string) => page.locator(`table.matrix tr[data-key="${key}"] td.cell`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-state')));
    expect(await cells('403')).toEqual(status.rows.find((row) => row.key === '403')!.cells);
    expect(await cells('201')).toEqual(status.rows.find((row) => row.key === '201')!.cells);
    // Known drift: 403 is worded differently across the variants; 201 is missing in the three API Gateway pages.
    expect(new Set(await cells('403'))).toEqual(new Set(['same', 'differs']));
    const missing201 = await page.locator('table.matrix tr[data-key="201"] td.cell.missing').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-variant')));
    expect(missing201).toEqual(['http-status-codes/apig-absolute-self-link.rst', 'http-status-codes/apig-internal-ref.rst', 'http-status-codes/apig-rfc-wording.rst']);
    // Colour-coded.
    const bg = (state: string) => page.locator(`table.matrix td.cell.${state}`).first().evaluate((td) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(td).backgroundColor);
    expect(new Set([await bg('same'), await bg('differs'), await bg('missing')]).size).toBe(3);

    // A cell that differs leads to its finding, which shows the word diff.
    await page.locator('table.matrix tr[data-key="403"] td.cell.differs a').first().click();
    const target = page.locator('article.finding.target');
    await expect.poll(() => target.count()).toBe(1);
    expect(await target.getAttribute('data-key')).toBe('403');
    expect(await target.locator('.diff del').count()).toBeGreaterThan(0);
    expect(await target.locator('.diff ins').count()).toBeGreaterThan(0);
    expect(await target.isVisible()).toBe(true);

    // Filters: rule, severity, variant.
    const total = await page.locator('article.finding').count();
    const visible = () => page.locator('article.finding:visible').evaluateAll((as) => as.map((a) => [a.getAttribute('data-rule'), a.getAttribute('data-variant')]));
    await page.locator('button[data-all="rule"][data-on="0"]').click();
    expect(await visible()).toEqual([]);
    expect(await page.locator('#shown').textContent()).toBe('0');
    await page.locator('input[name="rule"][value="row-missing"]').check();
    const rows = await visible();
    expect(rows.length).toBe(await page.locator('article.finding[data-rule="row-missing"]').count());
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(([rule]) => rule === 'row-missing')).toBe(true);
    expect(await page.locator('#shown').textContent()).toBe(String(rows.length));
    await page.locator('button[data-all="rule"][data-on="1"]').click();
    await page.locator('button[data-all="variant"][data-on="0"]').click();
    await page.locator('input[name="variant"][value="http-status-codes/two-tables.rst"]').check();
    const inVariant = await visible();
    expect(inVariant.length).toBeGreaterThan(0);
    expect(inVariant.every(([, v]) => v === 'http-status-codes/two-tables.rst')).toBe(true);
    await page.locator('button[data-all="variant"][data-on="1"]').click();
    await page.locator('button[data-all="severity"][data-on="0"]').click();
    expect(await visible()).toEqual([]);
    await page.locator('button[data-all="severity"][data-on="1"]').click();
    expect(await page.locator('article.finding:visible').count()).toBe(total);

    await page.screenshot({ path: join(out, 'seeds-report.png'), fullPage: false });
    expect(requested.get(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('a <script> and a javascript: link planted in a page stay inert text', async () => {
    const root = seedTree();
    const f = join(root, 'docs/two-tables.rst');
    const text = readFileSync(f, 'utf8');
    const cell = /Access to the requested page is forbidden\. +(?=\|)/.exec(text)![0];
    expect(PLANTED.length).toBeLessThanOrEqual(cell.length);
    writeFileSync(f, text.replace(cell, PLANTED.padEnd(cell.length)));
    const file = join(out, 'planted-report.html');
    const r = await run(['docs', '--format', 'html', '--output', file], root);
    expect(r.stderr).toBe('');
    const raw = readFileSync(file, 'utf8');
    expect(raw).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');

    const page = await open(file);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    // The planted markup is on the page as text, in a finding's message, diff and excerpt.
    const shown = page.locator('article.finding', { hasText: '<script>window.__pwned = 1</script>' });
    expect(await shown.count()).toBeGreaterThan(0);
    expect(await page.locator('article.finding script, article.finding a').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    // Clicking on the planted text does nothing either.
    await shown.first().locator('.msg').click();
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shown.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'planted-report.png') });
    await page.close();
  }, 120_000);
});
