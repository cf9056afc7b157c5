/**
 * Raw HTML in Markdown through parse5 into the document model: tables
 * (header rows, spans, cell content), anchors, lists, notes, and above all
 * positions, which must point into the original source even when mdast
 * hands over an HTML block with its list indentation or `>` markers removed.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlBlocks, parseStartTag } from '../src/html/index.js';
import { ValueMap } from '../src/html/offsets.js';
import { parseMarkdown } from '../src/markdown/index.js';
import type { Admonition, Block, Code, List, Node, Paragraph, ParseMessage, Position, Section, Table, TableCell, Target } from '../src/model.js';
import { SourceMap } from '../src/source.js';

function md(text: string): { blocks: Block[]; messages: ParseMessage[] } {
  const messages: ParseMessage[] = [];
  return { blocks: parseMarkdown(text, new SourceMap(text), messages), messages };
}

function all<T extends Node['type']>(nodes: readonly Node[], type: T): Array<Extract<Node, { type: T }>> {
  const out: Array<Extract<Node, { type: T }>> = [];
  const go = (n: Node): void => {
    if (n.type === type) out.push(n as Extract<Node, { type: T }>);
    if ('children' in n) for (const c of n.children as Node[]) go(c);
  };
  for (const n of nodes) go(n);
  return out;
}

function at(text: string, p: Position | undefined): string {
  if (p === undefined) throw new Error('no position');
  return text.slice(p.start.offset, p.end.offset);
}

function textOf(nodes: readonly Node[]): string {
  return all(nodes, 'text')
    .map((t) => t.value)
    .join('');
}

function cells(t: Table): string[][] {
  return t.children.map((r) => r.children.map((c) => textOf([c])));
}

describe('ValueMap: value offsets back to source offsets', () => {
  it('maps lines whose list indentation mdast removed', () => {
    const text = '-   x\n\n    <table>\n    <tr>\n      <td>a</td>\n    </tr>\n';
    const start = text.indexOf('<table>');
    const value = '<table>\n<tr>\n  <td>a</td>\n</tr>';
    const end = text.length - 1;
    const vm = new ValueMap(value, start, end, new SourceMap(text));
    for (const needle of ['<table>', '<tr>', '<td>', 'a</td>', '</tr>']) {
      expect(text.slice(vm.toSource(value.indexOf(needle))).startsWith(needle)).toBe(true);
    }
    expect(vm.toSource(value.length)).toBe(end);
    // The line ending maps to the source's line ending.
    expect(text[vm.toSource(value.indexOf('\n'))]).toBe('\n');
  });

  it('clamps characters the source does not have (spaces made from a tab) to the start of their line', () => {
    const text = '- a\n\n\t<div>\n\t  <p>x</p>\n\t</div>\n';
    const tree = md(text);
    expect(tree.messages).toEqual([]);
    const vm = new ValueMap('  <div>\n    <p>x</p>\n  </div>', text.indexOf('\t<div>'), text.indexOf('</div>') + 6, new SourceMap(text));
    expect(vm.toSource(0)).toBe(text.indexOf('\t<div>'));
    expect(vm.toSource(2)).toBe(text.indexOf('<div>'));
    expect(vm.toSource(12)).toBe(text.indexOf('<p>'));
  });

  it('keeps CRLF line endings and lone CRs in step', () => {
    const text = '> <table>\r\n> <tr><td>a</td></tr>\r> </table>\r\n';
    const value = '<table>\r\n<tr><td>a</td></tr>\r</table>';
    const vm = new ValueMap(value, 2, text.length - 2, new SourceMap(text));
    for (const needle of ['<tr>', '<td>', '</table>']) expect(text.slice(vm.toSource(value.indexOf(needle))).startsWith(needle)).toBe(true);
  });
});

describe('HTML tables', () => {
  it('takes header rows from <thead>, body rows from <tbody> and <tfoot>, in source order', () => {
    const { blocks } = md('<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>\n');
    const t = blocks[0] as Table;
    expect(t).toMatchObject({ type: 'table', source: 'html', labels: [] });
    expect(t.children.map((r) => r.header)).toEqual([true, false, false]);
    expect(cells(t)).toEqual([['H'], ['b'], ['f']]);
  });

  it('without <thead>, makes the leading rows of <th> the header', () => {
    const { blocks } = md('<table>\n<tr><th>A</th><th>B</th></tr>\n<tr><th>row</th><td>x</td></tr>\n<tr><th>C</th><th>D</th></tr>\n</table>\n');
    const t = blocks[0] as Table;
    expect(t.children.map((r) => r.header)).toEqual([true, false, false]);
  });

  it('gives spanned cells their grid column, skipping columns covered by a rowspan from above (as docutils)', () => {
    const html = [
      '<table>',
      '<tr><td rowspan="2">A</td><td colspan="2">B</td></tr>',
      '<tr><td>C</td><td rowspan="5">D</td></tr>',
      '<tr><td>E</td><td>F</td></tr>',
      '<tr><td colspan="0">G</td></tr>',
      '</table>',
    ].join('\n');
    const t = md(html + '\n').blocks[0] as Table;
    const shape = t.children.map((r) => r.children.map((c) => [textOf([c]), c.column, c.rowSpan, c.colSpan]));
    expect(shape).toEqual([
      [['A', 0, 2, 1], ['B', 1, 1, 2]],
      [['C', 1, 1, 1], ['D', 2, 3, 1]], // rowspan clamped to the rows left
      [['E', 0, 1, 1], ['F', 1, 1, 1]],
      [['G', 0, 1, 1]],
    ]);
  });

  it('parses the rowspan of the real export fixture', () => {
    const text = readFileSync(new URL('fixtures/markdown/otc-dc-api-overview.md', import.meta.url), 'utf8');
    const t = all(md(text).blocks, 'table')[0] as Table;
    const first = t.children[1]?.children[0] as TableCell;
    expect([textOf([first]), first.rowSpan]).toEqual(['Direct Connect API', 4]);
    // The next three rows start in column 1, beside the span.
    expect(t.children.slice(2, 5).map((r) => r.children[0]?.column)).toEqual([1, 1, 1]);
    expect(at(text, first.position)).toMatch(/^<td class="cellrowborder" rowspan="4"/);
  });

  it('makes cell content blocks: <p> paragraphs, loose text as a paragraph, lists, notes, nested tables', () => {
    const html =
      '<table><tr><td>' +
      'loose <b>text</b><p>para</p><div class="p">in div<ul id="ul1"><li>one</li><li>two</li></ul></div>' +
      '<div class="note" id="n1"><a name="n1"></a><span class="notetitle"> NOTE: </span><div class="notebody"><p>careful</p></div></div>' +
      '<table><tr><td>inner</td></tr></table>' +
      '</td></tr></table>\n';
    const cell = (md(html).blocks[0] as Table).children[0]?.children[0] as TableCell;
    expect(cell.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'target', 'list', 'admonition', 'table']);
    expect(textOf([cell.children[0] as Block])).toBe('loose text');
    const list = cell.children[4] as List;
    expect([list.ordered, list.marker, list.children.length]).toEqual([false, '-', 2]);
    expect((cell.children[3] as Target).label).toBe('ul1');
    const note = cell.children[5] as Admonition;
    expect(note.name).toBe('note');
    expect(note.children.map((c) => c.type)).toEqual(['target', 'paragraph']);
    expect(textOf(note.children)).toBe('careful');
    expect(cells(cell.children[6] as Table)).toEqual([['inner']]);
  });

  it('labels a table with the anchors right before it and its own id/name', () => {
    const { blocks } = md('<a name="T1"></a>\n<table id="t-own"><tr><td>a</td></tr></table>\n');
    expect(blocks.map((b) => b.type)).toEqual(['target', 'target', 'table']);
    expect((blocks[2] as Table).labels).toEqual(['t1', 't-own']);
  });

  it('reads a <caption> as the caption', () => {
    const t = md('<table><caption>Table 3: Codes</caption><tr><td>a</td></tr></table>\n').blocks[0] as Table;
    expect(t.caption).toMatchObject({ kind: 'Table', number: 3, text: 'Codes', raw: '<caption>Table 3: Codes</caption>' });
  });
});

describe('HTML anchors, inline content and other elements', () => {
  it('an <a> left open is re-opened by HTML\'s parser in the next <p>: its anchor is made once, where the tag is', () => {
    // `<p><a name="x">one<p>two</p>`: the second <p> closes the first; the parser copies the open <a> into it.
    // The copy keeps the original tag's location, before its paragraph: it made a second `x` target there.
    const text = '<table><tr><td><p><a name="x">one<p><b>two</b> three</p></td></tr></table>\n';
    const cell = (md(text).blocks[0] as Table).children[0]?.children[0] as TableCell;
    expect(all([cell], 'target').map((t) => [t.name, at(text, t.position)])).toEqual([['x', '<a name="x">']]);
    const paragraphs = all([cell], 'paragraph');
    expect(paragraphs.map((p) => textOf([p]))).toEqual(['one', 'two three']);
    // Every node of the second paragraph lies inside it.
    const second = paragraphs[1] as Paragraph;
    const inside = (p: Position | undefined) => p !== undefined && p.start.offset >= (second.position?.start.offset ?? 0) && p.end.offset <= (second.position?.end.offset ?? 0);
    expect(all([second], 'text').every((t) => inside(t.position))).toBe(true);
    expect(at(text, second.position)).toBe('<p><b>two</b> three</p>');
  });

  it('keeps one target for an anchor written twice, preferring the <a name> over the element id', () => {
    const text = '<p id="p1"><a name="p1"></a><a name="p1"></a>Text<a name="p2"></a></p>\n';
    const p = md(text).blocks[0] as Paragraph;
    const targets = all([p], 'target');
    expect(targets.map((t) => t.name)).toEqual(['p1', 'p2']);
    expect(at(text, targets[0]?.position)).toBe('<a name="p1"></a>');
    expect(targets[0]?.data).toBeUndefined();
  });

  it('makes an id without an <a name> a target, positioned at the attribute', () => {
    const text = '<p>see <strong id="b1">this</strong></p>\n';
    const strong = all(md(text).blocks, 'strong')[0];
    const t = strong?.children[0] as Target;
    expect(t).toMatchObject({ type: 'target', name: 'b1', origin: 'html', data: { attribute: 'id' } });
    expect(at(text, t.position)).toBe('id="b1"');
  });

  it('maps links, emphasis, code, breaks, images and decodes entities', () => {
    const text = '<p>A &amp; B<br/><a href="x.md#y">link</a> <em>e</em> <i>i</i> <code>c &lt;d&gt;</code> <img src="p.png" alt="P"></p>\n';
    const p = md(text).blocks[0] as Paragraph;
    expect(p.children.map((c) => c.type)).toEqual(['text', 'break', 'link', 'text', 'emphasis', 'text', 'emphasis', 'text', 'inlineCode', 'text', 'image']);
    expect(p.children[0]).toMatchObject({ value: 'A & B' });
    expect(at(text, p.children[0]?.position)).toBe('A &amp; B');
    expect(all([p], 'link')[0]?.url).toBe('x.md#y');
    expect(all([p], 'inlineCode')[0]?.value).toBe('c <d>');
    expect(all([p], 'image')[0]).toMatchObject({ url: 'p.png', alt: 'P' });
  });

  it('collapses whitespace in text and trims paragraph edges, narrowing positions', () => {
    const text = '-   x\n\n    <p>\n      two   words\n    </p>\n';
    const p = all(md(text).blocks, 'paragraph')[1] as Paragraph;
    expect(p.children).toHaveLength(1);
    expect(p.children[0]).toMatchObject({ type: 'text', value: 'two words' });
    expect(at(text, p.children[0]?.position)).toBe('two   words');
  });

  it('maps <ol>, <pre>, <hr>, headings, <blockquote>, comments; keeps <script> and the like as html', () => {
    const html =
      '<div>\n<ol start="3" type="a"><li>x</li></ol>\n<pre><code class="language-json">{"a": 1}\n</code></pre>\n<hr>\n<h2>Head</h2>\n' +
      '<blockquote><p>q</p></blockquote>\n<!-- c -->\n<script>var a = "<b>";</script>\n</div>\n';
    const { blocks } = md(html);
    // An HTML heading at the top level opens a section like a Markdown one.
    expect(blocks.map((b) => b.type)).toEqual(['list', 'code', 'thematicBreak', 'section']);
    expect(blocks[0]).toMatchObject({ ordered: true, marker: 'a.', start: 3 });
    expect(blocks[1] as Code).toMatchObject({ lang: 'json', value: '{"a": 1}' });
    const section = blocks[3] as Section;
    expect(section.depth).toBe(2);
    expect(section.children.map((b) => b.type)).toEqual(['heading', 'blockquote', 'comment', 'html']);
    expect(section.children[2]).toMatchObject({ value: ' c ' });
    expect(section.children[3]).toMatchObject({ value: '<script>var a = "<b>";</script>' });
  });

  it('reads Markdown inline start tags without parse5 unless an attribute holds a character reference', () => {
    expect(parseStartTag('<a name="x" HREF=\'y\' data-z=w checked/>')).toEqual({
      tag: 'a',
      attrs: { name: 'x', href: 'y', 'data-z': 'w', checked: '' },
      attrRanges: { name: [3, 11], href: [12, 20], 'data-z': [21, 29], checked: [30, 37] },
      selfClosing: true,
    });
    expect(parseStartTag('<a href="?a=1&amp;b=2">')?.attrs).toEqual({ href: '?a=1&b=2' });
    expect(parseStartTag('<A\nname="n">')?.attrRanges).toEqual({ name: [3, 11] });
  });

  it('reports parse5 errors as info messages with positions (unless turned off)', () => {
    const text = '-   x\n\n    <p>\n    <b id="a" id="b">x</b></p>\n';
    const { messages } = md(text);
    expect(messages.map((m) => [m.code, m.severity, m.message, m.line, m.column])).toEqual([
      ['html-parse', 'info', 'HTML parse error: duplicate-attribute.', 4, 17],
    ]);
    const quiet: ParseMessage[] = [];
    htmlBlocks('<p id="a" id="b">x</p>', 0, 22, new SourceMap('<p id="a" id="b">x</p>'), quiet, { reportParseErrors: false });
    expect(quiet).toEqual([]);
  });
});

describe('HTML blocks cut short by a blank line', () => {
  it('reads a table whose cell holds a blank line as one table, positions still in the source', () => {
    const text = '-   Item\n\n    <table><tr><td><pre>one\n\n    two</pre></td>\n    <td>next</td></tr>\n    </table>\n\nafter\n';
    const { blocks, messages } = md(text);
    expect(messages).toEqual([]);
    const tables = all(blocks, 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0] as Table;
    expect(t.children[0]?.children.map((c) => c.children.map((b) => b.type))).toEqual([['code'], ['paragraph']]);
    expect((t.children[0]?.children[0]?.children[0] as Code).value).toBe('one\n\ntwo');
    const next = t.children[0]?.children[1] as TableCell;
    expect(at(text, next.position)).toBe('<td>next</td>');
    expect(next.position?.start).toMatchObject({ line: 6, column: 5 });
    expect(at(text, t.position)).toMatch(/^<table>[^]*<\/table>$/);
    // What follows the table is Markdown again.
    expect(textOf([blocks[1] as Block])).toBe('after');
  });
});

describe('positions inside HTML blocks in containers', () => {
  it('are right in a block quote, where mdast removed the `> ` markers', () => {
    const text = '> <table>\n> <tr><td>in quote</td></tr>\n> </table>\n';
    const { blocks } = md(text);
    const t = all(blocks, 'table')[0] as Table;
    const cell = t.children[0]?.children[0] as TableCell;
    expect(at(text, cell.position)).toBe('<td>in quote</td>');
    expect(cell.position?.start).toEqual({ line: 2, column: 7, offset: 16 });
  });

  it('are right with CRLF line endings and a tab-indented list item', () => {
    const text = '1.\tItem\r\n\r\n\t<table>\r\n\t<tr><td>tabbed</td></tr>\r\n\t</table>\r\n';
    const cell = all(md(text).blocks, 'tableCell')[0] as TableCell;
    expect(at(text, cell.position)).toBe('<td>tabbed</td>');
    expect(cell.position?.start.line).toBe(4);
    expect(cell.position?.start.column).toBe(6);
  });

  // Random HTML tables, indented in nested list items or quoted: every cell
  // starts at its `<td`/`<th` in the source, and every text node's position
  // holds its text.
  it('are right for random tables in random containers (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,()-]{0,12}$/);
    const cell = fc.record({ th: fc.boolean(), words: fc.array(word, { minLength: 1, maxLength: 3 }), p: fc.boolean(), newline: fc.boolean() });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    const container = fc.constantFrom('-   ', '- ', '1.  ', '10. ', '> ', '-   > ', '>   - ', '');
    let checked = 0;
    fc.assert(
      fc.property(table, container, fc.boolean(), fc.boolean(), (rows, prefix, crlf, anchor) => {
        const nl = crlf ? '\r\n' : '\n';
        const htmlLines: string[] = [];
        if (anchor) htmlLines.push('<a name="tbl"></a>');
        htmlLines.push('<table>');
        for (const r of rows) {
          let line = '<tr>';
          for (const c of r) {
            const tag = c.th ? 'th' : 'td';
            const body = c.words.join(' <b>x</b> ');
            line += `<${tag} class="c">${c.p ? `<p><a name="a"></a>${body}</p>` : body}${c.newline ? nl + '</' + tag + '>' : '</' + tag + '>'}`;
            if (c.newline) {
              htmlLines.push(line);
              line = '';
            }
          }
          htmlLines.push(line + '</tr>');
        }
        htmlLines.push('</table>');
        // Continuation lines: `> ` repeated for quotes, spaces for list items.
        const cont = prefix.replace(/[^>]/g, ' ');
        const text = `${prefix}Item${nl}${prefix.includes('>') ? cont.trimEnd() : ''}${nl}` + htmlLines.flatMap((l) => l.split(nl)).map((l) => cont + l).join(nl) + nl;
        const { blocks } = md(text);
        const tables = all(blocks, 'table');
        if (tables.length !== 1) return; // the container shape did not make an HTML block; nothing to check
        checked++;
        for (const c of all(tables, 'tableCell')) {
          expect(at(text, c.position)).toMatch(/^<t[dh] class="c">[^]*<\/t[dh]>$/);
        }
        for (const t of all(tables, 'text')) expect(at(text, t.position).replace(/\s+/g, ' ')).toBe(t.value);
        for (const t of all(tables, 'target')) expect(at(text, t.position)).toBe('<a name="a"></a>');
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(250);
  });
});
