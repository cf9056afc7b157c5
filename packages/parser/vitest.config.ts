import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    // Property tests run hundreds of parses; on a loaded 2-core CI machine 5 s is not enough.
    testTimeout: 120_000,
  },
});
