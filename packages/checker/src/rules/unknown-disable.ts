import { codeRanges, disableComments } from '../disable.js';
import { defineRule, docsUrl } from '../rule.js';
import { spanAt } from '../span.js';
import { suggestions } from '../suggest.js';

/**
 * Rule ids in inline disable comments that name no rule. The engine matches
 * ids exactly, so `docdrift-disable-next-line broken-rf` disables nothing.
 * A comment without ids (every rule) is fine; so is the id of a rule that
 * the configuration turns off.
 */
export default defineRule({
  id: 'unknown-disable',
  meta: {
    description: 'Inline disable comments must name existing rules (a misspelled id disables nothing).',
    defaultSeverity: 'warning',
    docs: docsUrl('unknown-disable'),
  },
  check(ctx) {
    const comments = disableComments(ctx.text, () => codeRanges(ctx.root));
    if (comments.length === 0) return;
    const known = new Set(ctx.ruleIds);
    for (const c of comments) {
      if (c.kind === 'unknown') {
        const { id, start, end } = c.name;
        const near = suggestions(id, DIRECTIVES);
        const hint = near.length > 0 ? `did you mean ${near.map((n) => `"docdrift-${n}"`).join(' or ')}?` : `use ${DIRECTIVES.map((d) => `docdrift-${d}`).join(', ')}`;
        ctx.report({ position: spanAt(ctx.text, start - 'docdrift-'.length, end), message: `Unknown directive "docdrift-${id}": it disables nothing; ${hint}` });
        continue;
      }
      for (const { id, start, end } of c.ids) {
        if (known.has(id)) continue;
        const near = suggestions(id, ctx.ruleIds);
        const hint = near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?), so it has no effect; correct the id or remove it` : ', so it has no effect; use an id that docdrift --list-rules lists, or remove it';
        ctx.report({ position: spanAt(ctx.text, start, end), message: `Unknown rule "${id}" in docdrift-${c.kind}: no such rule${hint}` });
      }
    }
  },
});

const DIRECTIVES = ['disable-next-line', 'disable', 'enable'];
