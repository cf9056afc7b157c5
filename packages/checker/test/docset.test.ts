import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { labels as parserLabels, parse, visit } from '@docdrift/parser';
import { buildDocSet, projectUrlSegment } from '../src/docset.js';
import { docutilsId } from '../src/labels.js';
import { scanPage } from '../src/labels.js';
import { lines } from './helpers.js';

describe('doc sets', () => {
  it('docutils ids of labels (the published anchors)', () => {
    expect(docutilsId('elb_ug_sj_0001')).toBe('elb-ug-sj-0001');
    expect(docutilsId('en-us_topic_0110305014')).toBe('en-us-topic-0110305014');
    expect(docutilsId('apig-en-api-180328012__table11812530035')).toBe('apig-en-api-180328012-table11812530035');
  });

  it('project URL segments', () => {
    expect(projectUrlSegment('api-ref/source')).toBe('api-ref');
    expect(projectUrlSegment('doc/best-practice/source')).toBe('best-practice');
    expect(projectUrlSegment('doc/source')).toBe('');
    expect(projectUrlSegment('umn/source')).toBe('umn');
  });

  it('maps pages to published URLs and URLs back to pages (corpus scheme, sites per repository)', () => {
    const ds = buildDocSet(
      {
        files: [
          { file: 'dc/umn/source/getting_started/index.rst', text: lines('.. _dc_01:', '', 'Getting started', '===============') },
          { file: 'dc-swiss/api-ref/source/api_v3/index.rst', text: lines('API v3', '======') },
        ],
        projects: [
          { root: 'dc/umn/source', source: 'config' },
          { root: 'dc-swiss/api-ref/source', source: 'config' },
        ],
      },
      {
        sites: [
          { root: 'dc', baseUrl: 'https://docs.otc.t-systems.com/direct-connect/' },
          { root: 'dc-swiss', baseUrl: 'https://docs.sc.otc.t-systems.com/direct-connect/' },
        ],
      },
    );
    const umn = ds.pageByFile('dc/umn/source/getting_started/index.rst');
    expect(umn?.url).toBe('https://docs.otc.t-systems.com/direct-connect/umn/getting_started/index.html');
    expect(ds.pageByFile('dc-swiss/api-ref/source/api_v3/index.rst')?.url).toBe('https://docs.sc.otc.t-systems.com/direct-connect/api-ref/api_v3/index.html');
    expect(ds.urlOf(umn!, 'dc_01')).toBe('https://docs.otc.t-systems.com/direct-connect/umn/getting_started/index.html#dc-01');
    const res = ds.resolveUrl('https://docs.otc.t-systems.com/direct-connect/umn/getting_started/index.html#dc-01');
    expect(res?.via).toBe('path');
    expect(res?.page).toBe(umn);
    expect(res?.anchorLabels.map((d) => d.name)).toEqual(['dc_01']);
    expect(ds.resolveUrl('https://docs.otc.t-systems.com/direct-connect/umn/getting_started/')?.page).toBe(umn);
    expect(ds.resolveUrl('https://docs.otc.t-systems.com/direct-connect/umn/gone.html')).toMatchObject({ via: 'path', page: undefined, relPath: 'gone.rst' });
    expect(ds.resolveUrl('https://www.python.org/')).toBeUndefined();
    expect(ds.resolveUrl('mailto:x@y')).toBeUndefined();
  });

  it('label index: case-insensitive, with positions; scanned for context pages', () => {
    const ds = buildDocSet(
      {
        files: [
          { file: 'a.rst', text: lines('.. _Mixed_Case:', '', 'A', '=') },
          { file: 'b.rst', text: lines('B', '=', '', '   .. _indented:', '', 'x'), check: false },
        ],
      },
      {},
    );
    const p = ds.projects[0]!;
    expect(p.labels.complete).toBe(true);
    expect(p.labels.has('MIXED_case')).toBe(true);
    expect(p.labels.get('mixed_case')[0]).toMatchObject({ name: 'Mixed_Case', context: 'block' });
    expect(p.labels.get('indented')[0]?.page.file).toBe('b.rst');
    expect(p.labels.keys()).toEqual(['indented', 'mixed_case']);
    expect(p.labels.get('mixed_case')[0]?.target).toMatchObject({ kind: 'page', title: 'A' });
  });

  it('light scan agrees with the parser on page metadata', () => {
    const rst = lines(':original_name: topic_7.html', '', '.. _topic_7:', '', 'Title Here', '==========', '', '.. _in_body:', '', 'x');
    expect(scanPage(rst, 'rst')).toEqual({
      labels: [
        { name: 'topic_7', label: 'topic_7', line: 3, column: 1, offset: 30, context: 'block' },
        { name: 'in_body', label: 'in_body', line: 8, column: 1, offset: 67, context: 'block' },
      ],
      originalName: 'topic_7',
      title: 'Title Here',
      pageLabels: ['topic_7'],
    });
    const ds = buildDocSet({ files: [{ file: 'p.rst', text: rst }] }, {});
    const page = ds.pages[0]!;
    expect([page.title, page.originalName, page.pageLabels]).toEqual(['Title Here', 'topic_7', ['topic_7']]);
    expect(scanPage(lines('# Heading<a name="T_1"></a>', '', '<a name="x"></a>'), 'markdown')).toMatchObject({ title: 'Heading', pageLabels: ['t_1'] });
  });

  it('the light scan finds every label the parser finds (seeds, cells, list items, options, HTML anchors)', () => {
    const dir = fileURLToPath(new URL('../../../docs-sources/http-status-codes/', import.meta.url));
    const texts: Array<[string, string]> = readdirSync(dir).map((f) => [f, readFileSync(dir + f, 'utf8')]);
    texts.push([
      'cells.rst',
      lines(
        'T',
        '=',
        '',
        '- item',
        '',
        '  .. _in_list:',
        '',
        '  text',
        '',
        '+------------------+-----+',
        '| .. _in_cell:     | x   |',
        '|                  |     |',
        '| cell             |     |',
        '+------------------+-----+',
        '',
        '.. table:: Named',
        '   :name: named-table',
        '',
        '   ====  ====',
        '   a     b',
        '   ====  ====',
        '   1     2',
        '   ====  ====',
        '',
        '.. _`Quoted Label`:',
        '',
        'x',
      ),
    ]);
    for (const [file, text] of texts) {
      const root = parse(text, { path: file }).root;
      const parsed = new Set(parserLabels(root).map((l) => l.label));
      const scanned = new Set(scanPage(text, root.format).labels.map((l) => l.label));
      expect([...parsed].filter((l) => !scanned.has(l)), file).toEqual([]);
    }
  });

  it('label targets come from a light scan and agree with the parsed page', () => {
    const text = lines(
      ':original_name: p.html',
      '',
      '.. _page_label:',
      '',
      'Page **Title**',
      '==============',
      '',
      '.. _sec:',
      '',
      'A Section',
      '---------',
      '',
      '.. _t1:',
      '',
      '.. table:: **Table 1** First *table*',
      '',
      '   ====  ====',
      '   a     b',
      '   ====  ====',
      '   1     2',
      '   ====  ====',
      '',
      '.. table:: **Table 2** Second',
      '   :name: t2',
      '',
      '   ====  ====',
      '   a     b',
      '   ====  ====',
      '   1     2',
      '   ====  ====',
      '',
      '.. _fig:',
      '',
      '.. figure:: /img.png',
      '   :alt: x',
      '',
      '   **Figure 1** Flow',
      '',
      '.. _loose:',
      '',
      'Just a paragraph.',
    );
    const ds = buildDocSet({ files: [{ file: 'p.rst', text }] }, {});
    const idx = ds.projects[0]!.labels;
    const t = (l: string) => idx.get(l)[0]!.target;
    expect(t('page_label')).toMatchObject({ kind: 'page', title: 'Page Title' });
    expect(t('sec')).toMatchObject({ kind: 'section', title: 'A Section', section: { depth: 2, position: { start: { line: 10, column: 1 } } } });
    expect(t('t1')).toMatchObject({ kind: 'table', index: 1, caption: { kind: 'Table', number: 1, text: 'First table', position: { start: { line: 15, column: 12 } } } });
    expect(t('t2')).toMatchObject({ kind: 'table', index: 2, caption: { kind: 'Table', number: 2, text: 'Second' } });
    expect(t('fig')).toMatchObject({ kind: 'figure', index: 1, caption: { kind: 'Figure', number: 1, text: 'Flow' } });
    expect(t('loose')).toEqual({ kind: 'other', node: undefined });
    // The parser sees the same captions at the same places.
    const parsed = parse(text, { path: 'p.rst' }).root;
    const captions: unknown[] = [];
    visit(parsed, (n) => {
      if ((n.type === 'table' || n.type === 'figure') && n.caption) captions.push([n.caption.kind, n.caption.number, n.caption.text, n.caption.position.start.line, n.caption.position.start.column]);
    });
    expect(captions).toEqual([
      ['Table', 1, 'First table', 15, 12],
      ['Table', 2, 'Second', 23, 12],
      ['Figure', 1, 'Flow', 37, 4],
    ]);
    const md = lines('# Page<a name="top"></a>', '', '**Table 1** Codes<a name="tab"></a>', '', '<table><tr><td>1</td></tr></table>');
    const mds = buildDocSet({ files: [{ file: 'p.md', text: md }] }, {}).projects[0]!.labels;
    expect(mds.get('top')[0]!.target).toMatchObject({ kind: 'page', title: 'Page' });
    expect(mds.get('tab')[0]!.target).toMatchObject({ kind: 'table', index: 1, caption: { number: 1, text: 'Codes' } });
  });

  it('groups the five seed pages of docs-sources into one variant group by content', () => {
    const dir = fileURLToPath(new URL('../../../docs-sources/http-status-codes/', import.meta.url));
    const files = readdirSync(dir).map((f) => ({ file: `docs-sources/http-status-codes/${f}`, text: readFileSync(dir + f, 'utf8') }));
    const unrelated = { file: 'docs-sources/other/install.rst', text: lines('Installing the CLI', '==================', '', 'Download the archive, unpack it and add the folder to your PATH.') };
    const ds = buildDocSet({ files: [...files, unrelated] }, { groupByContent: ['docs-sources'] });
    expect(ds.variantGroups).toHaveLength(1);
    expect(ds.variantGroups[0]?.by).toBe('content');
    expect(ds.variantGroups[0]?.members.map((m) => m.page.file.split('/').pop())).toEqual([
      'apig-absolute-self-link.rst',
      'apig-internal-ref.rst',
      'apig-rfc-wording.rst',
      'two-tables-markdown-export.md',
      'two-tables.rst',
    ]);
    expect(ds.variantGroupOf(ds.pageByFile(unrelated.file)!)).toBeUndefined();
  });
});
