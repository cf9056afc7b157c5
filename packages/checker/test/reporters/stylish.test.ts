import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { json } from '../../src/reporters/json.js';
import { stylish } from '../../src/reporters/stylish.js';

const edit: Diagnostic = {
  ruleId: 'wording-drift',
  severity: 'warning',
  message: '403 description differs from swiss in two words: You are [-not allowed-]{+forbidden+} to access the page.',
  file: 'public/p.rst',
  line: 9,
  column: 17,
  endLine: 9,
  endColumn: 54,
  key: '403',
  diff: [
    { op: 'equal', text: 'You are ' },
    { op: 'removed', text: 'not allowed' },
    { op: 'added', text: 'forbidden' },
    { op: 'equal', text: ' to access the page.' },
  ],
};

const rewrite: Diagnostic = {
  ...edit,
  line: 11,
  message: '404 description is worded differently from swiss: "Nothing here." → "The page was not found."',
  key: '404',
  diff: [
    { op: 'removed', text: 'Nothing here.' },
    { op: 'added', text: 'The page was not found.' },
  ],
};

describe('stylish: word diffs of the drift rules', () => {
  it('without colours keeps the [-removed-]{+added+} notation of the message', () => {
    const out = stylish([edit], { colorLevel: 0 });
    expect(out).toContain('You are [-not allowed-]{+forbidden+} to access the page.');
  });

  it('with colours shows removed words red and struck, added words green, without the markers', () => {
    const out = stylish([edit], { colorLevel: 1 });
    expect(out).toContain('You are \u001b[31m\u001b[9mnot allowed\u001b[29m\u001b[39m\u001b[32mforbidden\u001b[39m to access the page.');
    expect(out).not.toContain('[-');
  });

  it('adds the coloured diff under a rewrite, whose message quotes both texts', () => {
    const out = stylish([rewrite], { colorLevel: 1 }).split('\n');
    const at = out.findIndex((l) => l.includes('404 description'));
    expect(out[at + 1]).toContain('\u001b[31m\u001b[9mNothing here.\u001b[29m\u001b[39m');
    expect(out[at + 1]).toContain('\u001b[32mThe page was not found.\u001b[39m');
  });

  it('json carries the key and the structured diff', () => {
    const [d] = JSON.parse(json([edit])) as Diagnostic[];
    expect(d?.key).toBe('403');
    expect(d?.diff).toEqual(edit.diff);
  });

  it('the summary says how many findings --fix can fix, as ESLint does', () => {
    const fixed: Diagnostic = { ...edit, ruleId: 'reason-phrase', severity: 'error', message: 'Reason phrase "NotFound" of 404 should be written "Not Found"', fix: { range: [10, 18], text: 'Not Found' } };
    expect(stylish([fixed, edit], { colorLevel: 0 }).split('\n').slice(-3)).toEqual(['✖ 2 problems (1 error, 1 warning)', '  1 problem is potentially fixable with the `--fix` option.', '']);
    expect(stylish([fixed, { ...fixed, line: 12 }], { colorLevel: 0 })).toContain('  2 problems are potentially fixable with the `--fix` option.\n');
    expect(stylish([edit], { colorLevel: 0 })).not.toContain('--fix');
  });
});
