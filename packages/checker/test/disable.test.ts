import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { parseDisables } from '../src/disable.js';
import { lines } from './helpers.js';

describe('inline disables', () => {
  it('RST comment: disable-next-line skips blank lines and names rules', () => {
    const d = parseDisables(lines('.. docdrift-disable-next-line broken-ref, stale-site-link', '', 'target line', 'other'));
    expect(d.isDisabled('broken-ref', 3)).toBe(true);
    expect(d.isDisabled('stale-site-link', 3)).toBe(true);
    expect(d.isDisabled('caption-numbering', 3)).toBe(false);
    expect(d.isDisabled('broken-ref', 4)).toBe(false);
  });

  it('HTML comment, and no rule id means every rule', () => {
    const d = parseDisables(lines('<!-- docdrift-disable-next-line -->', 'x', '<!-- docdrift-disable-next-line broken-ref -->', 'y'));
    expect(d.isDisabled('anything', 2)).toBe(true);
    expect(d.isDisabled('broken-ref', 4)).toBe(true);
    expect(d.isDisabled('other', 4)).toBe(false);
  });

  it('disable/enable pairs, per rule and for all; an unclosed disable runs to the end', () => {
    const d = parseDisables(lines('a', '.. docdrift-disable broken-ref', 'b', '.. docdrift-enable broken-ref', 'c', '<!-- docdrift-disable -->', 'd', 'e'));
    expect(d.isDisabled('broken-ref', 1)).toBe(false);
    expect(d.isDisabled('broken-ref', 3)).toBe(true);
    expect(d.isDisabled('other', 3)).toBe(false);
    expect(d.isDisabled('broken-ref', 5)).toBe(false);
    expect(d.isDisabled('other', 8)).toBe(true);
  });

  it('the engine drops disabled findings', () => {
    const text = lines('T', '=', '', ':ref:`one`', '', '.. docdrift-disable-next-line broken-ref', '', ':ref:`two`', '', ':ref:`three`');
    const found = check({ files: [{ file: 'p.rst', text }] }, { rules: { 'broken-ref': 'error' } });
    expect(found.filter((d) => d.ruleId === 'broken-ref').map((d) => d.line)).toEqual([4, 10]);
  });
});
