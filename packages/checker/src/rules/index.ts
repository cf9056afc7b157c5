/**
 * Every rule, sorted by id. A test checks that this list, the files in
 * src/rules/, the doc pages in docs/rules/ and the tests in test/rules/ agree.
 */
import type { AnyRule } from '../rule.js';
import brokenRef from './broken-ref.js';
import captionDrift from './caption-drift.js';
import captionNumbering from './caption-numbering.js';
import externalSelfLink from './external-self-link.js';
import headingDrift from './heading-drift.js';
import mislabeledCaption from './mislabeled-caption.js';
import parseError from './parse-error.js';
import reasonPhrase from './reason-phrase.js';
import refMissingInVariant from './ref-missing-in-variant.js';
import refTargetDrift from './ref-target-drift.js';
import refTextStale from './ref-text-stale.js';
import rowMissing from './row-missing.js';
import sectionMissing from './section-missing.js';
import staleSiteLink from './stale-site-link.js';
import tableMissing from './table-missing.js';
import terminologyDrift from './terminology-drift.js';
import unknownDisable from './unknown-disable.js';
import wordingDrift from './wording-drift.js';

export const rules: readonly AnyRule[] = [
  brokenRef,
  captionDrift,
  captionNumbering,
  externalSelfLink,
  headingDrift,
  mislabeledCaption,
  parseError,
  reasonPhrase,
  refMissingInVariant,
  refTargetDrift,
  refTextStale,
  rowMissing,
  sectionMissing,
  staleSiteLink,
  tableMissing,
  terminologyDrift,
  unknownDisable,
  wordingDrift,
].sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

export function ruleById(id: string): AnyRule | undefined {
  return rules.find((r) => r.id === id);
}
