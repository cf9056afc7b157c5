// Doc examples run as tests (as ESLint's tools/check-rule-examples.js does):
// every ts/js code block of docs/rules/*.md follows a "❌ Incorrect" or
// "✅ Correct" marker; incorrect examples must report, correct ones must not.
// Options come from an `/* eslint … */` comment in the example itself.
// Then eslint-doc-generator --check keeps headers, options lists and the
// README rules table in sync with the rules' metadata.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const docsDir = join(root, 'docs', 'rules');

interface Example {
  readonly doc: string;
  readonly line: number;
  readonly kind: 'incorrect' | 'correct' | undefined;
  readonly lang: string;
  readonly code: string;
}

const CODE_LANGS = new Set(['js', 'javascript', 'cjs', 'mjs', 'ts', 'typescript']);

/** Code blocks with the ❌/✅ marker that precedes them since the last heading. */
function extractExamples(markdown: string, doc: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  let kind: Example['kind'];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^```(\w*)/.exec(line);
    if (fence) {
      const lang = fence[1] ?? '';
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) body.push(lines[i] ?? '');
      if (CODE_LANGS.has(lang)) examples.push({ doc, line: start + 1, kind, lang, code: body.join('\n') });
      continue;
    }
    if (line.startsWith('#')) kind = undefined;
    if (line.includes('❌')) kind = 'incorrect';
    else if (line.includes('✅')) kind = 'correct';
  }
  return examples;
}

const ruleId = '@docdrift/no-magic-http-status';
// A file in a package that depends on http-status-codes, so fixes are fixes.
const exampleDir = fileURLToPath(new URL('fixtures/deps/hsc/src/', import.meta.url));

function lint(example: Example): { messages: Linter.LintMessage[]; fixed: string } {
  const ts = example.lang === 'ts' || example.lang === 'typescript';
  const filename = join(exampleDir, `example.${ts ? 'ts' : example.lang === 'cjs' ? 'cjs' : 'js'}`);
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.js', '**/*.cjs'],
      ...(ts ? { languageOptions: { parser: tsParser as Linter.Parser } } : {}),
      plugins: { '@docdrift': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: { [ruleId]: 'error' },
    },
  ];
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(example.code, config, filename);
  const fixed = linter.verifyAndFix(example.code, config, filename);
  const refixed = linter.verify(fixed.output, config, filename);
  return { messages: [...messages, ...refixed.filter((m) => m.fatal)], fixed: fixed.output };
}

const docs = readdirSync(docsDir).filter((f) => f.endsWith('.md'));
const examples = docs.flatMap((doc) => extractExamples(readFileSync(join(docsDir, doc), 'utf8'), doc));

describe('doc examples', () => {
  it('finds incorrect and correct examples in every rule doc', () => {
    for (const doc of docs) {
      const own = examples.filter((e) => e.doc === doc);
      expect(own.some((e) => e.kind === 'incorrect'), doc).toBe(true);
      expect(own.some((e) => e.kind === 'correct'), doc).toBe(true);
    }
  });

  it('marks every example as incorrect or correct', () => {
    expect(examples.filter((e) => e.kind === undefined).map((e) => `${e.doc}:${e.line}`)).toEqual([]);
  });

  it.each(examples.map((e) => [`${e.doc}:${e.line} (${e.kind ?? 'unmarked'})`, e] as const))('%s', (_name, example) => {
    const { messages } = lint(example);
    const foreign = messages.filter((m) => m.fatal || m.ruleId !== ruleId);
    expect(foreign, 'parse errors or invalid inline configuration').toEqual([]);
    if (example.kind === 'incorrect') expect(messages.length).toBeGreaterThan(0);
    else expect(messages).toEqual([]);
  });

  it('extracts blocks after the marker, not before it', () => {
    const md = ['## A', '```ts', 'x', '```', '❌ Incorrect:', '```ts', 'y', '```', '## B', '```js', 'z', '```'].join('\n');
    expect(extractExamples(md, 'a.md').map((e) => [e.code, e.kind])).toEqual([
      ['x', undefined],
      ['y', 'incorrect'],
      ['z', undefined],
    ]);
  });
});

/** Newest modification time under `dir`. */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) max = Math.max(max, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return max;
}

describe('generated documentation', () => {
  beforeAll(() => {
    // eslint-doc-generator reads the built plugin; rebuild when src is newer (turbo builds before testing anyway).
    const dist = join(root, 'dist', 'index.js');
    const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
    if (built < newest(join(root, 'src'))) {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
    }
  });

  it('is up to date (eslint-doc-generator --check)', () => {
    const bin = join(root, 'node_modules/.bin/eslint-doc-generator');
    expect(() => execFileSync(bin, ['--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
