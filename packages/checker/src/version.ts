import { createRequire } from 'node:module';

/** The version scripts/bundle.mjs writes into the bundled CLI (esbuild `define`); undeclared elsewhere. */
declare const __DOCDRIFT_VERSION__: string | undefined;

/**
 * docdrift's version (the checker package's), read once. The bundled CLI has it written in at build
 * time: reading package.json by the package's name cost a pre-commit run ~4 ms of module resolution.
 * Unbundled (the library, worker threads) it is read by the package's own name, not by a path
 * relative to this module.
 */
export const VERSION: string =
  typeof __DOCDRIFT_VERSION__ === 'string'
    ? __DOCDRIFT_VERSION__
    : (createRequire(import.meta.url)('@docdrift/checker/package.json') as { version: string }).version;

/** Where docdrift is described (SARIF `informationUri`). */
export const HOMEPAGE = 'https://www.npmjs.com/package/@docdrift/checker';

/** A rule's published doc page: the page shipped in the npm package, at this version. */
export function ruleDocUrl(id: string, version: string = VERSION): string {
  return `https://unpkg.com/@docdrift/checker@${version}/docs/rules/${id}.md`;
}
