import { describe, expect, it } from 'vitest';
import { labels, parse, references, tables, toText, visit, type Node, type Position, type Root } from '../src/index.js';

const rst = (text: string) => parse(text, { format: 'rst' });
const at = (text: string, p: Position | undefined) => (p ? text.slice(p.start.offset, p.end.offset) : undefined);

function find<T extends Node['type']>(root: Root, type: T): Array<Extract<Node, { type: T }>> {
  const out: Array<Extract<Node, { type: T }>> = [];
  visit(root, (n) => {
    if (n.type === type) out.push(n as Extract<Node, { type: T }>);
  });
  return out;
}

describe('sections', () => {
  it('nests sections by adornment style in order of first use, with or without overline', () => {
    const text = '=====\nTitle\n=====\n\nIntro.\n\nPart\n----\n\nSub\n~~~\n\nBody.\n\nOther\n-----\n';
    const { root, messages } = rst(text);
    expect(messages).toEqual([]);
    const top = root.children[0]!;
    expect(top.type).toBe('section');
    expect(top.type === 'section' && top.depth).toBe(1);
    const headings = find(root, 'heading');
    expect(headings.map((h) => [toText(h), h.depth, h.marker])).toEqual([
      ['Title', 1, '=over'],
      ['Part', 2, '-'],
      ['Sub', 3, '~'],
      ['Other', 2, '-'],
    ]);
    expect(headings[1]?.position?.start).toEqual({ line: 7, column: 1, offset: 27 });
    expect(text.slice(27, 31)).toBe('Part');
  });

  it('warns about a short underline like docutils', () => {
    const { messages } = rst('A long title\n=====\n');
    expect(messages).toEqual([expect.objectContaining({ code: 'title-underline-too-short', message: 'Title underline too short.', line: 2 })]);
  });

  // docutils (and so Sphinx) reports a title that skips a level as SEVERE "Title level inconsistent" and
  // makes no section of it. Before, docdrift made a section two levels deeper and said nothing.
  it('reports a title that skips a level, as docutils does, and keeps it one level below the current section', () => {
    // 1 Top, 2 Sub (-), 3 Subsub (~); Another (=) is level 1, X (~, a level-3 style) would skip level 2;
    // Y (-) is level 2; Z and W (^, a new style) would start level 4 under a level-2 section.
    const text = 'Top\n===\n\nSub\n---\n\nSubsub\n~~~~~~\n\nAnother\n=======\n\nX\n~\n\nY\n-\n\n====\nZ\n====\n\nW\n^\n';
    const { root, messages } = rst(text);
    expect(messages.map((m) => [m.severity, m.code, m.message, m.line, at(text, m.position)])).toEqual([
      ['error', 'title-level-inconsistent', 'Title level inconsistent.', 13, 'X'],
      ['error', 'title-level-inconsistent', 'Title level inconsistent.', 20, 'Z'],
      ['error', 'title-level-inconsistent', 'Title level inconsistent.', 23, 'W'],
    ]);
    expect(find(root, 'heading').map((h) => [toText(h), h.depth])).toEqual([
      ['Top', 1],
      ['Sub', 2],
      ['Subsub', 3],
      ['Another', 1],
      ['X', 2],
      ['Y', 2],
      ['Z', 3],
      ['W', 4],
    ]);
    // A consistent page has no such message: a known style may close several levels at once.
    expect(rst('A\n=\n\nB\n-\n\nC\n~\n\nD\n=\n\nE\n-\n').messages).toEqual([]);
  });
});

describe('labels', () => {
  it('finds labels at block level, in list items (- and #.) and in table cells, case-insensitively', () => {
    const text = [
      '.. _Page-Label:',
      '',
      'Title',
      '=====',
      '',
      '-  .. _Bullet_Item:',
      '',
      '   Bullet text.',
      '',
      '#. .. _enum_item:',
      '',
      '   Enumerated text.',
      '',
      '+------------------------+-------+',
      '| .. _cell_label:        | Value |',
      '|                        |       |',
      '| Key                    |       |',
      '+------------------------+-------+',
      '',
    ].join('\n');
    const { root, messages } = rst(text);
    expect(messages).toEqual([]);
    expect(labels(root).map((l) => [l.label, l.name, l.context, l.position?.start.line, l.position?.start.column])).toEqual([
      ['page-label', 'Page-Label', 'block', 1, 1],
      ['bullet_item', 'Bullet_Item', 'list-item', 6, 4],
      ['enum_item', 'enum_item', 'list-item', 10, 4],
      ['cell_label', 'cell_label', 'table-cell', 15, 3],
    ]);
  });

  it('reports the :name: of figures and tables as labels', () => {
    const { root } = rst('.. figure:: x.png\n   :name: Fig-A\n\n   **Figure 1** Flow\n\n.. table:: **Table 1** T\n   :name: tab-b\n\n   ===== =====\n   A     B\n   ===== =====\n');
    expect(labels(root).map((l) => [l.label, l.context, l.position?.start.line])).toEqual([
      ['fig-a', 'option', 1],
      ['tab-b', 'option', 6],
    ]);
  });

  it('keeps named and anonymous hyperlink targets apart from labels', () => {
    const text = '.. _docs: https://example.com/docs\n.. __: https://example.com/anon\n__ https://example.com/short\n';
    const { root } = rst(text);
    const targets = find(root, 'target');
    expect(targets.map((t) => [t.name, t.url, Boolean(t.anonymous)])).toEqual([
      ['docs', 'https://example.com/docs', false],
      ['', 'https://example.com/anon', true],
      ['', 'https://example.com/short', true],
    ]);
    expect(labels(root)).toEqual([]);
  });

  it('attaches a label to the table directive below it, plus :name:', () => {
    const text = '.. _tab:\n\n.. table:: **Table 2** Parameters\n   :name: tab-param\n\n   ===== =====\n   A     B\n   ===== =====\n   x     y\n   ===== =====\n';
    const { root, messages } = rst(text);
    expect(messages).toEqual([]);
    const [t] = tables(root);
    expect(t?.labels).toEqual(['tab', 'tab-param']);
    expect(t?.caption).toMatchObject({ kind: 'Table', number: 2, text: 'Parameters' });
    expect(t?.headerRows.map((r) => r.map((c) => c.text))).toEqual([['A', 'B']]);
    expect(t?.bodyRows.map((r) => r.map((c) => c.text))).toEqual([['x', 'y']]);
  });
});

describe('inline markup', () => {
  it('reads :ref: with and without text, :doc:, :numref:, other roles', () => {
    const text = 'See :ref:`Table 1 <My_Label>`, :ref:`other`, :doc:`/path/page`, :numref:`fig-x` and :guilabel:`OK`.\n';
    const { root } = rst(text);
    expect(references(root).map((r) => [r.kind, r.target, r.text, r.explicit])).toEqual([
      ['ref', 'my_label', 'Table 1', true],
      ['ref', 'other', 'other', false],
      ['doc', '/path/page', '/path/page', false],
      ['numref', 'fig-x', 'fig-x', false],
    ]);
    expect(find(root, 'role').map((r) => [r.role, r.value])).toEqual([['guilabel', 'OK']]);
    const ref = find(root, 'crossReference')[0];
    expect(at(text, ref?.position)).toBe(':ref:`Table 1 <My_Label>`');
  });

  // Sphinx's XRefRole: a leading `!` makes no reference at all (the text only, so no warning when the
  // target is missing); a `~` shortens the text of domain roles only, so `ref`/`doc`/`numref` keep it in
  // the target (and Sphinx warns about `~label`). Before, docdrift stripped both and checked the rest.
  it('a :ref: written with ! is text, not a reference; a ~ stays in the target', () => {
    const text = 'See :ref:`!old-label`, :ref:`!Old title <gone>`, :ref:`~label` and :doc:`~/page`.\n';
    const { root } = rst(text);
    expect(references(root).map((r) => [r.kind, r.target, r.text])).toEqual([
      ['ref', '~label', '~label'],
      ['doc', '~/page', '~/page'],
    ]);
    expect(find(root, 'role').map((r) => [r.role, r.value, at(text, r.position)])).toEqual([
      ['ref', 'old-label', ':ref:`!old-label`'],
      ['ref', 'Old title <gone>', ':ref:`!Old title <gone>`'],
    ]);
  });

  it('reads hyperlinks, standalone URLs, emphasis, strong, literals and escapes', () => {
    const text = 'A `named <https://a.example/x>`_ and `anon <https://b.example/y>`__ link,\nhttps://c.example/z, *em*, **strong**, ``co*de``, \\*not em\\* and `Ref`_.\n';
    const { root } = rst(text);
    const links = find(root, 'link');
    expect(links.map((l) => [l.url, toText(l.children), Boolean(l.anonymous), l.refname])).toEqual([
      ['https://a.example/x', 'named', false, undefined],
      ['https://b.example/y', 'anon', true, undefined],
      ['https://c.example/z', 'https://c.example/z', false, undefined],
      ['', 'Ref', false, 'ref'],
    ]);
    expect(find(root, 'emphasis').map((e) => toText(e))).toEqual(['em']);
    expect(find(root, 'strong').map((e) => toText(e))).toEqual(['strong']);
    expect(find(root, 'inlineCode').map((e) => e.value)).toEqual(['co*de']);
    expect(toText(root)).toContain('*not em* and');
    // the URL on the second line keeps its source position
    expect(links[2]?.position?.start).toEqual({ line: 2, column: 1, offset: 74 });
    expect(at(text, links[2]?.position)).toBe('https://c.example/z');
  });

  it('reads substitution definitions and references', () => {
    const text = 'Click |image1| now.\n\n.. |image1| image:: /_static/images/en-us_image_0001.png\n';
    const { root } = rst(text);
    expect(find(root, 'substitutionReference').map((s) => s.name)).toEqual(['image1']);
    expect(find(root, 'substitutionDefinition').map((s) => [s.name, s.directive, s.value])).toEqual([
      ['image1', 'image', '/_static/images/en-us_image_0001.png'],
    ]);
  });
});

describe('directives', () => {
  it('reads admonitions, code blocks, toctree, figures and comments', () => {
    const text = [
      '.. note::',
      '',
      '   Mind the gap.',
      '',
      '.. caution:: Inline body.',
      '',
      '.. code-block:: json',
      '   :emphasize-lines: 1',
      '',
      '   {"a": 1}',
      '',
      '.. toctree::',
      '   :maxdepth: 1',
      '',
      '   intro',
      '   Details <details/index>',
      '',
      '.. _fig-x:',
      '',
      '.. figure:: /_static/images/x.png',
      '   :width: 300',
      '',
      '   **Figure 3** Network topology',
      '',
      '.. a comment',
      '   spanning lines',
    ].join('\n');
    const { root, messages } = rst(text);
    expect(messages).toEqual([]);
    expect(find(root, 'admonition').map((a) => [a.name, toText(a.children)])).toEqual([
      ['note', 'Mind the gap.'],
      ['caution', 'Inline body.'],
    ]);
    expect(find(root, 'code').map((c) => [c.lang, c.value])).toEqual([['json', '{"a": 1}']]);
    const [toc] = find(root, 'toctree');
    expect(toc?.options).toEqual({ maxdepth: '1' });
    expect(toc?.entries.map((e) => [e.title, e.target, e.position.start.line])).toEqual([
      [undefined, 'intro', 15],
      ['Details', 'details/index', 16],
    ]);
    const [fig] = find(root, 'figure');
    expect(fig).toMatchObject({ url: '/_static/images/x.png', labels: ['fig-x'], options: { width: '300' } });
    expect(fig?.caption).toMatchObject({ kind: 'Figure', number: 3, text: 'Network topology' });
    expect(find(root, 'comment').map((c) => c.value)).toEqual(['a comment\nspanning lines']);
  });

  it('keeps unknown directives with name, arguments, options and body', () => {
    const text = '.. release-notes:: v1.2\n   :class: wide\n\n   Fixed a bug in :ref:`x`.\n';
    const { root } = rst(text);
    const [d] = find(root, 'directive');
    expect(d).toMatchObject({ name: 'release-notes', args: 'v1.2', options: { class: 'wide' }, value: 'Fixed a bug in :ref:`x`.' });
    expect(references(root).map((r) => r.target)).toEqual(['x']);
  });

  it('a figure in a table cell gives its caption to the cell\'s text, as docutils\' astext() does', () => {
    // The corpus's Swiss Direct Connect pages show the console region in a figure inside a cell.
    const text = [
      '.. table:: **Table 1** Parameters',
      '',
      '   +-----------+-------------------------------------------+',
      '   | Parameter | Description                               |',
      '   +===========+===========================================+',
      '   | Region    | The region.                               |',
      '   |           |                                           |',
      '   |           | .. figure:: /_static/images/region.png    |',
      '   |           |                                           |',
      '   |           |    **Figure 1** Region                    |',
      '   +-----------+-------------------------------------------+',
      '',
    ].join('\n');
    const [t] = tables(rst(text).root);
    expect(t?.bodyRows[0]?.map((c) => c.text)).toEqual(['Region', 'The region. Figure 1 Region']);
    expect(toText(find(rst(text).root, 'figure')[0] as Node)).toBe('Figure 1 Region');
  });

  it('reads list-table and csv-table with inline content', () => {
    const text = [
      '.. list-table:: **Table 4** Limits',
      '   :header-rows: 1',
      '',
      '   * - Name',
      '     - Value',
      '   * - max',
      '     - 10',
      '',
      '.. csv-table:: Codes',
      '   :header: "Code", "Meaning"',
      '',
      '   200, "OK, fine"',
      '   404, Not Found',
    ].join('\n');
    const { root, messages } = rst(text);
    expect(messages).toEqual([]);
    const [lt, csv] = tables(root);
    expect(lt?.source).toBe('list-table');
    expect(lt?.caption).toMatchObject({ number: 4, text: 'Limits' });
    expect(lt?.headerRows.map((r) => r.map((c) => c.text))).toEqual([['Name', 'Value']]);
    expect(lt?.bodyRows.map((r) => r.map((c) => c.text))).toEqual([['max', '10']]);
    expect(csv?.source).toBe('csv-table');
    expect(csv?.headerRows.map((r) => r.map((c) => c.text))).toEqual([['Code', 'Meaning']]);
    expect(csv?.bodyRows.map((r) => r.map((c) => c.text))).toEqual([
      ['200', 'OK, fine'],
      ['404', 'Not Found'],
    ]);
    expect(at(text, csv?.bodyRows[0]?.[1]?.position)).toBe('OK, fine');
  });
});

describe('lists', () => {
  it('reads bullet and enumerated lists in every style, nested', () => {
    const text = '- one\n\n  a) sub a\n  b) sub b\n\n- two\n\n1. first\n2. second\n\n#. auto\n#. auto\n\n(i) roman\n(ii) roman\n';
    const { root, messages } = rst(text);
    expect(messages).toEqual([]);
    const lists = find(root, 'list');
    expect(lists.map((l) => [l.marker, l.ordered, l.children.length, l.start])).toEqual([
      ['-', false, 2, undefined],
      ['a)', true, 2, 1],
      ['1.', true, 2, 1],
      ['#.', true, 2, undefined],
      ['(i)', true, 2, 1],
    ]);
  });

  it('reads a literal block after ::', () => {
    const text = 'Example::\n\n   curl -X GET https://x\n\nAfter.\n';
    const { root } = rst(text);
    expect(find(root, 'code').map((c) => c.value)).toEqual(['curl -X GET https://x']);
    expect(toText(find(root, 'paragraph')[0]!)).toBe('Example:');
  });
});

describe('bad input', () => {
  it('reports a malformed grid table with docutils wording and goes on after it', () => {
    const text = 'Before.\n\n+-----+-----+\n| a   | b\n+-----+-----+\n\nAfter the table.\n';
    const { root, messages } = rst(text);
    expect(messages[0]).toMatchObject({ severity: 'error', code: 'malformed-table' });
    expect(messages[0]?.message.split('\n')[0]).toBe('Malformed table.');
    expect(messages[0]?.line).toBeGreaterThanOrEqual(3);
    expect(messages[0]?.line).toBeLessThanOrEqual(4);
    expect(find(root, 'paragraph').map((p) => toText(p))).toEqual(['Before.', 'After the table.']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n', '\uFEFF', '..', '.. ::', ':', '`', '**', '+', '+-', '+--+\n|', '=\n=\n=', '\r\n\r\n', '\t\t|', '-', '#.', '.. table::', '.. |x|', '.. _:']) {
      expect(() => parse(text)).not.toThrow();
      expect(parse(text).messages.filter((m) => m.code === 'internal-error')).toEqual([]);
    }
  });
});
