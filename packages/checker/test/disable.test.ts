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

  // A page that documents the comments shows them in code: those are examples, not directives.
  it('a comment shown in a literal block, a code block or an inline literal disables nothing (RST)', () => {
    const text = lines(
      'T', '=', '',
      'Write this::', '', '   .. docdrift-disable', '',
      '.. code-block:: rst', '', '   .. docdrift-disable broken-ref', '',
      ':ref:`one`', '',
      '.. docdrift-disable-next-line broken-ref', '',
      ':ref:`two`', '',
      ':ref:`three`',
    );
    const found = check({ files: [{ file: 'p.rst', text }] }, { rules: { 'broken-ref': 'error', 'unknown-disable': 'warning' } });
    expect(found.map((d) => `${d.ruleId}:${d.line}`)).toEqual(['broken-ref:12', 'broken-ref:18']);
  });

  it('a comment shown in a fence, an indented code block or inline code disables nothing (Markdown)', () => {
    const text = lines(
      '# Status codes', '',
      '```markdown', '<!-- docdrift-disable -->', '```', '',
      '    <!-- docdrift-disable reason-phrase -->', '',
      'Inline: `<!-- docdrift-disable -->` and `<!-- docdrift-disable-next-lines -->`.', '',
      '| Status code | Description |', '| --- | --- |', '| 200 OK | Fine. |', '| 404 NotFound | Missing. |', '',
      '<!-- docdrift-disable-next-line reason-phrase -->', '',
      '| Status code | Description |', '| --- | --- |', '| 200 OK | Fine. |', '| 500 internal Server Error | Failed. |',
    );
    const found = check({ files: [{ file: 'p.md', text }] }, { rules: { 'reason-phrase': 'error', 'unknown-disable': 'warning' } });
    expect(found.map((d) => `${d.ruleId}:${d.line}:${d.column}`)).toEqual(['reason-phrase:14:7', 'reason-phrase:21:7']);
  });

  it('parseDisables asks for the code ranges only when the page has a docdrift- comment', () => {
    let asked = 0;
    const code = () => {
      asked++;
      return [[0, 30]] as const;
    };
    expect(parseDisables(lines('no comment here'), code).isDisabled('x', 1)).toBe(false);
    expect(asked).toBe(0);
    const d = parseDisables(lines('<!-- docdrift-disable x -->', '<!-- docdrift-disable y -->', 'z'), code);
    expect(asked).toBe(1);
    expect(d.isDisabled('x', 3)).toBe(false);
    expect(d.isDisabled('y', 3)).toBe(true);
  });
});
