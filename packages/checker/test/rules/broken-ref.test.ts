import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/broken-ref.js';
import { lines, runRule } from '../helpers.js';

const api = lines('.. _api_ref:', '', 'API', '===', '', '- item', '', '  .. _in_list:', '', '  text', '', '+----------------+', '| .. _in_cell:   |', '|                |', '| cell           |', '+----------------+');

describe('broken-ref', () => {
  it('valid: labels are case-insensitive and found in list items and table cells', () => {
    const index = lines('Guide', '=====', '', 'See :ref:`API_REF`, :ref:`x <In_List>`, :numref:`t <IN_CELL>` and :ref:`api  ref <api_ref>`.');
    expect(runRule(rule, { 'index.rst': index, 'api.rst': api })).toEqual([]);
  });

  it('as Sphinx: `:ref:`!x`` is no reference (nothing to resolve); `:ref:`~api_ref`` looks up the label "~api_ref"', () => {
    const index = lines('Guide', '=====', '', 'See :ref:`!removed_label`, :ref:`!Old <gone>` and :ref:`~api_ref`.');
    expect(runRule(rule, { 'index.rst': index, 'api.rst': api }, { check: ['index.rst'] }).map((f) => [f.line, f.column, f.message])).toEqual([
      [4, 51, ':ref: to undefined label `~api_ref` (no such label in this project)'],
    ]);
  });

  it('valid: a label on a page that is not checked but belongs to the project', () => {
    const index = lines('Guide', '=====', '', 'See :ref:`api_ref`.');
    expect(runRule(rule, { 'index.rst': index, 'api.rst': api }, { check: ['index.rst'] })).toEqual([]);
  });

  it('valid: Markdown HTML anchors and :name: options are labels', () => {
    const md = lines('# Page<a name="topic_1"></a>', '', 'text');
    const rst = lines('T', '=', '', '.. table:: Caption', '   :name: named-table', '', '   ====  ====', '   a     b', '   ====  ====', '   1     2', '   ====  ====', '', ':ref:`topic_1` :ref:`named-table`');
    expect(runRule(rule, { 'a.md': md, 'b.rst': rst })).toEqual([]);
  });

  it('invalid: an undefined label, at the role position', () => {
    const index = lines('Guide', '=====', '', 'See :ref:`the API <api-reference>` and :numref:`missing`.');
    expect(runRule(rule, { 'index.rst': index, 'api.rst': api })).toEqual([
      { file: 'index.rst', line: 4, column: 5, endLine: 4, endColumn: 35, message: ':ref: to undefined label `api-reference` (no such label in this project)' },
      { file: 'index.rst', line: 4, column: 40, endLine: 4, endColumn: 57, message: ':numref: to undefined label `missing` (no such label in this project)' },
    ]);
  });

  it('invalid: a label of another project does not count, and the message names it', () => {
    const umn = lines('User guide', '==========', '', 'See :ref:`api_ref`.');
    expect(
      runRule(rule, { 'umn/source/index.rst': umn, 'api-ref/source/api.rst': api }, { config: { projects: [{ root: 'umn/source' }, { root: 'api-ref/source' }] } }),
    ).toEqual([
      {
        file: 'umn/source/index.rst',
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 19,
        message: ':ref: to label `api_ref`, which is not defined in project `umn/source`; it is defined in project `api-ref/source`, and :ref: does not cross projects',
        related: [{ file: 'api-ref/source/api.rst', line: 1, column: 1, message: '`api_ref` is defined here, in another project' }],
      },
    ]);
  });

  it('says nothing when the label index cannot be complete', () => {
    const index = lines('Guide', '=====', '', 'See :ref:`elsewhere`.');
    expect(runRule(rule, { 'index.rst': index }, { complete: false })).toEqual([]);
  });

  it('projects from loader hints: each file belongs to its nearest project root', () => {
    const a = lines('A', '=', '', '.. _shared:', '', 'x');
    const b = lines('B', '=', '', ':ref:`shared`');
    const found = runRule(rule, { 'p1/a.rst': a, 'p2/b.rst': b }, { projects: [{ root: 'p1', source: 'conf.py' }, { root: 'p2', source: 'conf.py' }] });
    expect(found.map((f) => [f.file, f.line, f.column])).toEqual([['p2/b.rst', 4, 1]]);
  });

  it('ignores :doc: references and literal text', () => {
    const index = lines('Guide', '=====', '', 'See :doc:`nowhere` and ``:ref:`nope```.', '', '::', '', '   :ref:`in-code`');
    expect(runRule(rule, { 'index.rst': index })).toEqual([]);
  });
});
