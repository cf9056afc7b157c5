import { alignment, tableScope } from '../align/drift.js';
import type { Position } from '@docdrift/parser';
import type { RowOutline, TableOutline } from '../align/outline.js';
import { reportPresence } from '../align/presence.js';
import { clip } from '../align/text.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * A keyed row (status code, parameter, error code) that some variants of a
 * table have and others do not. See docs/rules/row-missing.md.
 */
export default defineRule({
  id: 'row-missing',
  meta: {
    description: 'A table must have the same rows (status codes, parameters, error codes) in every variant of a page.',
    defaultSeverity: 'warning',
    docs: docsUrl('row-missing'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    for (const t of a.tables) {
      const scope = tableScope(t);
      if (t.log || scope.filter(Boolean).length < 2) continue;
      t.rows.forEach((r, ri) => {
        const previousRow = (v: number): RowOutline | undefined => {
          for (let k = ri - 1; k >= 0; k--) {
            const p = t.rows[k]?.members[v];
            if (p) return p;
          }
          return undefined;
        };
        const gapTable = (v: number): TableOutline | undefined => previousRow(v)?.table ?? t.members[v]?.[0];
        const phrase = r.fields.get('phrase')?.find((u) => u !== undefined)?.text;
        const name = t.mode === 'status' ? `Row ${r.name}${phrase ? ` (${phrase})` : ''}` : `Row "${clip(r.name, 40)}"`;
        reportPresence(ctx, a, {
          scope,
          has: r.members.map((m) => m !== undefined),
          key: r.name,
          name: (v) => {
            // Name the table as this variant names it (its own caption, or the table the row would go in).
            const own = r.members[v]?.table ?? gapTable(v);
            const tn = own ? (own.caption?.text ?? own.lead) : undefined;
            return tn ? `${name} of table "${clip(tn, 40)}"` : name;
          },
          at: (v) => r.members[v]?.position,
          gap: (v): Position | undefined => {
            // After the nearest preceding row this variant has, else at its table.
            const prev = previousRow(v);
            return prev ? prev.position : t.members[v]?.[0]?.position;
          },
        });
      });
    }
  },
});
