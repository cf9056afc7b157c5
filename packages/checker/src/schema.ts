/**
 * The JSON schema of docdrift.config.json, derived from the rule registry
 * (ids, descriptions, option schemas). The shipped copy in
 * schema/docdrift.config.schema.json is generated from this; a test keeps
 * them equal (`pnpm --filter @docdrift/checker generate`).
 */
import { SEVERITY_SETTINGS } from './config.js';
import type { AnyRule } from './rule.js';

export function configSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const severity = { enum: [...SEVERITY_SETTINGS] };
  const stringOrList = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] };
  const ruleProps: Record<string, unknown> = {};
  for (const r of rules) {
    const options = r.meta.options ?? { type: 'object' };
    ruleProps[r.id] = {
      description: `${r.meta.description} (default: ${r.meta.defaultSeverity})`,
      oneOf: [severity, { type: 'array', prefixItems: [severity, options], minItems: 1, maxItems: 2, items: false }],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://docdrift.dev/schema/docdrift.config.schema.json',
    title: 'docdrift configuration',
    description: 'docdrift.config.json: found from the working directory upward, or given with --config. Folder paths are relative to this file.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Severity (and options) per rule: "off" | "info" | "warn" | "error", or [severity, options].',
        type: 'object',
        additionalProperties: false,
        properties: ruleProps,
      },
      baseUrl: {
        description: "Base URL(s) of the published site for the folder of this file, e.g. https://docs.example.com/<service>/. A project's pages are published at <baseUrl><project-dir>/<path>.html, where <project-dir> is the project root without a trailing /source.",
        ...stringOrList,
      },
      sites: {
        description: 'Base URLs per folder (for trees that hold several repositories).',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['root', 'baseUrl'],
          properties: { root: { type: 'string' }, baseUrl: stringOrList },
        },
      },
      projects: {
        description: 'Sphinx projects, when their roots cannot be found from conf.py or the index.rst holding the root toctree.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['root'],
          properties: {
            root: { type: 'string', description: 'The folder that would hold conf.py.' },
            name: { type: 'string' },
            url: { type: 'string', description: 'Published URL prefix of the project (overrides baseUrl).' },
          },
        },
      },
      variants: {
        description: 'Variant roots: { "public": "docs/public", "swiss": "docs/swiss" }, or a list of such sets. Pages pair by relative path, else :original_name:, else page label, else title.',
        oneOf: [
          { $ref: '#/$defs/variantRoots' },
          { type: 'array', items: { $ref: '#/$defs/variantRoots' } },
        ],
      },
      groupByContent: {
        description: 'Folders whose pages are all the same kind of page: their pages are grouped into variants by content similarity.',
        type: 'array',
        items: { type: 'string' },
      },
      reference: {
        description: 'The reference variant (a name from variants): drift findings then say "differs from the reference". Without one, the majority wording is the reference and ties are reported neutrally.',
        type: 'string',
      },
      ignores: { description: 'Globs of files never checked nor loaded.', type: 'array', items: { type: 'string' } },
      extensions: { description: 'File extensions to check (default [".rst", ".md"]).', type: 'array', items: { type: 'string', pattern: '^\\.' } },
      noInlineConfig: { description: "Ignore the pages' inline docdrift-disable comments (as ESLint's noInlineConfig; the CLI's --no-inline-config).", type: 'boolean' },
      reportUnusedDisableDirectives: { description: 'Severity of unused-disable: a docdrift-disable comment (or a rule id in it) that disables no finding (default "warn", as ESLint).', ...severity },
    },
    $defs: {
      variantRoots: { type: 'object', additionalProperties: { type: 'string' }, minProperties: 1 },
    },
  };
}
