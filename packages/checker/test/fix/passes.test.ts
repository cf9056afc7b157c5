import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import type { CheckInput } from '../../src/docset.js';
import { applyFixes, applyFixPass, fixInput } from '../../src/fix.js';
import { defineRule } from '../../src/rule.js';

const d = (start: number, end: number, text: string, ruleId = 'r'): Diagnostic => ({
  ruleId,
  severity: 'error',
  message: `${ruleId} ${start}-${end}`,
  file: 'a.rst',
  line: 1,
  column: start + 1,
  endLine: 1,
  endColumn: end + 1,
  fix: { range: [start, end], text },
});

describe('one fix pass', () => {
  it('applies fixes in start order and defers the ones that overlap an applied fix', () => {
    const text = 'aaa bbb ccc';
    const pass = applyFixPass(text, [d(4, 7, 'BBB', 'upper'), d(0, 7, 'xxx bbb', 'swap'), d(8, 11, 'CCC', 'upper')]);
    expect(pass.output).toBe('xxx bbb CCC');
    expect(pass.applied.map((x) => x.message)).toEqual(['swap 0-7', 'upper 8-11']);
    expect(pass.deferred.map((x) => x.message)).toEqual(['upper 4-7']);
    expect(applyFixes(text, [d(4, 7, 'BBB')])).toBe('aaa BBB ccc');
  });

  it('adjacent fixes both apply; two insertions at one point and bad ranges are deferred; a no-op fix is not counted', () => {
    const pass = applyFixPass('abcdef', [d(0, 2, 'X'), d(2, 4, 'Y'), d(6, 6, '!'), d(6, 6, '?'), d(3, 99, 'bad'), d(5, 4, 'bad'), d(4, 5, 'e')]);
    expect(pass.output).toBe('XYef!');
    expect(pass.applied).toHaveLength(3);
    expect(pass.deferred.map((x) => x.fix!.text).sort()).toEqual(['?', 'bad', 'bad']);
  });
});

/**
 * Two real rules run by the real engine whose fixes overlap: `swap` turns
 * "aaa bbb" into "xxx bbb", `upper` turns "bbb" into "BBB". Merged blindly on
 * the first text they would give "xxx bbbBBB" or worse; applied in passes,
 * the second fix is recomputed on the text the first one left.
 */
const swap = defineRule({
  id: 'swap',
  meta: { description: 'Test rule.', defaultSeverity: 'error', docs: '', fixable: true },
  check(ctx) {
    const at = ctx.text.indexOf('aaa bbb');
    if (at >= 0) ctx.report({ position: pos(ctx.text, at, at + 7), message: 'swap', fix: { range: [at, at + 7], text: 'xxx bbb' } });
  },
});
const upper = defineRule({
  id: 'upper',
  meta: { description: 'Test rule.', defaultSeverity: 'error', docs: '', fixable: true },
  check(ctx) {
    for (let at = ctx.text.indexOf('bbb'); at >= 0; at = ctx.text.indexOf('bbb', at + 1)) {
      ctx.report({ position: pos(ctx.text, at, at + 3), message: 'upper', fix: { range: [at, at + 3], text: 'BBB' } });
    }
  },
});

function pos(text: string, start: number, end: number) {
  const p = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length;
    return { line, column: o - before.lastIndexOf('\n'), offset: o };
  };
  return { start: p(start), end: p(end) };
}

describe('fixing in passes', () => {
  const input: CheckInput = { files: [{ file: 'a.rst', text: 'Title\n=====\n\naaa bbb ccc\n' }, { file: 'b.rst', text: 'B\n=\n\nbbb\n', check: false }] };
  const checker = (i: CheckInput) => check(i, {}, { rules: [swap, upper] });

  it('overlapping fixes: the second is applied in a later pass, on the new text', async () => {
    const r = await fixInput(input, checker);
    expect(r.files).toEqual([{ file: 'a.rst', original: 'Title\n=====\n\naaa bbb ccc\n', output: 'Title\n=====\n\nxxx BBB ccc\n', fixes: 2 }]);
    expect(r.passes).toBe(2);
    expect(r.diagnostics).toEqual([]);
    expect(r.exhausted).toBe(false);
    // What a blind merge of the first pass's fixes would have produced.
    expect(applyFixes('aaa bbb ccc', [d(0, 7, 'xxx bbb'), d(4, 7, 'BBB')])).toBe('xxx bbb ccc');
  });

  it('is idempotent: fixing the fixed input changes nothing; context files are never changed', async () => {
    const r = await fixInput(input, checker);
    const again = await fixInput({ files: input.files.map((f) => ({ ...f, text: r.files.find((x) => x.file === f.file)?.output ?? f.text })) }, checker);
    expect(again.files).toEqual([]);
    expect(again.passes).toBe(0);
    expect(r.files.map((f) => f.file)).toEqual(['a.rst']);
  });

  it('stops after maxPasses and says fixes are pending', async () => {
    // A rule whose fix always leaves more to fix.
    const grow = defineRule({
      id: 'grow',
      meta: { description: 'Test rule.', defaultSeverity: 'error', docs: '', fixable: true },
      check(ctx) {
        ctx.report({ position: pos(ctx.text, 0, 0), message: 'grow', fix: { range: [0, 0], text: 'x' } });
      },
    });
    const r = await fixInput({ files: [{ file: 'a.rst', text: 'T\n=\n' }] }, (i) => check(i, {}, { rules: [grow] }), { maxPasses: 3 });
    expect(r.passes).toBe(3);
    expect(r.exhausted).toBe(true);
    expect(r.files[0]!.output).toBe('xxxT\n=\n');
  });
});
