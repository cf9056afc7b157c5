import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/ref-text-stale.js';
import { similarity, titleWeights } from '../../src/words.js';
import { lines, runRule } from '../helpers.js';

/** A page with a page label and a title (the shape of every page in the Open Telekom Cloud repositories). */
function page(label: string, title: string, ...body: string[]): string {
  return lines(`:original_name: ${label}.html`, '', `.. _${label}:`, '', title, '='.repeat(title.length), '', ...body);
}

/** A small manual: the titles give the word weights (a word in many titles weighs little). */
const manual = {
  'trackers/configuring_a_tracker.rst': page('cts_03_0002', 'Configuring a Tracker', 'You can configure a tracker.'),
  'trackers/deleting_a_tracker.rst': page('cts_03_0003', 'Deleting a Tracker', 'You can delete a tracker.'),
  'traces/querying_real-time_traces.rst': page('cts_03_0004', 'Querying Real-Time Traces', 'Traces of the last 7 days.'),
  'appendix/obtaining_ids.rst': page(
    'cts_04_0001',
    'Obtaining an Account ID and Project ID',
    '.. _cts_04_0001__console:',
    '',
    'Obtain a Project ID from the Console',
    '------------------------------------',
    '',
    'Open **My Credentials**.',
  ),
  'appendix/error_codes.rst': page('cts_04_0002', 'Error Codes (APIs v3)', 'See below.'),
  'overview/what_is_cts.rst': page('cts_01_0001', 'Cloud Trace Service Overview', 'CTS records operations.'),
};

const withLinks = (...body: string[]): Record<string, string> => ({ ...manual, 'links.rst': page('cts_09_0001', 'Related Pages', ...body) });

describe('ref-text-stale', () => {
  describe('valid', () => {
    it('the text is the title, in another case or with other small words', () => {
      const files = withLinks(
        '- :ref:`Configuring a Tracker <cts_03_0002>`',
        '- :ref:`configuring the management tracker <cts_03_0002>`',
        '- :ref:`the deletion of the management tracker <cts_03_0003>`',
        '- :ref:`Querying real-time traces <CTS_03_0004>`',
      );
      expect(runRule(rule, files, { check: ['links.rst'] })).toEqual([]);
    });

    it('the text names part of the title, or the title names part of the text', () => {
      const files = withLinks(
        '- :ref:`Obtaining a Project ID <cts_04_0001>`',
        '- :ref:`Error Codes <cts_04_0002>`',
        '- :ref:`Obtain the Project ID from the Console <cts_04_0001__console>`',
      );
      expect(runRule(rule, files, { check: ['links.rst'] })).toEqual([]);
    });

    it('an abbreviation stands for the words it abbreviates', () => {
      expect(runRule(rule, withLinks(':ref:`CTS Overview <cts_01_0001>`'), { check: ['links.rst'] })).toEqual([]);
    });

    it('"Table N"/"Figure N" texts, numbers and step references are left to caption-numbering', () => {
      const files = withLinks(
        ':ref:`Table 1 <cts_03_0002>`, :ref:`Figure 2 <cts_03_0003>`, :ref:`5 <cts_03_0004>`, :ref:`1.b <cts_03_0004>`',
      );
      expect(runRule(rule, files, { check: ['links.rst'] })).toEqual([]);
    });

    it('texts that point rather than name, or that are code', () => {
      const files = withLinks(':ref:`here <cts_03_0002>`, :ref:`this section <cts_03_0003>`, :ref:`POST /v3/{project_id}/tracker <cts_03_0002>`');
      expect(runRule(rule, files, { check: ['links.rst'] })).toEqual([]);
    });

    it('implicit texts, undefined labels, and :numref:', () => {
      const files = withLinks(':ref:`cts_03_0002`, :ref:`Anything <no_such_label>`, :numref:`Tracker fields <cts_03_0002>`');
      expect(runRule(rule, files, { check: ['links.rst'] })).toEqual([]);
    });

    it('a table reference whose text is its caption', () => {
      const p = lines(
        'Tags',
        '====',
        '',
        'See :ref:`Tag requirements <tags_table>`.',
        '',
        '.. _tags_table:',
        '',
        '.. table:: **Table 1** Tag requirements for VPC endpoints',
        '',
        '   === ===',
        '   Key Value',
        '   === ===',
        '   a   b',
        '   === ===',
      );
      expect(runRule(rule, { 'tags.rst': p })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a page renamed after the link was written, with the page title as related place', () => {
      const files = {
        ...withLinks('Set it up first, see :ref:`Configuring a Tracker <cts_03_0002>`.'),
        'trackers/configuring_a_tracker.rst': page('cts_03_0002', 'Tracker Settings', 'You can configure a tracker.'),
      };
      expect(runRule(rule, files, { check: ['links.rst'] })).toEqual([
        {
          file: 'links.rst',
          line: 8,
          column: 22,
          endLine: 8,
          endColumn: 64,
          message: ':ref: text "Configuring a Tracker" no longer resembles the page it points to, titled "Tracker Settings": update the text, or drop it so Sphinx uses the title',
          related: [{ file: 'trackers/configuring_a_tracker.rst', line: 5, column: 1, message: 'the page `cts_03_0002` points to' }],
        },
      ]);
    });

    it('a shared but common word ("Traces") is not enough', () => {
      const files = {
        ...withLinks(':ref:`Querying Real-Time Traces <cts_03_0004>`'),
        'traces/querying_real-time_traces.rst': page('cts_03_0004', 'Viewing Recent Events', 'Traces of the last 7 days.'),
        'traces/trace_structure.rst': page('cts_05_0001', 'Trace Structure', 'Fields of a trace.'),
        'traces/example_traces.rst': page('cts_05_0002', 'Example Traces', 'Examples.'),
      };
      const files2 = { ...files, 'links.rst': page('cts_09_0001', 'Related Pages', ':ref:`Trace Structure <cts_05_0002>`') };
      expect(runRule(rule, files2, { check: ['links.rst'] })).toEqual([
        {
          file: 'links.rst',
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 37,
          message: ':ref: text "Trace Structure" no longer resembles the page it points to, titled "Example Traces": update the text, or drop it so Sphinx uses the title',
          related: [{ file: 'traces/example_traces.rst', line: 5, column: 1, message: 'the page `cts_05_0002` points to' }],
        },
      ]);
    });

    it('a section of a page, and a reference inside a table cell', () => {
      const files = {
        ...manual,
        'links.rst': page(
          'cts_09_0001',
          'Related Pages',
          '+--------------------------------------------------------+',
          '| :ref:`Finding your domain name <cts_04_0001__console>` |',
          '+--------------------------------------------------------+',
        ),
      };
      expect(runRule(rule, files, { check: ['links.rst'] })).toEqual([
        {
          file: 'links.rst',
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 57,
          message:
            ':ref: text "Finding your domain name" no longer resembles the section it points to, titled "Obtain a Project ID from the Console": update the text, or drop it so Sphinx uses the title',
          related: [{ file: 'appendix/obtaining_ids.rst', line: 10, column: 1, message: 'the section `cts_04_0001__console` points to' }],
        },
      ]);
    });

    it('a table whose caption changed', () => {
      const p = lines(
        'Quotas',
        '======',
        '',
        'See :ref:`Tag requirements <quota_table>`.',
        '',
        '.. _quota_table:',
        '',
        '.. table:: **Table 1** Resource quotas',
        '',
        '   ======== =====',
        '   Resource Quota',
        '   ======== =====',
        '   endpoint 50',
        '   ======== =====',
      );
      expect(runRule(rule, { 'quotas.rst': p })).toEqual([
        {
          file: 'quotas.rst',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 42,
          message: ':ref: text "Tag requirements" no longer resembles the table it points to, captioned "Resource quotas": update the text, or drop it so Sphinx uses the caption',
          related: [{ file: 'quotas.rst', line: 8, column: 12, message: 'the table `quota_table` points to' }],
        },
      ]);
    });

    it('minSimilarity: a stricter threshold reports partial matches too', () => {
      const files = withLinks(':ref:`Obtaining a Project ID <cts_04_0001>`');
      expect(runRule(rule, files, { check: ['links.rst'], options: { minSimilarity: 0.95 } })).toEqual([
        {
          file: 'links.rst',
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 44,
          message:
            ':ref: text "Obtaining a Project ID" no longer resembles the page it points to, titled "Obtaining an Account ID and Project ID": update the text, or drop it so Sphinx uses the title',
          related: [{ file: 'appendix/obtaining_ids.rst', line: 5, column: 1, message: 'the page `cts_04_0001` points to' }],
        },
      ]);
    });
  });

  describe('similarity', () => {
    it('is 1 for the same words, 0 for none in common', () => {
      expect(similarity('Configuring a Tracker', 'configuring the tracker')).toBe(1);
      expect(similarity('Tag requirements', 'Resource quotas')).toBe(0);
    });

    it('folds plurals and -ing/-ion/-ation forms', () => {
      expect(similarity('Tracker configuration', 'Configuring Trackers')).toBe(1);
      expect(similarity('Deletion of a tracker', 'Deleting a Tracker')).toBe(1);
    });

    it('matches abbreviations to the words they stand for', () => {
      expect(similarity('CTS', 'Cloud Trace Service')).toBe(1);
      expect(similarity('VPC Endpoints', 'Virtual Private Cloud Endpoints')).toBe(1);
    });

    it('weights words by how rare they are among the titles', () => {
      const w = titleWeights(['Querying Traces', 'Trace Structure', 'Example Traces', 'Deleting a Tracker']);
      expect(similarity('Trace Structure', 'Example Traces')).toBeCloseTo(0.5);
      expect(similarity('Trace Structure', 'Example Traces', w)).toBeLessThan(0.4);
    });
  });
});
