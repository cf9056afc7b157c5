import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import type { Config } from '../src/config.js';
import { applyFixes } from '../src/fix.js';
import { rules } from '../src/rules/index.js';
import { extractExamples } from './doc-examples.js';

const dir = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

describe('rule doc examples run as tests', () => {
  for (const rule of rules) {
    const doc = readFileSync(dir(`../docs/rules/${rule.id}.md`), 'utf8');
    const examples = extractExamples(doc);
    it(`${rule.id}: has examples`, () => {
      expect(examples.filter((e) => e.kind === 'incorrect').length).toBeGreaterThan(0);
      expect(examples.filter((e) => e.kind === 'correct').length).toBeGreaterThan(0);
    });
    for (const ex of examples) {
      it(`${rule.id}: ${ex.kind} example at docs/rules/${rule.id}.md:${ex.line}`, () => {
        // Only the rule runs; the others are known (turned off), as in a real run with a config that turns them off.
        const others = Object.fromEntries(rules.filter((r) => r !== rule).map((r) => [r.id, 'off']));
        const config = { reportUnusedDisableDirectives: 'off', ...(ex.config as Config), rules: { ...others, [rule.id]: 'error' } } as Config;
        const input = { files: Object.entries(ex.files).map(([file, text]) => ({ file, text, check: ex.check.includes(file) })) };
        const found = check(input, config, { rules });
        if (ex.kind === 'correct') {
          expect(found.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([]);
          return;
        }
        expect(found.length).toBeGreaterThan(0);
        if (ex.diagnostics) expect(found.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual(ex.diagnostics);
        if (ex.fixed !== undefined) {
          const first = Object.keys(ex.files)[0] as string;
          expect(applyFixes(ex.files[first] as string, found.filter((d) => d.file === first))).toBe(ex.fixed);
        }
      });
    }
  }
});
