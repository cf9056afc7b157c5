/**
 * Markdown (CommonMark + GFM) into the document model: `parseMarkdown`
 * directly, before `parse()` wraps it in a root. HTML blocks in detail are
 * in html.test.ts; here: the Markdown constructs, inline HTML tags, the
 * export conventions (captions, figures, notes) and seed 004.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/markdown/index.js';
import type {
  Admonition,
  Block,
  Code,
  Figure,
  Heading,
  Inline,
  Link,
  List,
  Node,
  Paragraph,
  ParseMessage,
  Position,
  Section,
  Table,
  TableCell,
  Target,
} from '../src/model.js';
import { SourceMap } from '../src/source.js';

function md(text: string): { blocks: Block[]; messages: ParseMessage[] } {
  const messages: ParseMessage[] = [];
  const blocks = parseMarkdown(text, new SourceMap(text), messages);
  return { blocks, messages };
}

/** Every node of `type` under `nodes`, depth-first, in source order. */
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

/** `line:column-line:column` of a position. */
function lc(p: Position | undefined): string {
  if (p === undefined) return 'none';
  return `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;
}

function textOf(nodes: readonly Node[]): string {
  return all(nodes, 'text')
    .map((t) => t.value)
    .join('');
}

const repo = (p: string): URL => new URL(`../../../${p}`, import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(`fixtures/markdown/${name}`, import.meta.url), 'utf8');

describe('Markdown blocks', () => {
  it('nests headings into sections: heading first, then the blocks up to the next heading of the same or a higher level', () => {
    const text = 'intro\n\n# A\n\na\n\n## B\n\nb\n\n### C\n\nc\n\n## D\n\nd\n\n# E\n\ne\n';
    const { blocks } = md(text);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'section', 'section']);
    const a = blocks[1] as Section;
    expect(a.depth).toBe(1);
    expect(a.labels).toEqual([]);
    expect(a.children.map((c) => c.type)).toEqual(['heading', 'paragraph', 'section', 'section']);
    const b = a.children[2] as Section;
    expect(b.depth).toBe(2);
    expect(b.children.map((c) => c.type)).toEqual(['heading', 'paragraph', 'section']);
    expect((b.children[2] as Section).depth).toBe(3);
    expect(textOf([a.children[3] as Block])).toBe('Dd');
    // A section runs from its heading to the end of its last block.
    expect(at(text, a.position)).toBe('# A\n\na\n\n## B\n\nb\n\n### C\n\nc\n\n## D\n\nd');
    expect(lc(a.position)).toBe('3:1-17:2');
  });

  it('keeps the heading marker: `#` for ATX, the underline character for setext', () => {
    const { blocks } = md('Title\n=====\n\nSub\n---\n\n### Third ###\n');
    const headings = all(blocks, 'heading');
    expect(headings.map((h) => [h.depth, h.marker, textOf(h.children)])).toEqual([
      [1, '=', 'Title'],
      [2, '-', 'Sub'],
      [3, '#', 'Third'],
    ]);
  });

  it('leaves headings inside containers as headings (sections only at the top, as in RST)', () => {
    const { blocks } = md('- # In a list\n\n> ## In a quote\n');
    expect(all(blocks, 'section')).toEqual([]);
    expect(all(blocks, 'heading').map((h) => h.depth)).toEqual([1, 2]);
  });

  it('reads list markers from the source: -, *, +, 1., 1) and the start number', () => {
    const { blocks } = md('- a\n\n* b\n\n+ c\n\n3. d\n4. e\n\n7) f\n');
    const lists = all(blocks, 'list');
    expect(lists.map((l) => [l.ordered, l.marker, l.start])).toEqual([
      [false, '-', undefined],
      [false, '*', undefined],
      [false, '+', undefined],
      [true, '1.', 3],
      [true, '1)', 7],
    ]);
    expect((lists[3] as List).children.map((i) => textOf([i]))).toEqual(['d', 'e']);
  });

  it('nests lists in list items, with paragraphs as item content', () => {
    const text = '-   Normal\n\n    1.  one\n    2.  two\n';
    const { blocks } = md(text);
    const outer = blocks[0] as List;
    const item = outer.children[0];
    expect(item?.children.map((c) => c.type)).toEqual(['paragraph', 'list']);
    const inner = item?.children[1] as List;
    expect(inner.marker).toBe('1.');
    expect(lc(inner.children[1]?.position)).toBe('4:5-4:12');
    expect(at(text, inner.children[1]?.position)).toBe('2.  two');
  });

  it('maps code (fenced with lang, indented), block quotes and thematic breaks', () => {
    const text = '```json\n{"a": 1}\n```\n\n    indented\n\n> quoted\n\n---\n';
    const { blocks } = md(text);
    expect(blocks.map((b) => b.type)).toEqual(['code', 'code', 'blockquote', 'thematicBreak']);
    expect(blocks[0]).toMatchObject({ lang: 'json', value: '{"a": 1}' });
    expect((blocks[1] as Code).lang).toBeUndefined();
    expect((blocks[1] as Code).value).toBe('indented');
    expect(textOf([blocks[2] as Block])).toBe('quoted');
    expect(at(text, blocks[3]?.position)).toBe('---');
  });

  it('maps GFM tables: source gfm, first row the header, cells holding a paragraph', () => {
    const text = '| Code | Phrase |\n| --- | :-: |\n| 200 | OK |\n| 404 |  |\n';
    const { blocks } = md(text);
    const t = blocks[0] as Table;
    expect(t).toMatchObject({ type: 'table', source: 'gfm', labels: [] });
    expect(t.children.map((r) => r.header)).toEqual([true, false, false]);
    expect(t.children.map((r) => r.children.map((c) => textOf([c])))).toEqual([
      ['Code', 'Phrase'],
      ['200', 'OK'],
      ['404', ''],
    ]);
    const ok = t.children[1]?.children[1] as TableCell;
    expect(ok).toMatchObject({ column: 1, rowSpan: 1, colSpan: 1 });
    expect(ok.children[0]?.type).toBe('paragraph');
    expect(lc(ok.position)).toBe('3:7-3:13');
    expect(t.children[2]?.children[1]?.children).toEqual([]);
    expect(t.data).toEqual({ align: [null, 'center'] });
  });

  it('turns link definitions into targets and resolves reference links', () => {
    const { blocks } = md('See [the spec][rfc  9110].\n\n[RFC 9110]: https://www.rfc-editor.org/rfc/rfc9110\n');
    const link = all(blocks, 'link')[0] as Link;
    expect(link.url).toBe('https://www.rfc-editor.org/rfc/rfc9110');
    expect(textOf(link.children)).toBe('the spec');
    const target = all(blocks, 'target')[0] as Target;
    expect(target).toMatchObject({ name: 'RFC 9110', label: 'rfc 9110', url: 'https://www.rfc-editor.org/rfc/rfc9110' });
  });
});

describe('Markdown inlines', () => {
  it('maps emphasis, strong, inline code, links, images and hard breaks with their positions', () => {
    const text = 'a *em* **st** `co` [li](u "t") ![al](i.png)  \nnext\\\nlast';
    const { blocks } = md(text);
    const p = blocks[0] as Paragraph;
    expect(p.children.map((c) => c.type)).toEqual([
      'text', 'emphasis', 'text', 'strong', 'text', 'inlineCode', 'text', 'link', 'text', 'image', 'break', 'text', 'break', 'text',
    ]);
    const link = all([p], 'link')[0] as Link;
    expect(link).toMatchObject({ url: 'u', data: { title: 't' } });
    expect(at(text, link.position)).toBe('[li](u "t")');
    expect(all([p], 'image')[0]).toMatchObject({ url: 'i.png', alt: 'al' });
    expect(at(text, all([p], 'inlineCode')[0]?.position)).toBe('`co`');
    expect(all([p], 'break').map((b) => b.position?.start.line)).toEqual([1, 2]);
  });

  it('keeps the text of GFM strike-through and autolinks URLs', () => {
    const { blocks } = md('~~old~~ see https://example.com/x');
    const p = blocks[0] as Paragraph;
    expect(textOf([p])).toBe('old see https://example.com/x');
    expect(all([p], 'link')[0]?.url).toBe('https://example.com/x');
  });
});

describe('inline HTML in Markdown', () => {
  it('moves a heading anchor before the heading and gives it to the section as a label', () => {
    const text = '# Status Codes<a name="EN-US_TOPIC_1"></a>\n\ntext\n';
    const { blocks } = md(text);
    expect(blocks.map((b) => b.type)).toEqual(['target', 'section']);
    const t = blocks[0] as Target;
    expect(t).toMatchObject({ name: 'EN-US_TOPIC_1', label: 'en-us_topic_1', origin: 'html' });
    expect(at(text, t.position)).toBe('<a name="EN-US_TOPIC_1"></a>');
    const s = blocks[1] as Section;
    expect(s.labels).toEqual(['en-us_topic_1']);
    const h = s.children[0] as Heading;
    expect(h.children).toEqual([{ type: 'text', value: 'Status Codes', position: h.children[0]?.position }]);
  });

  it('makes a paragraph of anchors only into block targets', () => {
    const text = '<a name="x1"></a><a name="x1"></a> <a name="X2"></a>\n\npara';
    const { blocks } = md(text);
    expect(blocks.map((b) => b.type)).toEqual(['target', 'target', 'paragraph']);
    expect(blocks.slice(0, 2).map((b) => (b as Target).label)).toEqual(['x1', 'x2']);
  });

  it('pairs start and end tags into links, strong, emphasis, code and roles', () => {
    const text = 'Go <a href="http://x.org/?a=1&amp;b=2">there <b>now</b></a>, <em>e</em> <code>c</code> x<sup>2</sup> <kbd>Ctrl</kbd>';
    const { blocks } = md(text);
    const p = blocks[0] as Paragraph;
    const link = all([p], 'link')[0] as Link;
    expect(link.url).toBe('http://x.org/?a=1&b=2');
    expect(textOf(link.children)).toBe('there now');
    expect(at(text, link.position)).toBe('<a href="http://x.org/?a=1&amp;b=2">there <b>now</b></a>');
    expect(all(link.children, 'strong')).toHaveLength(1);
    expect(all([p], 'emphasis')).toHaveLength(1);
    expect(all([p], 'inlineCode')[0]).toMatchObject({ value: 'c' });
    expect(all([p], 'role').map((r) => [r.role, r.value])).toEqual([
      ['sup', '2'],
      ['kbd', 'Ctrl'],
    ]);
  });

  it('turns <br> and <img> into break and image, keeps unknown tags as raw-html roles, drops comments and stray end tags', () => {
    const text = 'a<br>b <img src="p.png" alt="P"> <blink2>x</blink2> <!-- hidden --> </span>end';
    const { blocks } = md(text);
    const p = blocks[0] as Paragraph;
    expect(all([p], 'break')).toHaveLength(1);
    expect(all([p], 'image')[0]).toMatchObject({ url: 'p.png', alt: 'P' });
    expect(all([p], 'role').map((r) => r.value)).toEqual(['<blink2>', '</blink2>']);
    expect(textOf([p])).toBe('ab  x  end');
  });

  it('ends unclosed elements with the paragraph and closes the innermost open one on an end tag', () => {
    const { blocks } = md('<em>a <strong>b</em> c');
    const p = blocks[0] as Paragraph;
    const em = p.children[0];
    expect(em?.type).toBe('emphasis');
    expect(all([p], 'strong')).toHaveLength(1);
    expect(textOf([p])).toBe('a b c');
  });

  it('gives an anchor that wraps text a target at its start tag, followed by the text', () => {
    const text = 'see <a name="here">this</a>.';
    const { blocks } = md(text);
    const p = blocks[0] as Paragraph;
    expect(p.children.map((c) => c.type)).toEqual(['text', 'target', 'text', 'text']);
    expect(at(text, p.children[1]?.position)).toBe('<a name="here">');
  });
});

describe('export conventions', () => {
  it('takes a **Table N** paragraph before a table as its caption, and the anchor between as its label', () => {
    const text = '**Table  1**  Parameters\n\n<a name="table35049127"></a>\n<table><tr><td>a</td></tr></table>\n';
    const { blocks } = md(text);
    expect(blocks.map((b) => b.type)).toEqual(['target', 'table']);
    const t = blocks[1] as Table;
    expect(t.caption).toMatchObject({ kind: 'Table', number: 1, text: 'Parameters', raw: '**Table  1**  Parameters' });
    expect(lc(t.caption?.position)).toBe('1:1-1:25');
    expect(t.labels).toEqual(['table35049127']);
    // Like RST's `.. table::` directive, the table starts with its caption.
    expect(lc(t.position)).toBe('1:1-4:35');
  });

  it('makes **Figure N** + hard break + image into a figure, its anchors into targets and labels', () => {
    const text = '**Figure  1**  Regions and AZs<a name="fig87"></a>  \n![](/figures/regions.png "regions")\n';
    const { blocks } = md(text);
    expect(blocks.map((b) => b.type)).toEqual(['target', 'figure']);
    const f = blocks[1] as Figure;
    expect(f).toMatchObject({ url: '/figures/regions.png', labels: ['fig87'], options: {}, children: [], data: { title: 'regions' } });
    expect(f.caption).toMatchObject({ kind: 'Figure', number: 1, text: 'Regions and AZs', raw: '**Figure  1**  Regions and AZs' });
    expect(lc(f.position)).toBe('1:1-2:36');
  });

  it('makes a quote opening with a note icon and **NOTE:** into a note admonition without the label', () => {
    const text = '>![](/images/icon-note.gif) **NOTE:** \n>Your domain ID is whitelisted.\n>-   one\n';
    const { blocks } = md(text);
    const a = blocks[0] as Admonition;
    expect(a.type).toBe('admonition');
    expect(a.name).toBe('note');
    expect(a.children.map((c) => c.type)).toEqual(['paragraph', 'list']);
    const first = a.children[0] as Paragraph;
    expect(textOf([first])).toBe('Your domain ID is whitelisted.');
    expect(at(text, first.position)).toBe('Your domain ID is whitelisted.');
    expect(lc(first.position)).toBe('2:2-2:32');
  });

  it('leaves ordinary quotes alone', () => {
    const { blocks } = md('> **Remember:** this\n');
    expect(blocks[0]?.type).toBe('blockquote');
  });

  it('parses the real export pages used as fixtures: caption, rowspan, figure and note in a list', () => {
    const overview = fixture('otc-dc-api-overview.md');
    const t = all(md(overview).blocks, 'table')[0] as Table;
    expect(t.caption).toMatchObject({ kind: 'Table', number: 1, text: 'Direct Connect APIs' });
    expect(t.labels).toEqual(['table5876102613294']);
    const page = fixture('otc-dc-modifying-a-connection.md');
    const { blocks, messages } = md(page);
    expect(messages).toEqual([]);
    const fig = all(blocks, 'figure')[0] as Figure;
    expect(fig).toMatchObject({ url: 'figures/modify-connection.png', labels: ['fig5461183292217'] });
    expect(fig.caption?.text).toBe('Modify Connection');
    const note = all(blocks, 'admonition')[0] as Admonition;
    expect(note.name).toBe('note');
    expect(textOf(note.children)).toMatch(/^After modifying the bandwidth/);
    // Both inside items of the ordered list.
    const list = all(blocks, 'list')[0] as List;
    expect(list.marker).toBe('1.');
    expect(all([list], 'figure')).toHaveLength(1);
    expect(all([list], 'admonition')).toHaveLength(1);
  });
});

describe('seed 004: two HTML tables indented in list items', () => {
  const text = readFileSync(repo('docs-sources/http-status-codes/two-tables-markdown-export.md'), 'utf8');
  const lines = text.split('\n');
  const { blocks, messages } = md(text);
  const tables = all(blocks, 'table');
  const rowText = (t: Table, i: number): string[] => (t.children[i] as Table['children'][number]).children.map((c) => textOf([c]));

  it('yields 2 HTML tables with 4 and 14 body rows under the "Returned Value | Description" header', () => {
    expect(messages).toEqual([]);
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t.source).toBe('html');
      expect(t.children.filter((r) => r.header)).toHaveLength(1);
      expect(rowText(t, 0)).toEqual(['Returned Value', 'Description']);
    }
    expect(tables.map((t) => t.children.filter((r) => !r.header).length)).toEqual([4, 14]);
    expect(rowText(tables[0] as Table, 1)).toEqual(['200 OK', 'The server has successfully processed the request.']);
    expect(tables[1]?.children.slice(1).map((r) => textOf([r.children[0] as TableCell]))).toEqual([
      '400 Bad Request', '401 Unauthorized', '403 Forbidden', '404 Not Found', '405 Method Not Allowed', '406 Not Acceptable',
      '407 Proxy Authentication Required', '408 Request Timeout', '409 Conflict', '500 Internal Server Error',
      '501 Not Implemented', '502 Bad Gateway', '503 Service Unavailable', '504 Gateway Timeout',
    ]);
    expect(rowText(tables[1] as Table, 2)).toEqual(['401 Unauthorized', 'You must enter a username and password to access the requested page.']);
  });

  it('puts each table in its list item, labelled by the <a name> on the line above it', () => {
    const list = all(blocks, 'list')[0] as List;
    expect(list.children.map((i) => i.children.map((c) => c.type))).toEqual([
      ['paragraph', 'target', 'table'],
      ['paragraph', 'target', 'table'],
    ]);
    expect(tables.map((t) => t.labels)).toEqual([['table5683702611201'], ['table3221958111201']]);
    const anchor = list.children[0]?.children[1] as Target;
    expect(anchor).toMatchObject({ name: 'table5683702611201', origin: 'html' });
    expect(anchor.position).toEqual({ start: { line: 5, column: 5, offset: 69 }, end: { line: 5, column: 38, offset: 102 } });
    expect(at(text, anchor.position)).toBe('<a name="table5683702611201"></a>');
    // The page anchor in the title labels the section.
    expect((blocks[1] as Section).labels).toEqual(['en-us_topic_0053158690']);
  });

  // mdast strips the 4-space list indentation from every line of the HTML
  // block after the first; rehype-raw then puts those lines 4 columns off.
  // These positions are on such lines and include the indentation.
  it('positions cells on the lines after the first exactly, indentation included', () => {
    const [t1, t2] = tables as [Table, Table];
    expect(t1.position).toEqual({ start: { line: 6, column: 5, offset: 107 }, end: { line: 33, column: 13, offset: 2456 } });
    expect(at(text, t1.position).startsWith('<table>')).toBe(true);
    expect(at(text, t1.position).endsWith('</table>')).toBe(true);

    // Header cell 2 starts a line: column 5 is right after the 4 spaces.
    const th2 = t1.children[0]?.children[1] as TableCell;
    expect(th2.position).toEqual({ start: { line: 8, column: 5, offset: 346 }, end: { line: 9, column: 10, offset: 518 } });
    expect(lines[7]?.slice(0, 8)).toBe('    <th ');
    expect(at(text, th2.position)).toMatch(/^<th class="cellrowborder"[^]*<\/th>$/);

    // "200 OK": its <td> on line 12, after `    <tbody><tr id="row2352145611201">`.
    const ok = t1.children[1]?.children[0] as TableCell;
    expect(ok.position).toEqual({ start: { line: 12, column: 38, offset: 579 }, end: { line: 13, column: 10, offset: 758 } });
    expect(lines[11]?.indexOf('<td') ?? -1).toBe(37);
    expect(at(text, ok.position).startsWith('<td class="cellrowborder"')).toBe(true);
    expect(at(text, ok.position).endsWith('</td>')).toBe(true);
    const okText = all([ok], 'text')[0];
    expect(okText?.position).toEqual({ start: { line: 12, column: 197, offset: 738 }, end: { line: 12, column: 203, offset: 744 } });
    expect(at(text, okText?.position)).toBe('200 OK');

    // Its description cell starts line 14.
    const okDesc = t1.children[1]?.children[1] as TableCell;
    expect(lc(okDesc.position)).toBe('14:5-15:10');
    expect(at(text, okDesc.position)).toMatch(/^<td [^]*The server has successfully processed the request\.<\/p>\n {4}<\/td>$/);

    // The anchor inside the cell (written twice in the source, kept once).
    const cellAnchors = all([ok], 'target');
    expect(cellAnchors.map((a) => a.name)).toEqual(['p2618974411201']);
    expect(cellAnchors[0]?.position).toEqual({ start: { line: 12, column: 139, offset: 680 }, end: { line: 12, column: 168, offset: 709 } });
    expect(at(text, cellAnchors[0]?.position)).toBe('<a name="p2618974411201"></a>');

    // Second table, deep into the block: 403 and 504.
    const forbidden = t2.children[3]?.children[0] as TableCell;
    expect(textOf([forbidden])).toBe('403 Forbidden');
    expect(forbidden.position?.start).toEqual({ line: 54, column: 31, offset: 3958 });
    expect(at(text, all([forbidden], 'text')[0]?.position)).toBe('403 Forbidden');
    const forbiddenDesc = t2.children[3]?.children[1] as TableCell;
    expect(at(text, all([forbiddenDesc], 'text')[0]?.position)).toBe('You are forbidden to access the requested page.');
    const last = t2.children[14]?.children[0] as TableCell;
    expect(textOf([last])).toBe('504 Gateway Timeout');
    expect(last.position?.start).toEqual({ line: 109, column: 31, offset: 9326 });
    expect(at(text, all([last], 'target')[0]?.position)).toBe('<a name="p2987660911201"></a>');
    expect(t2.position?.end).toEqual({ line: 115, column: 13, offset: 9777 });
  });

  it('keeps row and cell ids as data, not as targets', () => {
    const t1 = tables[0] as Table;
    expect(t1.children[0]?.data).toEqual({ id: 'row5526436211201' });
    expect(t1.children[0]?.children[0]?.data).toEqual({ id: 'mcps1.1.3.1.1' });
    // The page's targets: the title anchor, two table anchors, one per cell paragraph.
    const targets = all(blocks, 'target');
    expect(targets).toHaveLength(1 + 2 + 2 * (5 + 15));
    expect(targets.every((t) => t.origin === 'html')).toBe(true);
  });
});

describe('robustness', () => {
  const inputs: Array<[string, string]> = [
    ['empty', ''],
    ['BOM only', '\uFEFF'],
    ['BOM and CRLF', '\uFEFF# T<a name="t"></a>\r\n\r\n-   x\r\n\r\n    <table><tr><td>a</td></tr>\r\n    </table>\r\n'],
    ['lone surrogates', '\uD800 <a name="\uDC00">\uD800</a>'],
    ['unclosed table', '<table><tr><td>a'],
    ['broken attributes', '<a name=>x</a> <a name="unterminated>y'],
    ['unbalanced inline tags', '</a></a><a href="x"><b><i>x</b></a>'],
    ['tabs before HTML in a list', '-\t<table>\n\t<tr><td>a</td></tr>\n\t</table>\n'],
    ['empty caption', '**Table 1**\n\n<table></table>\n'],
    ['figure without image', '**Figure 1** x\n\ntext\n'],
    ['note without body', '>![](/images/icon-note.gif) **NOTE:**\n'],
  ];
  for (const [name, text] of inputs) {
    it(`does not throw and keeps positions inside the input: ${name}`, () => {
      const { blocks, messages } = md(text);
      expect(messages.filter((m) => m.code === 'internal-error')).toEqual([]);
      const check = (n: Node, parent: Position | undefined): void => {
        const p = n.position;
        if (p !== undefined) {
          expect(p.start.offset).toBeGreaterThanOrEqual(parent?.start.offset ?? 0);
          expect(p.end.offset).toBeLessThanOrEqual(parent?.end.offset ?? text.length);
          expect(p.start.offset).toBeLessThanOrEqual(p.end.offset);
        }
        if ('children' in n) for (const c of n.children as Node[]) check(c, p ?? parent);
      };
      for (const b of blocks) check(b, undefined);
    });
  }

  it('reports a document nested too deeply for micromark instead of throwing', () => {
    const { blocks, messages } = md('>'.repeat(10000) + ' x');
    expect(Array.isArray(blocks)).toBe(true);
    for (const m of messages) expect(m.code).toBe('markdown-nesting');
  });

  it('reports HTML nested deeper than the converter goes and keeps the rest raw', () => {
    const { blocks, messages } = md('<div>'.repeat(1000) + 'x');
    expect(messages.map((m) => [m.code, m.severity])).toEqual([['html-nesting', 'warning']]);
    expect(all(blocks, 'html')).toHaveLength(1);
  });

  it('stays linear on many unmatched inline tags', () => {
    const text = 'a ' + '<span>'.repeat(5000) + 'x' + '</b>'.repeat(5000);
    const { blocks } = md(text);
    expect(textOf(blocks)).toBe('a x');
  });
});

// Keep the Inline type import used (it documents what `textOf` walks).
export type { Inline };
