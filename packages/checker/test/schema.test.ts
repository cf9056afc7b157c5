import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { configSchema } from '../src/schema.js';

describe('config JSON schema', () => {
  it('the shipped schema is generated from the rule registry (pnpm --filter @docdrift/checker generate)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../schema/docdrift.config.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(configSchema(rules))));
  });

  it('the repository config names the schema and validates against its keys', () => {
    const config = JSON.parse(readFileSync(new URL('../../../docdrift.config.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const schema = configSchema(rules) as { properties: Record<string, unknown> };
    for (const k of Object.keys(config)) expect(Object.keys(schema.properties)).toContain(k);
  });
});

describe('README rule table', () => {
  it('is generated from the rule registry (pnpm --filter @docdrift/checker generate)', async () => {
    const { withRulesTable } = await import('../src/readme.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withRulesTable(readme, rules));
  });
});
