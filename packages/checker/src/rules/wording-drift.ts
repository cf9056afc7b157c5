import { alignment, basisText, describeChange, explainedByTerminology, judge, nameOf, pageOf, relatedAt, sectionAnchor, textDrifts, type TextDrift } from '../align/drift.js';
import { renderDiff } from '../align/diff.js';
import type { Unit } from '../align/outline.js';
import { clip } from '../align/text.js';
import type { RelatedDescriptor } from '../rule.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * Aligned table cells, paragraphs and list items whose text differs between
 * the variants of a page, quoted as a word diff; and paragraphs that only
 * some variants have. See docs/rules/wording-drift.md and docs/alignment.md.
 */
export default defineRule({
  id: 'wording-drift',
  meta: {
    description: 'The same cell, paragraph or list item must say the same thing in every variant of a page.',
    defaultSeverity: 'warning',
    docs: docsUrl('wording-drift'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    const terms = ctx.isEnabled('terminology-drift');
    for (const d of textDrifts(ctx)) {
      if (terms && explainedByTerminology(ctx, d)) continue;
      report(d);
    }

    function report(d: TextDrift): void {
      const basis = basisText(a, d.verdict, d.other);
      const small = d.changed <= 2 && d.similarity >= 0.5;
      const what = small ? `differs from ${basis} in ${d.changed === 1 ? 'one word' : 'two words'}` : d.rewrite ? `is worded differently from ${basis}` : `differs from ${basis}`;
      let message = `${d.label} ${what}: ${describeChange(d)}`;
      const related: RelatedDescriptor[] = [relatedAt(a, d.other, d.otherUnit.position, `${nameOf(a, d.other)}: "${clip(d.otherUnit.text, 80)}"`)];
      if (d.closest) {
        message += ` — closest: ${nameOf(a, d.closest.variant)}: ${renderDiff(d.closest.diff)}`;
        related.push(relatedAt(a, d.closest.variant, d.closest.unit.position, `${nameOf(a, d.closest.variant)}: "${clip(d.closest.unit.text, 80)}"`));
      }
      const r = { page: pageOf(a, d.variant), message, related, key: d.key, diff: d.diff };
      ctx.report(d.unit.position ? { ...r, position: d.unit.position } : r);
    }

    // Text that only some variants have, in a section every one of them has. Text a variant has in
    // another place of the page (moved to another section, or the export's bullets for a subsection)
    // is not missing from it.
    const everywhere = a.variants.map(() => new Set<string>());
    for (const s of a.sections) for (const col of s.texts) col.forEach((u, v) => u && everywhere[v]?.add(u.key));
    for (const s of a.sections) {
      s.texts.forEach((col, i) => {
        const scope = s.members.map((m) => m !== undefined);
        const verdict = judge(
          col.map((u, v) => (scope[v] ? (u ? 'has' : 'lacks') : undefined)),
          a.reference,
        );
        if (!verdict) return;
        const key = `${s.title || '(top)'} ¶${i + 1}`;
        const where = s.title ? `in "${clip(s.title, 50)}"` : 'at the top of the page';
        const sample0 = col.find((u) => u !== undefined) as Unit;
        const holders = col.map((u, v) => (u ? v : -1)).filter((v) => v >= 0);
        const lackers = col.map((u, v) => (!u && scope[v] ? v : -1)).filter((v) => v >= 0);
        if (lackers.some((v) => everywhere[v]?.has(sample0.key))) return;
        const sample = col.find((u) => u !== undefined) as Unit;
        for (const v of verdict.deviants) {
          const u = col[v];
          if (u) {
            // This variant has text the reference (or majority, or the other side of a tie) lacks.
            const others = lackers.map((x) => nameOf(a, x)).join(', ');
            const basis = verdict.basis === 'tie' ? others : basisText(a, verdict, lackers[0] as number);
            ctx.report({
              page: pageOf(a, v),
              position: u.position,
              message: `Text ${where} is not in ${basis}: "${clip(u.text, 80)}"`,
              related: lackers.slice(0, 3).map((x) => relatedAt(a, x, sectionAnchor(a, s, x), `${nameOf(a, x)} has no such text here`)),
              key,
              diff: [{ op: 'added', text: u.text }],
            });
          } else if (verdict.basis !== 'tie') {
            const holder = holders[0] as number;
            const pos = previousUnitPosition(col, s.texts, i, v) ?? sectionAnchor(a, s, v);
            ctx.report({
              page: pageOf(a, v),
              ...(pos ? { position: pos } : {}),
              message: `Text ${where} is missing here; ${basisText(a, verdict, holder)} has: "${clip(sample.text, 80)}"`,
              related: holders.slice(0, 3).map((x) => relatedAt(a, x, col[x]?.position, `${nameOf(a, x)}: "${clip((col[x] as Unit).text, 80)}"`)),
              key,
              diff: [{ op: 'removed', text: (col[holder] as Unit).text }],
            });
          }
        }
      });
    }
  },
});

/** The end of the closest preceding text of variant `v` in the same section (where the missing text would go). */
function previousUnitPosition(_col: ReadonlyArray<Unit | undefined>, cols: ReadonlyArray<ReadonlyArray<Unit | undefined>>, i: number, v: number) {
  for (let k = i - 1; k >= 0; k--) {
    const u = cols[k]?.[v];
    if (u?.position) return u.position;
  }
  return undefined;
}

