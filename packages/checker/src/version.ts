import { readFileSync } from 'node:fs';

/** docdrift's version (the checker package's), read once. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Where docdrift is described (SARIF `informationUri`). */
export const HOMEPAGE = 'https://www.npmjs.com/package/@docdrift/checker';

/** A rule's published doc page: the page shipped in the npm package, at this version. */
export function ruleDocUrl(id: string, version: string = VERSION): string {
  return `https://unpkg.com/@docdrift/checker@${version}/docs/rules/${id}.md`;
}
