import { createRequire } from 'node:module';

/**
 * docdrift's version (the checker package's), read once. By the package's own name, not by a path
 * relative to this module: the CLI runs as one bundled file (scripts/bundle.mjs) in another folder.
 */
export const VERSION: string = (createRequire(import.meta.url)('@docdrift/checker/package.json') as { version: string }).version;

/** Where docdrift is described (SARIF `informationUri`). */
export const HOMEPAGE = 'https://www.npmjs.com/package/@docdrift/checker';

/** A rule's published doc page: the page shipped in the npm package, at this version. */
export function ruleDocUrl(id: string, version: string = VERSION): string {
  return `https://unpkg.com/@docdrift/checker@${version}/docs/rules/${id}.md`;
}
