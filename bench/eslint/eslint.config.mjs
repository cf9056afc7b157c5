// The benchmark's ESLint config: our rule and core no-magic-numbers, both
// with default options, on the generated corpus, in the same run.
/* global process */
import tseslint from 'typescript-eslint';
import docdrift from '../../packages/eslint-plugin/dist/index.js';
import floor from './floor-plugin.mjs';

// run.mjs --floor swaps our rule for the floor rule (floor-plugin.mjs), which gives the same reports.
const OURS = process.env.BENCH_RULE === 'floor' ? 'docdrift-floor/floor' : '@docdrift/no-magic-http-status';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['**/*.{js,cjs,ts}'],
    plugins: { '@docdrift': docdrift, 'docdrift-floor': floor },
    // ESLint calls the rules of a node in this order, and the first one pays for
    // the caches the second finds warm; run.mjs alternates it (BENCH_FIRST).
    rules:
      process.env.BENCH_FIRST === 'core'
        ? { 'no-magic-numbers': 'warn', [OURS]: 'warn' }
        : { [OURS]: 'warn', 'no-magic-numbers': 'warn' },
  },
];
