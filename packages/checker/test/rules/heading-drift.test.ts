import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/heading-drift.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss' };

describe('heading-drift', () => {
  it('reports aligned sections whose titles differ, with the word diff', () => {
    const a = lines('Tracker', '=======', '', 'Scenario', '--------', '', 'Use a tracker to record operations on resources.');
    const b = lines('Tracker', '=======', '', 'Usage Scenarios', '---------------', '', 'Use a tracker to record operations on resources.');
    expect(brief(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants, reference: 'public' } }))).toEqual([
      'swiss/p.rst:4:1-4:16 Heading "Usage Scenarios" differs from the reference (public): [-Scenario-]{+Usage Scenarios+}',
    ]);
  });

  it('compares page titles too (the pages are paired already)', () => {
    const a = lines('.. _status:', '', 'HTTP Status Codes', '=================', '', 'Text.');
    const b = lines('# Status Codes<a name="status"></a>', '', 'Text.');
    const found = runRule(rule, { 'public/p.rst': a, 'swiss/p.md': b }, { config: { variants, reference: 'public' } });
    expect(found.map((f) => f.message)).toEqual(['Heading "Status Codes" differs from the reference (public): [-HTTP-] Status Codes']);
  });

  it('ignores case, punctuation and markup', () => {
    const a = lines('.. _x:', '', 'Obtaining a Project ID', '======================', '', 'Text.');
    const b = lines('# Obtaining a project ID<a name="x"></a>', '', 'Text.');
    expect(runRule(rule, { 'public/p.rst': a, 'swiss/p.md': b }, { config: { variants } })).toEqual([]);
  });
});
