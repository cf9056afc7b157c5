/**
 * The cross-variant drift the seeds are known to hold (docs-sources/README.md,
 * ../shared/seeds/README.md), read from the golden compact output of
 * `docdrift docs-sources` (test/golden/docs-sources.compact.txt, which
 * golden.test.ts keeps equal to what the CLI prints).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const out = readFileSync(new URL('./golden/docs-sources.compact.txt', import.meta.url), 'utf8');
const lines = out.split('\n').filter((l) => l !== '');
const dir = 'docs-sources/http-status-codes/';
const absolute = `${dir}apig-absolute-self-link.rst`;
const internal = `${dir}apig-internal-ref.rst`;
const rfc = `${dir}apig-rfc-wording.rst`;
const two = `${dir}two-tables.rst`;
const md = `${dir}two-tables-markdown-export.md`;
const of = (file: string, rule: string): string[] => lines.filter((l) => l.startsWith(`${file}:`) && l.endsWith(`[${rule}]`));

describe('drift in the seeds (golden output of docdrift docs-sources)', () => {
  it('mislabeled caption: 000 and 001 say "User management permissions" where 002 says "HTTP status codes", and theirs is the wrong one', () => {
    for (const f of [absolute, internal]) {
      expect(of(f, 'caption-drift')).toEqual([expect.stringMatching(/Caption "User management permissions" differs from "HTTP status codes" in http-status-codes\/apig-rfc-wording\.rst, and this one is likely wrong: the table lists HTTP status codes/)]);
    }
    expect(of(rfc, 'caption-drift')).toEqual([]);
  });

  it('references: 000 links to its own table through the published site where the other API Gateway pages have a :ref:', () => {
    expect(of(absolute, 'ref-missing-in-variant')).toEqual([
      expect.stringMatching(/^docs-sources\/http-status-codes\/apig-absolute-self-link\.rst:4:1: warning .*have the reference :ref:`Table 1 <apig-en-api-180328012__table11812530035>`; here it is a link to https:\/\/docs\.otc\.t-systems\.com\/.*#apig-en-api-180328012__table11812530035 \[ref-missing-in-variant\]$/),
    ]);
    // 001 and 002 use different labels for the same (aligned) table: not drift.
    expect(lines.filter((l) => l.includes('[ref-target-drift]'))).toEqual([]);
    expect(of(internal, 'ref-missing-in-variant')).toEqual([]);
  });

  it('wording drift: 403 in 002 (RFC wording) and 003 ("Access to the requested page is forbidden.") against 000/001/004', () => {
    const w403 = lines.filter((l) => / 403 description /.test(l) && l.endsWith('[wording-drift]'));
    expect(w403.map((l) => l.split(':')[0])).toEqual([rfc, two]);
    expect(w403[0]).toContain('"You are forbidden to access the requested page." → "The server understood the request, but is refusing to fulfill it."');
    expect(w403[1]).toContain('[-You are forbidden-]{+Access+} to [-access-] the requested page {+is forbidden+}.');
  });

  it('wording drift: 401 "username and the password" (003) vs "username and password" (004)', () => {
    const w401 = lines.filter((l) => / 401 description /.test(l) && l.endsWith('[wording-drift]'));
    expect(w401.map((l) => l.split(':')[0])).toEqual([md, two]);
    expect(w401[0]).toContain('closest: http-status-codes/two-tables.rst: …must enter a username and [-the-] password');
    expect(w401[1]).toContain('closest: http-status-codes/two-tables-markdown-export.md: …must enter a username and {+the+} password');
  });

  it('coverage drift: 201 and 202 only in 003/004; 410 and 412 only in 000-002', () => {
    for (const f of [two, md]) {
      const rows = of(f, 'row-missing');
      expect(rows.filter((l) => /Row 20[12] \(\w+\) of table "[^"]+" is not in the majority \(3 of 5 variants\)/.test(l))).toHaveLength(2);
      expect(rows.filter((l) => /Row 41[02] \([\w ]+\) of table "[^"]+" is missing here; 3 of 5 variants \(http-status-codes\/apig-absolute-self-link\.rst, http-status-codes\/apig-internal-ref\.rst, http-status-codes\/apig-rfc-wording\.rst\) have it/.test(l))).toHaveLength(2);
    }
    for (const f of [absolute, internal, rfc]) expect(of(f, 'row-missing')).toEqual([]);
  });

  it('shape drift is not wording drift: 2 vs 3 columns, 1. vs #., the header wording', () => {
    const wording = lines.filter((l) => l.endsWith('[wording-drift]'));
    for (const l of wording) {
      expect(l).not.toMatch(/Return Value|Returned Value|Status Code & Message|Status Code \| Message/);
      expect(l).not.toMatch(/\[-[12#]\.|\{\+[12#]\./);
      expect(l).not.toMatch(/reason phrase/);
    }
    // 000 and 001 say the same in every row (their 400 cells differ only from the other variants).
    const pair = (f: string): string[] => of(f, 'wording-drift').map((l) => l.replace(/^[^:]+:\d+:\d+: /, ''));
    expect(pair(absolute)).toEqual(pair(internal));
  });
});
