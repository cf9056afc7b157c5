import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@docdrift/parser';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { applyFixPass, displayWidth, fixInput, gridSafeFix, newParseProblem, shiftOffset } from '../../src/fix.js';
import { defineRule } from '../../src/rule.js';
import { run } from '../cli/run.js';
import { LINK, REF, seed000, seedTree, SELF } from './fixture.js';

const row = (cell: string, width: number) => `   | ${cell.padEnd(width)} |\n`;
const border = (width: number) => `   +${'-'.repeat(width + 2)}+\n`;

describe('fixes inside grid-table rows keep the borders aligned', () => {
  const text = `${border(40)}${row('see `x <https://a.b/c>`__ here', 40)}${border(40)}`;
  const at = text.indexOf('`x <');
  const old = '`x <https://a.b/c>`__';

  it('a shorter replacement pads the cell before its right border', () => {
    const f = gridSafeFix(text, { range: [at, at + old.length], text: ':ref:`x`' });
    expect('unsafe' in f).toBe(false);
    const out = applyFixPass(text, [{ ruleId: 'r', severity: 'error', message: 'm', file: 'a.rst', line: 2, column: 1, endLine: 2, endColumn: 1, fix: { range: [at, at + old.length], text: ':ref:`x`' } }]).output;
    expect(out.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(out).toContain(`| ${'see :ref:`x` here'.padEnd(40)} |`);
  });

  it('a longer one takes the cell\'s trailing spaces, keeping one; without room it is refused with the reason', () => {
    const longer = gridSafeFix(text, { range: [at, at + old.length], text: `${old}12345` });
    expect('unsafe' in longer ? longer : applyFixes1(text, longer)).toContain(`| ${'see `x <https://a.b/c>`__12345 here'.padEnd(40)} |`);
    const tooLong = gridSafeFix(text, { range: [at, at + old.length], text: `${old}123456789012` });
    expect(tooLong).toEqual({ unsafe: 'the table cell is 2 columns too narrow for the fix; widen the column, then run --fix again' });
    // Outside a table row nothing changes.
    expect(gridSafeFix('plain `x <https://a.b/c>`__ text\n', { range: [6, 6 + old.length], text: 'y' })).toEqual({ range: [6, 6 + old.length], text: 'y' });
  });

  it('wide characters count two columns, as docutils counts them', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('表格')).toBe(4);
    expect(displayWidth('ｆｕｌｌ')).toBe(8);
    expect(displayWidth('é')).toBe(1);
  });

  it('the seeds: a self-link in a grid-table cell is fixed and the table still parses', async () => {
    const table = `\n.. table:: **Table 2** Links\n\n${border(132)}${row(LINK, 132)}${border(132)}`;
    const root = seedTree(`${seed000()}${table}`);
    const before = readFileSync(join(root, SELF), 'utf8');
    expect(parse(before, { path: SELF }).messages.filter((m) => m.severity !== 'info')).toEqual([]);
    const r = await run(['docs', '--fix', '-f', 'compact'], root);
    expect(r.stderr).toBe('docdrift: fixed 3 problems in 1 file\n');
    const after = readFileSync(join(root, SELF), 'utf8');
    expect(after).toContain(`| ${REF.padEnd(132)} |`);
    expect(after.split('\n').map((l) => l.length).slice(-4)).toEqual(before.split('\n').map((l) => l.length).slice(-4));
    expect(parse(after, { path: SELF }).messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });
});

function applyFixes1(text: string, f: { range: [number, number]; text: string }): string {
  return text.slice(0, f.range[0]) + f.text + text.slice(f.range[1]);
}

describe('a fix that would break the page is not applied', () => {
  // A rule whose fix deletes a grid table's right border on one row: the parser would report a malformed table.
  const page = `T\n=\n\n${border(10)}${row('cell', 10)}${border(10)}\nA paragraph with colour.\n`;
  const breaker = defineRule({
    id: 'breaker',
    meta: { description: 'Test rule.', defaultSeverity: 'error', docs: '', fixable: true },
    check(ctx) {
      const at = ctx.text.indexOf('cell');
      if (at >= 0 && ctx.text.includes('cell       |')) {
        ctx.report({ position: { start: { line: 5, column: 6, offset: at }, end: { line: 5, column: 10, offset: at + 4 } }, message: 'break it', fix: { range: [at + 11, at + 13], text: '' } });
      }
      const c = ctx.text.indexOf('colour');
      if (c >= 0) ctx.report({ position: { start: { line: 7, column: 1, offset: c }, end: { line: 7, column: 7, offset: c + 6 } }, message: 'spelling', fix: { range: [c, c + 6], text: 'color' } });
    },
  });

  it('the sound fix of the same pass is kept, the breaking one is reported with the parser\'s words', async () => {
    expect(newParseProblem('a.rst', page, page.replace('cell       |', 'cell       '))).toMatch(/^Malformed table\. .* \(line \d+\)$/);
    const r = await fixInput({ files: [{ file: 'a.rst', text: page }] }, (i) => check(i, {}, { rules: [breaker] }));
    expect(r.files.map((f) => f.output)).toEqual([page.replace('colour', 'color')]);
    expect(r.rejected.map((x) => [x.diagnostic.message, x.reason.replace(/\(line \d+\)/, '(line N)')])).toEqual([['break it', expect.stringMatching(/^the fix would break the page: Malformed table\. .*\(line N\)$/)]]);
    expect(r.diagnostics.map((d: Diagnostic) => d.message)).toEqual(['break it']);
  });
});

describe('refused fixes are tied to their place, not only to their words', () => {
  // Three status tables of one page with the same slip, "404 NotFound" (an API reference repeats a status
  // table per operation): two grid cells without room for "Not Found", one simple-table row with room.
  const grid = (caption: string) => `.. table:: ${caption}\n\n   +--------------+-------------+\n   | Status code  | Description |\n   +==============+=============+\n   | 200 OK       | Fine.       |\n   +--------------+-------------+\n   | 404 NotFound | Missing.    |\n   +--------------+-------------+\n\n`;
  const simple = '.. table:: Delete\n\n   ================= ===========\n   Status code       Description\n   ================= ===========\n   200 OK            Fine.\n   404 NotFound      Missing.\n   ================= ===========\n\n';
  const page = `T\n=\n\n${grid('Create')}${simple}${grid('List')}`;
  const narrow = 'the table cell is 1 column too narrow for the fix; widen the column, then run --fix again';

  it('the fix with room is applied although the same fix elsewhere was refused, and each refusal is reported at its own line', async () => {
    const r = await fixInput({ files: [{ file: 'a.rst', text: page }] }, (i) => check(i, {}));
    expect(r.files.map((f) => f.output)).toEqual([page.replace('404 NotFound      Missing.', '404 Not Found     Missing.')]);
    expect(r.rejected.map((x) => [x.diagnostic.line, x.diagnostic.column, x.reason])).toEqual([
      [11, 10, narrow],
      [30, 10, narrow],
    ]);
    expect(r.diagnostics.filter((d) => d.ruleId === 'reason-phrase').map((d) => d.line)).toEqual([11, 30]);
  });

  it('shiftOffset moves an offset past the replacements before it', () => {
    const edits = [
      { start: 2, end: 4, length: 5 },
      { start: 10, end: 10, length: 2 },
      { start: 20, end: 30, length: 0 },
    ];
    expect([0, 2, 3, 4, 10, 11, 20, 25, 30, 40].map((o) => shiftOffset(edits, o))).toEqual([0, 2, 2, 7, 13, 16, 25, 25, 25, 35]);
  });
});
