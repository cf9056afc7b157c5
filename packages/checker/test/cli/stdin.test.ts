import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tree } from './run.js';

// An editor checks its unsaved buffer: the text comes on standard input, named by --stdin-filename
// (as ESLint's --stdin / --stdin-filename), and is checked with that file's project and variants.
const table = (phrase: string, text: string) =>
  `T\n=\n\n.. _t:\n\n.. table:: Status codes\n\n   ================== ===========\n   Status code        Description\n   ================== ===========\n   200 OK             Fine.\n   404 ${phrase.padEnd(14)} ${text}\n   ================== ===========\n`;

describe('--stdin', () => {
  const project = () =>
    tree({
      'docdrift.config.json': JSON.stringify({ variants: { public: 'public', swiss: 'swiss' } }),
      'public/index.rst': 'Index\n=====\n\n.. toctree::\n\n   page\n',
      'public/page.rst': table('Not Found', 'Missing.'),
      'swiss/index.rst': 'Index\n=====\n\n.. toctree::\n\n   page\n',
      'swiss/page.rst': table('Not Found', 'Missing.'),
    });

  it('checks the text as the file it names, with its project and variant twin; the file on disk is not read', async () => {
    const dir = project();
    const edited = `${table('NotFound', 'Not here.')}\nSee :ref:\`t\` and :ref:\`nowhere\`.\n`;
    const r = await run(['--stdin', '--stdin-filename', 'swiss/page.rst', '-f', 'compact'], dir, { stdin: edited });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'swiss/page.rst:12:4: warning 404 reason phrase differs from public: [-Not Found-]{+NotFound+} [wording-drift]',
      'swiss/page.rst:12:8: error Reason phrase "NotFound" of 404 should be written "Not Found" [reason-phrase]',
      'swiss/page.rst:12:23: warning 404 description differs from public: [-Missing-]{+Not here+}. [wording-drift]',
      'swiss/page.rst:15:1: warning Text in "T" is not in public: "See Status codes and nowhere." [wording-drift]',
      'swiss/page.rst:15:18: error :ref: to undefined label `nowhere` (no such label in project `swiss`) [broken-ref]',
    ]);
    expect(readFileSync(join(dir, 'swiss/page.rst'), 'utf8')).toBe(table('Not Found', 'Missing.'));
  });

  it('a name that is not on disk yet (a new page) is checked in the project it would be in', async () => {
    const r = await run(['--stdin', '--stdin-filename', 'public/new.rst', '-f', 'compact'], project(), { stdin: 'New\n===\n\n:ref:`t` and :ref:`gone`\n' });
    expect(r).toEqual({ code: 1, stdout: 'public/new.rst:4:14: error :ref: to undefined label `gone` (no such label in project `public`) [broken-ref]\n', stderr: '' });
  });

  it('without --stdin-filename the page is <stdin>, its format read from the text', async () => {
    const md = '# Codes\n\n| Code | Meaning |\n| --- | --- |\n| 200 OK | Fine. |\n| 404 NotFound | Missing. |\n';
    const r = await run(['--stdin', '-f', 'compact'], tree({ 'x.txt': '' }), { stdin: md });
    expect(r).toEqual({ code: 1, stdout: '<stdin>:6:7: error Reason phrase "NotFound" of 404 should be written "Not Found" [reason-phrase]\n', stderr: '' });
    // A character split between two chunks of input is read whole.
    const utf8 = await run(['--stdin', '-f', 'compact'], tree({ 'x.txt': '' }), { stdin: 'Größe\n=====\n\nÜber.\n' });
    expect(utf8).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--fix-dry-run shows the fixes as a diff; usage errors exit 2', async () => {
    const dir = project();
    const dry = await run(['--stdin', '--stdin-filename', 'swiss/page.rst', '--fix-dry-run', '--rule', 'wording-drift=off'], dir, { stdin: table('NotFound', 'Missing.') });
    expect(dry.stdout).toContain('--- a/swiss/page.rst\n+++ b/swiss/page.rst\n');
    expect(dry.stdout).toContain('\n-   404 NotFound       Missing.\n+   404 Not Found      Missing.\n');
    expect(dry.code).toBe(0);
    expect(await run(['--stdin', '--fix'], dir)).toEqual({ code: 2, stdout: '', stderr: 'docdrift: --fix cannot write back to standard input: use --fix-dry-run to see the fixes\n' });
    expect(await run(['--stdin-filename', 'a.rst'], dir)).toEqual({ code: 2, stdout: '', stderr: 'docdrift: --stdin-filename names the text of --stdin: give both\n' });
    expect((await run(['--stdin', 'public'], dir)).stderr).toBe('docdrift: --stdin checks standard input, not "public": name the text with --stdin-filename FILE\n');
    expect(await run(['--stdin'], dir, { stdin: Buffer.from([0x54, 0x00, 0x0a]) })).toEqual({ code: 2, stdout: '', stderr: 'docdrift: cannot read standard input: binary data (a NUL byte), not a text page\n' });
    expect((await run(['--stdin'], dir, { stdin: Buffer.from([0xff, 0xfe, 0x41]) })).stderr).toBe('docdrift: cannot read standard input: not valid UTF-8\n');
  });
});
