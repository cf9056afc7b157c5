import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/table-missing.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss', export: 'export' };

const table = (n: number, caption: string, rows: string[]): string[] => [
  `.. table:: **Table ${n}** ${caption}`,
  '',
  '   ========= ==========',
  '   Parameter Type',
  '   ========= ==========',
  ...rows.map((r) => `   ${r.padEnd(9)} String`),
  '   ========= ==========',
  '',
];

describe('table-missing', () => {
  it('reports a table the majority has on the variant that lacks it, at its section', () => {
    const full = lines('API', '===', '', 'Request', '-------', '', ...table(1, 'Request parameters', ['name', 'port']), 'Response', '--------', '', ...table(2, 'Response parameters', ['id', 'status']));
    const short = lines('API', '===', '', 'Request', '-------', '', ...table(1, 'Request parameters', ['name', 'port']), 'Response', '--------', '', 'Nothing.');
    const found = runRule(rule, { 'public/p.rst': full, 'swiss/p.rst': full, 'export/p.rst': short }, { config: { variants } });
    expect(brief(found)).toEqual(['export/p.rst:16:1-17:9 Table "Response parameters" in "Response" is missing here; 2 of 3 variants (public, swiss) have it']);
  });

  it('aligns tables by content, not by "Table N": a variant that gains a table renumbers the others', () => {
    const a = lines('API', '===', '', ...table(1, 'Request parameters', ['name', 'port']), ...table(2, 'Response parameters', ['id', 'status']));
    const b = lines('API', '===', '', ...table(1, 'Tag parameters', ['key', 'value']), ...table(2, 'Request parameters', ['name', 'port']), ...table(3, 'Response parameters', ['id', 'status']));
    expect(brief(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } }))).toEqual(['swiss/p.rst:4:12-4:38 Table "Tag parameters" in "API" is not in public']);
  });

  it('is silent when a section is missing (section-missing reports that)', () => {
    const a = lines('API', '===', '', 'Response', '--------', '', ...table(1, 'Response parameters', ['id', 'status']));
    const b = lines('API', '===', '', 'Nothing here.');
    expect(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } })).toEqual([]);
  });
});
