// Bundles the CLI (dist/cli/bin.js, as tsc wrote it, and everything it imports: the checker, the
// parser, chalk, diff, tinyglobby) into that one file, run after `tsc` by `build`.
//
// Why: a pre-commit run checks one page, and Node's ES module loader spent more time resolving,
// linking and compiling the ~150 modules of a run than the run spent checking (bench/check/README.md).
// One file loads in a fraction of that. The library (`exports`, dist/index.js) stays unbundled.
// The parser's Markdown and HTML libraries stay outside: they load on first use (parser src/libs.ts).
// esbuild is used rather than a hand-written concatenation: it is the well-kept tool for exactly this.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const entry = new URL('../dist/cli/bin.js', import.meta.url).pathname;
await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['mdast-util-from-markdown', 'micromark-extension-gfm', 'mdast-util-gfm', 'parse5'],
  // CommonJS dependencies (tinyglobby's fdir and picomatch) call require() for Node's modules.
  banner: { js: "// Bundled by scripts/bundle.mjs from dist/cli/bin.js (tsc's output); see that script.\nimport { createRequire as __docdriftRequire } from 'node:module';\nconst require = __docdriftRequire(import.meta.url);" },
  legalComments: 'inline',
  logLevel: 'warning',
});
rmSync(`${entry}.map`, { force: true }); // tsc's map of the unbundled file
