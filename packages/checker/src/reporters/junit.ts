/**
 * JUnit XML for CI test reports (GitLab `artifacts:reports:junit`, Jenkins,
 * Azure): one `<testsuite>` per checked file; one failing `<testcase>` per
 * finding, and one passing `<testcase>` for a file without findings.
 *
 * GitLab collapses testcases whose `classname` and `name` are equal, so each
 * finding's pair is unique: `classname` is the file, `name` the rule, the
 * position and the message (a number is added in the rare case two findings
 * would still collide). No timestamps, no durations: the report is stable.
 */
import type { Diagnostic } from '../diagnostic.js';
import { counts, type ReportContext } from './context.js';

/** XML 1.0 forbids most control characters even as references: drop them. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for an XML attribute or element. */
export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Escape text for element content (newlines kept). */
function textEscape(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The name of the passing testcase of a clean file. */
export const CLEAN_CASE = 'docdrift: no findings';

export function junit(diagnostics: readonly Diagnostic[], context: ReportContext = {}): string {
  return [...junitChunks(diagnostics, context)].join('');
}

/** `junit()` in pieces, one test suite (checked file) at a time. */
export function* junitChunks(diagnostics: readonly Diagnostic[], context: ReportContext = {}): Generator<string> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of context.files ?? []) byFile.set(f, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const files = [...byFile.keys()].sort();
  const total = counts(diagnostics);
  const tests = files.reduce((n, f) => n + Math.max(1, (byFile.get(f) as Diagnostic[]).length), 0);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="docdrift" tests="${tests}" failures="${total.total}" errors="0">\n`;
  for (const file of files) {
    const list = byFile.get(file) as Diagnostic[];
    let out = `  <testsuite name="${xmlEscape(file)}" tests="${Math.max(1, list.length)}" failures="${list.length}" errors="0" skipped="0">\n`;
    if (list.length === 0) {
      out += `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(CLEAN_CASE)}"/>\n`;
    }
    const used = new Set<string>();
    for (const d of list) {
      let name = `${d.ruleId} ${d.line}:${d.column} ${d.message}`;
      for (let n = 2; used.has(name); n++) name = `${d.ruleId} ${d.line}:${d.column} ${d.message} (#${n})`;
      used.add(name);
      let body = `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]`;
      for (const r of d.related ?? []) body += `\n  ↳ ${r.file}:${r.line}:${r.column} ${r.message}`;
      out += `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(name)}">\n`;
      out += `      <failure type="${xmlEscape(`${d.severity}:${d.ruleId}`)}" message="${xmlEscape(d.message)}">${textEscape(body)}</failure>\n`;
      out += `    </testcase>\n`;
    }
    out += `  </testsuite>\n`;
    yield out;
  }
  yield `</testsuites>\n`;
}
