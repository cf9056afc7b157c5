import { alignment, basisText, judge, nameOf, pageOf, refSlots, relatedAt, sameTarget } from '../align/drift.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * An aligned cross-reference that points at a different target in another
 * variant. Targets are compared by what they are (the aligned table or
 * section of this page, the counterpart page of another group), so label
 * ids that differ but are used consistently in each variant are not drift.
 * See docs/rules/ref-target-drift.md.
 */
export default defineRule({
  id: 'ref-target-drift',
  meta: {
    description: 'The same cross-reference must point at the same target in every variant of a page.',
    defaultSeverity: 'warning',
    docs: docsUrl('ref-target-drift'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    for (const slot of refSlots(ctx)) {
      // Targets are the same when they share an identity (the aligned table, the id tail, …): number the
      // classes of references that point at the same target, and judge those.
      const refs = slot.refs.map((r) => (r && r.resolved && r.id !== undefined && r.id !== 'link' ? r : undefined));
      const cls: Array<string | undefined> = refs.map(() => undefined);
      refs.forEach((r, v) => {
        if (!r) return;
        const same = refs.findIndex((x, w) => w < v && x !== undefined && sameTarget(x, r));
        cls[v] = same >= 0 ? cls[same] : `t${v}`;
      });
      const verdict = judge(cls, a.reference);
      if (!verdict) continue;
      for (const v of verdict.deviants) {
        const mine = slot.refs[v];
        if (!mine) continue;
        let other = verdict.ref[0];
        if (other === undefined) other = verdict.deviants.find((x) => x !== v && cls[x] !== cls[v]);
        if (other === undefined) continue;
        const theirs = slot.refs[other];
        if (!theirs) continue;
        ctx.report({
          page: pageOf(a, v),
          ...(mine.ref.position ? { position: mine.ref.position } : {}),
          message: `${slot.label}: "${mine.ref.text}" points at ${mine.describe} here, but at ${theirs.describe} in ${basisText(a, verdict, other)}`,
          related: [relatedAt(a, other, theirs.ref.position, `${nameOf(a, other)}: ${theirs.describe}`)],
          key: slot.key,
        });
      }
    }
  },
});
