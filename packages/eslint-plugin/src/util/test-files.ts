import { isAbsolute, relative, sep } from 'node:path';

/**
 * Test files by the conventions of vitest, jest, mocha, Nest and Playwright:
 * `*.test.*`, `*.spec.*`, `*.e2e-spec.*`, or anything under a `test`,
 * `tests`, `__tests__`, `__mocks__` or `e2e` directory.
 */
const TEST_FILE =
  /(?:^|\/)(?:test|tests|__tests__|__mocks__|e2e)\/|\.(?:test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/;

/**
 * Whether `filename` is a test file. Only the path below `baseDir` (the
 * package root) counts, so a package checked out under `~/test/` is not all tests.
 */
export function isTestFile(filename: string, baseDir: string): boolean {
  let rel = filename;
  if (isAbsolute(filename)) {
    const prefix = baseDir.endsWith(sep) ? baseDir : baseDir + sep;
    rel = filename.startsWith(prefix) ? filename.slice(prefix.length) : relative(baseDir, filename);
  }
  return TEST_FILE.test(sep === '/' ? rel : rel.replaceAll(sep, '/'));
}
