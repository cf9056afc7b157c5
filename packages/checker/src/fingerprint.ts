/**
 * Fingerprints: a finding's identity that survives line shifts and edits
 * elsewhere in its file. SARIF `partialFingerprints` and the baseline share
 * it.
 *
 * A fingerprint hashes what the finding *is* — rule, file, the aligned item's
 * key, the message with its whitespace collapsed (messages quote the text at
 * fault, never a line number), the word diff — plus its ordinal among the
 * findings of that file that are identical in all of these (so two identical
 * findings in one file stay two). Positions are left out on purpose: adding
 * a paragraph above a finding moves it, it does not make it a new finding.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostic.js';

/** The key docdrift's fingerprints go under in SARIF `partialFingerprints` (versioned: a new scheme gets a new key). */
export const FINGERPRINT_KEY = 'docdrift/v1';

/** The part of a fingerprint that does not depend on the other findings (identical findings share it). */
export function identity(d: Diagnostic): string {
  const diff = d.diff ? d.diff.map((p) => `${p.op === 'equal' ? '=' : p.op === 'added' ? '+' : '-'}${collapse(p.text)}`).join('\u0001') : '';
  return [d.ruleId, d.file, d.key ?? '', collapse(d.message), diff].join('\u0000');
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}

/**
 * The fingerprint of every finding, in the order given. Identical findings
 * (same identity) are told apart by their ordinal in the sorted order, so
 * the list should be sorted (`sortDiagnostics`) for stable results.
 */
export function fingerprints(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const id = identity(d);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return hash(`${id}\u0000${n}`);
  });
}

/** The fingerprint of one finding that has no identical sibling in its file. */
export function fingerprint(d: Diagnostic): string {
  return fingerprints([d])[0] as string;
}
