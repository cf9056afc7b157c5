import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docsUrl } from '../../src/rule.js';
import { rules } from '../../src/rules/index.js';

const dir = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const ids = rules.map((r) => r.id);
const names = (folder: string, ext: string): string[] =>
  readdirSync(dir(folder))
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .filter((f) => f !== 'index')
    .sort();

describe('rule registry', () => {
  it('is sorted by id and ids are unique', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('lists exactly the files in src/rules/', () => {
    expect(names('../../src/rules/', '.ts')).toEqual(ids);
  });

  it('has a test file per rule', () => {
    expect(names('./', '.test.ts')).toEqual(ids);
  });

  it('has a doc page per rule', () => {
    expect(names('../../docs/rules/', '.md')).toEqual(ids);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const doc = readFileSync(dir(`../../docs/rules/${rule.id}.md`), 'utf8');
      it('is exported as default from its own file', async () => {
        const mod = (await import(`../../src/rules/${rule.id}.ts`)) as { default: unknown };
        expect(mod.default).toBe(rule);
      });
      it('doc page title is the id and its first paragraph is meta.description', () => {
        const [head, , description] = doc.split('\n');
        expect(head).toBe(`# ${rule.id}`);
        expect(description).toBe(rule.meta.description);
      });
      it('doc page states the default severity', () => {
        expect(doc).toContain(`- Default severity: \`${rule.meta.defaultSeverity}\``);
      });
      it('meta.docs points at the doc page', () => {
        expect(rule.meta.docs).toBe(docsUrl(rule.id));
      });
      it('doc page has an incorrect and a correct example', () => {
        expect(doc).toContain('<!-- example: incorrect');
        expect(doc).toContain('<!-- example: correct');
      });
    });
  }
});
