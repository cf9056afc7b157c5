import { posix } from 'node:path';
import { defineRule, docsUrl } from '../rule.js';
import type { RelatedDescriptor } from '../rule.js';
import { anchorOnPage, code, siteLinks, tableNumbered } from '../links.js';
import type { Page } from '../model.js';

/**
 * An absolute link to the project's own published site that resolves to a
 * page or label of the same project: it should be a `:ref:` (it breaks when
 * the site moves, and it points readers of one variant at another variant's
 * site). The fix rewrites it to `:ref:`text <label>`` when the label exists;
 * when it does not, the message names the label to add.
 */
export default defineRule({
  id: 'external-self-link',
  meta: {
    description: "An absolute link to the project's own published site must be a :ref: (or :doc:) instead.",
    defaultSeverity: 'warning',
    docs: docsUrl('external-self-link'),
    fixable: true,
  },
  check(ctx) {
    for (const link of siteLinks(ctx)) {
      const res = link.resolution;
      if (res.project !== ctx.project || !res.page) continue;
      const resolved = res.page;
      // A link into a variant of this page (or into this page) means this page: its target must be here.
      const self = resolved === ctx.page || ctx.variants.includes(resolved);
      const page: Page = self ? ctx.page : resolved;
      const where = self ? 'this page' : code(page.relPath);
      const text = link.text === '' || link.text === link.url ? undefined : link.text;
      const range = link.node.position ? ([link.node.position.start.offset, link.node.position.end.offset] as [number, number]) : undefined;
      const head = `${link.node.type === 'target' ? (text ? `The target ${code(text)}` : 'This anonymous target') : text ? code(text) : 'This link'} is an absolute link to ${where} on this project's published site`;

      const rewrite = (target: string, role: 'ref' | 'doc'): string => {
        if (ctx.page.format === 'markdown') {
          const rel = posix.relative(posix.dirname(ctx.page.file), page.file) || posix.basename(page.file);
          return `[${text ?? page.title ?? rel}](${page === ctx.page ? '' : rel}${res.anchor ? `#${res.anchor}` : ''})`;
        }
        return text && !/[<>`]/.test(text) ? `:${role}:\`${text} <${target}>\`` : `:${role}:\`${target}\``;
      };
      // A hyperlink target (`.. _name: https://…`) gives the URL to the `name_` references elsewhere: they are what
      // becomes a :ref:, and the target goes. No fix: the references are other places (and may be several).
      const target = link.node.type === 'target' ? link.node : undefined;
      const report = (message: string, replacement?: string, related?: RelatedDescriptor[]): void => {
        if (target) {
          const uses = target.anonymous ? 'the anonymous reference (`…`__) that uses it' : `the references \`${target.name}\`_ to it`;
          message = message.replace(/; use (.*) instead$/, `; write ${uses} as $1 and remove the target`);
          replacement = undefined;
        }
        const fix = replacement !== undefined && range ? { range, text: replacement } : undefined;
        ctx.report({ node: link.node, message, ...(related ? { related } : {}), ...(fix ? { fix } : {}) });
      };

      if (res.anchor) {
        const at = anchorOnPage(page, res.anchor);
        if (at?.kind === 'label' && at.label) {
          const r = rewrite(at.label.name, 'ref');
          report(`${head}; use ${r} instead`, r);
          continue;
        }
        if (at?.kind === 'section') {
          report(`${head}; the section it points at has no label: add one above it and use :ref: instead`);
          continue;
        }
        if (self && resolved !== ctx.page) {
          const there = anchorOnPage(resolved, res.anchor);
          if (!there) continue; // the anchor exists nowhere: stale-site-link reports it
          const name = there.label?.name ?? res.anchor;
          const n = text ? /^(?:Table)\s+(\d+)$/i.exec(text) : null;
          const table = n ? tableNumbered(ctx.page, Number(n[1])) : undefined;
          const related: RelatedDescriptor[] = [];
          if (table) related.push({ position: table.caption?.position ?? table.position, message: `${text} of this page, which has no label` });
          related.push({
            page: resolved,
            position: there.label?.position ?? there.section?.position,
            message: `the variant ${code(resolved.file)} defines ${code(name)} here`,
          });
          report(
            `${head}; it should be :ref:\`${text ? `${text} <${name}>` : name}\`, but no label ${code(name)} exists in this page: add \`.. _${name}:\` above ${table ? text : 'its target'}`,
            undefined,
            related,
          );
        }
        continue;
      }
      // No anchor: the whole page.
      const label = page.pageLabels[0];
      const labelName = label ? (page.project.labels.get(label).find((d) => d.page === page)?.name ?? label) : undefined;
      if (labelName) {
        const r = rewrite(labelName, 'ref');
        report(`${head}; use ${r} instead`, r);
      } else {
        const docPath = `/${page.relPath.replace(/\.(rst|md|txt)$/i, '')}`;
        const r = rewrite(docPath, 'doc');
        report(`${head}; use ${r} instead`, r);
      }
    }
  },
});
