/**
 * Places where docdrift once read real Sphinx pages differently from
 * docutils 0.19, found by comparing both on ../shared/corpus (excerpts in
 * fixtures/rst-audit/). Each expectation is what docutils' doctree says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, references, toText, visit, type Node, type Root } from '../src/index.js';

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

describe('inline markup next to Unicode punctuation', () => {
  /** Each inline node as [type, text]; text nodes as their value. */
  const inlines = (text: string) => {
    const { root } = rst(text);
    const para = find(root, 'paragraph')[0];
    return (para?.children ?? []).map((n) => [n.type, toText(n)]);
  };

  it('ends markup before dashes, ellipses and no-break spaces, and starts it after them (docutils delimiters and whitespace)', () => {
    // docutils: <strong>Note</strong>—see <ref x>. ; docdrift once kept "**Note**—see" as text.
    expect(inlines('**Note**\u2014see :ref:`x`.')).toEqual([
      ['strong', 'Note'],
      ['text', '\u2014see '],
      ['crossReference', 'x'],
      ['text', '.'],
    ]);
    expect(inlines('Read *this*\u2026 now, value\u00a0**bold**\u00a0here.')).toEqual([
      ['text', 'Read '],
      ['emphasis', 'this'],
      ['text', '\u2026 now, value\u00a0'],
      ['strong', 'bold'],
      ['text', '\u00a0here.'],
    ]);
    expect(inlines('*c*\u2013*d*.')).toEqual([
      ['emphasis', 'c'],
      ['text', '\u2013'],
      ['emphasis', 'd'],
      ['text', '.'],
    ]);
  });

  it('takes CJK brackets as openers and closers', () => {
    expect(inlines('\u300c**important**\u300d and more')).toEqual([
      ['text', '\u300c'],
      ['strong', 'important'],
      ['text', '\u300d and more'],
    ]);
  });

  it('starts markup right where the previous markup ended, as docutils does', () => {
    // docutils parses the rest of the text after each construct as a new string
    expect(inlines('**a**:ref:`b` and')).toEqual([
      ['strong', 'a'],
      ['crossReference', 'b'],
      ['text', ' and'],
    ]);
  });

  it('leaves a start-string between an opener and its closer as text', () => {
    expect(inlines('Quoted \u201c*\u201d, \u00ab*\u00bb and "*" stay text.')).toEqual([['text', 'Quoted \u201c*\u201d, \u00ab*\u00bb and "*" stay text.']]);
  });
});

describe('which node a label names', () => {
  it('gives labels to the next node in document order, as docutils PropagateTargets does', () => {
    const { root } = rst(fixture('label-propagation.rst'));
    const named: Array<[string, string, string[]]> = [];
    visit(root, (n) => {
      if (n.type === 'section') named.push(['section', toText(n.children[0] ?? []), n.labels]);
      else if (n.type === 'table') named.push(['table', n.caption?.text ?? '', n.labels]);
      else if (n.type !== 'heading' && n.type !== 'target' && Array.isArray(n.data?.labels)) named.push([n.type, '', n.data.labels as string[]]);
    });
    // docutils: <table ids="in-cell-end">, <entry ids="cell-last">, labels before an
    // external or anonymous target stay there, the label at the end of a nested list
    // item joins the next one on the table, <note ids="before-note">; a comment or a
    // substitution definition between label and title keeps the title unlabelled;
    // the label at the end of the last list item names the next section.
    expect(named).toEqual([
      ['section', 'Title', []],
      ['table', '', ['in_cell_end']],
      ['tableCell', '', ['cell_last']],
      ['section', 'Sub X', []],
      ['section', 'Sub Y', []],
      ['table', 'Cap', ['deep_end', 'chain_next']],
      ['admonition', '', ['before_note']],
      ['section', 'Title A', []],
      ['section', 'Sub B', []],
      ['section', 'Sub E', ['lbl_e']],
    ]);
  });
});

describe('standalone URIs', () => {
  it('end where docutils ends them: no braces, a letter, digit or / last, then punctuation or space', () => {
    // From vpc-endpoint api-ref example requests. docutils: <reference refuri="https:/">,
    // "https://127.0.0.1:7443/v1" (twice), then ".../a", ".../b", ".../c".
    // docdrift once linked "https://{endpoint}/v1", ".../{project_id}/endpoint_service/tags" and ".../a-".
    const text = fixture('uri-templates.rst');
    const { root } = rst(text);
    const links = references(root).filter((r) => r.kind === 'link');
    expect(links.map((l) => [l.target, l.text, l.position?.start.line])).toEqual([
      ['https:/', 'https:/', 3],
      ['https://127.0.0.1:7443/v1', 'https://127.0.0.1:7443/v1', 7],
      ['https://127.0.0.1:7443/v1', 'https://127.0.0.1:7443/v1', 9],
      ['https://docs.example.com/a', 'https://docs.example.com/a', 11],
      ['https://docs.example.com/b', 'https://docs.example.com/b', 11],
      ['https://docs.example.com/c', 'https://docs.example.com/c', 11],
    ]);
    // the text around the link is unchanged
    expect(toText(find(root, 'paragraph')[1] ?? [])).toBe('GET https://{endpoint}/v1');
  });
});
