/**
 * Inputs that once made the parser super-linear (quadratic scans, work per
 * row times columns): what they parse to. No wall-clock assertions (project
 * rule); the measurements are in the commit messages, and the inputs are big
 * enough that the old code would visibly slow the suite down.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, parse, type Block, type Inline, type Paragraph, type Table } from '../src/index.js';

const rst = (text: string) => parse(text, { format: 'rst' });
const md = (text: string) => parse(text, { format: 'markdown' });

/** The inline children of the first block, a paragraph, without positions. */
function firstParagraph(blocks: readonly Block[]): Array<Omit<Inline, 'position'>> {
  const p = blocks[0] as Paragraph;
  expect(p.type).toBe('paragraph');
  return p.children.map(({ position: _position, ...rest }) => rest);
}

describe('RST roles', () => {
  it('reads a long run of :name: colons with no backquote after it as text', () => {
    // Every colon of the run may start a role; each one used to rescan the run to its end.
    const text = ':a:'.repeat(40000) + 'a`b`';
    const { root, messages } = rst(text);
    expect(messages).toEqual([]);
    expect(firstParagraph(root.children)).toEqual([{ type: 'text', value: text }]);
  });

  it('reads the whole run as the role name when a backquote follows it', () => {
    const name = ':a:'.repeat(40000).slice(1, -1);
    const { root, messages } = rst(`:${name}:\`b\``);
    expect(messages).toEqual([]);
    expect(firstParagraph(root.children)).toEqual([{ type: 'role', role: name, value: 'b' }]);
  });

  it('reads a role suffix followed by a long run of colons', () => {
    const rest = ':a:'.repeat(40000).slice(3);
    const { root } = rst('`b`:a:' + rest);
    expect(firstParagraph(root.children)).toEqual([
      { type: 'role', role: 'a', value: 'b' },
      { type: 'text', value: rest },
    ]);
  });
});

describe('RST embedded targets', () => {
  // `title <target>` was split by /^([\s\S]*?)\s*<([^<>]+)>$/, which backtracked from every
  // character of a long run of spaces.
  const sp = ' '.repeat(100000);
  const strip = (nodes: readonly Block[]) => JSON.parse(JSON.stringify(nodes, (k, v: unknown) => (k === 'position' ? undefined : v))) as unknown;

  it('reads interpreted text with a long run of spaces', () => {
    const { root, messages } = rst(`\`a${sp}b\`_ :ref:\`c${sp}d\``);
    expect(messages).toEqual([]);
    expect(strip(root.children)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: '', refname: 'a b', children: [{ type: 'text', value: 'a b' }] },
          { type: 'text', value: ' ' },
          { type: 'crossReference', role: 'ref', target: `c${sp}d`, label: 'c d', explicit: false, children: [{ type: 'text', value: `c${sp}d` }] },
        ],
      },
    ]);
  });

  it('reads a target after a long run of spaces', () => {
    const { root } = rst(`\`a${sp}<http://x>\`_ :ref:\`Title${sp}<lab>\``);
    expect(strip(root.children)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'http://x', children: [{ type: 'text', value: 'a' }] },
          { type: 'text', value: ' ' },
          { type: 'crossReference', role: 'ref', target: 'lab', label: 'lab', explicit: true, children: [{ type: 'text', value: 'Title' }] },
        ],
      },
    ]);
  });

  it('reads toctree entries with long runs of spaces', () => {
    const { root } = rst(`.. toctree::\n\n   Intro${sp}<intro>\n   x${sp}y\n`);
    expect(strip(root.children)).toEqual([
      { type: 'toctree', options: {}, entries: [{ title: 'Intro', target: 'intro' }, { target: `x${sp}y` }] },
    ]);
  });
});

describe('HTML tables', () => {
  it('places cells under many wide row spans', () => {
    // Each cell spans 1000 rows and 1000 columns, so a row starts after the cells of the 999 rows
    // above it: columns 0, 1000, …, 999000, then 0 again. The rows × columns grid used to be
    // walked for every row.
    const rows = 2500;
    const { root, messages } = md('<table>\n' + '<tr><td rowspan="1000" colspan="1000">a</td></tr>\n'.repeat(rows) + '</table>\n');
    expect(messages).toEqual([]);
    const table = root.children[0] as Table;
    expect(table.type).toBe('table');
    expect(table.children).toHaveLength(rows);
    table.children.forEach((row, i) => {
      expect(row.children.map((c) => [c.column, c.rowSpan, c.colSpan])).toEqual([[1000 * (i % 1000), Math.min(1000, rows - i), 1000]]);
    });
  });

  it('skips columns covered from above a cell at a time, also where spans overlap', () => {
    // "c" starts in column 0 and runs into the span of "b" from the row above (a table error:
    // the later cell wins column 1); in the next row column 1 is free again, "b" still covers
    // columns 2 and 3, and "z" goes after them.
    const { root } = md(
      [
        '<table>',
        '<tr><td>x</td><td rowspan="3" colspan="3">b</td><td>y</td></tr>',
        '<tr><td colspan="2">c</td><td>d</td></tr>',
        '<tr><td>e</td><td>f</td><td>z</td></tr>',
        '<tr><td>g</td><td>h</td></tr>',
        '</table>',
        '',
      ].join('\n'),
    );
    const table = root.children[0] as Table;
    expect(table.children.map((r) => r.children.map((c) => c.column))).toEqual([[0, 1, 4], [0, 4], [0, 1, 4], [0, 1]]);
  });
});

describe('format detection', () => {
  // Without a format or a known extension the content decides. These signals used to backtrack over
  // every blank line from every line start (100,000 blank lines: 14 s) or over the rest of a `](` run
  // from every `](`.
  const blank = '\n'.repeat(100000);
  it('finds signals after many blank lines', () => {
    expect(detectFormat(blank + '| a | b |\n|---|---|\n')).toBe('markdown');
    expect(detectFormat(' \r\n'.repeat(50000) + '  <div>x</div>\n')).toBe('markdown');
    expect(detectFormat('|a|' + blank + '| :--- |\n')).toBe('markdown');
    expect(detectFormat('|a|' + blank + 'x\n')).toBe('rst');
    expect(detectFormat(blank + 'x\n')).toBe('rst');
  });

  it('finds [text](url) after a long run of ](', () => {
    expect(detectFormat(']('.repeat(50000))).toBe('rst');
    expect(detectFormat(']('.repeat(50000) + ')')).toBe('markdown');
    expect(detectFormat(']('.repeat(50000) + ' )')).toBe('rst');
  });

  it('parses a page of blank lines with no format given', () => {
    const { root, messages } = parse(blank + 'text\n');
    expect(root.format).toBe('rst');
    expect(messages).toEqual([]);
    expect(firstParagraph(root.children)).toEqual([{ type: 'text', value: 'text' }]);
  });
});
