import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, type Position } from '../src/index.js';

/**
 * docs/model.md shows, for each node type, an example input and the tree
 * `parse` yields (positions printed as "line:col-line:col"). Every example is
 * run here, so the documentation cannot drift from the parser.
 */
const doc = readFileSync(fileURLToPath(new URL('../docs/model.md', import.meta.url)), 'utf8');
const EXAMPLE = /```(rst|markdown) example\n([\s\S]*?)```\n\nyields:\n\n```json tree\n([\s\S]*?)```/g;

function compact(p: Position): string {
  return `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;
}

function render(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(render);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'position' && v && typeof v === 'object' && 'start' in v ? compact(v as Position) : render(v)]),
    );
  }
  return value;
}

const examples = [...doc.matchAll(EXAMPLE)].map((m) => ({ format: m[1] as 'rst' | 'markdown', input: m[2] as string, tree: m[3] as string }));

describe('docs/model.md', () => {
  it('has an example for every node type it documents', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    for (const type of ['section', 'heading', 'fieldList', 'field', 'target', 'comment', 'substitutionDefinition', 'admonition', 'code', 'toctree', 'table', 'tableRow', 'tableCell', 'figure', 'list', 'listItem', 'blockquote', 'definitionList', 'thematicBreak', 'directive', 'crossReference', 'link', 'role', 'emphasis', 'strong', 'inlineCode']) {
      expect(examples.some((e) => e.tree.includes(`"type": "${type}"`)), type).toBe(true);
    }
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i yields the documented tree', (_i, example) => {
    const { root, messages } = parse(example.input, { format: example.format });
    const actual: Record<string, unknown> = { children: render(root.children) };
    if (messages.length > 0) {
      actual.messages = messages.map((m) => ({ severity: m.severity, code: m.code, message: m.message, position: compact(m.position) }));
    }
    expect(actual).toEqual(JSON.parse(example.tree));
  });
});
