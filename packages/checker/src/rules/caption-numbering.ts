import { posix } from 'node:path';
import { toText } from '@docdrift/parser';
import type { Caption, Position } from '@docdrift/parser';
import { defineRule, docsUrl } from '../rule.js';
import { code } from '../links.js';
import { docutilsId } from '../labels.js';
import type { LabelDefinition } from '../model.js';

const REF_TEXT = /^(table|figure|fig\.)\s*(\d+)$/i;

/**
 * "Table N" / "Figure N" captions count 1, 2, 3 in each page; a reference
 * whose text is "Table N" names the number of the table its label is attached to.
 */
export default defineRule({
  id: 'caption-numbering',
  meta: {
    description: 'Table and Figure captions must be numbered 1, 2, 3 in each page, and a reference whose text is "Table N" must name the number of the table it points at.',
    defaultSeverity: 'error',
    docs: docsUrl('caption-numbering'),
    fixable: true,
  },
  check(ctx) {
    // 1. Captions in order.
    const seen: Record<'Table' | 'Figure', number> = { Table: 0, Figure: 0 };
    for (const n of [...ctx.nodes('table'), ...ctx.nodes('figure')]) {
      const caption: Caption | undefined = n.caption;
      if (!caption?.kind || caption.number === undefined) continue;
      const expected = ++seen[caption.kind];
      if (caption.number !== expected) {
        const fix = numberFix(ctx.text, caption.position, caption.number, expected);
        ctx.report({
          position: caption.position,
          message: `Caption says ${caption.kind} ${caption.number}, but it is ${caption.kind.toLowerCase()} ${expected} of this page: expected ${caption.kind} ${expected}`,
          ...(fix ? { fix } : {}),
        });
      }
    }

    // 2. References whose text is "Table N" / "Figure N".
    for (const ref of ctx.nodes('crossReference')) {
      if ((ref.role === 'ref' || ref.role === 'numref') && ref.explicit && REF_TEXT.test(toText(ref.children).trim())) {
        checkRef(toText(ref.children), ref.position, ctx.labels.get(ref.label), ref.target);
      }
    }
    for (const link of ctx.nodes('link')) {
      if (!REF_TEXT.test(toText(link.children).trim())) continue;
      const defs = linkTarget(link.url);
      if (defs) checkRef(toText(link.children), link.position, defs.defs, defs.name);
    }

    function linkTarget(url: string): { defs: readonly LabelDefinition[]; name: string } | undefined {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        const res = ctx.docSet.resolveUrl(url, ctx.page);
        if (!res?.page || !res.anchor) return undefined;
        const id = docutilsId(res.anchor);
        return { defs: res.anchorLabels.filter((d) => d.page === res.page && docutilsId(d.label) === id), name: res.anchor };
      }
      const hash = url.indexOf('#');
      if (hash < 0) return undefined;
      const path = url.slice(0, hash);
      const anchor = decodeURIComponent(url.slice(hash + 1));
      const page = path === '' ? ctx.page : ctx.project.pageByPath(posix.join(posix.dirname(ctx.page.relPath), path));
      if (!page) return undefined;
      return { defs: ctx.labels.get(anchor).filter((d) => d.page === page), name: anchor };
    }

    function checkRef(text: string, position: Position | undefined, defs: readonly LabelDefinition[], name: string): void {
      const m = REF_TEXT.exec(text.replace(/\s+/g, ' ').trim());
      if (!m || !position || defs.length === 0) return;
      const said = /^t/i.test(m[1] as string) ? 'Table' : 'Figure';
      const n = Number(m[2]);
      const def = defs[0] as LabelDefinition;
      if (defs.some((d) => d.page !== def.page)) return; // ambiguous label: broken-ref territory
      const target = def.target;
      if (target.kind !== 'table' && target.kind !== 'figure') return;
      const actualKind = target.kind === 'table' ? 'Table' : 'Figure';
      const number = target.caption?.kind === actualKind ? target.caption.number : undefined;
      const where = def.page === ctx.page ? '' : ` in ${code(def.page.file)}`;
      const related = [{ page: def.page, position: target.caption?.position ?? def.position, message: `${code(name)} is attached to this ${actualKind.toLowerCase()}` }];
      if (said !== actualKind) {
        ctx.report({ position, message: `Reference text says ${said} ${n}, but ${code(name)} is attached to a ${actualKind.toLowerCase()}${where}`, related });
        return;
      }
      if (number !== undefined && number !== n) {
        ctx.report({
          position,
          message: `Reference text says ${said} ${n}, but ${code(name)} is attached to ${actualKind} ${number}${where}`,
          related,
          ...(numberFix(ctx.text, position, n, number) ? { fix: numberFix(ctx.text, position, n, number) } : {}),
        });
      }
    }
  },
});

/** Replace the first "Table <from>" / "Figure <from>" number inside `position` with `to`. */
function numberFix(text: string, position: Position, from: number, to: number): { range: [number, number]; text: string } | undefined {
  const slice = text.slice(position.start.offset, position.end.offset);
  const m = new RegExp(`(?:Table|Figure|Fig\\.)\\s*(${from})(?!\\d)`, 'i').exec(slice);
  if (!m) return undefined;
  const start = position.start.offset + m.index + m[0].length - String(from).length;
  return { range: [start, start + String(from).length], text: String(to) };
}
