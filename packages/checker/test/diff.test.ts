import { describe, expect, it } from 'vitest';
import { commonEnds, hunks, renderDiff, wordDiff } from '../src/align/diff.js';
import { hasToken, tokens } from '../src/align/text.js';
import type { DiffPart } from '../src/diagnostic.js';

const side = (parts: DiffPart[], skip: DiffPart['op']): string =>
  parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('shows a one-word change in a long text as one substitution between unchanged words', () => {
    const from = 'The request has been accepted but the processing is not complete yet.';
    const to = 'The request has been accepted but the processing has not complete yet.';
    expect(wordDiff(from, to)).toEqual([
      { op: 'equal', text: 'The request has been accepted but the processing ' },
      { op: 'removed', text: 'is' },
      { op: 'added', text: 'has' },
      { op: 'equal', text: ' not complete yet.' },
    ]);
  });

  it('keeps a repeated word next to a substitution unchanged instead of moving it', () => {
    // Without the common ends left out, the diff library paired the two "trace"s across the change.
    expect(renderDiff(wordDiff('Obtaining range trace trace click.', 'Obtaining range value trace click.'))).toBe('Obtaining range [-trace-]{+value+} trace click.');
  });

  it('rebuilds the words of both texts from its parts, whatever the texts share', () => {
    // Whitespace is not compared: the diff library itself takes the spacing of unchanged runs from one side.
    const words = (s: string): string => s.replace(/\s+/g, '');
    const pool = ['a', 'b', 'the', 'request', 'is', '', ' ', '  ', 'x.', ',', 'a b'];
    let seed = 7;
    const pick = (): string => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return pool[seed % pool.length] as string;
    };
    for (let i = 0; i < 400; i++) {
      const from = Array.from({ length: 1 + (i % 9) }, pick).join(i % 2 ? ' ' : '');
      const to = Array.from({ length: 1 + (i % 7) }, pick).join(' ');
      const parts = wordDiff(from, to);
      expect(words(side(parts, 'added'))).toBe(words(from));
      expect(words(side(parts, 'removed'))).toBe(words(to));
      for (let j = 1; j < parts.length; j++) expect(parts[j]?.op === 'equal' && parts[j - 1]?.op === 'equal').toBe(false);
    }
  });
});

describe('commonEnds', () => {
  it('cuts between words only, never inside one', () => {
    expect(commonEnds('foo bar baz', 'foo qux baz')).toEqual({ head: 4, tail: 4 });
    expect(commonEnds('foobar baz', 'fooqux baz')).toEqual({ head: 0, tail: 4 });
    expect(commonEnds('a b c', 'a c')).toEqual({ head: 2, tail: 1 });
  });

  it('leaves equal texts whole', () => {
    expect(commonEnds('same text', 'same text')).toEqual({ head: 0, tail: 0 });
  });
});

describe('renderDiff', () => {
  it('counts five words of context after a change, not the space before them', () => {
    const parts: DiffPart[] = [
      { op: 'removed', text: 'old' },
      { op: 'added', text: 'new' },
      { op: 'equal', text: ' one two three four five six seven' },
    ];
    expect(renderDiff(parts)).toBe('[-old-]{+new+} one two three four five…');
  });
});

describe('hasToken', () => {
  it('says whether tokens() finds a word, for ASCII and other texts', () => {
    const texts = ['', ' ', ' , ', '—', '«»', '5', ' a ', '5,000', '\u00a0\u00a0', 'Ü', 'é ', '…', '東京', '\u0001x', '\u0001', '(', '-- ', '١'];
    for (const t of texts) expect(hasToken(t), JSON.stringify(t)).toBe(tokens(t).length > 0);
  });

  it('lets punctuation between two changes join them into one hunk, and words split them', () => {
    const parts: DiffPart[] = [
      { op: 'removed', text: 'old' },
      { op: 'equal', text: ', ' },
      { op: 'removed', text: 'gone' },
      { op: 'equal', text: ' kept ' },
      { op: 'added', text: 'new' },
    ];
    expect(hunks(parts)).toEqual([
      { from: 'oldgone', to: '' },
      { from: '', to: 'new' },
    ]);
  });
});

