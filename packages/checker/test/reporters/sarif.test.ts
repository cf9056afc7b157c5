import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostic.js';
import { FINGERPRINT_KEY } from '../../src/fingerprint.js';
import { sarif, SARIF_SCHEMA_URI } from '../../src/reporters/sarif.js';
import { rules } from '../../src/rules/index.js';
import { seeds, tricky } from './seeds.js';

// The SARIF 2.1.0 JSON schema (draft-04) as shipped in an npm package, not fetched at test time.
const require = createRequire(import.meta.url);
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
// unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
// (CommonJS packages: their classes are the `default` of the module object under NodeNext.)
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

// The log is read back as loosely typed JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, Json>> } };
    results: Array<Record<string, Json>>;
  }>;
}

function valid(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
  return log;
}

describe('--format sarif', () => {
  it('the schema really is SARIF 2.1.0 and rejects a broken log', () => {
    expect(String(schema.title)).toContain('SARIF) Version 2.1.0');
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('the seeds: a valid log with every finding, rule metadata and locations', async () => {
    const { diagnostics, context } = await seeds();
    expect(diagnostics.length).toBeGreaterThanOrEqual(3);
    const text = sarif(diagnostics, context);
    const log = valid(text);
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    const driver = run.tool.driver;
    expect(driver.name).toBe('docdrift');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    // Every registered rule is described, sorted by id, with a help URI to its doc page.
    expect(driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    for (const r of driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(r.fullDescription.text).toBe(rules.find((x) => x.id === r.id)!.meta.description);
      expect(r.helpUri).toMatch(new RegExp(`^https://.*/docs/rules/${r.id}\\.md$`));
      expect(['error', 'warning', 'note', 'none']).toContain(r.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(diagnostics.length);
    run.results.forEach((res, i) => {
      const d = diagnostics[i]!;
      expect(res.ruleId).toBe(d.ruleId);
      expect(driver.rules[res.ruleIndex]!.id).toBe(d.ruleId);
      expect(res.level).toBe(d.severity === 'info' ? 'note' : d.severity);
      expect(res.message.text).toBe(d.message);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: d.file, uriBaseId: '%SRCROOT%' });
      expect(loc.region).toEqual({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
      expect(res.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
      expect((res.relatedLocations ?? []).length).toBe(d.related?.length ?? 0);
    });
    // The external self-link in seed 000 points at the variant that defines the label.
    const self = run.results.find((r) => r.ruleId === 'external-self-link')!;
    expect(self.relatedLocations.map((l: Json) => l.physicalLocation.artifactLocation.uri)).toContain('docs-sources/http-status-codes/apig-internal-ref.rst');
    // Fingerprints are unique within the run.
    const fps = run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(fps).size).toBe(fps.length);
    // Pure and deterministic: the same input gives the same bytes, with no timestamp in them.
    expect(sarif(diagnostics, context)).toBe(text);
    expect(text).not.toMatch(/"(startTimeUtc|endTimeUtc|timeUtc)"/);
  });

  it('escaping, odd file names, fixes, drift data and pseudo-rules stay valid', () => {
    const log = valid(sarif(sortDiagnostics([...tricky])));
    const run = log.runs[0]!;
    const drift = run.results.find((r) => r.ruleId === 'wording-drift')!;
    expect(drift.locations[0].physicalLocation.artifactLocation.uri).toBe('docs/with%20space/%C3%BCn%C3%AFcode%20%231.rst');
    expect(drift.relatedLocations[0]).toMatchObject({ id: 1, message: { text: 'the other variant says "Access\r\nforbidden"' } });
    expect(drift.properties).toEqual({ key: '403', diff: tricky[0]!.diff });
    const fixed = run.results.find((r) => r.ruleId === 'external-self-link')!;
    expect(fixed.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: 40, charLength: 50 }, insertedContent: { text: ':ref:`Table 1 <label>`' } });
    const info = run.results.find((r) => r.ruleId === 'ref-text-stale')!;
    expect(info.level).toBe('note');
    // read-error is no registered rule: it gets a descriptor of its own so ruleIndex stays valid.
    const readError = run.results.find((r) => r.ruleId === 'read-error')!;
    expect(run.tool.driver.rules[readError.ruleIndex]!.id).toBe('read-error');
  });

  it('an empty run is a valid log with no results', () => {
    const log = valid(sarif([]));
    expect(log.runs[0]!.results).toEqual([]);
  });
});

describe('partialFingerprints survive line shifts and edits elsewhere in the file', () => {
  const file = 'docs-sources/http-status-codes/apig-absolute-self-link.rst';
  const fpOf = (diags: Diagnostic[]): Map<string, string> => {
    const log = JSON.parse(sarif(diags)) as SarifLog;
    return new Map(log.runs[0]!.results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === file).map((r) => [`${r.ruleId} ${r.message.text}`, r.partialFingerprints[FINGERPRINT_KEY]]));
  };
  const config = { baseUrl: 'https://docs.otc.t-systems.com/', groupByContent: ['docs-sources'] };

  it('seed 000 with lines inserted above its findings and a row edited below them', async () => {
    const { texts } = await seeds();
    const input = (over: Record<string, string>) => ({
      files: Object.entries({ ...texts, ...over }).map(([f, text]) => ({ file: f, text, check: f.startsWith('docs-sources/') && !f.endsWith('README.md') })),
    });
    const before = check(input({}), config);
    const original = texts[file]!;
    // Three comment lines at the top: every finding moves down three lines.
    const shifted = `.. a comment\n.. another\n\n${original}`;
    const after = check(input({ [file]: shifted }), config);
    const b = before.filter((d) => d.file === file);
    const a = after.filter((d) => d.file === file);
    expect(a.map((d) => d.line)).toEqual(b.map((d) => d.line + 3));
    expect(fpOf(after)).toEqual(fpOf(before));
    // Rewording the 504 row (same width, so the grid table stays intact) leaves the other findings' fingerprints alone.
    expect(shifted).toContain('| The gateway timed out. ');
    const edited = check(input({ [file]: shifted.replace('| The gateway timed out. ', '| A gateway timeout hit. ') }), config);
    const fpBefore = fpOf(before);
    for (const [k, v] of fpOf(edited)) if (fpBefore.has(k)) expect(v).toBe(fpBefore.get(k));
    expect([...fpOf(edited).keys()].filter((k) => fpBefore.has(k)).length).toBeGreaterThanOrEqual(2);
  });

  it('identical findings in one file get distinct fingerprints', () => {
    const d = (line: number): Diagnostic => ({ ruleId: 'r', severity: 'error', message: 'same', file: 'a.rst', line, column: 1, endLine: line, endColumn: 2 });
    const log = JSON.parse(sarif([d(1), d(5)])) as SarifLog;
    const [x, y] = log.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(x).not.toBe(y);
    // …and the first one keeps its fingerprint when both move.
    const moved = JSON.parse(sarif([d(3), d(9)])) as SarifLog;
    expect(moved.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).toEqual([x, y]);
  });
});
