import { codeRanges, disableComments } from '../disable.js';
import { defineRule, docsUrl } from '../rule.js';
import { spanAt } from '../span.js';

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

/** The known ids closest to `id`: within edit distance 2 (ignoring case), else the only id it is a prefix of, or the one prefix of it. */
function suggestions(id: string, known: readonly string[]): string[] {
  const typed = id.toLowerCase();
  const far = 3;
  const scored = known.map((k) => ({ k, d: distance(typed, k, far) })).filter((s) => s.d < far);
  const best = Math.min(...scored.map((s) => s.d));
  const near = scored.filter((s) => s.d === best).map((s) => s.k);
  if (near.length > 0) return near.slice(0, 3);
  if (typed.length < 3) return [];
  const prefixed = known.filter((k) => k.startsWith(typed) || typed.startsWith(k));
  return prefixed.length === 1 ? prefixed : [];
}

/** Levenshtein distance of `a` and `b`, or `limit` when it is at least `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(v);
      if (v < min) min = v;
    }
    if (min >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length] as number, limit);
}
