/**
 * Coverage drift (rows, tables, sections that only some variants have):
 * the verdict on presence, and where each side is reported.
 */
import type { Position } from '@docdrift/parser';
import type { GroupRuleContext, RelatedDescriptor } from '../rule.js';
import { basisText, judge, nameOf, pageOf, relatedAt, type Verdict } from './drift.js';
import type { GroupAlignment } from './group.js';

export interface PresenceItem {
  /** Whether each variant takes part (its container exists). */
  scope: readonly boolean[];
  /** Whether each variant has the item. */
  has: readonly boolean[];
  key: string;
  /** How messages on variant `v` name the item: `Row 410 (Gone) of table "Abnormal status codes"`, `Section "Scenario"`. */
  name(v: number): string;
  /** Where the item is in a variant that has it. */
  at(v: number): Position | undefined;
  /** Where to report in a variant that lacks it (the place it would go). */
  gap(v: number): Position | undefined;
}

/**
 * Report an item some variants lack: on the variants that lack it when the
 * reference (or the majority) has it, on the variants that have it when the
 * reference (or the majority) does not, and on the side that has it for a tie.
 */
export function reportPresence(ctx: GroupRuleContext<unknown>, a: GroupAlignment, item: PresenceItem): void {
  const verdict: Verdict | undefined = judge(
    item.has.map((h, v) => (item.scope[v] ? (h ? 'has' : 'lacks') : undefined)),
    a.reference,
  );
  if (!verdict) return;
  const holders = item.has.map((h, v) => (h && item.scope[v] ? v : -1)).filter((v) => v >= 0);
  const lackers = item.has.map((h, v) => (!h && item.scope[v] ? v : -1)).filter((v) => v >= 0);
  for (const v of verdict.deviants) {
    if (item.has[v]) {
      const basis = verdict.basis === 'tie' ? lackers.map((x) => nameOf(a, x)).join(', ') : basisText(a, verdict, lackers[0] as number);
      const related: RelatedDescriptor[] = lackers.slice(0, 3).map((x) => relatedAt(a, x, item.gap(x), `${nameOf(a, x)} has no ${lower(item.name(x))}`));
      const pos = item.at(v);
      ctx.report({ page: pageOf(a, v), ...(pos ? { position: pos } : {}), message: `${item.name(v)} is not in ${basis}`, related, key: item.key });
    } else if (verdict.basis !== 'tie') {
      const related: RelatedDescriptor[] = holders.slice(0, 3).map((x) => relatedAt(a, x, item.at(x), `${nameOf(a, x)} has it`));
      const pos = item.gap(v);
      const who = verdict.basis === 'reference' ? basisText(a, verdict, holders[0] as number) : `${holders.length} of ${verdict.present} variants (${holders.map((x) => nameOf(a, x)).join(', ')})`;
      ctx.report({ page: pageOf(a, v), ...(pos ? { position: pos } : {}), message: `${item.name(v)} is missing here; ${who} ${verdict.basis === 'reference' ? 'has' : 'have'} it`, related, key: item.key });
    }
  }
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
