import { alignment, sectionAnchor } from '../align/drift.js';
import { reportPresence } from '../align/presence.js';
import { clip } from '../align/text.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * A section that some variants of a page have and others do not. See
 * docs/rules/section-missing.md.
 */
export default defineRule({
  id: 'section-missing',
  meta: {
    description: 'A section must be in every variant of a page.',
    defaultSeverity: 'warning',
    docs: docsUrl('section-missing'),
  },
  checkGroup(ctx) {
    const a = alignment(ctx);
    for (const s of a.sections) {
      const parent = s.parent;
      if (!parent) continue;
      const where = parent.title ? ` of "${clip(parent.title, 40)}"` : '';
      reportPresence(ctx, a, {
        scope: parent.members.map((m) => m !== undefined),
        has: s.members.map((m) => m !== undefined),
        key: s.title,
        name: () => `Section "${clip(s.title, 50)}"${where}`,
        at: (v) => s.members[v]?.position,
        gap: (v) => sectionAnchor(a, parent, v),
      });
    }
  },
});
