// End to end: a realistic project (test/fixtures/project) linted by the ESLint
// Node API with configs.recommended, fixed, compared with
// test/fixtures/project-fixed, fixed again (no change), then type-checked with
// `tsc --noEmit`. The project's type declarations are hand-written stubs in
// its types/ directory. UPDATE_GOLDEN=1 rewrites project-fixed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = join(root, 'test/fixtures/project');
const golden = join(root, 'test/fixtures/project-fixed');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function eslint(cwd: string, fix: boolean): ESLint {
  return new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
      plugin.configs.recommended as Linter.Config,
    ],
  });
}

function typecheck(dir: string): string {
  try {
    execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--noEmit'], { stdio: 'pipe' });
    return '';
  } catch (error) {
    const e = error as { stdout?: Buffer };
    return e.stdout?.toString() ?? String(error);
  }
}

type Summary = Record<string, { fixes: number; suggestions: number; reportOnly: number }>;

function summarize(dir: string, results: ESLint.LintResult[]): Summary {
  const out: Summary = {};
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const s = (out[relative(dir, r.filePath)] ??= { fixes: 0, suggestions: 0, reportOnly: 0 });
    for (const m of r.messages) {
      expect(m.ruleId).toBe('@docdrift/no-magic-http-status');
      if (m.fix) s.fixes++;
      else if (m.suggestions?.length) s.suggestions++;
      else s.reportOnly++;
    }
  }
  return out;
}

describe('fixture project, end to end', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'docdrift-eslint-e2e-'));
    cpSync(fixture, dir, { recursive: true });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('type-checks before the fix', () => {
    expect(typecheck(dir)).toBe('');
  });

  it('reports every magic status and nothing else', async () => {
    const summary = summarize(dir, await eslint(dir, false).lintFiles(['src', 'test']));
    expect(summary).toEqual({
      'src/app.ts': { fixes: 7, suggestions: 0, reportOnly: 0 },
      'src/client.ts': { fixes: 5, suggestions: 0, reportOnly: 1 },
      'src/health.ts': { fixes: 1, suggestions: 0, reportOnly: 0 },
      'src/legacy-webhook.cjs': { fixes: 2, suggestions: 0, reportOnly: 0 },
      'src/users.controller.ts': { fixes: 4, suggestions: 0, reportOnly: 0 },
      'src/users.ts': { fixes: 3, suggestions: 0, reportOnly: 0 },
      'test/app.test.ts': { fixes: 5, suggestions: 0, reportOnly: 0 },
    });
    const total = Object.values(summary).reduce((n, s) => n + s.fixes + s.suggestions + s.reportOnly, 0);
    expect(total).toBe(28);
  });

  it('fixes to the expected files', async () => {
    const results = await eslint(dir, true).lintFiles(['src', 'test']);
    await ESLint.outputFixes(results);
    const changed = results.filter((r) => r.output !== undefined).map((r) => relative(dir, r.filePath)).sort();
    expect(changed).toEqual([
      'src/app.ts',
      'src/client.ts',
      'src/health.ts',
      'src/legacy-webhook.cjs',
      'src/users.controller.ts',
      'src/users.ts',
      'test/app.test.ts',
    ]);
    for (const file of changed) {
      const actual = readFileSync(join(dir, file), 'utf8');
      if (process.env['UPDATE_GOLDEN']) {
        mkdirSync(dirname(join(golden, file)), { recursive: true });
        writeFileSync(join(golden, file), actual);
      }
      expect(actual, file).toBe(readFileSync(join(golden, file), 'utf8'));
    }
    // Left after the fix: 425 Too Early, which http-status-codes has no constant for.
    expect(results.flatMap((r) => r.messages.map((m) => `${relative(dir, r.filePath)}:${m.line} ${m.message}`))).toEqual([
      'src/client.ts:35 Magic HTTP status 425 (Too Early): http-status-codes has no constant for it, so declare a named one.',
    ]);
  });

  it('changes nothing on a second --fix', async () => {
    const results = await eslint(dir, true).lintFiles(['src', 'test']);
    expect(results.filter((r) => r.output !== undefined).map((r) => r.filePath)).toEqual([]);
  });

  it('type-checks after the fix (tsc --noEmit)', () => {
    expect(typecheck(dir)).toBe('');
  });
});
