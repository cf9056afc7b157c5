import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import rule from '../../src/rules/reason-phrase.js';
import { lines, runRule } from '../helpers.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/corpus/${name}`, import.meta.url)), 'utf8');

/** A two-column grid table, "200 OK | description" (the API Gateway seed's shape). */
function codeCellTable(rows: Array<[string, string]>): string {
  const w1 = Math.max(16, ...rows.map((r) => r[0].length));
  const w2 = Math.max(24, ...rows.map((r) => r[1].length));
  const rule = (c: string) => `   +${c.repeat(w1 + 2)}+${c.repeat(w2 + 2)}+`;
  const row = (a: string, b: string) => `   | ${a.padEnd(w1)} | ${b.padEnd(w2)} |`;
  const out = ['Status Codes', '============', '', '.. table:: **Table 1** Status codes', '', rule('-'), row('Return Value', 'Description'), rule('=')];
  for (const [a, b] of rows) out.push(row(a, b), rule('-'));
  return lines(...out);
}

/** A three-column simple table, "200 | OK | description" (the two-tables seed's shape). */
function columnTable(header: [string, string, string], rows: Array<[string, string, string]>): string {
  const w = [12, 24, 30];
  const bar = w.map((n) => '='.repeat(n)).join(' ');
  const row = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(w[i] as number)).join(' ').trimEnd();
  return lines('Status Codes', '============', '', bar, row(header), bar, ...rows.map(row), bar);
}

describe('reason-phrase', () => {
  describe('valid', () => {
    it('registered phrases in the code cell', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['204 No Content', 'Nothing returned.'],
        ['404 Not Found', 'No such resource.'],
        ['500 Internal Server Error', 'Server failure.'],
      ]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('registered phrases in a column of their own', () => {
      const page = columnTable(
        ['Status Code', 'Message', 'Description'],
        [
          ['200', 'OK', 'Success.'],
          ['201', 'Created', 'Created.'],
          ['503', 'Service Unavailable', 'Try again later.'],
        ],
      );
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('the older phrases readers still see, by default', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['413 Request Entity Too Large', 'Body too large.'],
        ['413 Payload Too Large', 'Body too large.'],
        ['422 Unprocessable Entity', 'Invalid body.'],
        ['414 Request-URI Too Long', 'URL too long.'],
      ]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('an explanation after the phrase', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['400 Bad Request: syntax', 'Malformed body.'],
        ['401 Unauthorized (token)', 'Log in again.'],
        ['404 Not Found - no VPC', 'No such VPC.'],
      ]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('error-code tables: the second column holds error codes, not phrases', () => {
      const page = columnTable(
        ['Status Code', 'Error Code', 'Error Message'],
        [
          ['400', 'DC.1017', 'The VLAN ID is 0.'],
          ['404', 'NotFound', 'No such connection.'],
          ['500', 'DC.0001', 'Internal error.'],
        ],
      );
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('a description column is not a phrase column, even when a description is short', () => {
      const page = columnTable(
        ['Code', 'Type', 'Description'],
        [
          ['200', 'Success', 'Accepted'],
          ['400', 'Failure', 'Invalid request'],
        ],
      );
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('a second column that does not hold phrases (no header, no evidence)', () => {
      const page = columnTable(
        ['', '', ''],
        [
          ['200', 'Active', 'The endpoint is ready.'],
          ['202', 'Pending', 'The endpoint is being created.'],
          ['400', 'Failed', 'The request was rejected.'],
        ],
      ).replace(/^ +\n/m, '');
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('codes without a registered phrase of their own (306, 418, 299) are not checked', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['418 Teapot', 'Short and stout.'],
        ['299 Weird', 'Not registered.'],
      ]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('real pages: the status-code appendix (RST grid tables) and its Markdown export (HTML tables)', () => {
      expect(runRule(rule, { 'status_codes.rst': fixture('status_codes.rst'), 'status-code.md': fixture('status-code.md') })).toEqual([]);
      expect(runRule(rule, { 'status_codes.rst': fixture('status_codes.rst') }, { options: { acceptLegacy: false } })).toEqual([]);
    });

    it('real pages: a mistake planted in the real appendix is found', () => {
      const page = fixture('status_codes.rst').replace('| Unauthorized                  |', '| UnAuthorized                  |');
      expect(runRule(rule, { 'status_codes.rst': page })).toEqual([
        expect.objectContaining({ line: 29, column: 23, endLine: 29, endColumn: 35, message: 'Reason phrase "UnAuthorized" of 401 should be written "Unauthorized"' }),
      ]);
    });

    it('tables that are not status tables', () => {
      const page = lines('Title', '=====', '', '===== =====', 'a     b', '===== =====', 'x     NotFound', 'y     OK', '===== =====');
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('another code\'s phrase: 202 OK', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['202 OK', 'Queued.'],
      ]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 12,
          message: 'Reason phrase "OK" does not belong to 202: the registered phrase is "Accepted" ("OK" is 200\'s)',
        },
      ]);
    });

    it('other words: 504 ServerTimeout', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['504 ServerTimeout', 'Upstream too slow.'],
      ]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 23,
          message: 'Reason phrase "ServerTimeout" does not belong to 504: the registered phrase is "Gateway Timeout"',
        },
      ]);
    });

    it('CamelCase and wrong case, with fixes', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['404 NotFound', 'No such resource.'],
        ['500 internal Server Error', 'Server failure.'],
      ]);
      const found = runRule(rule, { 'page.rst': page });
      expect(found).toEqual([
        {
          file: 'page.rst',
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 18,
          message: 'Reason phrase "NotFound" of 404 should be written "Not Found"',
          fix: { range: [expect.any(Number), expect.any(Number)], text: 'Not Found' },
        },
        {
          file: 'page.rst',
          line: 13,
          column: 10,
          endLine: 13,
          endColumn: 31,
          message: 'Reason phrase "internal Server Error" of 500 should be written "Internal Server Error"',
          fix: { range: [expect.any(Number), expect.any(Number)], text: 'Internal Server Error' },
        },
      ]);
      const fixed = applyFixes(page, found as Diagnostic[]);
      expect(fixed).toContain('| 404 Not Found ');
      expect(fixed).toContain('| 500 Internal Server Error ');
      expect(runRule(rule, { 'page.rst': fixed })).toEqual([]);
    });

    it('in a simple table the fix keeps the next column where it is (it takes or leaves spaces in the gap)', () => {
      // Column 3 starts at the same place in every row before and after the fixes.
      const page = columnTable(['Status Code', 'Message', 'Description'], [
        ['404', 'NotFound', 'No such resource.'],
        ['413', 'Request Entity Too Large', 'Too big.'],
        ['500', 'internal Server Error', 'Server failure.'],
      ]);
      const found = runRule(rule, { 'page.rst': page }, { options: { acceptLegacy: false } });
      expect(found.map((f) => [f.line, f.message])).toEqual([
        [7, 'Reason phrase "NotFound" of 404 should be written "Not Found"'],
        [8, 'Reason phrase "Request Entity Too Large" of 413 predates RFC 9110: the registered phrase is "Content Too Large"'],
        [9, 'Reason phrase "internal Server Error" of 500 should be written "Internal Server Error"'],
      ]);
      const fixed = applyFixes(page, found as Diagnostic[]).split('\n');
      expect(fixed.slice(6, 9)).toEqual([
        `${'404'.padEnd(12)} ${'Not Found'.padEnd(24)} No such resource.`,
        `${'413'.padEnd(12)} ${'Content Too Large'.padEnd(24)} Too big.`,
        `${'500'.padEnd(12)} ${'Internal Server Error'.padEnd(24)} Server failure.`,
      ]);
      expect(runRule(rule, { 'page.rst': fixed.join('\n') }, { options: { acceptLegacy: false } })).toEqual([]);
    });

    it('an API fault name: 413 overLimit', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['400 Bad Request', 'Invalid body.'],
        ['413 overLimit', 'Quota exceeded.'],
      ]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 13,
          column: 10,
          endLine: 13,
          endColumn: 19,
          message: 'Reason phrase "overLimit" of 413 is an API fault name: the registered phrase is "Content Too Large"',
        },
      ]);
    });

    it('in a column of its own, under a "Message" header', () => {
      const page = columnTable(
        ['Status Code', 'Message', 'Description'],
        [
          ['200', 'OK', 'Success.'],
          ['401', 'unauthorized', 'Log in again.'],
          ['403', 'Access Denied', 'Not allowed.'],
        ],
      );
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 26,
          message: 'Reason phrase "unauthorized" of 401 should be written "Unauthorized"',
          fix: { range: [expect.any(Number), expect.any(Number)], text: 'Unauthorized' },
        },
        {
          file: 'page.rst',
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 27,
          message: 'Reason phrase "Access Denied" does not belong to 403: the registered phrase is "Forbidden"',
        },
      ]);
    });

    it('a "Reason Phrase" header makes its column checked even when no value is right', () => {
      const page = columnTable(['Code', 'Reason Phrase', 'Description'], [['404', 'Missing', 'No such thing.']]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 21,
          message: 'Reason phrase "Missing" does not belong to 404: the registered phrase is "Not Found"',
        },
      ]);
    });

    it('acceptLegacy: false requires RFC 9110\'s phrases, with a fix', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['413 Payload Too Large', 'Body too large.'],
        ['422 Unprocessable Entity', 'Invalid body.'],
      ]);
      const found = runRule(rule, { 'page.rst': page }, { options: { acceptLegacy: false } });
      expect(found).toEqual([
        {
          file: 'page.rst',
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 27,
          message: 'Reason phrase "Payload Too Large" of 413 predates RFC 9110: the registered phrase is "Content Too Large"',
          fix: { range: [expect.any(Number), expect.any(Number)], text: 'Content Too Large' },
        },
        {
          file: 'page.rst',
          line: 13,
          column: 10,
          endLine: 13,
          endColumn: 30,
          message: 'Reason phrase "Unprocessable Entity" of 422 predates RFC 9110: the registered phrase is "Unprocessable Content"',
          fix: { range: [expect.any(Number), expect.any(Number)], text: 'Unprocessable Content' },
        },
      ]);
      expect(applyFixes(page, found as Diagnostic[])).toContain('| 413 Content Too Large ');
    });

    it('a miscased older phrase names RFC 9110\'s too', () => {
      const page = codeCellTable([
        ['200 OK', 'Success.'],
        ['413 payload too large', 'Body too large.'],
      ]);
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 27,
          message: 'Reason phrase "payload too large" of 413 should be written "Payload Too Large" (RFC 9110: "Content Too Large")',
          fix: { range: [expect.any(Number), expect.any(Number)], text: 'Payload Too Large' },
        },
      ]);
    });

    it('Markdown tables, phrase in bold', () => {
      const page = lines('# Status codes', '', '| Code | Reason | Description |', '| --- | --- | --- |', '| 200 | OK | Fine. |', '| 404 | **NotFound** | Missing. |');
      expect(runRule(rule, { 'page.md': page })).toEqual([
        {
          file: 'page.md',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 19,
          message: 'Reason phrase "NotFound" of 404 should be written "Not Found"',
          fix: { range: [expect.any(Number), expect.any(Number)], text: 'Not Found' },
        },
      ]);
    });

    it('a phrase wrapped over two lines of a grid cell is reported on the cell, without a fix', () => {
      const page = lines(
        'Codes',
        '=====',
        '',
        '+------------+-------------+',
        '| Code       | Reason      |',
        '+============+=============+',
        '| 200        | OK          |',
        '+------------+-------------+',
        '| 500        | internal    |',
        '|            | server error|',
        '+------------+-------------+',
      );
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 9,
          column: 16,
          endLine: 10,
          endColumn: 28,
          message: 'Reason phrase "internal server error" of 500 should be written "Internal Server Error"',
        },
      ]);
    });
  });
});
