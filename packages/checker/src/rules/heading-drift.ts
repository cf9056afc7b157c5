import { alignment, basisText, compareUnits, describeChange, nameOf, pageOf, relatedAt } from '../align/drift.js';
import { clip } from '../align/text.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * Aligned sections (matched by position and content) whose titles differ
 * between the variants of a page. See docs/rules/heading-drift.md.
 */
export default defineRule({
  id: 'heading-drift',
  meta: {
    description: 'The same section must have the same title in every variant of a page.',
    defaultSeverity: 'warning',
    docs: docsUrl('heading-drift'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    for (const s of a.sections) {
      if (!s.parent) continue;
      const units = s.members.map((m) => m?.title);
      for (const d of compareUnits(a, units, 'heading', s.title, 'Heading')) {
        ctx.report({
          page: pageOf(a, d.variant),
          ...(d.unit.position ? { position: d.unit.position } : {}),
          message: `Heading "${clip(d.unit.text, 60)}" differs from ${basisText(a, d.verdict, d.other)}: ${describeChange(d)}`,
          related: [relatedAt(a, d.other, d.otherUnit.position, `${nameOf(a, d.other)}: "${clip(d.otherUnit.text, 80)}"`)],
          key: d.otherUnit.text,
          diff: d.diff,
        });
      }
    }
  },
});
