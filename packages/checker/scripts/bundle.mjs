// Bundles the CLI (dist/cli/main.js, as tsc wrote it, and everything it imports: the checker, the
// parser, chalk, diff, tinyglobby) into one CommonJS file, dist/cli/docdrift.cjs, run after `tsc` by
// `build`. The command, dist/cli/bin.cjs (bundled below from bin.js and load.js), loads it with a V8
// code cache (src/cli/load.ts).
//
// Why: a pre-commit run checks one page, and Node's ES module loader spent more time resolving,
// linking and compiling the ~150 modules of a run than the run spent checking (bench/check/README.md).
// One file loads in a fraction of that. The library (`exports`, dist/index.js) stays unbundled.
// CommonJS, not ESM, because Node 20 can give a code cache to a script (node:vm) but not to an ES module.
// The parser's Markdown and HTML libraries stay outside: they load on first use (parser src/libs.ts).
// esbuild is used rather than a hand-written concatenation: it is the well-kept tool for exactly this.
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

// fdir (tinyglobby's folder walker) looks for picomatch with require() when it loads, for a glob
// feature of its own that tinyglobby does not use (tinyglobby brings its own picomatch matchers,
// bundled here). In the bundle that lookup resolved and loaded a second, unbundled copy of
// picomatch from node_modules at every start-up, ~5 ms of a one-page run. The plugin removes the
// lookup, and fails the build when a new fdir no longer has it in the expected form.
const fdirWithoutOptionalPicomatch = {
  name: 'fdir-without-optional-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const lookup = /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
      if (!lookup.test(text)) throw new Error(`${args.path}: fdir's optional picomatch lookup has changed; update scripts/bundle.mjs`);
      return { contents: text.replace(lookup, '/* optional picomatch lookup removed by scripts/bundle.mjs */'), loader: 'js' };
    });
  },
};

const dist = new URL('../dist/cli/', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** One CommonJS bundle of tsc's `dist/cli/<from>.js`; its modules find their package (and the worker script) from their own URL: the bundle's. */
const bundle = (from, to, options = {}) =>
  build({
    entryPoints: [`${dist}${from}.js`],
    outfile: `${dist}${to}`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The version, so that the bundle need not resolve its own package.json at start-up (src/version.ts).
    // And that it is the bundle, which holds the parser's code (src/cache.ts, buildId).
    define: { 'import.meta.url': '__docdriftUrl', __DOCDRIFT_VERSION__: JSON.stringify(version), __DOCDRIFT_BUNDLED__: 'true' },
    // Strict mode first: the banner comes before esbuild's own "use strict", which then is no directive.
    banner: { js: `// Bundled by scripts/bundle.mjs from dist/cli/${from}.js (tsc's output); see that script.\n'use strict';\nconst __docdriftUrl = require('node:url').pathToFileURL(__filename).href;` },
    logLevel: 'warning',
    ...options,
  });

// The checker, dist/cli/docdrift.cjs.
await bundle('main', 'docdrift.cjs', {
  external: ['mdast-util-from-markdown', 'micromark-extension-gfm', 'mdast-util-gfm', 'parse5'],
  legalComments: 'inline',
  plugins: [fdirWithoutOptionalPicomatch],
});
// The command, dist/cli/bin.cjs: bin.js and load.js, as CommonJS too, because an ES module entry costs
// Node ~10 ms more to start (its ES module loader). It requires nothing but Node's own modules.
await bundle('bin', 'bin.cjs');
// tsc's ES module form of the command is not a second way to start docdrift.
for (const f of ['bin.js', 'bin.js.map', 'bin.d.ts', 'bin.d.ts.map']) rmSync(`${dist}${f}`, { force: true });
