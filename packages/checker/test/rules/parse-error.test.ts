import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/parse-error.js';
import { lines, runRule } from '../helpers.js';

const good = lines('Title', '=====', '', '.. table:: **Table 1** Fine', '', '   +-----+-----+', '   | a   | b   |', '   +=====+=====+', '   | 1   | 2   |', '   +-----+-----+');
const bad = lines('Title', '=====', '', '.. table:: **Table 1** Broken', '', '   +-----+-----+', '   | a   | b   |', '   +=====+=====+', '   | 1   | 2', '   +-----+-----+');

describe('parse-error', () => {
  it('valid: a well-formed table', () => {
    expect(runRule(rule, { 'page.rst': good })).toEqual([]);
  });

  it('invalid: a malformed grid table, at the parser positions', () => {
    expect(runRule(rule, { 'page.rst': bad })).toEqual([
      {
        file: 'page.rst',
        line: 4,
        column: 1,
        endLine: 10,
        endColumn: 17,
        message: 'Error parsing content block for the "table" directive: exactly one table expected. (table-directive)',
      },
      { file: 'page.rst', line: 9, column: 4, endLine: 9, endColumn: 13, message: 'Malformed table. Right border not aligned or missing. (malformed-table)' },
    ]);
  });

  it('does not report context pages', () => {
    expect(runRule(rule, { 'page.rst': bad, 'ok.rst': good }, { check: ['ok.rst'] })).toEqual([]);
  });
});
