import { isAbsolute, relative } from 'node:path';

/**
 * Test files by the conventions of vitest, jest, mocha, Nest and Playwright:
 * `*.test.*`, `*.spec.*`, `*.e2e-spec.*`, or anything under a `test`,
 * `tests`, `__tests__`, `__mocks__` or `e2e` directory.
 */
const TEST_FILE =
  /(?:^|\/)(?:test|tests|__tests__|__mocks__|e2e)\/|\.(?:test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/;

/** Whether `filename` is a test file; directories above `cwd` do not count. */
export function isTestFile(filename: string, cwd: string): boolean {
  const rel = isAbsolute(filename) ? relative(cwd, filename) : filename;
  return TEST_FILE.test(rel.replaceAll('\\', '/'));
}
