/**
 * The Markdown and HTML libraries, loaded on first use. They take ~120 ms
 * to import, which every run paid before, including runs that parse only
 * reStructuredText (a pre-commit run of `docdrift` on one .rst page spent
 * a third of its time there). `require` of these ES modules is synchronous,
 * so `parse()` stays synchronous (Node ≥ 20.19 loads ES modules with it).
 */
import { createRequire } from 'node:module';
import type * as FromMarkdownModule from 'mdast-util-from-markdown';
import type * as GfmModule from 'micromark-extension-gfm';
import type * as GfmFromMarkdownModule from 'mdast-util-gfm';
import type * as Parse5Module from 'parse5';

type FromMarkdown = typeof FromMarkdownModule;
type Gfm = typeof GfmModule;
type GfmFromMarkdown = typeof GfmFromMarkdownModule;
type Parse5 = typeof Parse5Module;

// Resolved from the parser's package, not from this module's file: bundled into the docdrift CLI
// (packages/checker/scripts/bundle.mjs) this code runs from the checker's folder, where a strict
// pnpm layout does not expose the parser's own dependencies.
// Resolved on first use too: finding the package costs ~2 ms, which a run of only reStructuredText need not pay.
let loader: NodeJS.Require | undefined;
function load(id: string): unknown {
  loader ??= createRequire(createRequire(import.meta.url).resolve('@docdrift/parser/package.json'));
  return loader(id);
}

let markdown: { fromMarkdown: FromMarkdown['fromMarkdown']; gfm: Gfm['gfm']; gfmFromMarkdown: GfmFromMarkdown['gfmFromMarkdown'] } | undefined;
let html: { parseFragment: Parse5['parseFragment'] } | undefined;

/** micromark through mdast-util-from-markdown, with the GFM extensions. */
export function markdownLibs(): NonNullable<typeof markdown> {
  return (markdown ??= {
    fromMarkdown: (load('mdast-util-from-markdown') as FromMarkdown).fromMarkdown,
    gfm: (load('micromark-extension-gfm') as Gfm).gfm,
    gfmFromMarkdown: (load('mdast-util-gfm') as GfmFromMarkdown).gfmFromMarkdown,
  });
}

/** parse5. */
export function htmlLibs(): NonNullable<typeof html> {
  return (html ??= { parseFragment: (load('parse5') as Parse5).parseFragment });
}
