import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/row-missing.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss', export: 'export' };

const status = (rows: string[], shape: 'two' | 'three' = 'two'): string =>
  shape === 'two'
    ? lines('Status Codes', '============', '', '.. table:: **Table 1** Status codes', '', '   ============= ==================', '   Status Code   Description', '   ============= ==================', ...rows.map((r) => `   ${r.split('|')[0]?.padEnd(13)} ${r.split('|')[1]}`), '   ============= ==================')
    : lines('Status Codes', '============', '', '.. table:: **Table 1** Status codes', '', '   ====== ================== ==================', '   Code   Message            Description', '   ====== ================== ==================', ...rows.map((r) => { const [cm, d] = r.split('|'); const [c, ...m] = (cm ?? '').split(' '); return `   ${(c ?? '').padEnd(6)} ${m.join(' ').padEnd(18)} ${d}`; }), '   ====== ================== ==================');

describe('row-missing', () => {
  it('reports a status code the majority has on the variant that lacks it, at the row it would follow', () => {
    const full = status(['200 OK|Success.', '403 Forbidden|Denied.', '410 Gone|Removed.']);
    const short = status(['200 OK|Success.', '403 Forbidden|Denied.']);
    const found = runRule(rule, { 'public/p.rst': full, 'swiss/p.rst': full, 'export/p.rst': short }, { config: { variants } });
    expect(brief(found)).toEqual(['export/p.rst:10:4-10:25 Row 410 (Gone) of table "Status codes" is missing here; 2 of 3 variants (public, swiss) have it']);
    expect(found[0]?.related?.map((r) => `${r.file}:${r.line}`)).toEqual(['public/p.rst:11', 'swiss/p.rst:11']);
  });

  it('keys status tables by code whatever their shape ("200 OK" vs 200 | OK)', () => {
    const two = status(['200 OK|Success.', '403 Forbidden|Denied.']);
    const three = status(['200 OK|Success.', '403 Forbidden|Denied.'], 'three');
    expect(runRule(rule, { 'public/p.rst': two, 'swiss/p.rst': three }, { config: { variants } })).toEqual([]);
  });

  it('reports a row only one variant has on that side for a tie', () => {
    const a = status(['200 OK|Success.', '201 Created|Made.']);
    const b = status(['200 OK|Success.']);
    expect(brief(runRule(rule, { 'public/p.rst': a, 'swiss/p.rst': b }, { config: { variants } }))).toEqual(['public/p.rst:10:4-10:23 Row 201 (Created) of table "Status codes" is not in swiss']);
  });

  it('keys parameter tables by their first column', () => {
    const params = (names: string[]): string =>
      lines('Request', '=======', '', '.. table:: **Table 1** Request parameters', '', '   ========= ========= ==========', '   Parameter Mandatory Type', '   ========= ========= ==========', ...names.map((n) => `   ${n.padEnd(9)} Yes       String`), '   ========= ========= ==========');
    const found = runRule(rule, { 'public/p.rst': params(['name', 'zone_type', 'port_id']), 'swiss/p.rst': params(['name', 'port_id']) }, { config: { variants, reference: 'public' } });
    expect(found.map((f) => f.message)).toEqual(['Row "zone_type" of table "Request parameters" is missing here; the reference (public) has it']);
  });

  it('does not compare the rows of change histories (each variant keeps its own)', () => {
    const log = (dates: string[]): string => lines('Change History', '==============', '', '========== ===========', 'Released   Description', '========== ===========', ...dates.map((d) => `${d} Release.`), '========== ===========');
    expect(runRule(rule, { 'public/p.rst': log(['2024-01-02', '2023-05-06']), 'swiss/p.rst': log(['2024-02-03']) }, { config: { variants } })).toEqual([]);
  });
});
