import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { ConfigError, validateConfig } from '../src/config.js';
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

describe('validateConfig: keys the schema does not know are errors, at every level', () => {
  const schema = configSchema(rules) as { properties: Record<string, { items?: { properties: Record<string, unknown> } }> };
  const message = (config: unknown): string => {
    try {
      validateConfig(config, 'c.json');
    } catch (e) {
      if (e instanceof ConfigError) return e.message;
      throw e;
    }
    return 'valid';
  };

  it('accepts every key the schema names, at the top, in sites[] and in projects[]', () => {
    const top = Object.fromEntries(Object.keys(schema.properties).map((k) => [k, undefined]));
    expect(message(top)).toBe('valid');
    const site = Object.fromEntries(Object.keys(schema.properties.sites?.items?.properties ?? {}).map((k) => [k, 'x']));
    const project = Object.fromEntries(Object.keys(schema.properties.projects?.items?.properties ?? {}).map((k) => [k, 'x']));
    expect(Object.keys(site)).toEqual(['root', 'baseUrl']);
    expect(Object.keys(project)).toEqual(['root', 'name', 'url']);
    expect(message({ sites: [site], projects: [project] })).toBe('valid');
  });

  it('names the unknown key, where it is, and the key meant', () => {
    expect(message({ rulez: {} })).toBe('c.json: unknown key "rulez" (did you mean "rules"?)');
    expect(message({ baseURL: 'https://docs.example.com/' })).toBe('c.json: unknown key "baseURL" (did you mean "baseUrl"?)');
    // A project's URL given as "site" was ignored: the project had no published URL, and its self-links and stale links went unreported.
    expect(message({ projects: [{ root: 'docs', site: 'https://docs.example.com/svc/api-ref/' }] })).toBe('c.json: unknown key "site" in projects[0] (known keys: root, name, url)');
    expect(message({ projects: [{ root: 'a' }, { root: 'b', nme: 'B' }] })).toBe('c.json: unknown key "nme" in projects[1] (did you mean "name"?)');
    expect(message({ sites: [{ root: 'a', baseUrl: 'x', url: 'y' }] })).toBe('c.json: unknown key "url" in sites[0] (known keys: root, baseUrl)');
    expect(message({ colour: 1 })).toBe('c.json: unknown key "colour" (known keys: rules, baseUrl, sites, projects, variants, groupByContent, reference, ignores, extensions, noInlineConfig, reportUnusedDisableDirectives)');
  });
});

describe('README rule table', () => {
  it('is generated from the rule registry (pnpm --filter @docdrift/checker generate)', async () => {
    const { withRulesTable } = await import('../src/readme.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withRulesTable(readme, rules));
  });
});
