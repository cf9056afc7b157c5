import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import type { Config } from '../src/config.js';
import { parseDisables } from '../src/disable.js';
import { fixInput } from '../src/fix.js';
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
    // The real comment (line 16) disables line 18, the table's header, where nothing is found: it is reported
    // as unused; the examples in code are not comments at all.
    expect(found.map((d) => `${d.ruleId}:${d.line}:${d.column}`)).toEqual(['reason-phrase:14:7', 'unused-disable:16:33', 'reason-phrase:21:7']);
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

  describe('unused disable comments (as ESLint\'s "unused eslint-disable directive")', () => {
    const page = lines(
      'T', '=', '',
      '.. docdrift-disable-next-line broken-ref', '',
      ':ref:`one`', '',
      '.. docdrift-disable-next-line broken-ref, stale-site-link, wording-drift', '',
      'Nothing to find here.', '',
      '.. docdrift-disable-next-line', '',
      ':ref:`two`', '',
      '.. docdrift-disable', '',
      'Plain text.', '',
      '.. docdrift-enable', '',
    );
    const run = (config: Config) => check({ files: [{ file: 'p.rst', text: page }] }, config).map((d) => `${d.ruleId}:${d.severity}:${d.line}:${d.column}-${d.endColumn} ${d.message}`);

    it('reports a comment, or each id of it, that disabled no finding; ids of rules the run does not run are left alone', () => {
      expect(run({ rules: { 'wording-drift': 'off' } })).toEqual([
        'unused-disable:warning:8:31-41 Unused broken-ref in docdrift-disable-next-line: there is no broken-ref finding on the next line; remove the id',
        'unused-disable:warning:8:43-58 Unused stale-site-link in docdrift-disable-next-line: there is no stale-site-link finding on the next line; remove the id',
        'unused-disable:warning:16:4-20 Unused docdrift-disable: it disables no finding; remove the comment',
      ]);
    });

    it('reportUnusedDisableDirectives sets the severity, or turns it off; --no-inline-config reports the findings instead', () => {
      // wording-drift runs here (by default): its id is unused too.
      expect(run({ reportUnusedDisableDirectives: 'error' }).map((d) => d.split(' ')[0])).toEqual(['unused-disable:error:8:31-41', 'unused-disable:error:8:43-58', 'unused-disable:error:8:60-73', 'unused-disable:error:16:4-20']);
      expect(run({ reportUnusedDisableDirectives: 'off' })).toEqual([]);
      expect(run({ noInlineConfig: true }).map((d) => d.split(' ')[0])).toEqual(['broken-ref:error:6:1-11', 'broken-ref:error:14:1-11']);
    });

    it('a disable comment whose finding comes from a variant group rule counts as used', () => {
      const a = lines('Codes', '=====', '', 'The service returns these codes.');
      const b = lines('Codes', '=====', '', '.. docdrift-disable-next-line wording-drift', '', 'The service returns those codes.');
      const c = lines('Codes', '=====', '', 'The service returns these codes.');
      const found = check({ files: [{ file: 'v/a.rst', text: a }, { file: 'v/b.rst', text: b }, { file: 'v/c.rst', text: c }] }, { groupByContent: ['v'] });
      expect(found).toEqual([]);
      const moved = b.replace('those', 'these');
      expect(check({ files: [{ file: 'v/a.rst', text: a }, { file: 'v/b.rst', text: moved }, { file: 'v/c.rst', text: c }] }, { groupByContent: ['v'] }).map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['v/b.rst:4 unused-disable']);
    });

    it('--fix removes what is unused: the comment with its line and a blank line, or the ids that disabled nothing', async () => {
      const fixed = await fixInput({ files: [{ file: 'p.rst', text: page }] }, (i) => check(i, { rules: { 'wording-drift': 'off' } }));
      expect(fixed.files.map((f) => f.output)).toEqual([
        lines('T', '=', '', '.. docdrift-disable-next-line broken-ref', '', ':ref:`one`', '', '.. docdrift-disable-next-line wording-drift', '', 'Nothing to find here.', '', '.. docdrift-disable-next-line', '', ':ref:`two`', '', 'Plain text.', '', '.. docdrift-enable', ''),
      ]);
      expect(fixed.diagnostics).toEqual([]);
      // Markdown, CRLF, a comment inside a paragraph's line, and a comment whose every id is unused.
      const md = '# T\r\n\r\n<!-- docdrift-disable-next-line broken-ref -->\r\nText <!-- docdrift-disable reason-phrase --> here.\r\n\r\n<!-- docdrift-disable-next-line broken-ref, reason-phrase -->\r\nMore.\r\n';
      const out = await fixInput({ files: [{ file: 'p.md', text: md }] }, (i) => check(i, {}));
      expect(out.files.map((f) => f.output)).toEqual(['# T\r\n\r\nText  here.\r\n\r\nMore.\r\n']);
      // A second run changes nothing.
      expect((await fixInput({ files: [{ file: 'p.md', text: out.files[0]?.output ?? '' }] }, (i) => check(i, {}))).files).toEqual([]);
    });
  });
});
