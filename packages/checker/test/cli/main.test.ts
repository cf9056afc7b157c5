import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/cli/main.js';
import { lines } from '../helpers.js';
import { run, tree } from './run.js';

const page = (body: string, title = 'Page'): string => `${title}\n${'='.repeat(title.length)}\n\n${body}\n`;
const brokenProject = {
  'docs/conf.py': '',
  'docs/index.rst': page('.. toctree::\n\n   a\n   b', 'Index'),
  'docs/a.rst': page('.. _a_label:\n\nSee :ref:`b_label` and :ref:`nowhere`.', 'A'),
  'docs/b.rst': page('.. _b_label:\n\ntext', 'B'),
};

describe('docdrift CLI', () => {
  it('--help and --version', async () => {
    const h = await run(['--help'], '/');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: docdrift [options] [paths...]');
    for (const flag of ['--config', '--format', '--output', '--rule', '--quiet', '--max-warnings', '--no-color', '--list-rules', '--print-config', '--print-variants', '--help', '--version', 'DOCDRIFT_COMPILE_CACHE']) {
      expect(h.stdout).toContain(flag);
    }
    const v = await run(['--version'], '/');
    expect(v).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`, stderr: '' });
  });

  it('usage errors exit 2', async () => {
    const dir = tree({ 'a.rst': page('x') });
    expect((await run(['--bogus'], dir)).code).toBe(2);
    expect((await run(['--format', 'xml'], dir)).stderr).toContain('unknown format "xml"');
    expect((await run(['--rule', 'broken-ref'], dir)).stderr).toContain('--rule expects id=off|info|warn|error');
    expect((await run(['--rule', 'no-such-rule=off'], dir)).stderr).toContain('unknown rule "no-such-rule"');
    expect((await run(['--max-warnings', 'x'], dir)).code).toBe(2);
    const missing = await run(['nope'], dir);
    expect(missing).toMatchObject({ code: 2, stderr: 'docdrift: no such file or directory: nope\n' });
  });

  it('--ignore-pattern adds ignores relative to the working directory; --no-inline-config reports what disable comments hide', async () => {
    const bad = (n: string) => lines('T', '=', '', `:ref:\`${n}\``);
    const dir = tree({ 'docs/a.rst': bad('one'), 'docs/old/b.rst': bad('two'), 'docs/c.rst': `.. docdrift-disable broken-ref\n\n${bad('three')}` });
    const all = await run(['-f', 'compact', 'docs'], dir);
    expect(all.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['docs/a.rst', 'docs/old/b.rst']);
    const some = await run(['-f', 'compact', '--ignore-pattern', 'docs/old/**', 'docs'], dir);
    expect(some.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['docs/a.rst']);
    // Inside docs/ (no config: cwd is where paths are relative to), and a pattern for any folder.
    expect((await run(['-f', 'compact', '--ignore-pattern', 'old/*.rst', '.'], join(dir, 'docs'))).stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['a.rst']);
    expect((await run(['-f', 'compact', '--ignore-pattern', '**/a.rst', '--ignore-pattern', '**/b.rst', 'docs'], dir)).stdout).toBe('');
    const everything = await run(['-f', 'compact', '--no-inline-config', 'docs'], dir);
    expect(everything.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['docs/a.rst', 'docs/c.rst', 'docs/old/b.rst']);
    // The same from the config, which must say true or false.
    // --print-config shows them.
    const printed = JSON.parse((await run(['--print-config', '--ignore-pattern', 'docs/old/**', '--no-inline-config', '--report-unused-disable-directives-severity', 'off'], dir)).stdout) as Record<string, unknown>;
    expect([printed['ignores'], printed['noInlineConfig'], printed['reportUnusedDisableDirectives']]).toEqual([['docs/old/**'], true, 'off']);
    const configured = tree({ 'docdrift.config.json': JSON.stringify({ noInlineConfig: true }), 'c.rst': `.. docdrift-disable broken-ref\n\n${bad('three')}` });
    expect((await run(['-f', 'compact'], configured)).stdout).toBe('c.rst:6:1: error :ref: to undefined label `three` (no such label in this project) [broken-ref]\n');
    const wrong = tree({ 'docdrift.config.json': JSON.stringify({ noInlineConfig: 'yes' }), 'c.rst': bad('x') });
    expect(await run([], wrong)).toEqual({ code: 2, stdout: '', stderr: 'docdrift: docdrift.config.json: noInlineConfig must be true or false\n' });
  });

  it('--report-unused-disable-directives[-severity] sets how disable comments that disable nothing are reported', async () => {
    const dir = tree({ 'a.rst': lines('T', '=', '', '.. docdrift-disable-next-line broken-ref', '', 'Fine.') });
    const finding = 'a.rst:4:31: %s Unused broken-ref in docdrift-disable-next-line: there is no broken-ref finding on the next line; remove the id (and the comment) [unused-disable]\n';
    expect(await run(['-f', 'compact'], dir)).toEqual({ code: 0, stdout: finding.replace('%s', 'warning'), stderr: '' });
    expect(await run(['-f', 'compact', '--report-unused-disable-directives'], dir)).toEqual({ code: 1, stdout: finding.replace('%s', 'error'), stderr: '' });
    expect(await run(['-f', 'compact', '--report-unused-disable-directives-severity', 'off'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await run(['--report-unused-disable-directives-severity', 'loud'], dir)).stderr).toBe('docdrift: --report-unused-disable-directives-severity expects off, info, warn or error, got "loud"\n');
    const configured = tree({ 'docdrift.config.json': JSON.stringify({ reportUnusedDisableDirectives: 'off' }), 'a.rst': lines('T', '=', '', '.. docdrift-disable-next-line broken-ref', '', 'Fine.') });
    expect((await run(['-f', 'compact'], configured)).stdout).toBe('');
    const wrong = tree({ 'docdrift.config.json': JSON.stringify({ reportUnusedDisableDirectives: 'loud' }), 'a.rst': 'T\n=\n' });
    expect((await run([], wrong)).stderr).toMatch(/^docdrift: docdrift\.config\.json: reportUnusedDisableDirectives: /);
  });

  it('an unknown option names the option meant; an option without its value says so', async () => {
    const dir = tree({ 'a.rst': page('x') });
    const hint = '; a file name starting with "-" goes after "--"\nTry \'docdrift --help\'.\n';
    expect(await run(['--frmat', 'json'], dir)).toEqual({ code: 2, stdout: '', stderr: `docdrift: unknown option --frmat (did you mean --format?)${hint}` });
    expect((await run(['--max-warning=0'], dir)).stderr).toBe(`docdrift: unknown option --max-warning (did you mean --max-warnings?)${hint}`);
    expect((await run(['--bogus'], dir)).stderr).toBe(`docdrift: unknown option --bogus${hint}`);
    expect((await run(['-x'], dir)).stderr).toBe(`docdrift: unknown option -x${hint}`);
    expect(await run(['a.rst', '--output'], dir)).toEqual({ code: 2, stdout: '', stderr: "docdrift: --output needs a value\nTry 'docdrift --help'.\n" });
    expect((await run(['--cache-location'], dir)).stderr).toBe("docdrift: --cache-location needs a value\nTry 'docdrift --help'.\n");
    // A file whose name starts with "-", after "--", is checked.
    const odd = tree({ '-odd.rst': page('x') });
    expect((await run(['--', '-odd.rst'], odd)).code).toBe(0);
  });

  it('a path argument that is a symbolic link loop says so (exit 2)', async () => {
    const dir = tree({ 'a.rst': page('x') });
    symlinkSync('loop.rst', join(dir, 'loop.rst'));
    expect(await run(['loop.rst'], dir)).toMatchObject({ code: 2, stderr: 'docdrift: cannot read loop.rst: too many symbolic links\n' });
  });

  it('exit 1 with errors, compact format, findings sorted', async () => {
    const dir = tree(brokenProject);
    const r = await run(['--format', 'compact'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('docs/a.rst:6:24: error :ref: to undefined label `nowhere` (no such label in project `docs`) [broken-ref]\n');
  });

  it('--rule turns a rule off or into a warning; --max-warnings', async () => {
    const dir = tree(brokenProject);
    expect((await run(['--rule', 'broken-ref=off'], dir)).code).toBe(0);
    const w = await run(['--rule', 'broken-ref=warn', '-f', 'compact'], dir);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain(': warning :ref: to undefined label');
    const over = await run(['--rule', 'broken-ref=warn', '--max-warnings', '0'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (1, maximum 0)');
    expect((await run(['--rule', 'broken-ref=warn', '--max-warnings', '1'], dir)).code).toBe(0);
    // ESLint's -1: no limit.
    expect((await run(['--rule', 'broken-ref=warn', '--max-warnings=-1'], dir)).code).toBe(0);
    expect((await run(['--rule', 'broken-ref=warn', '--max-warnings=-2'], dir)).stderr).toBe('docdrift: --max-warnings expects a number (-1: no limit), got "-2"\n');
    expect(await run(['--fix', '--fix-dry-run'], dir)).toEqual({ code: 2, stdout: '', stderr: 'docdrift: --fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write\n' });
    const quiet = await run(['--rule', 'broken-ref=warn', '--quiet'], dir);
    expect(quiet).toMatchObject({ code: 0, stdout: '' });
  });

  it('config found upward, severities from it, --config explicit, bad config exits 2', async () => {
    const dir = tree({ ...brokenProject, 'docdrift.config.json': JSON.stringify({ rules: { 'broken-ref': 'warn' } }) });
    const r = await run(['-f', 'compact', 'a.rst'], join(dir, 'docs'));
    // Run inside docs/, the check works from the config's folder: the project is named from there.
    expect(r.stdout).toBe('a.rst:6:24: warning :ref: to undefined label `nowhere` (no such label in project `docs`) [broken-ref]\n');
    const other = tree({ 'x.json': JSON.stringify({ rules: { 'broken-ref': 'off' } }), 'bad.json': '{ nope', 'unknown.json': '{"colour": 1}' });
    expect((await run(['--config', join(other, 'x.json'), 'docs'], dir)).code).toBe(0);
    const bad = await run(['--config', join(other, 'bad.json'), 'docs'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^docdrift: \S*bad\.json:1:3: Expected property name or '\}'; the config must be JSON \(no comments, no trailing commas\)\n$/);
    // A trailing comma, the commonest slip: file:line:column of the error, and what to do.
    const comma = tree({ ...brokenProject, 'docdrift.config.json': '{\n  "rules": { "broken-ref": "warn", }\n}\n' });
    expect(await run(['docs'], comma)).toEqual({ code: 2, stdout: '', stderr: "docdrift: docdrift.config.json:2:36: Expected double-quoted property name; the config must be JSON (no comments, no trailing commas)\n" });
    expect((await run(['--config', join(other, 'unknown.json'), 'docs'], dir)).stderr).toContain('unknown key "colour"');
    expect((await run(['--config', 'missing.json'], dir)).stderr).toContain('config file not found: missing.json');
  });

  it('rule settings name where they come from and what to do; rule options are checked against the rule\'s schema', async () => {
    const withRules = (rules: unknown): string => tree({ ...brokenProject, 'docdrift.config.json': JSON.stringify({ rules }) });
    const err = async (rules: unknown, argv: string[] = []) => {
      const r = await run(argv, withRules(rules));
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
      return r.stderr;
    };
    const list = '(docdrift --list-rules lists the rules)';
    expect(await err({ 'brokenref': 'warn' })).toBe(`docdrift: docdrift.config.json: rules: unknown rule "brokenref" ${list}\n`);
    expect(await err({}, ['--rule', 'brokenref=warn'])).toBe(`docdrift: --rule brokenref=warn: unknown rule "brokenref" ${list}\n`);
    // A misspelt option did nothing, and a wrong type was taken as it came ("no" is truthy).
    expect(await err({ 'reason-phrase': ['error', { acceptLegecy: false }] })).toBe('docdrift: docdrift.config.json: rules.reason-phrase: unknown option "acceptLegecy" (reason-phrase takes: acceptLegacy)\n');
    expect(await err({ 'reason-phrase': ['error', { acceptLegacy: 'no' }] })).toBe('docdrift: docdrift.config.json: rules.reason-phrase: option "acceptLegacy" must be a boolean, got "no"\n');
    expect(await err({ 'ref-text-stale': ['info', { minSimilarity: 2 }] })).toBe('docdrift: docdrift.config.json: rules.ref-text-stale: option "minSimilarity" must be at most 1, got 2\n');
    expect(await err({ 'ref-text-stale': ['info', { minSimilarity: '0.5' }] })).toBe('docdrift: docdrift.config.json: rules.ref-text-stale: option "minSimilarity" must be a number, got "0.5"\n');
    expect(await err({ 'broken-ref': ['warn', { strict: true }] })).toBe('docdrift: docdrift.config.json: rules.broken-ref: unknown option "strict" (broken-ref takes no options)\n');
    expect(await err({ 'broken-ref': ['warn', 3] })).toBe('docdrift: docdrift.config.json: rules.broken-ref: options must be an object\n');
    // Valid options still work, also under --rule.
    const ok = await run(['--rule', 'reason-phrase=warn', '-f', 'compact'], withRules({ 'reason-phrase': ['error', { acceptLegacy: false }], 'ref-text-stale': ['info', { minSimilarity: 0 }] }));
    expect(ok).toMatchObject({ code: 1, stderr: '' });
  });

  it('a reference that names no variant is a config error (it was ignored: the majority decided)', async () => {
    const folders = { 'docs-ch/.keep': '', 'x/.keep': '', 'y/.keep': '' };
    const dir = tree({ ...brokenProject, ...folders, 'docdrift.config.json': JSON.stringify({ variants: [{ public: 'docs', swiss: 'docs-ch' }, { a: 'x', b: 'y' }], reference: 'publc' }) });
    expect(await run([], dir)).toEqual({ code: 2, stdout: '', stderr: 'docdrift: docdrift.config.json: reference "publc" is not a variant name (variants: a, b, public, swiss)\n' });
    const ok = tree({ ...brokenProject, ...folders, 'docdrift.config.json': JSON.stringify({ variants: { public: 'docs', swiss: 'docs-ch' }, reference: 'public' }) });
    expect((await run(['-f', 'compact'], ok)).code).toBe(1);
  });

  it('a folder the config names that does not exist is a config error (a mistyped variant root left every page without its twin)', async () => {
    const config = (c: unknown): string => tree({ ...brokenProject, 'docs-ch/a.rst': page('x'), 'docdrift.config.json': JSON.stringify(c) });
    const err = async (c: unknown): Promise<string> => {
      const r = await run([], config(c));
      expect(r.code).toBe(2);
      return r.stderr;
    };
    expect(await err({ variants: { public: 'docs', swiss: 'docs-cj' } })).toBe('docdrift: docdrift.config.json: variants.swiss: no such folder "docs-cj" (folders are relative to the config file)\n');
    expect(await err({ variants: [{ public: 'docs', swiss: 'docs-ch' }, { a: 'docs', b: 'nope' }] })).toBe('docdrift: docdrift.config.json: variants[1].b: no such folder "nope" (folders are relative to the config file)\n');
    expect(await err({ projects: [{ root: 'docs/a.rst' }] })).toBe('docdrift: docdrift.config.json: projects[0].root: "docs/a.rst" is a file, not a folder\n');
    expect(await err({ sites: [{ root: 'site', baseUrl: 'https://docs.example.com/' }] })).toContain('sites[0].root: no such folder "site"');
    expect(await err({ groupByContent: ['seeds'] })).toContain('groupByContent[0]: no such folder "seeds"');
    expect((await run(['-f', 'compact'], config({ variants: { public: 'docs', swiss: 'docs-ch' } }))).code).toBe(1);
  });

  it('--output writes the report to a file (without colours)', async () => {
    const dir = tree(brokenProject);
    const r = await run(['--output', 'report.json', '--format', 'json'], dir, { env: { FORCE_COLOR: '1' } });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Array<Record<string, unknown>>;
    expect(report).toEqual([
      { ruleId: 'broken-ref', severity: 'error', message: ':ref: to undefined label `nowhere` (no such label in project `docs`)', file: 'docs/a.rst', line: 6, column: 24, endLine: 6, endColumn: 38 },
    ]);
  });

  it('stylish: colours follow --no-color, NO_COLOR, FORCE_COLOR and the TTY', async () => {
    const dir = tree(brokenProject);
    const esc = '\x1b[';
    expect((await run([], dir, { tty: true })).stdout).toContain(esc);
    expect((await run(['--no-color'], dir, { tty: true })).stdout).not.toContain(esc);
    expect((await run([], dir, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await run([], dir, { env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
    expect((await run([], dir)).stdout).not.toContain(esc);
    const plain = (await run([], dir)).stdout;
    expect(plain).toBe(
      [
        '',
        'docs/a.rst',
        '  6:24  error  :ref: to undefined label `nowhere` (no such label in project `docs`)  broken-ref',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
    expect(colorLevel({}, { FORCE_COLOR: '0' }, { write: () => 0, isTTY: true }, false)).toBe(0);
    expect(colorLevel({}, { FORCE_COLOR: '3' }, { write: () => 0 }, false)).toBe(3);
    expect(colorLevel({ color: true }, { NO_COLOR: '1' }, { write: () => 0 }, true)).toBe(1);
  });

  it('unreadable files are reported by name and reason; the others are still checked; exit 2', async () => {
    const dir = tree({
      ...brokenProject,
      'docs/binary.rst': Buffer.from([0x50, 0x00, 0x01, 0x02]),
      'docs/latin1.rst': Buffer.from('Titl\xe9\n=====\n', 'latin1'),
      'docs/locked.rst': page('x'),
    });
    mkdirSync(join(dir, 'docs/folder.rst'));
    chmodSync(join(dir, 'docs/locked.rst'), 0o000);
    const asRoot = process.getuid?.() === 0;
    const r = await run(['-f', 'compact'], dir);
    expect(r.code).toBe(2);
    const expected = [
      'docdrift: cannot read docs/binary.rst: binary file (contains NUL bytes)',
      'docdrift: cannot read docs/folder.rst: is a directory',
      'docdrift: cannot read docs/latin1.rst: invalid UTF-8',
      ...(asRoot ? [] : ['docdrift: cannot read docs/locked.rst: permission denied']),
    ];
    expect(r.stderr.trim().split('\n')).toEqual(expected);
    expect(r.stdout).toContain('docs/a.rst:6:24: error :ref: to undefined label `nowhere`');
    expect(r.stdout).toContain('docs/binary.rst:1:1: error Cannot read file: binary file (contains NUL bytes) [read-error]');
  });

  it.skipIf(process.platform === 'win32')('a named pipe given as a file is a read error, not a hang; --config naming a folder says so', async () => {
    const dir = tree(brokenProject);
    execFileSync('mkfifo', [join(dir, 'docs/pipe.rst')]);
    const r = await run(['-f', 'compact', 'docs/pipe.rst', 'docs/a.rst'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('docdrift: cannot read docs/pipe.rst: is not a regular file (a named pipe)\n');
    expect(r.stdout).toContain('docs/a.rst:6:24: error :ref: to undefined label `nowhere`');
    expect(r.stdout).toContain('docs/pipe.rst:1:1: error Cannot read file: is not a regular file (a named pipe) [read-error]');
    expect(await run(['--config', 'docs'], dir)).toEqual({ code: 2, stdout: '', stderr: 'docdrift: cannot read config docs: is a directory\n' });
  });

  it('a folder with no pages to check is a usage error (exit 2), as ESLint\'s "No files matching"', async () => {
    const dir = tree({ 'docs/notes.txt': 'x', 'other/README.rst': page('x'), 'docdrift.config.json': JSON.stringify({ ignores: ['**/README.rst'] }) });
    expect(await run(['docs'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'docdrift: no pages to check in docs (looked for .rst, .md files, minus the config\'s ignores): check the path, or "extensions" and "ignores" in the config\n',
    });
    expect((await run(['other'], dir)).code).toBe(2);
    // A file argument that the config ignores (a pre-commit run passing it) is no error.
    expect(await run(['other/README.rst'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--list-rules and --print-config reflect the configuration', async () => {
    const dir = tree({ 'docdrift.config.json': JSON.stringify({ rules: { 'stale-site-link': 'warn' }, baseUrl: 'https://docs.example.com/' }) });
    const l = await run(['--list-rules', '--rule', 'broken-ref=off'], dir);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^broken-ref\s+off\s+A :ref:/m);
    expect(l.stdout).toMatch(/^stale-site-link\s+warning\s+/m);
    const c = await run(['--print-config'], dir);
    const printed = JSON.parse(c.stdout) as { configFile: string; baseUrl: string; rules: Record<string, unknown> };
    expect(printed.configFile).toBe('docdrift.config.json');
    expect(printed.baseUrl).toBe('https://docs.example.com/');
    expect(printed.rules['stale-site-link']).toBe('warning');
    expect(printed.rules['broken-ref']).toBe('error');
  });

  it('--print-variants pairs pages across variant roots (path, :original_name:, label, title)', async () => {
    const dir = tree({
      'docdrift.config.json': JSON.stringify({ variants: { public: 'public', swiss: 'swiss' } }),
      'public/source/a.rst': page('x', 'Same path'),
      'swiss/source/a.rst': page('y', 'Same path, other title'),
      'public/source/p/one.rst': `:original_name: topic_1.html\n\n${page('x', 'One')}`,
      'swiss/source/q/uno.rst': `:original_name: topic_1.html\n\n${page('x', 'Uno')}`,
      'public/source/lab.rst': `.. _the_label:\n\n${page('x', 'Labelled')}`,
      'swiss/source/lab2.rst': `.. _the_label:\n\n${page('x', 'Labelled differently')}`,
      'public/source/t1.rst': page('x', 'Only The Title'),
      'swiss/source/t2.rst': page('x', 'Only the title'),
      'swiss/source/alone.rst': page('x', 'Alone'),
    });
    const r = await run(['--print-variants'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('path:source/a.rst  (paired by path)\n  public  public/source/a.rst\n  swiss   swiss/source/a.rst\n');
    expect(r.stdout).toContain('original-name:topic_1  (paired by original-name)\n  public  public/source/p/one.rst\n  swiss   swiss/source/q/uno.rst\n');
    expect(r.stdout).toContain('label:the_label  (paired by label)');
    expect(r.stdout).toContain('title:only the title  (paired by title)');
    expect(r.stdout).toContain('Variant groups: 4');
    expect(r.stdout).not.toContain('alone.rst  ');
    const j = JSON.parse((await run(['--print-variants', '--format', 'json'], dir)).stdout) as { variantGroups: unknown[] };
    expect(j.variantGroups).toHaveLength(4);
  });
});
