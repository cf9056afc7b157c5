/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): one run whose
 * driver lists every rule (id, short and full description, help URI,
 * default level); one result per finding with a relative physical location
 * and region, the other variants as `relatedLocations`, docdrift's own
 * `partialFingerprints` (see fingerprint.ts), and the fix as a SARIF `fix`.
 */
import type { Diagnostic, Severity } from '../diagnostic.js';
import { FINGERPRINT_KEY, fingerprints } from '../fingerprint.js';
import { HOMEPAGE, VERSION } from '../version.js';
import { rulesFor, type ReportContext } from './context.js';
import { prettyJsonWithArray } from './stream.js';

/** The schema URI written into the log (the OASIS standard's, errata 01). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The base every result's `uri` is relative to: the directory docdrift ran in (GitHub resolves it to the checkout). */
export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';

function level(s: Severity | 'off'): Level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : s === 'info' ? 'note' : 'none';
}

/** A POSIX relative path as a URI reference (each segment percent-encoded). */
export function fileUri(file: string): string {
  return file
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** The description's first sentence (SARIF `shortDescription`). */
function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  return m ? (m[1] as string) : s;
}

function region(line: number, column: number, endLine?: number, endColumn?: number): Record<string, number> {
  const r: Record<string, number> = { startLine: Math.max(1, line), startColumn: Math.max(1, column) };
  if (endLine !== undefined && endColumn !== undefined) {
    // SARIF regions must not end before they start.
    const el = Math.max(r.startLine as number, endLine);
    const ec = el === r.startLine ? Math.max(r.startColumn as number, endColumn) : Math.max(1, endColumn);
    r.endLine = el;
    r.endColumn = ec;
  }
  return r;
}

/** Render the diagnostics as a SARIF 2.1.0 log (pretty-printed JSON, stable key order, no timestamps). */
export function sarif(diagnostics: readonly Diagnostic[], context: ReportContext = {}): string {
  return [...sarifChunks(diagnostics, context)].join('');
}

/** Stands for the results in the log's skeleton, which are written one at a time. */
const RESULTS = '\u0000results\u0000';

/** `sarif()` in pieces, one result at a time (for writing a big log without holding it whole). */
export function* sarifChunks(diagnostics: readonly Diagnostic[], context: ReportContext = {}): Generator<string> {
  const version = context.version ?? VERSION;
  const ruleList = rulesFor(diagnostics, context);
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));
  const fps = fingerprints(diagnostics);
  const toResult = (d: Diagnostic, i: number): Record<string, unknown> => {
    const result: Record<string, unknown> = {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId),
      level: level(d.severity),
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: fileUri(d.file), uriBaseId: SRCROOT },
            region: region(d.line, d.column, d.endLine, d.endColumn),
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fps[i] },
    };
    if (d.related && d.related.length > 0) {
      result.relatedLocations = d.related.map((r, k) => ({
        id: k + 1,
        physicalLocation: {
          artifactLocation: { uri: fileUri(r.file), uriBaseId: SRCROOT },
          region: region(r.line, r.column),
        },
        message: { text: r.message },
      }));
    }
    if (d.fix) {
      result.fixes = [
        {
          description: { text: `Replace with ${JSON.stringify(d.fix.text)}` },
          artifactChanges: [
            {
              artifactLocation: { uri: fileUri(d.file), uriBaseId: SRCROOT },
              replacements: [
                {
                  deletedRegion: { charOffset: d.fix.range[0], charLength: d.fix.range[1] - d.fix.range[0] },
                  insertedContent: { text: d.fix.text },
                },
              ],
            },
          ],
        },
      ];
    }
    const props: Record<string, unknown> = {};
    if (d.key !== undefined) props.key = d.key;
    if (d.diff) props.diff = d.diff.map((p) => ({ op: p.op, text: p.text }));
    if (Object.keys(props).length > 0) result.properties = props;
    return result;
  };

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docdrift',
            version,
            semanticVersion: version,
            informationUri: HOMEPAGE,
            rules: ruleList.map((r) => ({
              id: r.id,
              name: r.id
                .split('-')
                .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
                .join(''),
              shortDescription: { text: firstSentence(r.description) },
              fullDescription: { text: r.description },
              helpUri: r.helpUri,
              help: { text: `${r.description} See ${r.helpUri}` },
              defaultConfiguration: { level: level(r.defaultSeverity === 'off' ? 'warning' : r.defaultSeverity), enabled: r.defaultSeverity !== 'off' },
              properties: { tags: ['documentation', 'docdrift'], fixable: r.fixable },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The directory docdrift ran in (the repository root in CI).' } } },
        columnKind: 'utf16CodeUnits',
        results: RESULTS,
      },
    ],
  };
  yield* prettyJsonWithArray(log, RESULTS, diagnostics, toResult);
  yield '\n';
}
