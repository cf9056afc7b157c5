import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix.js';
import rule from '../../src/rules/external-self-link.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { lines, runRule } from '../helpers.js';

const config = { baseUrl: 'https://docs.example.com/svc/', projects: [{ root: 'api-ref/source' }, { root: 'umn/source' }] };
const table = ['.. table:: **Table 1** Codes', '', '   ====  ====', '   Code  Text', '   ====  ====', '   200   OK', '   ====  ===='];

describe('external-self-link', () => {
  it('invalid: link to a label of this page → :ref: fix', () => {
    const page = lines('.. _codes:', '', 'Codes', '=====', '', 'See `Table 1 <https://docs.example.com/svc/api-ref/codes.html#codes-t1>`__.', '', '.. _codes_t1:', '', ...table);
    const found = runRule(rule, { 'api-ref/source/codes.rst': page }, { config });
    expect(found).toEqual([
      {
        file: 'api-ref/source/codes.rst',
        line: 6,
        column: 5,
        endLine: 6,
        endColumn: 75,
        message: "`Table 1` is an absolute link to this page on this project's published site; use :ref:`Table 1 <codes_t1>` instead",
        fix: { range: [29, 99], text: ':ref:`Table 1 <codes_t1>`' },
      },
    ]);
    expect(applyFixes(page, found as Diagnostic[]).split('\n')[5]).toBe('See :ref:`Table 1 <codes_t1>`.');
  });

  it('invalid: link to another page of the project without anchor → its page label', () => {
    const intro = lines('Intro', '=====', '', 'Read https://docs.example.com/svc/umn/a/b.html now.');
    const b = lines(':original_name: svc_01.html', '', '.. _svc_01:', '', 'B page', '======');
    const found = runRule(rule, { 'umn/source/intro.rst': intro, 'umn/source/a/b.rst': b }, { config, check: ['umn/source/intro.rst'] });
    expect(found).toEqual([
      {
        file: 'umn/source/intro.rst',
        line: 4,
        column: 6,
        endLine: 4,
        endColumn: 47,
        message: "This link is an absolute link to `a/b.rst` on this project's published site; use :ref:`svc_01` instead",
        fix: { range: [18, 59], text: ':ref:`svc_01`' },
      },
    ]);
  });

  it('invalid: a page without label → :doc:', () => {
    const intro = lines('Intro', '=====', '', '`B <https://docs.example.com/svc/umn/a/b.html>`_');
    const b = lines('B page', '======');
    expect(runRule(rule, { 'umn/source/intro.rst': intro, 'umn/source/a/b.rst': b }, { config, check: ['umn/source/intro.rst'] })).toEqual([
      {
        file: 'umn/source/intro.rst',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 49,
        message: "`B` is an absolute link to `a/b.rst` on this project's published site; use :doc:`B </a/b>` instead",
        fix: { range: [13, 61], text: ':doc:`B </a/b>`' },
      },
    ]);
  });

  it('invalid: legacy help-center URL to a variant of this page whose label is missing here (seed 000)', () => {
    const bad = lines('Codes', '=====', '', '`Table 1 <https://docs.example.com/en-us/api/x/topic-1.html#topic-1__table1>`__ lists them.', '', ...table);
    const good = lines('Codes', '=====', '', ':ref:`Table 1 <topic-1__table1>` lists them.', '', '.. _topic-1__table1:', '', ...table);
    const found = runRule(rule, { 'v/bad.rst': bad, 'v/good.rst': good }, { config: { baseUrl: 'https://docs.example.com/', groupByContent: ['v'] }, check: ['v/bad.rst'] });
    expect(found).toEqual([
      {
        file: 'v/bad.rst',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 80,
        message:
          "`Table 1` is an absolute link to this page on this project's published site; it should be :ref:`Table 1 <topic-1__table1>`, but no label `topic-1__table1` exists in this page: add `.. _topic-1__table1:` above Table 1",
        related: [
          { file: 'v/bad.rst', line: 6, column: 12, message: 'Table 1 of this page, which has no label' },
          { file: 'v/good.rst', line: 6, column: 1, message: 'the variant `v/good.rst` defines `topic-1__table1` here' },
        ],
      },
    ]);
  });

  it('valid: links to another project, other sites, and missing targets (stale-site-link reports those)', () => {
    const intro = lines(
      'Intro',
      '=====',
      '',
      '`API <https://docs.example.com/svc/api-ref/codes.html>`__, `Py <https://www.python.org/>`__,',
      '`gone <https://docs.example.com/svc/umn/gone.html>`__, `other <https://docs.example.com/other/umn/x.html#y>`__.',
    );
    const codes = lines('.. _codes:', '', 'Codes', '=====');
    expect(runRule(rule, { 'umn/source/intro.rst': intro, 'api-ref/source/codes.rst': codes }, { config })).toEqual([]);
  });

  it('valid: nothing is a self-link without a configured site', () => {
    const page = lines('.. _codes:', '', 'Codes', '=====', '', 'https://docs.example.com/svc/api-ref/codes.html');
    expect(runRule(rule, { 'api-ref/source/codes.rst': page }, { config: { projects: [{ root: 'api-ref/source' }] } })).toEqual([]);
  });

  it('Markdown: the fix is a relative link', () => {
    const md = lines('# Codes<a name="codes"></a>', '', 'See [the table](https://docs.example.com/svc/api-ref/codes.html#t1).', '', '<a name="t1"></a>', '', 'text');
    const found = runRule(rule, { 'api-ref/source/codes.md': md }, { config });
    expect(found.map((f) => [f.line, f.column, f.endColumn, f.fix?.text])).toEqual([[3, 5, 68, '[the table](#t1)']]);
  });

  it('invalid: an RST hyperlink target to the own site → reported at the target, naming the :ref: its references should be; no fix', () => {
    const page = lines(
      '.. _codes:',
      '',
      'Codes',
      '=====',
      '',
      'See codes_ and `the table`__.',
      '',
      '.. _codes: https://docs.example.com/svc/api-ref/codes.html#codes-t1',
      '',
      '__ https://docs.example.com/svc/api-ref/codes.html',
      '',
      '.. _codes_t1:',
      '',
      ...table,
    );
    const found = runRule(rule, { 'api-ref/source/codes.rst': page }, { config });
    expect(found.map((f) => [f.line, f.column, f.message, f.fix])).toEqual([
      [8, 1, 'The target `codes` is an absolute link to this page on this project\'s published site; write the references `codes`_ to it as :ref:`codes <codes_t1>` and remove the target', undefined],
      [10, 1, 'This anonymous target is an absolute link to this page on this project\'s published site; write the anonymous reference (`…`__) that uses it as :ref:`codes` and remove the target', undefined],
    ]);
  });
});
