import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { defineRule, docsUrl, type AnyRule } from '../../src/rule.js';
import { rules } from '../../src/rules/index.js';
import rule from '../../src/rules/unknown-disable.js';
import { brief, lines, runRule } from '../helpers.js';

const run = (files: Record<string, string>, check?: string[]): string[] => brief(runRule(rule, files, { known: rules, ...(check ? { check } : {}) }));
const page = (...comment: string[]): string => lines('Title', '=====', '', ...comment, '', ':ref:`somewhere`');
const fix = 'so it has no effect; correct the id or remove it';
const noHint = 'so it has no effect; use an id that docdrift --list-rules lists, or remove it';

describe('unknown-disable', () => {
  it('valid: known ids, in a list, in both syntaxes, with a reason after --', () => {
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line broken-ref') })).toEqual([]);
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line broken-ref, caption-numbering stale-site-link') })).toEqual([]);
    expect(run({ 'page.md': lines('# Title', '', '<!-- docdrift-disable-next-line broken-ref,unknown-disable -->', 'text') })).toEqual([]);
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line broken-ref -- the target is in another repo') })).toEqual([]);
    expect(run({ 'page.rst': lines('a', '', '.. docdrift-disable wording-drift', '', 'b', '', '.. docdrift-enable wording-drift', '', 'c') })).toEqual([]);
  });

  it('valid: no id at all means every rule', () => {
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line') })).toEqual([]);
    expect(run({ 'page.md': lines('<!-- docdrift-disable -->', 'a', '<!-- docdrift-enable -->', 'b') })).toEqual([]);
  });

  it('valid: a real rule that the configuration turns off is not unknown', () => {
    // runRule turns every rule but the one under test off.
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line reason-phrase') })).toEqual([]);
  });

  it('valid: text that is not a disable comment', () => {
    expect(run({ 'page.rst': lines('Title', '=====', '', 'See docdrift-disable-next-line broken-rf in the docs.') })).toEqual([]);
  });

  it('invalid: a misspelled id in an RST comment, at the id, with the closest rule', () => {
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line broken-rf') })).toEqual([
      `page.rst:4:31-4:40 Unknown rule "broken-rf" in docdrift-disable-next-line: no such rule (did you mean "broken-ref"?), ${fix}`,
    ]);
  });

  it('invalid: a misspelled id in a Markdown comment', () => {
    expect(run({ 'page.md': lines('# Title', '', 'Some text.', '', '<!-- docdrift-disable-next-line brokn-ref -->', 'See [x](#nowhere).') })).toEqual([
      `page.md:5:33-5:42 Unknown rule "brokn-ref" in docdrift-disable-next-line: no such rule (did you mean "broken-ref"?), ${fix}`,
    ]);
  });

  it('invalid: each unknown id of a list, the known ones are fine', () => {
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line broken-ref, captoin-numbering,stale-link   frobnicate') })).toEqual([
      `page.rst:4:43-4:60 Unknown rule "captoin-numbering" in docdrift-disable-next-line: no such rule (did you mean "caption-numbering"?), ${fix}`,
      `page.rst:4:61-4:71 Unknown rule "stale-link" in docdrift-disable-next-line: no such rule, ${noHint}`,
      `page.rst:4:74-4:84 Unknown rule "frobnicate" in docdrift-disable-next-line: no such rule, ${noHint}`,
    ]);
  });

  it('invalid: disable and enable comments, indented, in either syntax; a prefix and a case slip get a suggestion', () => {
    const text = lines('Title', '=====', '', '   .. docdrift-disable wording', '', 'a', '', '.. docdrift-enable Wording-Drift', '', 'b', '', 'x <!--docdrift-disable heading-drfit --> y');
    expect(run({ 'page.rst': text })).toEqual([
      `page.rst:4:24-4:31 Unknown rule "wording" in docdrift-disable: no such rule (did you mean "wording-drift"?), ${fix}`,
      `page.rst:8:20-8:33 Unknown rule "Wording-Drift" in docdrift-enable: no such rule (did you mean "wording-drift"?), ${fix}`,
      `page.rst:12:24-12:37 Unknown rule "heading-drfit" in docdrift-disable: no such rule (did you mean "heading-drift"?), ${fix}`,
    ]);
  });

  it('an id close to two rules names both; an ambiguous prefix names none', () => {
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line caption-drif caption') })).toEqual([
      `page.rst:4:31-4:43 Unknown rule "caption-drif" in docdrift-disable-next-line: no such rule (did you mean "caption-drift"?), ${fix}`,
      `page.rst:4:44-4:51 Unknown rule "caption" in docdrift-disable-next-line: no such rule, ${noHint}`,
    ]);
    const other = (id: string): AnyRule => defineRule({ id, meta: { description: id, defaultSeverity: 'error', docs: docsUrl(id) }, check: () => undefined });
    const known = [other('table-stale'), other('table-stall'), other('wording-drift')];
    expect(brief(runRule(rule, { 'page.rst': page('.. docdrift-disable-next-line table-state') }, { known }))).toEqual([
      `page.rst:4:31-4:42 Unknown rule "table-state" in docdrift-disable-next-line: no such rule (did you mean "table-stale"?), ${fix}`,
    ]);
    expect(brief(runRule(rule, { 'page.rst': page('.. docdrift-disable-next-line table-stal') }, { known }))).toEqual([
      `page.rst:4:31-4:41 Unknown rule "table-stal" in docdrift-disable-next-line: no such rule (did you mean "table-stale" or "table-stall"?), ${fix}`,
    ]);
  });

  it('knows the rules of the run, not only the built-in ones', () => {
    expect(brief(runRule(rule, { 'page.rst': page('.. docdrift-disable-next-line broken-ref') }))).toEqual([
      `page.rst:4:31-4:41 Unknown rule "broken-ref" in docdrift-disable-next-line: no such rule, ${noHint}`,
    ]);
  });

  it('does not report context pages', () => {
    expect(run({ 'page.rst': page('.. docdrift-disable-next-line broken-rf'), 'ok.rst': page('') }, ['ok.rst'])).toEqual([]);
  });

  it('runs by default as a warning, and can itself be disabled inline', () => {
    const text = page('.. docdrift-disable-next-line broken-rf');
    const found = check({ files: [{ file: 'p.rst', text }] }).filter((d) => d.ruleId === 'unknown-disable');
    expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([['warning', 4, 31]]);
    const quiet = page('.. docdrift-disable-next-line unknown-disable', '', '.. docdrift-disable-next-line broken-rf');
    expect(check({ files: [{ file: 'p.rst', text: quiet }] }).filter((d) => d.ruleId === 'unknown-disable')).toEqual([]);
  });

  it('invalid: a misspelt directive is reported, and disables nothing (it was read as docdrift-disable with the ids "-next-lines …")', () => {
    expect(run({ 'page.rst': page('.. docdrift-disable-next-lines broken-ref') })).toEqual([
      'page.rst:4:4-4:31 Unknown directive "docdrift-disable-next-lines": it disables nothing; did you mean "docdrift-disable-next-line"?',
    ]);
    expect(run({ 'page.md': lines('# Title', '', '<!-- docdrift-ignore -->', 'text') })).toEqual([
      'page.md:3:6-3:21 Unknown directive "docdrift-ignore": it disables nothing; use docdrift-disable-next-line, docdrift-disable, docdrift-enable',
    ]);
    // The page's broken :ref: after the misspelt comment is still reported.
    const found = check({ files: [{ file: 'page.rst', text: page('.. docdrift-disable-next-lines broken-ref') }] }, { rules: { 'broken-ref': 'error' } });
    expect(found.filter((d) => d.ruleId === 'broken-ref').map((d) => d.line)).toEqual([6]);
  });
});
