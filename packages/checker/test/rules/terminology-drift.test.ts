import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/terminology-drift.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss' };

describe('terminology-drift', () => {
  it('reports a substitution repeated across a page once per page pair, with every place', () => {
    const a = lines('Guide', '=====', '', 'Create a job first.', '', 'Each job runs once.', '', 'Delete the job later.');
    const b = lines('Guide', '=====', '', 'Create a task first.', '', 'Each task runs once.', '', 'Delete the task later.');
    const found = runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } });
    expect(brief(found)).toEqual([
      'public/p.rst:4:1-4:20 Says "job" where swiss says "task" (3 places on this page: Guide ¶1, Guide ¶2, Guide ¶3)',
      'swiss/p.rst:4:1-4:21 Says "task" where public says "job" (3 places on this page: Guide ¶1, Guide ¶2, Guide ¶3)',
    ]);
    expect(found[0]?.related?.map((r) => `${r.file}:${r.line} ${r.message}`)).toEqual([
      'public/p.rst:6 also "job" (Text in "Guide")',
      'public/p.rst:8 also "job" (Text in "Guide")',
      'swiss/p.rst:4 swiss says "task" (Text in "Guide")',
      'swiss/p.rst:6 swiss says "task" (Text in "Guide")',
      'swiss/p.rst:8 swiss says "task" (Text in "Guide")',
    ]);
  });

  it('folds plurals together (jobs ↔ tasks is the same substitution)', () => {
    const a = lines('Guide', '=====', '', 'Create a job first.', '', 'All jobs run once.');
    const b = lines('Guide', '=====', '', 'Create a task first.', '', 'All tasks run once.');
    expect(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants, reference: 'public' } }).map((f) => f.message)).toEqual([
      'Says "task" where public says "job" (2 places on this page: Guide ¶1, Guide ¶2)',
    ]);
  });

  it('is silent on a substitution made once, and on stop words', () => {
    const a = lines('Guide', '=====', '', 'Create a job first.', '', 'Open the console.', '', 'Click the button.');
    const b = lines('Guide', '=====', '', 'Create a task first.', '', 'Open a console.', '', 'Click a button.');
    expect(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } })).toEqual([]);
  });
});
