import { alignment, sectionAnchor } from '../align/drift.js';
import { reportPresence } from '../align/presence.js';
import { clip } from '../align/text.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * A table that some variants of a page have and others do not (tables are
 * aligned by label, caption, header and rows, never by "Table N"). See
 * docs/rules/table-missing.md.
 */
export default defineRule({
  id: 'table-missing',
  meta: {
    description: 'A table must be in every variant of a page that has its section.',
    defaultSeverity: 'warning',
    docs: docsUrl('table-missing'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    for (const t of a.tables) {
      const where = t.section.title ? ` in "${clip(t.section.title, 40)}"` : '';
      reportPresence(ctx, a, {
        scope: t.section.members.map((m) => m !== undefined),
        has: t.members.map((list) => list.length > 0),
        key: t.name,
        name: () => `Table "${clip(t.name, 50)}"${where}`,
        at: (v) => t.members[v]?.[0]?.caption?.position ?? t.members[v]?.[0]?.position,
        gap: (v) => sectionAnchor(a, t.section, v),
      });
    }
  },
});
