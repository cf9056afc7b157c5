import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/mislabeled-caption.js';
import { lines, runRule } from '../helpers.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/corpus/${name}`, import.meta.url)), 'utf8');

/** The API Gateway seed's shape: "Return Value | Description", "200 OK" in the code cell; caption on line 6. */
function statusPage(caption: string, header = 'Return Value'): string {
  return lines(
    'HTTP Status Codes',
    '=================',
    '',
    '.. _codes:',
    '',
    `.. table:: **Table 1** ${caption}`,
    '',
    '   +---------------------------+--------------------------------+',
    `   | ${header.padEnd(25)} | Description                    |`,
    '   +===========================+================================+',
    '   | 200 OK                    | The request succeeded.         |',
    '   +---------------------------+--------------------------------+',
    '   | 204 No Content            | Nothing is returned.           |',
    '   +---------------------------+--------------------------------+',
    '   | 400 Bad Request           | The request is malformed.      |',
    '   +---------------------------+--------------------------------+',
    '   | 404 Not Found             | No such resource.              |',
    '   +---------------------------+--------------------------------+',
  );
}

/** A parameter table (the API reference's most common shape); caption on line 4. */
function parameterPage(caption: string): string {
  return lines(
    'Creating a Tracker',
    '==================',
    '',
    `.. table:: **Table 1** ${caption}`,
    '',
    '   ============ ========= ====== ==========================',
    '   Parameter    Mandatory Type   Description',
    '   ============ ========= ====== ==========================',
    '   tracker_name Yes       String Name of the tracker.',
    '   bucket_name  No        String OBS bucket for the traces.',
    '   ============ ========= ====== ==========================',
  );
}

describe('mislabeled-caption', () => {
  describe('valid', () => {
    for (const caption of ['HTTP status codes', 'Status codes', 'Return code for failed requests', 'Return values for successful requests', 'Error codes', 'Normal responses', 'Abnormal status codes']) {
      it(`a status-code table captioned "${caption}"`, () => {
        expect(runRule(rule, { 'page.rst': statusPage(caption) })).toEqual([]);
      });
    }

    for (const caption of ['Parameter description', 'Request parameters', 'Response parameters', 'Basic Settings', 'Parameters', 'Data structure description', 'Table']) {
      it(`a generic caption over a status-code table: "${caption}"`, () => {
        expect(runRule(rule, { 'page.rst': statusPage(caption) })).toEqual([]);
      });
    }

    it('a caption that names what the header names', () => {
      expect(runRule(rule, { 'page.rst': statusPage('Gateway outcomes', 'Gateway Outcome') })).toEqual([]);
    });

    for (const caption of ['Tag requirements for VPC endpoints', 'NotificationUsers', 'User management permissions', 'Port mapping parameters']) {
      it(`any caption over a table that is not a status-code table: "${caption}"`, () => {
        expect(runRule(rule, { 'page.rst': parameterPage(caption) })).toEqual([]);
      });
    }

    it('a table of ports is not a status-code table', () => {
      const page = lines(
        'Ports',
        '=====',
        '',
        '.. table:: **Table 1** Security group rules',
        '',
        '   ==== ========',
        '   Port Protocol',
        '   ==== ========',
        '   443  HTTPS',
        '   500  IKE',
        '   123  NTP',
        '   ==== ========',
      );
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('an error-code table without status codes, captioned "Error code description"', () => {
      const page = lines(
        'Error Codes',
        '===========',
        '',
        '.. table:: **Table 1** Error code description',
        '',
        '   ========== ==================',
        '   Error Code Message',
        '   ========== ==================',
        '   DC.1017    The VLAN ID is 0.',
        '   DC.1019    Quota used up.',
        '   ========== ==================',
      );
      expect(runRule(rule, { 'page.rst': page })).toEqual([]);
    });

    it('a caption with no text after its number', () => {
      expect(runRule(rule, { 'page.rst': statusPage('').replace('**Table 1** ', '**Table 1**') })).toEqual([]);
    });

    it('real pages: generic captions on an API page', () => {
      expect(runRule(rule, { 'querying_tags.rst': fixture('querying_tags_of_a_tenants_resource.rst') })).toEqual([]);
    });

    it('real pages: the status-code appendix (RST) and its Markdown export', () => {
      expect(runRule(rule, { 'status_codes.rst': fixture('status_codes.rst'), 'status-code.md': fixture('status-code.md') })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('"User management permissions" over a table of status codes (seeds 000 and 001)', () => {
      expect(runRule(rule, { 'page.rst': statusPage('User management permissions') })).toEqual([
        {
          file: 'page.rst',
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 51,
          message:
            'Caption "User management permissions" does not describe its table, whose rows are HTTP status codes (200 OK, 204 No Content, 400 Bad Request, …): caption it for what it lists, e.g. "Status codes"',
        },
      ]);
    });

    it('a specific caption mixed with generic words still names the wrong topic', () => {
      expect(runRule(rule, { 'page.rst': statusPage('Tag requirements for VPC endpoints') })).toEqual([
        {
          file: 'page.rst',
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 58,
          message:
            'Caption "Tag requirements for VPC endpoints" does not describe its table, whose rows are HTTP status codes (200 OK, 204 No Content, 400 Bad Request, …): caption it for what it lists, e.g. "Status codes"',
        },
      ]);
    });

    it('a three-column status table, codes and phrases in their own cells', () => {
      const page = lines(
        'Status Codes',
        '============',
        '',
        '.. table:: **Table 2** Port mapping parameters',
        '',
        '   =========== ============ ==================',
        '   Status Code Message      Description',
        '   =========== ============ ==================',
        '   200         OK           Success.',
        '   401         Unauthorized Log in again.',
        '   =========== ============ ==================',
      );
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 47,
          message:
            'Caption "Port mapping parameters" does not describe its table, whose rows are HTTP status codes (200 OK, 401 Unauthorized): caption it for what it lists, e.g. "Status codes"',
        },
      ]);
    });

    it('a caption that promises status codes over a parameter table', () => {
      expect(runRule(rule, { 'page.rst': parameterPage('HTTP status codes') })).toEqual([
        {
          file: 'page.rst',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 41,
          message: 'Caption "HTTP status codes" promises status codes, but no cell of its table starts with one',
        },
      ]);
    });

    it('a caption that promises error codes over a parameter table', () => {
      expect(runRule(rule, { 'page.rst': parameterPage('Error codes') })).toEqual([
        {
          file: 'page.rst',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 35,
          message: 'Caption "Error codes" promises error codes, but its table has no code column and no cell that looks like an error or status code',
        },
      ]);
    });

    it('each table of a page on its own', () => {
      const page = statusPage('HTTP status codes') + '\n' + parameterPage('Status codes').split('\n').slice(3).join('\n');
      expect(runRule(rule, { 'page.rst': page })).toEqual([
        {
          file: 'page.rst',
          line: 20,
          column: 24,
          endLine: 20,
          endColumn: 36,
          message: 'Caption "Status codes" promises status codes, but no cell of its table starts with one',
        },
      ]);
    });
  });
});
