import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process. */
export async function run(argv: string[], cwd: string, opts: { env?: Record<string, string | undefined>; tty?: boolean; stdin?: string | Buffer } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    env: opts.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false },
    // Standard input in two chunks (a multi-byte character may be split between them); none: empty.
    stdin: chunks(opts.stdin ?? ''),
  });
  return { code, stdout, stderr };
}

/** A temporary folder holding `files` (path → text or Buffer). */
export function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'docdrift-'));
  for (const [p, content] of Object.entries(files)) {
    const abs = join(root, p);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

async function* chunks(input: string | Buffer): AsyncGenerator<Uint8Array> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const half = bytes.length >> 1;
  yield bytes.subarray(0, half);
  yield bytes.subarray(half);
}
