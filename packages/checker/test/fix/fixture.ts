/**
 * A real input to fix: the five seeds of docs-sources/ copied into a
 * temporary folder, with seed 000 given the label its absolute self-link
 * names (so external-self-link offers its fix) and one reason phrase
 * mis-cased (`404 Not found`, so reason-phrase offers its fix).
 */
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tree } from '../cli/run.js';
import { repo } from '../reporters/seeds.js';

export const SELF = 'docs/apig-absolute-self-link.rst';
export const LINK = '`Table 1 <https://docs.otc.t-systems.com/en-us/api/apiug/apig-en-api-180328012.html#apig-en-api-180328012__table11812530035>`__';
export const REF = ':ref:`Table 1 <apig-en-api-180328012__table11812530035>`';
export const LABEL = '.. _apig-en-api-180328012__table11812530035:';

/** Seed 000 with the label above its table and `404 Not found`. */
export function seed000(): string {
  const text = readFileSync(join(repo, 'docs-sources/http-status-codes/apig-absolute-self-link.rst'), 'utf8');
  const out = text.replace('.. table:: **Table 1** User', `${LABEL}\n\n.. table:: **Table 1** User`).replace('| 404 Not Found ', '| 404 Not found ');
  if (out === text || !out.includes('404 Not found') || !out.includes(LABEL)) throw new Error('seed 000 changed: update the fixture');
  return out;
}

/** A temporary project holding the five seeds (seed 000 as given), grouped by content like docs-sources/. */
export function seedTree(self: string | Buffer = seed000(), overrides: Record<string, string | Buffer> = {}): string {
  const files: Record<string, string | Buffer> = {
    'docdrift.config.json': JSON.stringify({ baseUrl: 'https://docs.otc.t-systems.com/', groupByContent: ['docs'] }),
  };
  const dir = join(repo, 'docs-sources/http-status-codes');
  for (const f of readdirSync(dir).sort()) files[`docs/${f}`] = readFileSync(join(dir, f));
  files[SELF] = self;
  Object.assign(files, overrides);
  const root = tree(files);
  for (const f of Object.keys(files)) chmodSync(join(root, f), 0o644);
  return root;
}

/** CRLF line ends, a byte order mark, trailing spaces and a tab: what a fix must leave alone. */
export function awkward(text: string): Buffer {
  const t = text.replace('HTTP Status Codes\n', 'HTTP Status Codes   \n').replace('describes common status codes.\n', 'describes common status codes.\t \n\n..\ta comment with a tab  \n');
  if (t === text) throw new Error('seed 000 changed: update the fixture');
  return Buffer.from(`\uFEFF${t.replace(/\n/g, '\r\n')}`, 'utf8');
}

export function write(root: string, file: string, data: string | Buffer): void {
  writeFileSync(join(root, file), data);
}
