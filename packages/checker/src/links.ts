/** Helpers shared by the rules about absolute links to the own published site. */
import { labels as parserLabels, toText, visit } from '@docdrift/parser';
import type { Link, Section, Table, Target } from '@docdrift/parser';
import { docutilsId } from './labels.js';
import type { LabelDefinition, Page, UrlResolution } from './model.js';
import type { RuleContext } from './rule.js';

export interface SiteLink {
  /** A link, or an RST hyperlink target that gives the URL of its references (`.. _name: https://…`, `__ https://…`). */
  node: Link | Target;
  url: string;
  text: string;
  resolution: UrlResolution;
}

/** Absolute http(s) links of the page that point at a configured site (resolved through `docSet.resolveUrl`). */
export function siteLinks(ctx: RuleContext<object>): SiteLink[] {
  const out: SiteLink[] = [];
  for (const link of ctx.nodes('link')) {
    if (!/^https?:\/\//i.test(link.url)) continue;
    const resolution = ctx.docSet.resolveUrl(link.url, ctx.page);
    if (resolution) out.push({ node: link, url: link.url, text: toText(link.children).replace(/\s+/g, ' ').trim(), resolution });
  }
  // `named_` and `` `Other page`_ `` take their URL from a target elsewhere on the page: the URL is written there.
  for (const target of ctx.nodes('target')) {
    if (target.url === undefined || !/^https?:\/\//i.test(target.url)) continue;
    const resolution = ctx.docSet.resolveUrl(target.url, ctx.page);
    if (resolution) out.push({ node: target, url: target.url, text: target.anonymous ? '' : target.name, resolution });
  }
  return out.sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));
}

export interface AnchorTarget {
  kind: 'label' | 'section';
  /** The label (as written) when the anchor is a label. */
  label?: LabelDefinition;
  section?: Section;
}

/** Whether `anchor` (a docutils id or a raw label) exists on `page`: a label, an HTML anchor, or a section title's id. */
export function anchorOnPage(page: Page, anchor: string): AnchorTarget | undefined {
  const id = docutilsId(anchor);
  if (id === '') return undefined;
  const defs = page.project.labels.get(anchor).filter((d) => d.page === page);
  if (defs[0]) return { kind: 'label', label: defs[0] };
  for (const l of parserLabels(page.root)) {
    if (docutilsId(l.label) === id) {
      const d = page.project.labels.get(l.label).find((x) => x.page === page);
      if (d) return { kind: 'label', label: d };
    }
  }
  let found: Section | undefined;
  visit(page.root, (n) => {
    if (found) return false;
    if (n.type === 'section') {
      const h = n.children[0];
      if (h && h.type === 'heading' && docutilsId(toText(h)) === id) found = n;
    }
    return undefined;
  });
  return found ? { kind: 'section', section: found } : undefined;
}

/** The n-th table whose caption says "Table n" on the page (or the n-th captioned table). */
export function tableNumbered(page: Page, n: number): Table | undefined {
  const captioned: Table[] = [];
  visit(page.root, (x) => {
    if (x.type === 'table' && x.caption) captioned.push(x);
  });
  return captioned.find((t) => t.caption?.kind === 'Table' && t.caption.number === n) ?? captioned[n - 1];
}

/** Format a path for messages. */
export function code(s: string): string {
  return `\`${s}\``;
}
