import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';

export type { Options as NoMagicHttpStatusOptions } from './rules/no-magic-http-status.js';
export type { CustomProvider, ProviderOption } from './util/providers.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The prefix of rule ids in configurations: `@docdrift/no-magic-http-status`. */
const PREFIX = '@docdrift';

export const meta = { name: pkg.name, version: pkg.version, namespace: PREFIX };

type Plugin = {
  meta: typeof meta;
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config };
};

const plugin: Plugin = {
  meta,
  rules,
  configs: {
    recommended: {},
    strict: {},
  },
};

/** Flat configs. `recommended`: the rule with its defaults; `strict`: range checks and unregistered codes too. */
export const configs: Plugin['configs'] = {
  recommended: {
    name: `${PREFIX}/recommended`,
    plugins: { [PREFIX]: plugin },
    rules: { [`${PREFIX}/no-magic-http-status`]: 'error' },
  },
  strict: {
    name: `${PREFIX}/strict`,
    plugins: { [PREFIX]: plugin },
    rules: {
      [`${PREFIX}/no-magic-http-status`]: ['error', { checkRanges: true, reportUnregistered: true }],
    },
  },
};
plugin.configs = configs;

export { rules };
export default plugin;
