/**
 * Inputs that once made the parser super-linear (quadratic scans, work per
 * row times columns): what they parse to. No wall-clock assertions (project
 * rule); the measurements are in the commit messages, and the inputs are big
 * enough that the old code would visibly slow the suite down.
 */
import { describe, expect, it } from 'vitest';
import { parse, type Block, type Inline, type Paragraph } from '../src/index.js';

const rst = (text: string) => parse(text, { format: 'rst' });

/** The inline children of the first block, a paragraph, without positions. */
function firstParagraph(blocks: readonly Block[]): Array<Omit<Inline, 'position'>> {
  const p = blocks[0] as Paragraph;
  expect(p.type).toBe('paragraph');
  return p.children.map(({ position: _position, ...rest }) => rest);
}

describe('RST roles', () => {
  it('reads a long run of :name: colons with no backquote after it as text', () => {
    // Every colon of the run may start a role; each one used to rescan the run to its end.
    const text = ':a:'.repeat(40000) + 'a`b`';
    const { root, messages } = rst(text);
    expect(messages).toEqual([]);
    expect(firstParagraph(root.children)).toEqual([{ type: 'text', value: text }]);
  });

  it('reads the whole run as the role name when a backquote follows it', () => {
    const name = ':a:'.repeat(40000).slice(1, -1);
    const { root, messages } = rst(`:${name}:\`b\``);
    expect(messages).toEqual([]);
    expect(firstParagraph(root.children)).toEqual([{ type: 'role', role: name, value: 'b' }]);
  });

  it('reads a role suffix followed by a long run of colons', () => {
    const rest = ':a:'.repeat(40000).slice(3);
    const { root } = rst('`b`:a:' + rest);
    expect(firstParagraph(root.children)).toEqual([
      { type: 'role', role: 'a', value: 'b' },
      { type: 'text', value: rest },
    ]);
  });
});
