import { alignment, basisText, judge, nameOf, pageOf, refSlots, relatedAt, written } from '../align/drift.js';
import type { Unit } from '../align/outline.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * A cross-reference that one variant has in an aligned text (cell,
 * paragraph, list item) and another variant's aligned text lacks — or
 * writes as an absolute link instead. See docs/rules/ref-missing-in-variant.md.
 */
export default defineRule({
  id: 'ref-missing-in-variant',
  meta: {
    description: 'A cross-reference in one variant of a page must be in the same place in the other variants.',
    defaultSeverity: 'warning',
    docs: docsUrl('ref-missing-in-variant'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    for (const slot of refSlots(ctx)) {
      const has = slot.refs.map((r) => r !== undefined && r.ref.kind !== 'link');
      const verdict = judge(
        slot.units.map((u, v) => (u ? (has[v] ? 'has' : 'lacks') : undefined)),
        a.reference,
      );
      if (!verdict) continue;
      const holders = has.map((h, v) => (h ? v : -1)).filter((v) => v >= 0);
      const lackers = slot.units.map((u, v) => (u && !has[v] ? v : -1)).filter((v) => v >= 0);
      const holder = holders[0] as number;
      const ref = slot.refs[holder];
      if (!ref) continue;
            for (const v of verdict.deviants) {
        const unit = slot.units[v] as Unit;
        if (!has[v]) {
          // Reported on the side that lacks the reference (also for a tie: the other side shows what is missing).
          const link = slot.refs[v];
          const here = link ? `here it is a link to ${link.ref.target}` : 'here it has none';
          const who = verdict.basis === 'tie' ? nameOf(a, holder) : basisText(a, verdict, holder);
          const pos = link?.ref.position ?? unit.position;
          ctx.report({
            page: pageOf(a, v),
            ...(pos ? { position: pos } : {}),
            message: `${slot.label}: ${who} ${verdict.basis === 'majority' ? 'have' : 'has'} the reference ${written(ref.ref)}; ${here}`,
            related: holders.slice(0, 3).map((x) => relatedAt(a, x, slot.refs[x]?.ref.position, `${nameOf(a, x)}: ${slot.refs[x]?.describe}`)),
            key: slot.key,
          });
        } else if (verdict.basis !== 'tie') {
          const mine = slot.refs[v];
          if (!mine) continue;
          ctx.report({
            page: pageOf(a, v),
            ...(mine.ref.position ? { position: mine.ref.position } : {}),
            message: `${slot.label}: the reference ${written(mine.ref)} is not in ${basisText(a, verdict, lackers[0] as number)}`,
            related: lackers.slice(0, 3).map((x) => relatedAt(a, x, slot.units[x]?.position, `${nameOf(a, x)} has no reference here`)),
            key: slot.key,
          });
        }
      }
    }
  },
});
