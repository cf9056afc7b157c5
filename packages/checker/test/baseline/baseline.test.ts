import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineEntries, parseBaseline, serializeBaseline } from '../../src/baseline.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { identity } from '../../src/fingerprint.js';
import { run, tree } from '../cli/run.js';
import { seedTree, SELF } from '../fix/fixture.js';

const json = (s: string): Diagnostic[] => JSON.parse(s) as Diagnostic[];

describe('--baseline / --update-baseline on the seeds', () => {
  it('records today\'s findings, then reports only new ones; they survive line shifts and edits elsewhere in the file', async () => {
    const root = seedTree();
    const before = json((await run(['docs', '-f', 'json'], root)).stdout);
    expect(before.length).toBeGreaterThan(3);

    const up = await run(['docs', '--baseline', 'docdrift-baseline.json', '--update-baseline'], root);
    expect(up).toMatchObject({ code: 0, stdout: '', stderr: `docdrift: baseline docdrift-baseline.json: ${before.length} findings recorded\n` });
    const text = readFileSync(join(root, 'docdrift-baseline.json'), 'utf8');
    const file = parseBaseline(text, 'x');
    expect(file.findings).toHaveLength(before.length);
    expect(file.findings.every((e) => e.file.startsWith('docs/') && /^[0-9a-f]{32}$/.test(e.fingerprint))).toBe(true);
    expect(text).toBe(serializeBaseline(file.findings)); // sorted, stable
    expect(text).not.toMatch(/"line"|"column"|Time|date/);

    const quiet = await run(['docs', '--baseline', 'docdrift-baseline.json', '-f', 'json'], root);
    expect(quiet.code).toBe(0);
    expect(json(quiet.stdout)).toEqual([]);
    expect(quiet.stderr).toBe(`docdrift: ${before.length} findings hidden by the baseline docdrift-baseline.json\n`);

    // Lines inserted at the top of seed 000 (every finding moves) and its 504 row reworded (same width).
    const self = readFileSync(join(root, SELF), 'utf8');
    expect(self).toContain('| The gateway timed out. ');
    writeFileSync(join(root, SELF), `.. a comment\n.. another\n\n${self.replace('| The gateway timed out. ', '| A gateway timeout hit. ')}`);
    const after = json((await run(['docs', '-f', 'json'], root)).stdout);
    const r = await run(['docs', '--baseline', 'docdrift-baseline.json', '-f', 'json'], root);
    const reported = json(r.stdout);
    // Exactly the findings that did not exist before are reported (compared by what they say, not where).
    const old = new Set(before.map(identity));
    expect(reported).toEqual(after.filter((d) => !old.has(identity(d))));
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.some((d) => d.key === '504')).toBe(true);
    // The moved findings of seed 000 stay hidden.
    const moved = after.filter((d) => d.file === SELF && old.has(identity(d)));
    expect(moved.length).toBeGreaterThan(2);
    expect(moved.every((d) => before.some((b) => identity(b) === identity(d) && b.line + 3 === d.line))).toBe(true);
  });
});

describe('baseline semantics', () => {
  const project = (refs: number, extra = '') => ({
    'docs/conf.py': '',
    'docs/index.rst': 'Index\n=====\n\n.. toctree::\n\n   a\n',
    'docs/a.rst': `A\n=\n\n${extra}${Array.from({ length: refs }, (_, i) => `Paragraph ${i} sees :ref:\`nowhere\`.\n\n`).join('')}`,
  });

  it('each entry hides one finding: a second identical finding in the same file is new', async () => {
    const root = tree(project(1));
    expect((await run(['docs', '--baseline', 'b.json', '--update-baseline'], root)).code).toBe(0);
    expect(await run(['docs', '--baseline', 'b.json'], root)).toMatchObject({ code: 0, stdout: '' });
    writeFileSync(join(root, 'docs/a.rst'), project(2, 'A new first paragraph.\n\n')['docs/a.rst']);
    const r = await run(['docs', '--baseline', 'b.json', '-f', 'compact'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('docs/a.rst:8:18: error :ref: to undefined label `nowhere` (no such label in project `docs`) [broken-ref]\n');
    expect(r.stderr).toBe('docdrift: 1 finding hidden by the baseline b.json\n');
  });

  it('fixed findings are counted as stale entries; --update-baseline drops them', async () => {
    const root = tree(project(2));
    await run(['docs', '--baseline', 'b.json', '--update-baseline'], root);
    writeFileSync(join(root, 'docs/a.rst'), project(1)['docs/a.rst']);
    const r = await run(['docs', '--baseline', 'b.json'], root);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'docdrift: 1 finding hidden by the baseline b.json; 1 baseline entry no longer found (fixed?): --update-baseline drops it\n' });
    await run(['docs', '--baseline', 'b.json', '--update-baseline'], root);
    expect(parseBaseline(readFileSync(join(root, 'b.json'), 'utf8'), 'b').findings).toHaveLength(1);
  });

  it('paths in the file are relative to the baseline file, whatever path names it', async () => {
    const root = tree(project(1));
    mkdirSync(join(root, 'ci'));
    await run(['docs', '--baseline', 'ci/b.json', '--update-baseline'], root);
    expect(parseBaseline(readFileSync(join(root, 'ci/b.json'), 'utf8'), 'b').findings.map((e) => e.file)).toEqual(['../docs/a.rst']);
    expect(await run(['docs', '--baseline', join(root, 'ci/b.json')], root)).toMatchObject({ code: 0, stdout: '' });
    expect(await run(['docs', '--baseline', './ci/../ci/b.json'], root)).toMatchObject({ code: 0, stdout: '' });
  });

  it('a pre-commit run updating the baseline keeps the entries of the files it did not check', async () => {
    const root = tree({ ...project(1), 'docs/b.rst': 'B\n=\n\nSee :ref:`elsewhere`.\n' });
    await run(['docs', '--baseline', 'b.json', '--update-baseline'], root);
    writeFileSync(join(root, 'docs/a.rst'), project(3)['docs/a.rst']);
    await run(['docs/a.rst', '--baseline', 'b.json', '--update-baseline'], root);
    const files = parseBaseline(readFileSync(join(root, 'b.json'), 'utf8'), 'b').findings.map((e) => e.file);
    expect(files).toEqual(['docs/a.rst', 'docs/a.rst', 'docs/a.rst', 'docs/b.rst']);
  });

  it('usage and file errors exit 2 with a message', async () => {
    const root = tree(project(1));
    expect(await run(['docs', '--update-baseline'], root)).toMatchObject({ code: 2, stderr: 'docdrift: --update-baseline needs --baseline FILE\n' });
    expect(await run(['docs', '--baseline', 'none.json'], root)).toMatchObject({ code: 2, stderr: 'docdrift: baseline file not found: none.json (create it with --update-baseline)\n' });
    writeFileSync(join(root, 'bad.json'), '{"findings": 3}');
    expect(await run(['docs', '--baseline', 'bad.json'], root)).toMatchObject({ code: 2, stderr: 'docdrift: bad.json is not a docdrift baseline (create it with --update-baseline)\n' });
    // A broken file (a merge conflict left in it) is named with the line and column of the error.
    writeFileSync(join(root, 'bad.json'), '{\n  "version": 1,\n<<<<<<< HEAD\n  "tool": "docdrift"\n}\n');
    expect(await run(['docs', '--baseline', 'bad.json'], root)).toMatchObject({ code: 2, stderr: "docdrift: baseline bad.json:3:1: Expected double-quoted property name; it is not JSON (recreate it with --update-baseline)\n" });
    // Reasons in words, not `EISDIR: illegal operation on a directory, read` or the name of a temporary file.
    expect(await run(['docs', '--baseline', 'docs'], root)).toMatchObject({ code: 2, stderr: 'docdrift: cannot read baseline docs: is a directory\n' });
    expect(await run(['docs', '--baseline', 'bad.json/b.json', '--update-baseline'], root)).toMatchObject({ code: 2, stderr: 'docdrift: cannot write baseline bad.json/b.json: bad.json is a file, not a folder\n' });
    // A missing folder is created, as for --output.
    expect(await run(['docs', '--baseline', 'ci/baseline/docdrift.json', '--update-baseline'], root)).toMatchObject({ code: 0, stderr: 'docdrift: baseline ci/baseline/docdrift.json: 1 finding recorded\n' });
    expect(await run(['docs', '--baseline', 'ci/baseline/docdrift.json'], root)).toMatchObject({ code: 0 });
  });

  it('library: entries and filtering are pure functions of the findings', () => {
    const d = (line: number, message = 'm'): Diagnostic => ({ ruleId: 'r', severity: 'error', message, file: 'a.rst', line, column: 1, endLine: line, endColumn: 2 });
    const base = { version: 1, tool: 'docdrift' as const, findings: baselineEntries([d(1), d(9, 'other')]) };
    expect(applyBaseline([d(40), d(50), d(60, 'other')], base)).toMatchObject({ fresh: [d(50)], suppressed: 2, stale: [] });
    expect(applyBaseline([], base).stale).toHaveLength(2);
  });
});
