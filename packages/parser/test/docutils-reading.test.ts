/**
 * Places where docdrift once read real Sphinx pages differently from
 * docutils 0.19, found by comparing both on ../shared/corpus (excerpts in
 * fixtures/rst-audit/). Each expectation is what docutils' doctree says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, toText, visit, type Node, type Root } from '../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/rst-audit/${name}`, import.meta.url), 'utf8');
const rst = (text: string) => parse(text, { format: 'rst' });

function find<T extends Node['type']>(root: Root, type: T): Array<Extract<Node, { type: T }>> {
  const out: Array<Extract<Node, { type: T }>> = [];
  visit(root, (n) => {
    if (n.type === type) out.push(n as Extract<Node, { type: T }>);
  });
  return out;
}

describe('line blocks', () => {
  it('reads a line starting with a substitution reference as a paragraph, not a line block', () => {
    // docutils: <paragraph><image alt="image1" …>, <paragraph><image alt="image2"> Click here.,
    // then <line_block> with two lines. docdrift once dropped "|i" as a line-block marker: "mage1|".
    const { root, messages } = rst(fixture('substitution-line.rst'));
    expect(messages).toEqual([]);
    const paras = find(root, 'paragraph').map((p) => [toText(p), p.position?.start.line]);
    expect(paras.slice(2)).toEqual([
      ['|image1|', 10],
      ['To obtain traces of the last seven days, use createServer as the keyword to query transferred traces in OBS buckets.', 14],
      ['|image2| Click here.', 16],
      ['Line one\nLine two', 18],
    ]);
    expect(find(root, 'substitutionReference').map((s) => s.name)).toEqual(['image1', 'image2']);
  });
});
