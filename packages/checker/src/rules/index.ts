/**
 * Every rule, sorted by id. A test checks that this list, the files in
 * src/rules/, the doc pages in docs/rules/ and the tests in test/rules/ agree.
 */
import type { AnyRule } from '../rule.js';
import brokenRef from './broken-ref.js';
import captionNumbering from './caption-numbering.js';
import externalSelfLink from './external-self-link.js';
import mislabeledCaption from './mislabeled-caption.js';
import parseError from './parse-error.js';
import reasonPhrase from './reason-phrase.js';
import refTextStale from './ref-text-stale.js';
import staleSiteLink from './stale-site-link.js';

export const rules: readonly AnyRule[] = [brokenRef, captionNumbering, externalSelfLink, mislabeledCaption, parseError, reasonPhrase, refTextStale, staleSiteLink].sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

export function ruleById(id: string): AnyRule | undefined {
  return rules.find((r) => r.id === id);
}
