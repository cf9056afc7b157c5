import { chmodSync, lstatSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { repo } from '../reporters/seeds.js';
import { awkward, LINK, REF, seed000, seedTree, SELF } from './fixture.js';

const read = (root: string, f: string): Buffer => readFileSync(join(root, f));
const snapshot = (root: string): Map<string, string> => new Map(readdirSync(join(root, 'docs')).sort().map((f) => [f, read(root, `docs/${f}`).toString('base64')]));

describe('docdrift --fix-dry-run', () => {
  it('prints the unified diff of every fix and writes nothing', async () => {
    const root = seedTree();
    const before = snapshot(root);
    const mtime = statSync(join(root, SELF)).mtimeMs;
    const r = await run(['docs', '--fix-dry-run'], root);
    expect(r.stdout).toBe(
      [
        `--- a/${SELF}`,
        `+++ b/${SELF}`,
        '@@ -1,7 +1,7 @@',
        ' HTTP Status Codes',
        ' =================',
        ' ',
        `-${LINK} describes common status codes.`,
        `+${REF} describes common status codes.`,
        ' ',
        ' .. _apig-en-api-180328012__table11812530035:',
        ' ',
        '@@ -24,7 +24,7 @@',
        '    +---------------------------------------+----------------------------------------------------------------------------------------------------------+',
        '    | 403 Forbidden                         | You are forbidden to access the requested page.                                                          |',
        '    +---------------------------------------+----------------------------------------------------------------------------------------------------------+',
        '-   | 404 Not found                         | The request failed because the requested resource could not be found on the server.                      |',
        '+   | 404 Not Found                         | The request failed because the requested resource could not be found on the server.                      |',
        '    +---------------------------------------+----------------------------------------------------------------------------------------------------------+',
        '    | 405 Method Not Allowed                | You are not allowed to use the method specified in the request.                                          |',
        '    +---------------------------------------+----------------------------------------------------------------------------------------------------------+',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('docdrift: 2 fixes in 1 file would be applied (dry run: nothing written)\n');
    expect(snapshot(root)).toEqual(before);
    expect(statSync(join(root, SELF)).mtimeMs).toBe(mtime);
  });
});

describe('docdrift --fix', () => {
  it('rewrites only the fixed spans, reports what is left, and a second run has nothing to fix (idempotent)', async () => {
    const root = seedTree();
    const original = seed000();
    const others = snapshot(root);
    others.delete('apig-absolute-self-link.rst');
    const r = await run(['docs', '--fix', '-f', 'compact'], root);
    expect(r.stderr).toBe('docdrift: fixed 2 problems in 1 file\n');
    const expected = original.replace(LINK, REF).replace('| 404 Not found ', '| 404 Not Found ');
    expect(read(root, SELF).toString('utf8')).toBe(expected);
    // The other seeds are untouched.
    const after = snapshot(root);
    after.delete('apig-absolute-self-link.rst');
    expect(after).toEqual(others);
    // The report is of the fixed text: neither fixed finding is left.
    expect(r.stdout).not.toMatch(/\[external-self-link\]|\[reason-phrase\]/);
    expect(r.stdout).toMatch(/apig-absolute-self-link\.rst:\d+:\d+: warning Caption "User management permissions"/);
    // Second run: nothing more to fix, same bytes, same report.
    const again = await run(['docs', '--fix', '-f', 'compact'], root);
    expect(again.stderr).toBe('');
    expect(read(root, SELF).toString('utf8')).toBe(expected);
    expect(again.stdout).toBe(r.stdout);
    expect(again.code).toBe(r.code);
    expect((await run(['docs', '--fix-dry-run'], root)).stdout).toBe('');
  });

  it('fixes of three rules in two files: external-self-link, reason-phrase casing, caption numbering', async () => {
    const twoTables = readFileSync(join(repo, 'docs-sources/http-status-codes/two-tables.rst'), 'utf8');
    const renumbered = twoTables.replace('.. table:: **Table 2** Abnormal', '.. table:: **Table 3** Abnormal');
    expect(renumbered).not.toBe(twoTables);
    const root = seedTree(seed000(), { 'docs/two-tables.rst': renumbered });
    const before = await run(['docs', '-f', 'compact'], root);
    expect(before.stdout).toContain('docs/two-tables.rst:24:12: error Caption says Table 3, but it is table 2 of this page: expected Table 2 [caption-numbering]');
    const r = await run(['docs', '--fix', '-f', 'compact'], root);
    expect(r.stderr).toBe('docdrift: fixed 3 problems in 2 files\n');
    expect(read(root, 'docs/two-tables.rst').toString('utf8')).toBe(twoTables);
    expect(read(root, SELF).toString('utf8')).toBe(seed000().replace(LINK, REF).replace('| 404 Not found ', '| 404 Not Found '));
    expect(r.stdout).not.toMatch(/\[(caption-numbering|reason-phrase|external-self-link)\]/);
    expect(r.code).toBe(0);
  });

  it('keeps CRLF line ends, the byte order mark, tabs and trailing spaces byte for byte', async () => {
    const bytes = awkward(seed000());
    const root = seedTree(bytes);
    const r = await run(['docs', '--fix', '-f', 'compact'], root);
    expect(r.stderr).toBe('docdrift: fixed 2 problems in 1 file\n');
    const out = read(root, SELF);
    // Exactly the two spans replaced in the original bytes; everything else identical.
    const expected = Buffer.from(bytes.toString('utf8').replace(LINK, REF).replace('| 404 Not found ', '| 404 Not Found '), 'utf8');
    expect(out.equals(expected)).toBe(true);
    expect(out.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = out.toString('utf8');
    expect(text.match(/\r\n/g)!.length).toBe(bytes.toString('utf8').match(/\r\n/g)!.length);
    expect(text).toContain(`${REF} describes common status codes.\t \r\n\r\n..\ta comment with a tab  \r\n`);
    expect(text).toContain('HTTP Status Codes   \r\n');
  });

  it('a read-only file gets a clear error (exit 2), not a crash; the file is left as it was', async () => {
    const root = seedTree();
    chmodSync(join(root, SELF), 0o444);
    const before = read(root, SELF);
    const r = await run(['docs', '--fix', '-f', 'compact'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `docdrift: cannot fix ${SELF}: the file is read-only (no write permission); make it writable (chmod u+w) to let --fix change it\n` +
        'docdrift: fixed 0 problems in 0 files; 1 file not written\n',
    );
    expect(read(root, SELF).equals(before)).toBe(true);
    expect(statSync(join(root, SELF)).mode & 0o777).toBe(0o444);
    // The report shows the findings that are still there, fixable ones included.
    expect(r.stdout).toMatch(/\[external-self-link\]/);
    expect(r.stdout).toMatch(/\[reason-phrase\]/);
    // No temporary file is left behind.
    expect(readdirSync(join(root, 'docs')).filter((f) => f.includes('.docdrift-'))).toEqual([]);
  });

  it('a file reached through a symbolic link is fixed in place and the link stays a link', async () => {
    const root = seedTree();
    renameSync(join(root, SELF), join(root, 'real.rst'));
    symlinkSync('../real.rst', join(root, SELF));
    // (Named on the command line, as a pre-commit hook does; a folder walk follows links too.)
    const r = await run([SELF, '--fix', '-f', 'compact'], root);
    expect(r.stderr).toBe('docdrift: fixed 2 problems in 1 file\n');
    expect(read(root, 'real.rst').toString('utf8')).toBe(seed000().replace(LINK, REF).replace('| 404 Not found ', '| 404 Not Found '));
    expect(lstatSync(join(root, SELF)).isSymbolicLink()).toBe(true);
    expect(readdirSync(root).filter((f) => f.includes('.docdrift-'))).toEqual([]);
  });

  it('a page listed under two paths (a link in the folder and its target) is fixed once, and both paths show the fixed text', async () => {
    const root = seedTree();
    symlinkSync('apig-absolute-self-link.rst', join(root, 'docs/zz-link.rst'));
    const before = await run(['docs', '-f', 'compact'], root);
    expect(before.stdout).toMatch(/^docs\/zz-link\.rst:\d+:\d+: warning .*\[external-self-link\]$/m);
    // The dry run shows the file's diff once.
    const dry = await run(['docs', '--fix-dry-run'], root);
    expect(dry.stdout.match(/^\+\+\+ /gm)).toEqual(['+++ ']);
    expect(dry.stderr).toBe('docdrift: 2 fixes in 1 file would be applied (dry run: nothing written)\n');
    const r = await run(['docs', '--fix', '-f', 'compact'], root);
    // Not "changed on disk while docdrift ran" for the second path, and one file written.
    expect(r.stderr).toBe('docdrift: fixed 2 problems in 1 file\n');
    expect(read(root, SELF).toString('utf8')).toBe(seed000().replace(LINK, REF).replace('| 404 Not found ', '| 404 Not Found '));
    expect(lstatSync(join(root, 'docs/zz-link.rst')).isSymbolicLink()).toBe(true);
    // The report is of what is on disk, under both paths: what a plain run now prints.
    expect(r.stdout).not.toMatch(/\[external-self-link\]|\[reason-phrase\]/);
    expect(r.stdout).toBe((await run(['docs', '-f', 'compact'], root)).stdout);
    expect((await run(['docs', '--fix', '-f', 'compact'], root)).stderr).toBe('');
  });
});
