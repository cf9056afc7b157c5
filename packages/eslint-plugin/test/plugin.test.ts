// One rule, one id: the rule's file, id, doc page, test and export share a
// name (typescript-eslint tests/rules/index.test.ts, unicorn test/package.js),
// configs are derived from rule metadata, and the public API is pinned.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import plugin, { configs, rules } from '../src/index.js';
import { ruleDocsUrl } from '../src/util/create-rule.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const names = (dir: string, ext: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  main: string;
};

describe('@docdrift/eslint-plugin', () => {
  const ids = Object.keys(rules).sort();

  it('pins its public API', () => {
    expect(Object.keys(api).sort()).toEqual(['configs', 'default', 'meta', 'rules']);
    expect(Object.keys(plugin).sort()).toEqual(['configs', 'meta', 'rules']);
    expect(Object.keys(plugin.configs).sort()).toEqual(['recommended', 'strict']);
    expect(ids).toEqual(['no-magic-http-status']);
  });

  it('ships the built entry point through exports and main', () => {
    expect(pkg.exports).toEqual({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    });
    expect(pkg.main).toBe('./dist/index.js');
  });

  it('has one file, one doc page and one test per rule, under the rule id', () => {
    expect(names('src/rules', '.ts').filter((n) => n !== 'index')).toEqual(ids);
    expect(names('docs/rules', '.md')).toEqual(ids);
    expect(names('test/rules', '.test.ts').filter((n) => !n.endsWith('.typed'))).toEqual(ids);
  });

  it.each(Object.entries(rules))('%s carries its metadata', (id, rule) => {
    expect(rule.name).toBe(id);
    expect(rule.meta.docs?.url).toBe(ruleDocsUrl(id));
    expect(existsSync(join(root, 'docs/rules', `${id}.md`))).toBe(true);
    expect(rule.meta.docs?.description).toMatch(/^[A-Z].*[^.]$/);
    expect(rule.meta.defaultOptions).toBeDefined();
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`[${id}](docs/rules/${id}.md)`);
  });

  it('names itself after package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: '@docdrift' });
  });

  it('derives the configs from the rules', () => {
    expect(configs).toBe(plugin.configs);
    for (const config of Object.values(configs)) expect(config.plugins?.['@docdrift']).toBe(plugin);
    const recommended = Object.entries(rules).filter(([, r]) => r.meta.docs?.recommended).map(([id]) => `@docdrift/${id}`);
    expect(Object.keys(configs.recommended.rules ?? {})).toEqual(recommended);
    expect(configs.recommended.rules).toEqual({ '@docdrift/no-magic-http-status': 'error' });
    expect(configs.strict.rules).toEqual({
      '@docdrift/no-magic-http-status': ['error', { checkRanges: true, reportUnregistered: true }],
    });
  });
});
