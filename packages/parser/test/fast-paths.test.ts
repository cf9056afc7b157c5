/**
 * The RST parser's fast paths give exactly what the general code gives.
 *
 * `RstBlockParser` has two shortcuts for the common case, both turned off by
 * its `fastPaths` argument: `plainParagraphCell` (a table cell that is one
 * plain paragraph is built without the block dispatch) and `regularGrid` in
 * the grid table scanner (a table of one cell per row and column is read off
 * its borders instead of being traced cell by cell). Every input here is
 * parsed both ways, and the trees and messages must be identical, positions
 * included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, ParseMessage } from '../src/model.js';
import { RstBlockParser } from '../src/rst/blocks.js';
import { parseGridTableBlock } from '../src/rst/grid-table.js';
import { shift, SourceMap } from '../src/source.js';

function rst(text: string, fastPaths: boolean): { children: Block[]; messages: ParseMessage[] } {
  const map = new SourceMap(text);
  const messages: ParseMessage[] = [];
  const lines = map.lines();
  const first = lines[0];
  if (first && first.text.charCodeAt(0) === 0xfeff) lines[0] = shift(first, 1);
  const children = new RstBlockParser(map, messages, fastPaths).parseDocument(lines);
  return { children, messages };
}

function expectSame(text: string): void {
  expect(rst(text, true)).toEqual(rst(text, false));
}

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** Lines a table cell may hold: plain text, and everything that is (or nearly is) block markup. */
const cellLine = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.,()*`:|-]{0,14}$/) },
  {
    weight: 3,
    arbitrary: pick(
      '',
      ' ',
      '  indented',
      'text::',
      'text ::',
      '::',
      '| line block',
      '- bullet',
      '* star',
      '#. auto',
      '1. one',
      'a) letter',
      'A. Capital',
      'iv) roman',
      '(1) paren',
      '12a. no enum',
      'e.g. this',
      '.. _cell-label:',
      '.. note:: n',
      '.. comment',
      '__ http://x',
      ':field: value',
      'term',
      '=====',
      '-----',
      '~~~',
      '**strong** text',
      '``code``',
      ':ref:`x <y>`',
      'name_ ref',
      '+ plus',
      '| bar',
      'Ünïcode é',
      'tab\there',
    ),
  },
);

const cell = fc.array(cellLine, { minLength: 1, maxLength: 4 });

/** A grid table, regular most of the time; sometimes with a span, a stray + or | or a broken line. */
const gridTable = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 4 }),
    rows: fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
    header: fc.option(fc.nat(), { nil: undefined }),
    edits: fc.array(fc.record({ line: fc.nat(), col: fc.nat(), ch: pick('+', '|', '-', '=', ' ', 'x', '') }), { maxLength: 2 }),
    indent: pick('', '   '),
  })
  .map(({ widths, rows, header, edits, indent }) => {
    const rule = (c: string) => '+' + widths.map((w) => c.repeat(w + 2)).join('+') + '+';
    const out = [rule('-')];
    rows.forEach((cells, r) => {
      const height = Math.max(...cells.map((c) => c.length));
      for (let k = 0; k < height; k++) out.push('|' + widths.map((w, c) => ' ' + (cells[c]?.[k] ?? '').slice(0, w).padEnd(w) + ' ').join('|') + '|');
      out.push(header !== undefined && header % rows.length === r && r < rows.length - 1 ? rule('=') : rule('-'));
    });
    const lines = out.map((l) => [...l]);
    for (const { line, col, ch } of edits) {
      const l = lines[line % lines.length] as string[];
      l.splice(col % l.length, 1, ...ch);
    }
    return lines.map((l) => indent + l.join('')).join('\n');
  });

const document = fc
  .array(fc.oneof({ weight: 3, arbitrary: gridTable }, { weight: 1, arbitrary: gridTable.map((t) => `.. table:: **Table 1** x\n\n${t.replace(/^/gm, '   ')}`) }, { weight: 1, arbitrary: cell.map((c) => c.join('\n')) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((blocks) => blocks.join('\n\n') + '\n');

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

describe('fast paths give the same tree as the general code', () => {
  it('random grid tables with tricky cells', () => {
    fc.assert(
      fc.property(document, (text) => expectSame(text)),
      { numRuns: 500 },
    );
  });

  it('the seed pages', () => {
    const dirs = [repo('docs-sources/http-status-codes'), fileURLToPath(new URL('./fixtures/seeds', import.meta.url))];
    let n = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        if (!/\.(rst|txt)$/.test(name)) continue;
        expectSame(readFileSync(`${dir}/${name}`, 'utf8'));
        n++;
      }
    }
    expect(n).toBeGreaterThan(5);
  });

  it("docutils' table test cases, also through the table parser alone", () => {
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/docutils-table-cases.json', import.meta.url), 'utf8')) as { cases: Array<{ kind: string; input: string }> };
    for (const c of fixture.cases) {
      expectSame(c.input);
      if (c.kind !== 'grid') continue;
      const block = new SourceMap(c.input).lines().filter((l) => l.text.trim() !== '');
      expect(parseGridTableBlock(block)).toEqual(parseGridTableBlock(block, { fastPaths: false }));
    }
  });
});
