import { defineRule, docsUrl } from '../rule.js';
import { anchorOnPage, code, siteLinks } from '../links.js';
import type { Page, Project } from '../model.js';

/** A project's pages by file name (the last path segment), built once per project. */
const byBaseName = new WeakMap<Project, Map<string, Page[]>>();
function pagesNamed(project: Project, base: string): Page[] {
  let index = byBaseName.get(project);
  if (!index) {
    index = new Map();
    for (const p of project.pages) {
      const name = p.relPath.split('/').pop() ?? p.relPath;
      const list = index.get(name);
      if (list) list.push(p);
      else index.set(name, [p]);
    }
    byBaseName.set(project, index);
  }
  return index.get(base) ?? [];
}

/**
 * An absolute link into the own published site whose page or anchor no
 * longer exists in the sources. When the anchor now lives on another page of
 * the project, the message says which (and the fix points the URL there).
 * Says nothing when the project's pages are not all known.
 */
export default defineRule({
  id: 'stale-site-link',
  meta: {
    description: "An absolute link into the own published site must point at a page and anchor that still exist.",
    defaultSeverity: 'error',
    docs: docsUrl('stale-site-link'),
    fixable: true,
  },
  check(ctx) {
    for (const link of siteLinks(ctx)) {
      const res = link.resolution;
      const project = res.project;
      if (!project || !project.labels.complete) continue;
      const range = link.node.position ? ([link.node.position.start.offset, link.node.position.end.offset] as [number, number]) : undefined;
      const inProject = project === ctx.project ? '' : ` of project ${code(project.root)}`;
      if (!res.page) {
        if (res.via !== 'path' || !res.relPath) continue;
        const base = res.relPath.split('/').pop() ?? res.relPath;
        const moved = pagesNamed(project, base);
        const hint = moved.length === 1 && moved[0] ? `; a page of that name is at ${code(moved[0].relPath)}` : '';
        ctx.report({
          node: link.node,
          message: `Link to the published page ${code(res.relPath)}${inProject}, which does not exist${hint}`,
          ...(moved.length === 1 && moved[0] ? { related: [{ page: moved[0], message: 'a page with the same name' }] } : {}),
        });
        continue;
      }
      if (!res.anchor) continue;
      if (anchorOnPage(res.page, res.anchor)) continue;
      // The anchor may have moved to another page of the project.
      const moved = res.anchorLabels.filter((d) => d.page !== res.page);
      const target = moved[0];
      if (target && moved.every((d) => d.page === target.page)) {
        const newUrl = ctx.docSet.urlOf(target.page, target.name);
        const fix = newUrl && range && link.node.url && ctx.text.slice(range[0], range[1]).includes(link.url) ? fixUrl(ctx.text, range, link.url, newUrl) : undefined;
        ctx.report({
          node: link.node,
          message: `Anchor ${code(`#${res.anchor}`)} is no longer on ${code(res.page.relPath)}${inProject}; it now lives on ${code(target.page.relPath)}`,
          related: [{ page: target.page, position: target.position, message: `${code(target.name)} is defined here` }],
          ...(fix ? { fix } : {}),
        });
        continue;
      }
      // A variant of this page defining the anchor is external-self-link's finding (missing label), not a stale link.
      if (res.page === ctx.page || ctx.variants.includes(res.page)) {
        if (res.anchorLabels.length > 0) continue;
      }
      ctx.report({
        node: link.node,
        message: `Anchor ${code(`#${res.anchor}`)} does not exist on ${code(res.page.relPath)}${inProject}`,
        related: [{ page: res.page, message: 'the page the link points at' }],
      });
    }
  },
});

function fixUrl(text: string, range: [number, number], oldUrl: string, newUrl: string): { range: [number, number]; text: string } {
  const at = text.indexOf(oldUrl, range[0]);
  return { range: [at, at + oldUrl.length], text: newUrl };
}
