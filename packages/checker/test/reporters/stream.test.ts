// The JSON and SARIF reports are written in pieces (reporters/stream.ts):
// joined, the pieces must be exactly what JSON.stringify(value, null, 2)
// prints (JUnit's, the whole report), and the CLI must write all of them,
// waiting when stdout asks it to.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { format, formatChunks } from '../../src/reporters/index.js';
import { batched, prettyJsonArray, prettyJsonWithArray } from '../../src/reporters/stream.js';
import { repo, seeds } from './seeds.js';

const VALUES: unknown[] = [
  { ruleId: 'a', line: 1, related: [{ file: 'x.rst', line: 2 }], empty: {}, none: [], nested: [[1, [2, { k: [] }]]] },
  { text: 'line one\nline two\u2028\u2029 "quoted" \\ tab\t', unicode: 'Zürich … 東京 😀', n: -0.5, t: true, f: false, z: null },
  [],
  {},
  'a string',
  42,
];

const join = (pieces: Iterable<string>): string => [...pieces].join('');

describe('pretty JSON in pieces', () => {
  it('prints an array as JSON.stringify(…, null, 2) does, one element at a time', () => {
    expect(join(prettyJsonArray(VALUES, (x) => x))).toBe(JSON.stringify(VALUES, null, 2));
    expect(join(prettyJsonArray([{ a: 1 }], (x) => x))).toBe(JSON.stringify([{ a: 1 }], null, 2));
    expect(join(prettyJsonArray([], (x) => x))).toBe('[]');
    expect([...prettyJsonArray(VALUES, (x) => x)].length).toBe(VALUES.length + 2);
  });

  it('puts the array in place of its placeholder inside a skeleton, at the placeholder\'s depth', () => {
    const skeleton = (results: unknown): unknown => ({ $schema: 'x', runs: [{ tool: { rules: [{ id: 'r' }] }, results, after: [] }], tail: 1 });
    const PH = '\u0000results\u0000';
    expect(join(prettyJsonWithArray(skeleton(PH), PH, VALUES, (x) => x))).toBe(JSON.stringify(skeleton(VALUES), null, 2));
    expect(join(prettyJsonWithArray(skeleton(PH), PH, [], (x) => x))).toBe(JSON.stringify(skeleton([]), null, 2));
    expect(join(prettyJsonWithArray(PH, PH, VALUES, (x) => x))).toBe(JSON.stringify(VALUES, null, 2));
    expect(() => join(prettyJsonWithArray({ results: [] }, PH, VALUES, (x) => x))).toThrow(/does not hold/);
  });

  it('batches pieces into chunks of about the size asked for, losing nothing', () => {
    const pieces = Array.from({ length: 100 }, (_, i) => `${i}:`.repeat(i % 7));
    const chunks = [...batched(pieces, 50)];
    expect(chunks.join('')).toBe(pieces.join(''));
    expect(chunks.slice(0, -1).every((c) => c.length >= 50 && c.length < 50 + 7 * 3)).toBe(true);
    expect([...batched([], 50)]).toEqual([]);
  });

  it.each(['json', 'sarif', 'junit', 'compact', 'stylish', 'html'] as const)('formatChunks(%s) on the seeds joins to format()', async (fmt) => {
    const { diagnostics, context } = await seeds();
    expect(diagnostics.length).toBeGreaterThan(10);
    const whole = format(fmt, diagnostics, { context });
    expect(join(formatChunks(fmt, diagnostics, { context }))).toBe(whole);
    if (fmt === 'json' || fmt === 'sarif') {
      expect(whole).toBe(`${JSON.stringify(JSON.parse(whole), null, 2)}\n`);
      expect([...formatChunks(fmt, diagnostics, { context })].length).toBeGreaterThan(diagnostics.length);
    }
    // JUnit: the header, one piece per checked file, the end.
    if (fmt === 'junit') expect([...formatChunks(fmt, diagnostics, { context })].length).toBe((context.files ?? []).length + 3);
  });

  it('the CLI waits for drain when stdout says its buffer is full, and writes the whole report', async () => {
    let out = '';
    let waits = 0;
    const listeners: Array<() => void> = [];
    const stdout = {
      isTTY: false,
      // Full after every write: the CLI must wait for each drain, which comes later.
      write(s: string): boolean {
        out += s;
        return false;
      },
      once(_event: 'drain', listener: () => void): void {
        waits++;
        listeners.push(listener);
        setTimeout(() => listeners.shift()?.(), 1);
      },
    };
    let err = '';
    const code = await main({ argv: ['docs-sources', '--format', 'json'], cwd: repo, env: {}, stdout, stderr: { write: (s: string) => (err += s) } });
    const { diagnostics } = await seeds();
    expect(err).toBe('');
    expect(code).toBe(diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    expect(out).toBe(format('json', diagnostics));
    expect(waits).toBeGreaterThan(0);
  });
});
