import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/caption-drift.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss', export: 'export' };

const page = (caption: string, rows = ['200 OK|The request succeeded.', '404 Not Found|Nothing there.']): string =>
  lines('Status Codes', '============', '', `.. table:: **Table 1** ${caption}`, '', '   ================= ======================', '   Status Code       Description', '   ================= ======================', ...rows.map((r) => `   ${(r.split('|')[0] ?? '').padEnd(17)} ${r.split('|')[1]}`), '   ================= ======================');

describe('caption-drift', () => {
  it('says which caption is wrong when the content tells, whatever the majority', () => {
    const found = runRule(rule, { 'public/p.rst': page('User management permissions'), 'swiss/p.rst': page('User management permissions'), 'export/p.rst': page('HTTP status codes') }, { config: { variants } });
    expect(brief(found)).toEqual([
      'public/p.rst:4:12-4:51 Caption "User management permissions" differs from "HTTP status codes" in export, and this one is likely wrong: the table lists HTTP status codes (200 OK, 404 Not Found)',
      'swiss/p.rst:4:12-4:51 Caption "User management permissions" differs from "HTTP status codes" in export, and this one is likely wrong: the table lists HTTP status codes (200 OK, 404 Not Found)',
    ]);
  });

  it('otherwise reports the captions that differ from the majority or the reference', () => {
    const params = (caption: string): string => lines('API', '===', '', `.. table:: **Table 1** ${caption}`, '', '   ========= ======', '   Parameter Type', '   ========= ======', '   name      String', '   ========= ======');
    const found = runRule(rule, { 'public/p.rst': params('Request parameters'), 'swiss/p.rst': params('Query parameters') }, { config: { variants, reference: 'public' } });
    expect(brief(found)).toEqual(['swiss/p.rst:4:12-4:40 Caption "Query parameters" differs from the reference (public): [-Request-]{+Query+} parameters']);
  });

  it('does not compare a caption with a variant that has none (an export writes it as a bullet)', () => {
    const md = (caption: string): string => lines('# Status Codes<a name="codes"></a>', '', caption, '', '| Status Code | Description |', '| --- | --- |', '| 200 OK | The request succeeded. |', '| 404 Not Found | Nothing there. |');
    const rst = `.. _codes:\n\n${page('HTTP status codes')}`;
    expect(runRule(rule, { 'public/p.rst': rst, 'swiss/p.md': md('-   Normal') }, { config: { variants } })).toEqual([]);
    // The same pair with a caption on the Markdown side is compared.
    expect(runRule(rule, { 'public/p.rst': rst, 'swiss/p.md': md('**Table 1** Return codes') }, { config: { variants, reference: 'public' } }).map((f) => f.message)).toEqual([
      'Caption "Return codes" differs from the reference (public): [-HTTP status-]{+Return+} codes',
    ]);
  });
});
