import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import terminologyDrift from '../../src/rules/terminology-drift.js';
import rule from '../../src/rules/wording-drift.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss' };
const three = { public: 'public', swiss: 'swiss', export: 'export' };

const statusPage = (desc403: string, extra = ''): string =>
  lines(
    'Status Codes',
    '============',
    '',
    '+-------------+-------------------------------------------------+',
    '| Status Code | Description                                     |',
    '+=============+=================================================+',
    '| 200 OK      | The request has been processed successfully.    |',
    '+-------------+-------------------------------------------------+',
    `| 403         | ${desc403.padEnd(48)}|`,
    '+-------------+-------------------------------------------------+',
    extra,
  );

describe('wording-drift', () => {
  it('is silent when the variants differ only in formatting', () => {
    const a = lines('Guide', '=====', '', 'Create a **tracker** before you start.', '', '1. Log in to the console.', '2. Click "Create".');
    const b = lines('Guide', '=====', '', 'Create a tracker', 'before you start.', '', '#. log in to the console', '#. Click \u201cCreate\u201d.');
    expect(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } })).toEqual([]);
  });

  it('is silent between an RST page and its Markdown export that say the same', () => {
    const rst = lines('.. _guide:', '', 'Guide', '=====', '', 'Create a *tracker* before you start.', '', '- Log in to the console.');
    const md = lines('# Guide<a name="guide"></a>', '', 'Create a  **tracker**  before you start.', '', '-   Log in to the console.');
    expect(runRule(rule, { 'public/p.rst': rst, 'swiss/p.md': md }, { config: { variants } })).toEqual([]);
    // The pages are paired (by label): a real difference is reported.
    expect(runRule(rule, { 'public/p.rst': rst, 'swiss/p.md': md.replace('before', 'after') }, { config: { variants } })).toHaveLength(2);
  });

  it('reports a cell that differs, on both sides of a tie, with the word diff', () => {
    const found = runRule(rule, { 'public/p.rst': statusPage('You are forbidden to access the page.'), 'swiss/p.rst': statusPage('You are not allowed to access the page.') }, { config: { variants } });
    expect(brief(found)).toEqual([
      'public/p.rst:9:17-9:54 403 description differs from swiss in two words: You are [-not allowed-]{+forbidden+} to access the page.',
      'swiss/p.rst:9:17-9:56 403 description differs from public in two words: You are [-forbidden-]{+not allowed+} to access the page.',
    ]);
    expect(found[0]?.related).toEqual([{ file: 'swiss/p.rst', line: 9, column: 17, message: 'swiss: "You are not allowed to access the page."' }]);
  });

  it('carries the key and the structured diff', () => {
    const input = { files: [
      { file: 'public/p.rst', text: statusPage('You are forbidden to access the page.') },
      { file: 'swiss/p.rst', text: statusPage('You are not allowed to access the page.') },
    ] };
    const [d] = check(input, { variants, rules: { [rule.id]: 'warn' } }, { rules: [rule] });
    expect(d?.key).toBe('403');
    expect(d?.diff).toEqual([
      { op: 'equal', text: 'You are ' },
      { op: 'removed', text: 'not allowed' },
      { op: 'added', text: 'forbidden' },
      { op: 'equal', text: ' to access the page.' },
    ]);
  });

  it('reports only the variant that differs from the majority', () => {
    const found = runRule(
      rule,
      {
        'public/p.rst': statusPage('You are forbidden to access the page.'),
        'swiss/p.rst': statusPage('You are forbidden to access the page.'),
        'export/p.rst': statusPage('Access to the page is forbidden.'),
      },
      { config: { variants: three } },
    );
    expect(brief(found)).toEqual(['export/p.rst:9:17-9:49 403 description differs from the majority (2 of 3 variants): [-You are forbidden-]{+Access+} to [-access-] the page {+is forbidden+}.']);
  });

  it('compares with the configured reference variant', () => {
    const found = runRule(rule, { 'public/p.rst': statusPage('You are forbidden to access the page.'), 'swiss/p.rst': statusPage('You are not allowed to access the page.') }, { config: { variants, reference: 'public' } });
    expect(brief(found)).toEqual(['swiss/p.rst:9:17-9:56 403 description differs from the reference (public) in two words: You are [-forbidden-]{+not allowed+} to access the page.']);
  });

  it('quotes both texts for a rewrite', () => {
    const found = runRule(
      rule,
      { 'public/p.rst': statusPage('You are forbidden to access the page.'), 'swiss/p.rst': statusPage('The server refuses to fulfill it.'), 'export/p.rst': statusPage('You are forbidden to access the page.') },
      { config: { variants: three } },
    );
    expect(found.map((f) => f.message)).toEqual(['403 description is worded differently from the majority (2 of 3 variants): "You are forbidden to access the page." → "The server refuses to fulfill it."']);
  });

  it('reports text that only one variant has, on the side that has it', () => {
    const a = lines('Guide', '=====', '', 'Create a tracker first.', '', 'Then open the console.');
    const b = lines('Guide', '=====', '', 'Create a tracker first.');
    expect(brief(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } }))).toEqual(['public/p.rst:6:1-6:23 Text in "Guide" is not in swiss: "Then open the console."']);
  });

  it('reports text the majority has where a variant lacks it', () => {
    const a = lines('Guide', '=====', '', 'Create a tracker first.', '', 'Then open the console.');
    const b = lines('Guide', '=====', '', 'Create a tracker first.');
    const found = runRule(rule, { 'public/p.rst': a, 'export/p.rst': a, 'swiss/p.rst': b }, { config: { variants: three } });
    expect(brief(found)).toEqual(['swiss/p.rst:4:1-4:24 Text in "Guide" is missing here; the majority (2 of 3 variants) has: "Then open the console."']);
  });

  it('leaves repeated substitutions to terminology-drift when it runs', () => {
    const a = lines('Guide', '=====', '', 'Create a job first.', '', 'Each job runs once.', '', 'Delete the job later.');
    const b = lines('Guide', '=====', '', 'Create a task first.', '', 'Each task runs once.', '', 'Delete the task later, if you want.');
    const input = { files: [{ file: 'public/p.rst', text: a }, { file: 'swiss/p.rst', text: b }] };
    const both = check(input, { variants, rules: { [rule.id]: 'warn', [terminologyDrift.id]: 'warn' } }, { rules: [rule, terminologyDrift] });
    expect(both.filter((d) => d.ruleId === rule.id).map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'public/p.rst:8 Text in "Guide" differs from swiss: Delete the [-task-]{+job+} later[-, if you want-].',
      'swiss/p.rst:8 Text in "Guide" differs from public: Delete the [-job-]{+task+} later{+, if you want+}.',
    ]);
    expect(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } })).toHaveLength(6);
  });

  it('treats "Table N" reference texts as numbering, not wording (a variant that gains a table renumbers)', () => {
    const page = (n: number, extra: string[]): string =>
      lines('Guide', '=====', '', `For details, see :ref:\`Table ${n} <t_codes>\`.`, '', ...extra, '.. _t_codes:', '', `.. table:: **Table ${n}** Codes`, '', '   ==== ====', '   Code Text', '   ==== ====', '   200  OK', '   ==== ====');
    const tags = ['.. table:: **Table 1** Tags', '', '   === =====', '   Key Value', '   === =====', '   env prod', '   === =====', ''];
    expect(runRule(rule, { 'public/p.rst': page(1, []), 'swiss/p.rst': page(2, tags) }, { config: { variants } })).toEqual([]);
  });

  it('treats digit grouping and step numbers in reference texts as formatting', () => {
    const a = lines('Guide', '=====', '', '#. .. _s1:', '', '   Open the page.', '', 'A file holds up to 5,000 records. See step :ref:`1 <s1>`.');
    const b = lines('Guide', '=====', '', '#. .. _s2:', '', '   Open the page.', '', 'A file holds up to 5000 records. See step :ref:`3 <s2>`.');
    expect(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } })).toEqual([]);
  });

  it('does not report text as missing when the other variant has it in another section', () => {
    const a = lines('Guide', '=====', '', 'Scenario', '--------', '', 'Log in to the console first.', '', 'Procedure', '---------', '', 'Click Create.');
    const b = lines('Guide', '=====', '', 'Scenario', '--------', '', 'Nothing special.', '', 'Procedure', '---------', '', 'Log in to the console first.', '', 'Click Create.');
    const found = runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } });
    expect(found.map((f) => f.message)).toEqual([
      'Text in "Scenario" is not in public: "Nothing special."',
    ]);
  });

  it('does not compare pages that are not in a variant group', () => {
    expect(runRule(rule, { 'public/p.rst': statusPage('A.'), 'swiss/q.rst': lines('Other', '=====', '', 'B.') }, { config: { variants } })).toEqual([]);
  });

  it('reports only on checked pages (a pre-commit run on one variant)', () => {
    const found = runRule(rule, { 'public/p.rst': statusPage('You are forbidden to access the page.'), 'swiss/p.rst': statusPage('You are not allowed to access the page.') }, { config: { variants }, check: ['swiss/p.rst'] });
    expect(found.map((f) => f.file)).toEqual(['swiss/p.rst']);
  });
});
