import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixWriteError, writeFileAtomic, writeFixed } from '../../src/fix.js';
import { tree } from '../cli/run.js';
import { seed000 } from './fixture.js';

const dist = new URL('../../dist/fix.js', import.meta.url);

describe('atomic writes', () => {
  it('writes a temporary file in the same folder, then renames it over the original (mode kept)', () => {
    const root = tree({ 'docs/a.rst': 'old\n' });
    const file = join(root, 'docs/a.rst');
    chmodSync(file, 0o640);
    let seen: string | undefined;
    writeFileAtomic(file, Buffer.from('new\n'), {
      beforeRename: (tmp) => {
        seen = tmp;
        // The new bytes are complete in the temporary file; the original is still whole.
        expect(readFileSync(tmp, 'utf8')).toBe('new\n');
        expect(readFileSync(file, 'utf8')).toBe('old\n');
      },
    });
    expect(dirname(seen!)).toBe(dirname(file));
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(existsSync(seen!)).toBe(false);
  });

  it('a failure before the rename leaves the original whole and no temporary file', () => {
    const root = tree({ 'a.rst': 'old\n' });
    const file = join(root, 'a.rst');
    expect(() =>
      writeFileAtomic(file, Buffer.from('new\n'), {
        beforeRename: () => {
          throw new Error('disk gone');
        },
      }),
    ).toThrow('disk gone');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(root)).toEqual(['a.rst']);
  });

  it.skipIf(!existsSync(dist))('a process killed in the middle of a fix leaves the original file byte for byte', () => {
    const text = seed000();
    const root = tree({ 'a.rst': text });
    const file = join(root, 'a.rst');
    const big = Buffer.from(text.replace(/Table 1/g, 'Table One').repeat(200));
    writeFileSync(join(root, 'new.bin'), big);
    // SIGKILL itself after the temporary file is written and before the rename: no cleanup code runs.
    const script = `
      import { readFileSync } from 'node:fs';
      const { writeFileAtomic } = await import(${JSON.stringify(dist.href)});
      writeFileAtomic(${JSON.stringify(file)}, readFileSync(${JSON.stringify(join(root, 'new.bin'))}), { beforeRename: () => process.kill(process.pid, 'SIGKILL') });
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(file, 'utf8')).toBe(text);
    // What is left is a complete temporary file next to it, which no docdrift run reads (a dot file).
    const left = readdirSync(root).filter((f) => f.startsWith('.a.rst.docdrift-'));
    expect(left).toHaveLength(1);
    expect(readFileSync(join(root, left[0]!)).equals(big)).toBe(true);
  });

  it('refuses a file that changed on disk since it was read, and a read-only one, with FixWriteError', () => {
    const root = tree({ 'a.rst': 'edited meanwhile\n', 'b.rst': 'x\n' });
    const e1 = (() => {
      try {
        writeFixed(join(root, 'a.rst'), 'a.rst', 'as read\n', 'fixed\n');
      } catch (e) {
        return e;
      }
    })();
    expect(e1).toBeInstanceOf(FixWriteError);
    expect((e1 as Error).message).toBe('cannot fix a.rst: it changed on disk while docdrift ran; run again');
    expect(readFileSync(join(root, 'a.rst'), 'utf8')).toBe('edited meanwhile\n');
    chmodSync(join(root, 'b.rst'), 0o444);
    expect(() => writeFixed(join(root, 'b.rst'), 'b.rst', 'x\n', 'y\n')).toThrow('cannot fix b.rst: the file is read-only');
    expect(readFileSync(join(root, 'b.rst'), 'utf8')).toBe('x\n');
  });
});
