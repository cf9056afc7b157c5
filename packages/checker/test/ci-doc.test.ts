/**
 * docs/ci.md's examples are the commands CI runs: this test reads the
 * GitHub workflow, the GitLab job, the pre-commit hook and the lint-staged
 * line from the page and runs their docdrift commands, as written, with
 * bash, on a copy of the seeds (and on a page with an error), then checks
 * what they produced. `npx docdrift` and `docdrift` resolve to this build.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { seedTree } from './fix/fixture.js';

const bin = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
const doc = readFileSync(new URL('../docs/ci.md', import.meta.url), 'utf8');

function example(name: string): string {
  const m = new RegExp(`<!-- ci-example: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n`).exec(doc);
  if (!m) throw new Error(`docs/ci.md has no ${name} example`);
  return m[1]!;
}

/** A folder with `npx` and `docdrift` that run this build. */
function shims(): string {
  const dir = join(seedTree(), '.shims');
  mkdirSync(dir);
  writeFileSync(join(dir, 'docdrift'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"\n`);
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\nif [ "$1" = docdrift ]; then shift; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"; fi\necho "npx $1: not available in this test" >&2; exit 127\n`);
  chmodSync(join(dir, 'docdrift'), 0o755);
  chmodSync(join(dir, 'npx'), 0o755);
  return dir;
}

function bash(command: string, cwd: string, env: Record<string, string>): { code: number; stdout: string; stderr: string } {
  // As GitHub runs a `run:` step: bash -e; GitLab runs each script line the same way.
  const r = spawnSync('bash', ['-e', '-c', command], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The seed copy as a repository: a package.json (the cache's home) and, if asked, a page with an error. */
function repoTree(withError: boolean): string {
  const root = seedTree(readFileSync(new URL('../../../docs-sources/http-status-codes/apig-absolute-self-link.rst', import.meta.url)));
  writeFileSync(join(root, 'package.json'), '{ "private": true }\n');
  if (withError) writeFileSync(join(root, 'docs/broken.rst'), 'Broken\n======\n\nSee :ref:`no-such-label`.\n');
  return root;
}

const require = createRequire(import.meta.url);
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object);

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe.skipIf(!existsSync(bin))('docs/ci.md examples', () => {
  const PATH = `${shims()}:${process.env.PATH ?? ''}`;

  it('GitHub Actions: SARIF uploaded, summary written, annotations last; the job fails only on errors', () => {
    const wf = parseYaml(example('github')) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    expect(wf.permissions['security-events']).toBe('write');
    const steps = Object.values(wf.jobs)[0]!.steps;
    const runs = steps.filter((s) => s.run?.includes('docdrift'));
    expect(runs).toHaveLength(3);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(runs[0]!.run).toContain(`--output ${String(upload.with!.sarif_file)}`);
    const cacheStep = steps.find((s) => s.uses?.startsWith('actions/cache'))!;
    expect(cacheStep.with!.path).toBe('node_modules/.cache/docdrift');

    for (const withError of [false, true]) {
      const root = repoTree(withError);
      const summary = join(root, 'step-summary.md');
      writeFileSync(summary, '');
      const results = runs.map((s) => bash(s.run!, root, { PATH, GITHUB_STEP_SUMMARY: summary }));
      // The report steps succeed with findings; the last one decides.
      expect(results.slice(0, 2).map((r) => [r.code, r.stderr])).toEqual([
        [0, ''],
        [0, ''],
      ]);
      expect(results[2]!.code).toBe(withError ? 1 : 0);
      const sarif = JSON.parse(readFileSync(join(root, String(upload.with!.sarif_file)), 'utf8')) as { runs: Array<{ results: unknown[] }> };
      expect(validateSarif(sarif)).toBe(true);
      const n = sarif.runs[0]!.results.length;
      expect(n).toBeGreaterThan(3);
      const md = readFileSync(summary, 'utf8');
      expect(md).toMatch(new RegExp(`^## docdrift\\n\\n\\*\\*${n} problems \\(${withError ? 1 : 0} errors?, `));
      const annotations = results[2]!.stdout.split('\n').filter((l) => l.startsWith('::'));
      expect(annotations).toHaveLength(n);
      if (withError) expect(annotations).toContain('::error file=docs/broken.rst,line=4,endLine=4,col=5,endColumn=25,title=docdrift(broken-ref):::ref: to undefined label `no-such-label` (no such label in project `docs`)');
      // One check, two reports from the cache: the three steps stored a single run.
      expect(readdirSync(join(root, 'node_modules/.cache/docdrift/runs'))).toHaveLength(1);
    }
  }, 120_000);

  it('GitLab CI: the JUnit report and the HTML artifact are written; the last line sets the status', () => {
    const job = Object.values(parseYaml(example('gitlab')) as Record<string, { script: string[]; artifacts: { paths: string[]; reports: { junit: string } }; cache: { paths: string[] } }>)[0]!;
    expect(job.cache.paths).toEqual(['node_modules/.cache/docdrift']);
    for (const withError of [false, true]) {
      const root = repoTree(withError);
      const results = job.script.map((line) => bash(line, root, { PATH }));
      expect(results.slice(0, -1).map((r) => r.code)).toEqual([0, 0]);
      expect(results.at(-1)!.code).toBe(withError ? 1 : 0);
      const xml = readFileSync(join(root, job.artifacts.reports.junit), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect((xml.match(/<failure /g) ?? []).length).toBeGreaterThan(3);
      if (withError) expect(xml).toContain('<testcase classname="docs/broken.rst" name="broken-ref 4:5 :ref: to undefined label `no-such-label` (no such label in project `docs`)">');
      for (const p of job.artifacts.paths) expect(readFileSync(join(root, p), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    }
  }, 120_000);

  it('pre-commit and lint-staged: the staged file is checked; warnings fail the commit with --max-warnings 0', () => {
    const hook = (parseYaml(example('pre-commit')) as { repos: Array<{ hooks: Array<{ entry: string; files: string }> }> }).repos[0]!.hooks[0]!;
    const staged = (JSON.parse(example('lint-staged')) as { 'lint-staged': Record<string, string> })['lint-staged'];
    const files = new RegExp(hook.files);
    expect(['docs/a.rst', 'docs/b.md'].every((f) => files.test(f)) && !files.test('docs/conf.py')).toBe(true);
    const root = repoTree(false);
    writeFileSync(join(root, 'docs/clean.rst'), 'Clean\n=====\n\nNothing to say.\n');
    for (const command of [hook.entry, Object.values(staged)[0]!]) {
      // Both tools append the staged files to the command.
      const seed = bash(`${command} docs/apig-absolute-self-link.rst`, root, { PATH });
      expect(seed.code).toBe(1);
      expect(seed.stdout).toContain('docs/apig-absolute-self-link.rst');
      expect(seed.stdout).not.toMatch(/^docs\/(?!apig-absolute-self-link)/m);
      expect(bash(`${command} docs/clean.rst`, root, { PATH })).toMatchObject({ code: 0, stdout: '' });
    }
  }, 120_000);
});
