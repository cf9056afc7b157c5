import { alignment, basisText, compareUnits, describeChange, nameOf, pageOf, relatedAt } from '../align/drift.js';
import type { Unit } from '../align/outline.js';
import { clip } from '../align/text.js';
import { defineRule, docsUrl } from '../rule.js';
import { judgeCaption } from './mislabeled-caption.js';

/**
 * Captions of aligned tables that differ between the variants of a page.
 * When the table's content tells which caption is wrong (a status-code
 * table captioned "User management permissions", as mislabeled-caption
 * decides), that side is reported as likely wrong, whatever the majority.
 * See docs/rules/caption-drift.md.
 */
export default defineRule({
  id: 'caption-drift',
  meta: {
    description: 'The same table must have the same caption in every variant of a page; when the content tells, say which caption is wrong.',
    defaultSeverity: 'warning',
    docs: docsUrl('caption-drift'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    for (const t of a.tables) {
      // Only variants with exactly one table here (a table split in two has two captions of its own).
      const units: Array<Unit | undefined> = t.members.map((list) => (list.length === 1 ? list[0]?.caption : undefined));
      const present = units.filter((u): u is Unit => u !== undefined);
      if (present.length < 2 || present.every((u) => u.key === present[0]?.key)) continue;
      const wrong = t.members.map((list, v) => units[v] !== undefined && judgeCaption((list[0] as (typeof list)[number]).info)?.kind === 'off-topic');
      const good = units.map((u, v) => (wrong[v] ? undefined : u));
      const goodOnes = good.map((u, v) => (u ? v : -1)).filter((v) => v >= 0);
      if (wrong.some(Boolean) && goodOnes.length > 0) {
        // The content tells: the off-topic captions are the wrong ones.
        wrong.forEach((w, v) => {
          if (!w) return;
          const u = units[v] as Unit;
          const g = goodOnes.find((x) => (units[x] as Unit).key !== u.key);
          if (g === undefined) return;
          const other = units[g] as Unit;
          const m = judgeCaption((t.members[v]?.[0] as NonNullable<(typeof t.members)[number][number]>).info);
          const sample = m?.kind === 'off-topic' ? m.sample : '';
          ctx.report({
            page: pageOf(a, v),
            ...(u.position ? { position: u.position } : {}),
            message: `Caption "${clip(u.text, 60)}" differs from "${clip(other.text, 60)}" in ${nameOf(a, g)}, and this one is likely wrong: the table lists HTTP status codes (${sample})`,
            related: goodOnes.slice(0, 3).map((x) => relatedAt(a, x, units[x]?.position, `${nameOf(a, x)}: "${clip((units[x] as Unit).text, 80)}"`)),
            key: other.text,
            diff: [
              { op: 'removed', text: other.text },
              { op: 'added', text: u.text },
            ],
          });
        });
        // The right ones may still disagree among themselves.
        report(good);
        continue;
      }
      report(units);

      function report(list: Array<Unit | undefined>): void {
        for (const d of compareUnits(a, list, 'caption', t.name, 'Caption')) {
          ctx.report({
            page: pageOf(a, d.variant),
            ...(d.unit.position ? { position: d.unit.position } : {}),
            message: `Caption "${clip(d.unit.text, 60)}" differs from ${basisText(a, d.verdict, d.other)}: ${describeChange(d)}`,
            related: [relatedAt(a, d.other, d.otherUnit.position, `${nameOf(a, d.other)}: "${clip(d.otherUnit.text, 80)}"`)],
            key: d.otherUnit.text,
            diff: d.diff,
          });
        }
      }
    }
  },
});
