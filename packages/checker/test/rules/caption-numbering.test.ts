import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix.js';
import rule from '../../src/rules/caption-numbering.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { lines, runRule } from '../helpers.js';

const t = (caption: string, label?: string): string[] => [
  ...(label ? [`.. _${label}:`, ''] : []),
  `.. table:: ${caption}`,
  '',
  '   ====  ====',
  '   a     b',
  '   ====  ====',
  '   1     2',
  '   ====  ====',
  '',
];

describe('caption-numbering', () => {
  it('valid: 1, 2, 3 with unnumbered captions in between, and matching references', () => {
    const page = lines('P', '=', '', ':ref:`Table 2 <two>` and :ref:`table 1 <one>`.', '', ...t('**Table 1** One', 'one'), ...t('Parameter description'), ...t('**Table 2** Two', 'two'));
    expect(runRule(rule, { 'p.rst': page })).toEqual([]);
  });

  it('invalid: a caption out of sequence, with a fix', () => {
    const page = lines('P', '=', '', ...t('**Table 1** One'), ...t('**Table 3** Two'));
    const found = runRule(rule, { 'p.rst': page });
    expect(found).toEqual([
      {
        file: 'p.rst',
        line: 12,
        column: 12,
        endLine: 12,
        endColumn: 27,
        message: 'Caption says Table 3, but it is table 2 of this page: expected Table 2',
        fix: { range: [117, 118], text: '2' },
      },
    ]);
    expect(applyFixes(page, found as Diagnostic[])).toContain('.. table:: **Table 2** Two');
  });

  it('invalid: a duplicated number', () => {
    const page = lines('P', '=', '', ...t('**Table 1** One'), ...t('**Table 1** Again'), ...t('**Table 2** Three'));
    expect(runRule(rule, { 'p.rst': page }).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '12:12 Caption says Table 1, but it is table 2 of this page: expected Table 2',
      '20:12 Caption says Table 2, but it is table 3 of this page: expected Table 3',
    ]);
  });

  it('invalid: a reference naming the wrong number, across pages', () => {
    const a = lines('A', '=', '', 'See :ref:`Table 1 <b-two>`.');
    const b = lines('B', '=', '', ...t('**Table 1** One'), ...t('**Table 2** Two', 'b-two'));
    expect(runRule(rule, { 'a.rst': a, 'b.rst': b }, { check: ['a.rst'] })).toEqual([
      {
        file: 'a.rst',
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 27,
        message: 'Reference text says Table 1, but `b-two` is attached to Table 2 in `b.rst`',
        related: [{ file: 'b.rst', line: 14, column: 12, message: '`b-two` is attached to this table' }],
        fix: { range: [21, 22], text: '2' },
      },
    ]);
  });

  it('invalid: "Table N" pointing at a figure', () => {
    const page = lines('P', '=', '', ':ref:`Table 1 <fig>`', '', '.. _fig:', '', '.. figure:: /img.png', '', '   **Figure 1** Flow', '');
    expect(runRule(rule, { 'p.rst': page }).map((f) => f.message)).toEqual(['Reference text says Table 1, but `fig` is attached to a figure']);
  });

  it('valid: references whose text is not "Table N", and labels on sections', () => {
    const page = lines('P', '=', '', ':ref:`Table 9 <sec>` :ref:`the table <one>`', '', '.. _sec:', '', 'Section', '-------', '', ...t('**Table 1** One', 'one'));
    expect(runRule(rule, { 'p.rst': page })).toEqual([]);
  });

  it('Markdown: bold captions and [Table N](#anchor) links', () => {
    const md = lines(
      '# Page',
      '',
      'See [Table 2](#t1).',
      '',
      '**Table 1** One<a name="t1"></a>',
      '',
      '<table><tr><th>a</th></tr><tr><td>1</td></tr></table>',
      '',
    );
    const found = runRule(rule, { 'p.md': md });
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['3:5 Reference text says Table 2, but `t1` is attached to Table 1']);
  });

  it('a reference to a misnumbered caption is judged by the number the caption should say: one fix, not two that undo each other', () => {
    // The second table is captioned "Table 3": the caption is wrong, and ":ref:`Table 2 <two>`" is right.
    const page = lines('P', '=', '', ':ref:`Table 2 <two>`, :ref:`Table 3 <two>` and :ref:`Table 1 <two>`.', '', ...t('**Table 1** One', 'one'), ...t('**Table 3** Two', 'two'));
    const found = runRule(rule, { 'p.rst': page });
    expect(found.map((f) => [f.line, f.column, f.message, f.fix?.text])).toEqual([
      [4, 23, 'Reference text says Table 3, but `two` is attached to Table 2 (its caption says Table 3, which is wrong too)', '2'],
      [4, 48, 'Reference text says Table 1, but `two` is attached to Table 2 (its caption says Table 3, which is wrong too)', '2'],
      [18, 12, 'Caption says Table 3, but it is table 2 of this page: expected Table 2', '2'],
    ]);
    const fixed = applyFixes(page, found as Diagnostic[]);
    expect(fixed).toContain(':ref:`Table 2 <two>`, :ref:`Table 2 <two>` and :ref:`Table 2 <two>`.');
    expect(runRule(rule, { 'p.rst': fixed })).toEqual([]);
  });

  it('the same judgement for a reference into another page', () => {
    const other = lines('O', '=', '', ...t('**Table 1** One'), ...t('**Table 5** Two', 'two'));
    const page = lines('P', '=', '', ':ref:`Table 2 <two>` and :ref:`Table 5 <two>`.');
    const found = runRule(rule, { 'p.rst': page, 'o.rst': other }, { check: ['p.rst'] });
    expect(found.map((f) => [f.file, f.line, f.column, f.message])).toEqual([
      ['p.rst', 4, 26, 'Reference text says Table 5, but `two` is attached to Table 2 in `o.rst` (its caption says Table 5, which is wrong too)'],
    ]);
  });
});
