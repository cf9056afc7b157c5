import { posix } from 'node:path';
import { toText, visit } from '@docdrift/parser';
import type { Caption, Position } from '@docdrift/parser';
import { defineRule, docsUrl } from '../rule.js';
import { code } from '../links.js';
import { docutilsId } from '../labels.js';
import type { LabelDefinition, Page } from '../model.js';

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
    const numbered = [...ctx.nodes('table'), ...ctx.nodes('figure')].flatMap((n) => (n.caption?.kind && n.caption.number !== undefined ? [n.caption] : []));
    const order = captionOrder(numbered);
    for (const caption of numbered) {
      const expected = order.get(offsetOf(caption)) as number;
      if (caption.kind && caption.number !== undefined && caption.number !== expected) {
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
      const written = target.caption?.kind === actualKind ? target.caption.number : undefined;
      // The number the table has on its page: its caption's, or, when the caption is misnumbered itself (its own
      // finding above), the one the caption should say. A reference that already says that one is right.
      const number = written !== undefined && target.caption ? ((def.page === ctx.page ? order : pageOrder(def.page)).get(offsetOf(target.caption)) ?? written) : undefined;
      const where = def.page === ctx.page ? '' : ` in ${code(def.page.file)}`;
      const related = [{ page: def.page, position: target.caption?.position ?? def.position, message: `${code(name)} is attached to this ${actualKind.toLowerCase()}` }];
      if (said !== actualKind) {
        ctx.report({ position, message: `Reference text says ${said} ${n}, but ${code(name)} is attached to a ${actualKind.toLowerCase()}${where}`, related });
        return;
      }
      if (number !== undefined && number !== n) {
        const misnumbered = written !== number ? ` (its caption says ${actualKind} ${written}, which is wrong too)` : '';
        const fix = numberFix(ctx.text, position, n, number);
        ctx.report({
          position,
          message: `Reference text says ${said} ${n}, but ${code(name)} is attached to ${actualKind} ${number}${where}${misnumbered}`,
          related,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});

/**
 * The number each numbered caption should say, by where the caption starts (a page parsed again has new
 * nodes): "Table N" and "Figure N" count 1, 2, 3 in the page, each kind on its own.
 */
function captionOrder(captions: readonly Caption[]): Map<number, number> {
  const seen: Record<'Table' | 'Figure', number> = { Table: 0, Figure: 0 };
  const out = new Map<number, number>();
  for (const caption of captions) if (caption.kind && caption.number !== undefined) out.set(offsetOf(caption), ++seen[caption.kind]);
  return out;
}

function offsetOf(caption: Caption): number {
  return caption.position?.start.offset ?? -1;
}

/** `captionOrder` of another page's tables and figures (in the order the engine lists them: tables, then figures). */
const pageOrders = new WeakMap<Page, Map<number, number>>();
function pageOrder(page: Page): Map<number, number> {
  let order = pageOrders.get(page);
  if (!order) {
    const tables: Caption[] = [];
    const figures: Caption[] = [];
    visit(page.root, (n) => {
      if (n.type === 'table' && n.caption) tables.push(n.caption);
      else if (n.type === 'figure' && n.caption) figures.push(n.caption);
    });
    order = captionOrder([...tables, ...figures]);
    pageOrders.set(page, order);
  }
  return order;
}

/** Replace the first "Table <from>" / "Figure <from>" number inside `position` with `to`. */
function numberFix(text: string, position: Position, from: number, to: number): { range: [number, number]; text: string } | undefined {
  const slice = text.slice(position.start.offset, position.end.offset);
  const m = new RegExp(`(?:Table|Figure|Fig\\.)\\s*(${from})(?!\\d)`, 'i').exec(slice);
  if (!m) return undefined;
  const start = position.start.offset + m.index + m[0].length - String(from).length;
  return { range: [start, start + String(from).length], text: String(to) };
}
