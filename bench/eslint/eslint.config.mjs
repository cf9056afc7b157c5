// The benchmark's ESLint config: our rule and core no-magic-numbers, both
// with default options, on the generated corpus, in the same run.
/* global process */
import tseslint from 'typescript-eslint';
import docdrift from '../../packages/eslint-plugin/dist/index.js';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['**/*.{js,cjs,ts}'],
    plugins: { '@docdrift': docdrift },
    // ESLint calls the rules of a node in this order, and the first one pays for
    // the caches the second finds warm; run.mjs alternates it (BENCH_FIRST).
    rules:
      process.env.BENCH_FIRST === 'core'
        ? { 'no-magic-numbers': 'warn', '@docdrift/no-magic-http-status': 'warn' }
        : { '@docdrift/no-magic-http-status': 'warn', 'no-magic-numbers': 'warn' },
  },
];
