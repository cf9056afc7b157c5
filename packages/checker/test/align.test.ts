import { describe, expect, it } from 'vitest';
import { alignGroup, driftSummary, summarize } from '../src/align/index.js';
import { buildDocSet } from '../src/docset.js';
import { lines } from './helpers.js';

/** A status table; each row is `code phrase|description`. */
const status = (rows: string[], caption = 'Status codes'): string =>
  lines(
    'Status Codes',
    '============',
    '',
    `.. table:: **Table 1** ${caption}`,
    '',
    '   ================= ===============',
    '   Status Code       Description',
    '   ================= ===============',
    ...rows.map((r) => `   ${(r.split('|')[0] ?? '').padEnd(17)} ${r.split('|')[1]}`),
    '   ================= ===============',
  );

const docSet = (files: Record<string, string>, variants: Record<string, string>) => buildDocSet({ files: Object.entries(files).map(([file, text]) => ({ file, text })) }, { variants });

describe('alignGroup', () => {
  it('aligns a table that one variant splits in two with the others\' single table, rows by code', () => {
    const one = status(['200 OK|Success.', '201 Created|Made.', '404 Not Found|Nothing.']);
    const split = lines(
      'Status Codes', '============', '',
      '.. table:: **Table 1** Normal status codes', '', '   =========== ===============', '   Status Code Description', '   =========== ===============', '   200 OK      Success.', '   201 Created Made.', '   =========== ===============', '',
      '.. table:: **Table 2** Abnormal status codes', '', '   =========== ===============', '   Status Code Description', '   =========== ===============', '   404         Nothing.', '   =========== ===============',
    );
    const ds = docSet({ 'a/p.rst': one, 'b/p.rst': split }, { a: 'a', b: 'b' });
    const g = ds.variantGroups[0];
    expect(g).toBeDefined();
    const a = alignGroup(g as NonNullable<typeof g>);
    expect(a.tables).toHaveLength(1);
    expect(a.tables[0]?.members.map((l) => l.length)).toEqual([1, 2]);
    expect(a.tables[0]?.rows.map((r) => r.key)).toEqual(['200', '201', '404']);
  });

  it('summarises each aligned table as rows × variants', () => {
    const ds = docSet(
      {
        'a/p.rst': status(['200 OK|Success.', '403 Forbidden|Denied.']),
        'b/p.rst': status(['200 OK|Success.', '403 Forbidden|Refused.']),
        'c/p.rst': status(['200 OK|Success.']),
      },
      { a: 'a', b: 'b', c: 'c' },
    );
    const [s] = driftSummary(ds, { reference: 'a' });
    expect(s?.variants).toEqual(['a', 'b', 'c']);
    expect(s?.tables.map((t) => ({ table: t.table, present: t.present, rows: t.rows.map((r) => [r.key, ...r.cells]) }))).toEqual([
      { table: 'Status codes', present: [true, true, true], rows: [['200', 'same', 'same', 'same'], ['403', 'same', 'differs', 'missing']] },
    ]);
    const g = ds.variantGroups[0] as NonNullable<(typeof ds.variantGroups)[0]>;
    expect(summarize(alignGroup(g)).tables[0]?.rows[1]?.cells).toEqual(['same', 'differs', 'missing']);
  });

  it('leaves out a member that is not the same page (a topic id reused for another page)', () => {
    const a = lines(':original_name: t1.html', '', 'Managing Tags', '=============', '', 'Add a tag to the interface to find it later.', '', 'Tags consist of a key and a value.');
    const b = lines(':original_name: t1.html', '', 'Deleting a Peer', '===============', '', 'Remove a peer that is no longer required.', '', 'This cannot be undone.');
    const ds = docSet({ 'a/x.rst': a, 'b/y.rst': b }, { a: 'a', b: 'b' });
    const g = ds.variantGroups[0] as NonNullable<(typeof ds.variantGroups)[0]>;
    expect(g.by).toBe('original-name');
    expect(alignGroup(g).variants).toEqual([]);
  });
});

describe('variant groups for drift', () => {
  it('a page of a third variant joins a group paired by path through its topic id (the Markdown export)', () => {
    const rst = lines(':original_name: vpc_0001.html', '', '.. _vpc_0001:', '', 'Overview', '========', '', 'Text.');
    const md = lines('# Overview<a name="vpc_0001"></a>', '', 'Text.');
    const ds = buildDocSet(
      { files: [{ file: 'public/a/overview.rst', text: rst }, { file: 'swiss/a/overview.rst', text: rst }, { file: 'export/api/overview.md', text: md }] },
      { variants: { public: 'public', swiss: 'swiss', export: 'export' } },
    );
    expect(ds.variantGroups.map((g) => [g.by, g.members.map((m) => m.variant)])).toEqual([['path', ['export', 'public', 'swiss']]]);
  });

  it('but not by title alone (an API v3 page and a v2.0 page are both "Deleting a Connection")', () => {
    const v2 = lines(':original_name: dc_0001.html', '', '.. _dc_0001:', '', 'Deleting a Connection', '=====================', '', 'DELETE /v2.0/connections/{id}');
    const v3 = lines(':original_name: DeleteConnection.html', '', '.. _DeleteConnection:', '', 'Deleting a Connection', '=====================', '', 'DELETE /v3/{project_id}/connections/{id}');
    const md = lines('# Deleting a Connection<a name="dc_0001"></a>', '', 'DELETE /v2.0/connections/{id}');
    const ds = buildDocSet(
      { files: [{ file: 'public/a/del.rst', text: v2 }, { file: 'swiss/v3/del.rst', text: v3 }, { file: 'export/api/del.md', text: md }] },
      { variants: { public: 'public', swiss: 'swiss', export: 'export' } },
    );
    expect(ds.variantGroups.map((g) => [g.by, g.members.map((m) => m.variant)])).toEqual([['label', ['export', 'public']]]);
  });
});
