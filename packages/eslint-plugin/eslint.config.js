// The repository's config, plus eslint-plugin-eslint-plugin for the rules'
// source (`all`: every rule that needs no type information) and their tests.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import repository from '../../eslint.config.js';

export default [
  ...repository,
  {
    files: ['src/**/*.ts'],
    ...eslintPlugin.configs.all,
    rules: {
      ...eslintPlugin.configs.all.rules,
      // The rule works on any JavaScript/TypeScript ESTree; `meta.languages` is not needed.
      'eslint-plugin/require-meta-languages': 'off',
      // RuleCreator derives meta.docs.url from the rule name (src/util/create-rule.ts).
      'eslint-plugin/require-meta-docs-url': 'off',
      // Descriptions start with a capital, as ESLint's own do.
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    ...eslintPlugin.configs.tests,
    rules: {
      ...eslintPlugin.configs.tests.rules,
      'eslint-plugin/require-test-case-name': 'error',
      'eslint-plugin/unique-test-case-names': 'error',
      'eslint-plugin/test-case-property-ordering': [
        'error',
        ['name', 'filename', 'code', 'output', 'options', 'languageOptions', 'errors'],
      ],
    },
  },
];
