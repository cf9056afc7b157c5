import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './cli/run.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const golden = new URL('./golden/docs-sources.compact.txt', import.meta.url);

describe('golden: docdrift docs-sources --format compact (the README main command)', () => {
  it('matches test/golden/docs-sources.compact.txt (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const r = await run(['docs-sources', '--format', 'compact'], repo);
    expect(r.stderr).toBe('');
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, r.stdout);
    expect(r.stdout).toBe(readFileSync(golden, 'utf8'));
  });

  it('finds what the seeds are known to hold', async () => {
    const out = readFileSync(golden, 'utf8');
    const self = 'docs-sources/http-status-codes/apig-absolute-self-link.rst';
    // The external self-link in seed 000, naming the label that is missing there.
    expect(out).toContain(
      `${self}:4:1: warning \`Table 1\` is an absolute link to this page on this project's published site; it should be :ref:\`Table 1 <apig-en-api-180328012__table11812530035>\`, but no label \`apig-en-api-180328012__table11812530035\` exists in this page`,
    );
    // The mislabeled captions in seeds 000 and 001.
    expect(out).toMatch(new RegExp(`^${self}:6:\\d+: \\w+ .*User management permissions.*\\[mislabeled-caption\\]$`, 'm'));
    expect(out).toMatch(/^docs-sources\/http-status-codes\/apig-internal-ref\.rst:8:\d+: \w+ .*User management permissions.*\[mislabeled-caption\]$/m);
    // The correct variant is not reported for its :ref:.
    expect(out).not.toMatch(/apig-internal-ref\.rst:4:/);
  });

  it('the pre-commit style run on one seed finds the same for that file', async () => {
    const r = await run(['docs-sources/http-status-codes/apig-absolute-self-link.rst', '--format', 'compact'], repo);
    const full = readFileSync(golden, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('docs-sources/http-status-codes/apig-absolute-self-link.rst:'));
    expect(r.stdout.trim().split('\n')).toEqual(full);
  });
});

describe('the root README shows what the main command prints', () => {
  it('README.md docs-check block = docdrift docs-sources --max-warnings 0', async () => {
    const r = await run(['docs-sources', '--max-warnings', '0'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^docdrift: too many warnings \(\d+, maximum 0\)\n$/);
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /<!-- docs-check:start -->\n```text\n([\s\S]*?)```\n<!-- docs-check:end -->/.exec(readme)?.[1];
    expect(block).toBe(r.stdout);
  });
});
