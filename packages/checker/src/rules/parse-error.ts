import { defineRule, docsUrl } from '../rule.js';

/** The parser's recoverable problems (malformed tables, missing blank lines, …) as diagnostics. */
export default defineRule({
  id: 'parse-error',
  meta: {
    description: 'Report what the parser had to recover from (malformed tables, missing blank lines, unknown format).',
    defaultSeverity: 'error',
    docs: docsUrl('parse-error'),
  },
  check(ctx) {
    for (const m of ctx.page.parseMessages) {
      if (m.severity === 'info') continue;
      ctx.report({ position: m.position, message: `${m.message.replace(/\s*\n\s*/g, ' ').trim()} (${m.code})` });
    }
  },
});
