/**
 * The built `docdrift` writing its report to a stdout that goes away (`| head -1`) or fails (a full
 * disk): no stack trace, and the exit code still says what the run found.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { guardStream } from '../../src/cli/stdout.js';
import { tree } from './run.js';

const bin = fileURLToPath(new URL('../../dist/cli/bin.cjs', import.meta.url));
const SPAWNS = { timeout: 60_000 };

/** 300 pages with 30 broken references each: a report far bigger than a pipe holds. */
function manyErrors(): string {
  const files: Record<string, string> = {};
  const page = `Title\n=====\n\n${Array.from({ length: 30 }, (_, j) => `See :ref:\`nope${j}\`.\n`).join('\n')}`;
  for (let i = 0; i < 300; i++) files[`p${String(i).padStart(3, '0')}.rst`] = page;
  return tree(files);
}

const sh = (command: string, cwd: string) =>
  spawnSync('bash', ['-o', 'pipefail', '-c', command], { cwd, encoding: 'utf8', env: { ...process.env, DOCDRIFT_COMPILE_CACHE: '0' } });

describe.skipIf(process.platform === 'win32')('docdrift writing to a stdout that closes or fails', SPAWNS, () => {
  const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)}`;

  it('`docdrift | head -1` prints no stack trace and still exits 1 for the errors it found', () => {
    const root = manyErrors();
    for (const format of ['compact', 'json', 'stylish']) {
      const r = sh(`${cmd} -f ${format} . | head -1`, root);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')).toHaveLength(2);
      expect(r.status).toBe(1);
    }
  });

  it('a stdout that cannot be written (a full disk) is a message and exit 2, not a stack trace', () => {
    if (!existsSync('/dev/full')) return;
    const root = manyErrors();
    const r = sh(`${cmd} -f compact . > /dev/full`, root);
    expect(r.stderr).toBe('docdrift: cannot write the report to stdout: no space left on the device\n');
    expect(r.status).toBe(2);
  });
});

describe('guardStream', () => {
  it('a writer waiting for drain goes on when the stream fails; later writes are dropped; the failure is told once', async () => {
    const stream = new EventEmitter() as EventEmitter & { write(s: string): boolean };
    const written: string[] = [];
    stream.write = (s) => (written.push(s), false);
    const failures: string[] = [];
    const out = guardStream(stream, (e) => failures.push(e.code ?? ''));
    expect(out.write('a')).toBe(false);
    const drained = new Promise<void>((done) => out.once?.('drain', done));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await drained;
    expect(out.write('b')).toBe(true);
    stream.emit('error', Object.assign(new Error('again'), { code: 'EIO' }));
    expect(written).toEqual(['a']);
    expect(failures).toEqual(['EPIPE']);
    expect(out.failure?.code).toBe('EPIPE');
  });

  it('a write that throws is a failure, not a crash', () => {
    const stream = new EventEmitter() as EventEmitter & { write(s: string): boolean };
    stream.write = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const out = guardStream(stream);
    expect(out.write('a')).toBe(true);
    expect(out.failure?.code).toBe('ENOSPC');
  });
});
