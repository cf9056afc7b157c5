import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix.js';
import rule from '../../src/rules/stale-site-link.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { lines, runRule } from '../helpers.js';

const config = { baseUrl: 'https://docs.example.com/svc/', projects: [{ root: 'api-ref/source' }, { root: 'umn/source' }] };
const quotas = lines('.. _quotas_page:', '', 'Quotas', '======', '', '.. _quota_table:', '', 'Text.', '', 'Request Parameters', '------------------', '', 'x');
const limits = lines('Limits', '======');

describe('stale-site-link', () => {
  it('valid: page exists, anchor is a label (docutils id), a section id, or absent', () => {
    const intro = lines(
      'Intro',
      '=====',
      '',
      'https://docs.example.com/svc/api-ref/quotas.html#quota-table',
      'https://docs.example.com/svc/api-ref/quotas.html#QUOTA_TABLE',
      'https://docs.example.com/svc/api-ref/quotas.html#request-parameters',
      'https://docs.example.com/svc/api-ref/quotas.html',
      'https://docs.example.com/svc/api-ref/',
    );
    const index = lines('API', '===');
    expect(runRule(rule, { 'umn/source/intro.rst': intro, 'api-ref/source/quotas.rst': quotas, 'api-ref/source/index.rst': index }, { config, check: ['umn/source/intro.rst'] })).toEqual([]);
  });

  it('invalid: the page does not exist (and a page with that name is elsewhere)', () => {
    const intro = lines('Intro', '=====', '', 'See https://docs.example.com/svc/api-ref/old/quotas.html.');
    expect(runRule(rule, { 'umn/source/intro.rst': intro, 'api-ref/source/quotas.rst': quotas }, { config, check: ['umn/source/intro.rst'] })).toEqual([
      {
        file: 'umn/source/intro.rst',
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 57,
        message: 'Link to the published page `old/quotas.rst` of project `api-ref/source`, which does not exist; a page of that name is at `quotas.rst`',
        related: [{ file: 'api-ref/source/quotas.rst', line: 1, column: 1, message: 'a page with the same name' }],
      },
    ]);
  });

  it('invalid: the anchor moved to another page → message names it, fix rewrites the URL', () => {
    const intro = lines('Intro', '=====', '', '`quotas <https://docs.example.com/svc/api-ref/limits.html#quota-table>`__');
    const files = { 'umn/source/intro.rst': intro, 'api-ref/source/quotas.rst': quotas, 'api-ref/source/limits.rst': limits };
    const found = runRule(rule, files, { config, check: ['umn/source/intro.rst'] });
    expect(found).toEqual([
      {
        file: 'umn/source/intro.rst',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 74,
        message: 'Anchor `#quota-table` is no longer on `limits.rst` of project `api-ref/source`; it now lives on `quotas.rst`',
        related: [{ file: 'api-ref/source/quotas.rst', line: 6, column: 1, message: '`quota_table` is defined here' }],
        fix: { range: [22, 82], text: 'https://docs.example.com/svc/api-ref/quotas.html#quota-table' },
      },
    ]);
    expect(applyFixes(intro, found as Diagnostic[]).split('\n')[3]).toBe('`quotas <https://docs.example.com/svc/api-ref/quotas.html#quota-table>`__');
  });

  it('invalid: the anchor exists nowhere', () => {
    const intro = lines('Intro', '=====', '', 'https://docs.example.com/svc/api-ref/limits.html#nothing');
    expect(runRule(rule, { 'umn/source/intro.rst': intro, 'api-ref/source/limits.rst': limits }, { config, check: ['umn/source/intro.rst'] })).toEqual([
      {
        file: 'umn/source/intro.rst',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 57,
        message: 'Anchor `#nothing` does not exist on `limits.rst` of project `api-ref/source`',
        related: [{ file: 'api-ref/source/limits.rst', line: 1, column: 1, message: 'the page the link points at' }],
      },
    ]);
  });

  it('valid: unknown legacy topic ids, other services, other hosts, and incomplete projects are not judged', () => {
    const intro = lines(
      'Intro',
      '=====',
      '',
      'https://docs.example.com/en-us/api/other/topic_9.html#x',
      'https://docs.example.com/other/umn/x.html#y',
      'https://example.org/svc/api-ref/gone.html',
    );
    expect(runRule(rule, { 'umn/source/intro.rst': intro, 'api-ref/source/limits.rst': limits }, { config })).toEqual([]);
    const gone = lines('Intro', '=====', '', 'https://docs.example.com/svc/api-ref/gone.html');
    expect(runRule(rule, { 'umn/source/intro.rst': gone }, { config, complete: false })).toEqual([]);
  });

  it('legacy topic-id links resolve through :original_name: and are checked', () => {
    const page = lines(':original_name: svc_0001.html', '', '.. _svc_0001:', '', 'Page', '====');
    const intro = lines('Intro', '=====', '', 'https://docs.example.com/en-us/usermanual/svc/svc_0001.html#svc_0001__table9');
    expect(
      runRule(rule, { 'umn/source/intro.rst': intro, 'umn/source/page.rst': page }, { config, check: ['umn/source/intro.rst'] }).map((f) => f.message),
    ).toEqual(['Anchor `#svc_0001__table9` does not exist on `page.rst`']);
  });

  it('invalid: an RST hyperlink target gives its references a stale URL → reported at the target, where the URL is written; the fix rewrites it there', () => {
    const intro = lines(
      'Intro',
      '=====',
      '',
      'See quotas_ and `the old page`_, and `the table`__.',
      '',
      '.. _quotas: https://docs.example.com/svc/api-ref/limits.html#quota-table',
      '.. _the old page: https://docs.example.com/svc/api-ref/removed.html',
      '',
      '__ https://docs.example.com/svc/api-ref/limits.html#nothing',
    );
    const files = { 'umn/source/intro.rst': intro, 'api-ref/source/quotas.rst': quotas, 'api-ref/source/limits.rst': limits };
    const found = runRule(rule, files, { config, check: ['umn/source/intro.rst'] });
    expect(found.map((f) => [f.line, f.column, f.endColumn, f.message, f.fix?.text])).toEqual([
      [6, 1, 73, 'Anchor `#quota-table` is no longer on `limits.rst` of project `api-ref/source`; it now lives on `quotas.rst`', 'https://docs.example.com/svc/api-ref/quotas.html#quota-table'],
      [7, 1, 68, 'Link to the published page `removed.rst` of project `api-ref/source`, which does not exist', undefined],
      [9, 1, 60, 'Anchor `#nothing` does not exist on `limits.rst` of project `api-ref/source`', undefined],
    ]);
    expect(applyFixes(intro, found as Diagnostic[]).split('\n')[5]).toBe('.. _quotas: https://docs.example.com/svc/api-ref/quotas.html#quota-table');
  });
});
