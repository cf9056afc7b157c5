import { alignment, nameOf, pageOf, relatedAt, terminology } from '../align/drift.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * A substitution that repeats between two variants of a page (job ↔ task,
 * "parameter group" ↔ "parameter template", a product name): reported once
 * per page pair with every place, instead of one wording finding each. See
 * docs/rules/terminology-drift.md.
 */
export default defineRule({
  id: 'terminology-drift',
  meta: {
    description: 'Variants of a page must use the same terms: a substitution repeated across a page (job ↔ task) is reported once, with every place.',
    defaultSeverity: 'warning',
    docs: docsUrl('terminology-drift'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    for (const s of terminology(ctx)) {
      const [first, ...rest] = s.places;
      if (!first) continue;
      const other = nameOf(a, s.other);
      const places = s.places.length;
      const message = `Says "${s.to}" where ${other} says "${s.from}" (${places} places on this page: ${[...new Set(s.places.map((p) => p.key))].slice(0, 4).join(', ')}${places > 4 ? ', …' : ''})`;
      const related = [
        ...rest.map((p) => relatedAt(a, p.variant, p.unit.position, `also "${s.to}" (${p.label})`)),
        ...s.places.slice(0, 3).map((p) => relatedAt(a, p.other, p.otherUnit.position, `${other} says "${s.from}" (${p.label})`)),
      ];
      ctx.report({
        page: pageOf(a, s.variant),
        ...(first.unit.position ? { position: first.unit.position } : {}),
        message,
        related,
        key: `${s.from} → ${s.to}`,
        diff: [
          { op: 'removed', text: s.from },
          { op: 'added', text: s.to },
        ],
      });
    }
  },
});
