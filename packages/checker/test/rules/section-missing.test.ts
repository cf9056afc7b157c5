import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/section-missing.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss', export: 'export' };

describe('section-missing', () => {
  it('reports a section only one variant has (a tie: on the side that has it)', () => {
    const a = lines('Tracker', '=======', '', 'Scenario', '--------', '', 'Use a tracker.', '', 'Constraints', '-----------', '', 'One per account.');
    const b = lines('Tracker', '=======', '', 'Scenario', '--------', '', 'Use a tracker.');
    expect(brief(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } }))).toEqual(['public/p.rst:9:1-10:12 Section "Constraints" of "Tracker" is not in swiss']);
  });

  it('reports the missing side at the parent heading when the majority has the section', () => {
    const a = lines('Tracker', '=======', '', 'Scenario', '--------', '', 'Use a tracker.', '', 'Constraints', '-----------', '', 'One per account.');
    const b = lines('Tracker', '=======', '', 'Scenario', '--------', '', 'Use a tracker.');
    const found = runRule(rule, { 'public/p.rst': a, 'export/p.rst': a, 'swiss/p.rst': b }, { config: { variants } });
    expect(brief(found)).toEqual(['swiss/p.rst:1:1-2:8 Section "Constraints" of "Tracker" is missing here; 2 of 3 variants (export, public) have it']);
  });

  it('does not report a renamed section as missing (heading-drift does)', () => {
    const a = lines('Tracker', '=======', '', 'Scenario', '--------', '', 'Use a tracker to record operations on resources.');
    const b = lines('Tracker', '=======', '', 'Scenarios', '---------', '', 'Use a tracker to record operations on cloud resources.');
    expect(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } })).toEqual([]);
  });
});
