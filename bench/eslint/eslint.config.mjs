// The benchmark's ESLint config: our rule and core no-magic-numbers, both
// with default options, on the generated corpus, in the same run.
import tseslint from 'typescript-eslint';
import docdrift from '../../packages/eslint-plugin/dist/index.js';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['**/*.{js,cjs,ts}'],
    plugins: { '@docdrift': docdrift },
    rules: {
      '@docdrift/no-magic-http-status': 'warn',
      'no-magic-numbers': 'warn',
    },
  },
];
