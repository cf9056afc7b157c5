import { ASTUtils, AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ProviderSpec } from './providers.js';

/** A provider's constants object, reachable in this file through `local`. */
export interface ConstantAccess {
  readonly spec: ProviderSpec;
  /** Expression for the constants object: `StatusCodes`, `SC`, `http2.constants`. */
  readonly object: string;
  /** The identifier that must still mean `variable` where the constant is used. */
  readonly local: string;
  readonly variable: TSESLint.Scope.Variable;
}

interface RequireMerge {
  readonly source: string;
  readonly pattern: TSESTree.ObjectPattern;
}

/** What the fixes need to know about a file's imports, read once per file. */
export interface ModuleInfo {
  readonly accesses: readonly ConstantAccess[];
  readonly style: 'esm' | 'cjs';
  /** Value imports of a provider's module (the ones a new binding can be merged into). */
  readonly providerImports: readonly TSESTree.ImportDeclaration[];
  readonly requireMerges: readonly RequireMerge[];
  readonly lastImport: TSESTree.Node | undefined;
  readonly lastRequire: TSESTree.Node | undefined;
  readonly semi: string;
  readonly quote: string;
}

type Source = { source: string; member: string | undefined };

/** `require('m')` → { source: 'm' }, `require('m').X` → { source: 'm', member: 'X' }. */
export function requireSource(init: TSESTree.Expression | null): Source | undefined {
  if (!init) return undefined;
  let member: string | undefined;
  let call: TSESTree.Node = init;
  if (call.type === AST_NODE_TYPES.MemberExpression && !call.computed && call.property.type === AST_NODE_TYPES.Identifier) {
    member = call.property.name;
    call = call.object;
  }
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.Identifier ||
    call.callee.name !== 'require' ||
    call.arguments.length !== 1
  ) {
    return undefined;
  }
  const arg = call.arguments[0];
  if (arg?.type !== AST_NODE_TYPES.Literal || typeof arg.value !== 'string') return undefined;
  return { source: arg.value, member };
}

/** The string literal naming the module of an import or `require` statement. */
function moduleSource(statement: TSESTree.Node): TSESTree.StringLiteral | undefined {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) return statement.source;
  if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    return statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference ? statement.moduleReference.expression : undefined;
  }
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  for (const d of statement.declarations) {
    let init: TSESTree.Node | null = d.init;
    if (init?.type === AST_NODE_TYPES.MemberExpression) init = init.object;
    const arg = init?.type === AST_NODE_TYPES.CallExpression ? init.arguments[0] : undefined;
    if (arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') return arg as TSESTree.StringLiteral;
  }
  return undefined;
}

export function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/** `module.exports = …` or `exports.x = …` at top level. */
function isCommonJsExport(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const e = statement.expression;
  if (e.type !== AST_NODE_TYPES.AssignmentExpression || e.left.type !== AST_NODE_TYPES.MemberExpression) return false;
  let object: TSESTree.Node = e.left;
  while (object.type === AST_NODE_TYPES.MemberExpression) object = object.object;
  return object.type === AST_NODE_TYPES.Identifier && (object.name === 'module' || object.name === 'exports');
}

function isEsmExport(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    statement.type === AST_NODE_TYPES.ExportAllDeclaration
  );
}

/** The provider of each module specifier: the first of `specs` that loads it. Built once per setup (setupOf). */
export function providersByModule(specs: readonly ProviderSpec[]): ReadonlyMap<string, ProviderSpec> {
  const map = new Map<string, ProviderSpec>();
  for (const spec of specs) for (const m of spec.modules) if (!map.has(m)) map.set(m, spec);
  return map;
}

/**
 * A file's top-level imports and requires, collected while ESLint visits
 * them: the rule sees every module string in its `Literal` listener, where
 * the statement around it is in cache, so no pass over `Program.body` is
 * needed when the first report comes (on a large corpus that pass found
 * every statement cold). `finishScan` turns it into a `ModuleInfo`.
 */
export interface ModuleScan {
  /** Allocated on the first entry (most files have none). */
  accesses: ConstantAccess[] | undefined;
  providerImports: TSESTree.ImportDeclaration[] | undefined;
  requireMerges: RequireMerge[] | undefined;
  lastImport: TSESTree.Node | undefined;
  lastRequire: TSESTree.Node | undefined;
  /**
   * Each top-level import declaration and require declarator (`ModuleStatements`): their names are
   * bindings of modules. Their ranges are read only when needed (code run once per import finds them cold).
   */
  statements: TSESTree.Node[] | undefined;
  /**
   * A `require('m')` that is not a declarator's (`require('fastify')(opts)`, `require('dotenv').config()`):
   * in a file without imports or exports it says CommonJS whatever the configured `sourceType`.
   */
  requireCall: boolean;
}

export function newModuleScan(): ModuleScan {
  return {
    accesses: undefined,
    providerImports: undefined,
    requireMerges: undefined,
    lastImport: undefined,
    lastRequire: undefined,
    statements: undefined,
    requireCall: false,
  };
}

const NONE: readonly never[] = [];

function addAccess(
  scan: ModuleScan,
  sourceCode: Readonly<TSESLint.SourceCode>,
  spec: ProviderSpec,
  object: string,
  local: string,
  declaration: TSESTree.Node,
): void {
  const variable = sourceCode.getDeclaredVariables(declaration).find((v) => v.name === local);
  if (variable) (scan.accesses ??= []).push({ spec, object, local, variable });
}

/** A top-level `import … from '…'`. */
export function scanImport(
  scan: ModuleScan,
  sourceCode: Readonly<TSESLint.SourceCode>,
  providers: ReadonlyMap<string, ProviderSpec>,
  statement: TSESTree.ImportDeclaration,
): void {
  scan.lastImport = statement;
  (scan.statements ??= []).push(statement);
  if (statement.importKind === 'type') return;
  const spec = providers.get(statement.source.value);
  if (!spec) return;
  (scan.providerImports ??= []).push(statement);
  for (const s of statement.specifiers) {
    const local = s.local.name;
    if (s.type === AST_NODE_TYPES.ImportSpecifier) {
      if (s.importKind !== 'type' && importedName(s) === spec.binding) addAccess(scan, sourceCode, spec, local, local, s);
    } else if (s.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
      addAccess(scan, sourceCode, spec, `${local}.${spec.binding}`, local, s);
    } else if (spec.viaDefault) {
      addAccess(scan, sourceCode, spec, spec.viaDefault(local), local, s);
    }
  }
}

/** A top-level `import x = require('…')` or `import x = A.B`. */
export function scanImportEquals(
  scan: ModuleScan,
  sourceCode: Readonly<TSESLint.SourceCode>,
  providers: ReadonlyMap<string, ProviderSpec>,
  statement: TSESTree.TSImportEqualsDeclaration,
): void {
  scan.lastImport = statement;
  const ref = statement.moduleReference;
  if (statement.importKind === 'type' || ref.type !== AST_NODE_TYPES.TSExternalModuleReference) return;
  const spec = providers.get(ref.expression.value);
  if (spec) addAccess(scan, sourceCode, spec, `${statement.id.name}.${spec.binding}`, statement.id.name, statement);
}

/**
 * The declarator of a top-level `const x = require('m')` or
 * `const x = require('m').X` whose module string is `literal`, or `undefined`.
 */
export function topLevelRequire(literal: TSESTree.StringLiteral): TSESTree.VariableDeclarator | undefined {
  const call = literal.parent;
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.Identifier ||
    call.callee.name !== 'require' ||
    call.arguments.length !== 1 ||
    call.arguments[0] !== literal
  ) {
    return undefined;
  }
  let init: TSESTree.Node = call;
  let up = call.parent;
  if (up.type === AST_NODE_TYPES.MemberExpression && up.object === call) {
    if (up.computed || up.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    init = up;
    up = up.parent;
  }
  if (up.type !== AST_NODE_TYPES.VariableDeclarator || up.init !== init) return undefined;
  return up.parent.parent.type === AST_NODE_TYPES.Program ? up : undefined;
}

/** A declarator that `topLevelRequire` found. */
export function scanRequire(
  scan: ModuleScan,
  sourceCode: Readonly<TSESLint.SourceCode>,
  providers: ReadonlyMap<string, ProviderSpec>,
  declarator: TSESTree.VariableDeclarator,
): void {
  (scan.statements ??= []).push(declarator);
  const required = requireSource(declarator.init);
  if (!required) return;
  scan.lastRequire = declarator.parent;
  const spec = providers.get(required.source);
  const id = declarator.id;
  if (id.type === AST_NODE_TYPES.ObjectPattern && required.member === undefined) {
    if (spec && !id.properties.some((p) => p.type === AST_NODE_TYPES.RestElement)) {
      (scan.requireMerges ??= []).push({ source: required.source, pattern: id });
    }
    if (!spec) return;
    for (const p of id.properties) {
      if (
        p.type === AST_NODE_TYPES.Property &&
        !p.computed &&
        p.key.type === AST_NODE_TYPES.Identifier &&
        p.key.name === spec.binding &&
        p.value.type === AST_NODE_TYPES.Identifier
      ) {
        addAccess(scan, sourceCode, spec, p.value.name, p.value.name, declarator);
      }
    }
  } else if (spec && id.type === AST_NODE_TYPES.Identifier) {
    if (required.member === undefined) addAccess(scan, sourceCode, spec, `${id.name}.${spec.binding}`, id.name, declarator);
    else if (required.member === spec.binding) addAccess(scan, sourceCode, spec, id.name, id.name, declarator);
    else if (required.member === 'default' && spec.viaDefault) addAccess(scan, sourceCode, spec, spec.viaDefault(id.name), id.name, declarator);
  }
}

/** The directives that open `body` (the last of them) and the first statement after them. */
function programStart(body: readonly TSESTree.ProgramStatement[]): {
  lastDirective: TSESTree.Node | undefined;
  firstStatement: TSESTree.ProgramStatement | undefined;
} {
  let lastDirective: TSESTree.Node | undefined;
  for (const statement of body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined) {
      lastDirective = statement;
      continue;
    }
    return { lastDirective, firstStatement: statement };
  }
  return { lastDirective, firstStatement: undefined };
}

/**
 * The rest of what the fixes need, the file's style. `Program.body` is only
 * read when the file has no import or require to take the style from.
 * `sourceType` is asked for only when the file has no import.
 */
export function finishScan(
  sourceCode: Readonly<TSESLint.SourceCode>,
  scan: ModuleScan,
  sourceType: () => string | undefined,
): ModuleInfo {
  const { lastImport, lastRequire } = scan;
  let style: 'esm' | 'cjs' = 'esm';
  if (lastImport === undefined) {
    const type = lastRequire === undefined ? sourceType() : undefined;
    if (
      lastRequire !== undefined ||
      type === 'commonjs' ||
      type === 'script' ||
      sourceCode.ast.body.some(isCommonJsExport) ||
      (scan.requireCall && !sourceCode.ast.body.some(isEsmExport))
    ) {
      style = 'cjs';
    }
  }

  // Follow the file's habits: semicolons and quotes of its imports or requires.
  const sample = style === 'esm' ? lastImport : lastRequire;
  let semi = ';';
  let quote = "'";
  const styleSource = sample ?? programStart(sourceCode.ast.body).firstStatement;
  if (
    styleSource &&
    (styleSource.type === AST_NODE_TYPES.ImportDeclaration ||
      styleSource.type === AST_NODE_TYPES.VariableDeclaration ||
      styleSource.type === AST_NODE_TYPES.ExpressionStatement) &&
    sourceCode.text[styleSource.range[1] - 1] !== ';'
  ) {
    semi = '';
  }
  const sampleSource = sample ? moduleSource(sample) : undefined;
  if (sampleSource?.raw.startsWith('"')) quote = '"';

  return {
    accesses: scan.accesses ?? NONE,
    style,
    providerImports: scan.providerImports ?? NONE,
    requireMerges: scan.requireMerges ?? NONE,
    lastImport,
    lastRequire,
    semi,
    quote,
  };
}

/** Whether `access` still means the imported constants in `scope` (not shadowed). */
export function isVisible(scope: TSESLint.Scope.Scope, access: ConstantAccess): boolean {
  return ASTUtils.findVariable(scope, access.local) === access.variable;
}

/** Whether importing `name` at top level would neither clash nor be shadowed in `scope`. */
export function isNameFree(scope: TSESLint.Scope.Scope, name: string): boolean {
  const variable = ASTUtils.findVariable(scope, name);
  // Globals from configuration (no definitions, e.g. `status` in browsers) may be shadowed.
  return !variable || variable.defs.length === 0;
}

/**
 * Comments that belong to the file rather than to its first statement: pragmas that tools read only
 * above the first statement (`// @ts-nocheck`, `@jsxImportSource`, `@flow`, test-environment
 * docblocks) and licence banners (`/*!`, `@license`, `Copyright`, SPDX).
 */
const FILE_COMMENT =
  /@(?:ts-nocheck|ts-check|jsx|jsxImportSource|jsxRuntime|jsxFrag|flow|noflow|format|prettier|license|preserve|jest-environment|vitest-environment)\b|\bcopyright\b|SPDX-License-Identifier/i;

function isFileComment(comment: TSESTree.Comment): boolean {
  return (comment.type === AST_TOKEN_TYPES.Block && comment.value.startsWith('!')) || FILE_COMMENT.test(comment.value);
}

/**
 * Comments directly above `statement` (no blank line between), which stay attached to it; the
 * comments of the file (`isFileComment`) and those above them stay first.
 */
function attachedStart(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node): number {
  // The first statement's leading comments open the comment list: no token store needed.
  const comments = sourceCode.ast.comments ?? [];
  let before = 0;
  while (before < comments.length && (comments[before]?.range[1] ?? Infinity) <= statement.range[0]) before++;
  let start = statement.range[0];
  let line = statement.loc.start.line;
  for (let i = before - 1; i >= 0; i--) {
    const c = comments[i];
    if (!c || c.loc.end.line < line - 1 || (c.type as string) === 'Shebang' || isFileComment(c)) break;
    start = c.range[0];
    line = c.loc.start.line;
  }
  return start;
}

/** Text to insert at an offset. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

/**
 * Where and what to insert so that `spec.binding` is available at top level:
 * merged into an existing import or destructuring `require` of the module,
 * else a new statement after the last import (ESM, TypeScript) or `require`
 * (CommonJS), else at the top after directives and any header comment.
 * Computed once per file and provider.
 */
export function importInsertion(sourceCode: Readonly<TSESLint.SourceCode>, info: ModuleInfo, spec: ProviderSpec): Insertion {
  const binding = spec.binding;
  const module = `${info.quote}${spec.module}${info.quote}`;
  if (info.style === 'esm') {
    // Usually none: no loop (code run once per file is slow enough cold).
    if (info.providerImports.length !== 0) for (const declaration of info.providerImports) {
      if (!spec.modules.includes(declaration.source.value)) continue;
      const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
      const lastNamed = named[named.length - 1];
      if (lastNamed) return { at: lastNamed.range[1], text: `, ${binding}` };
      const only = declaration.specifiers[0];
      if (declaration.specifiers.length === 1 && only?.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        return { at: only.range[1], text: `, { ${binding} }` };
      }
    }
  } else if (info.requireMerges.length !== 0) {
    for (const merge of info.requireMerges) {
      if (!spec.modules.includes(merge.source)) continue;
      const last = merge.pattern.properties[merge.pattern.properties.length - 1];
      if (last) return { at: last.range[1], text: `, ${binding}` };
    }
  }
  const statement = (semi: string): string =>
    info.style === 'esm' ? `import { ${binding} } from ${module}${semi}` : `const { ${binding} } = require(${module})${semi}`;
  const text = sourceCode.text;
  const eol = lineBreakOf(text);
  let end = info.style === 'esm' ? info.lastImport : (info.lastRequire ?? info.lastImport);
  let first: TSESTree.ProgramStatement | undefined;
  if (!end) {
    const start = programStart(sourceCode.ast.body);
    end = start.lastDirective;
    first = start.firstStatement;
  }
  if (end) {
    // After the statement and the comments on its line (`// eslint-disable-line` stays with its line).
    const next = codeAfter(text, end.range[1]);
    const sameLine = next.lineEnd === undefined && next.code !== -1;
    const at = next.lineEnd ?? (next.code === -1 ? text.length : end.range[1]);
    return { at, text: `${eol}${statement(semicolonBefore(info.semi, text, next.code, sameLine))}${sameLine ? eol : ''}` };
  }
  if (!first) return { at: 0, text: `${statement(info.semi)}${eol}` };
  const at = attachedStart(sourceCode, first);
  return { at, text: `${statement(semicolonBefore(info.semi, text, codeAfter(text, at).code, false))}${eol}${eol}` };
}

/** The file's line break, that of its first line (`\r\n`, `\n` or `\r`); `\n` in a file of one line. */
function lineBreakOf(text: string): string {
  const match = /\r\n?|\n/.exec(text);
  return match ? match[0] : '\n';
}

/** Characters that continue an expression onto the next line: a statement starting with one needs a `;` before it. */
const CONTINUES_EXPRESSION = new Set(['(', '[', '`', '+', '-', '/']);

/**
 * The end of a new statement followed by the code at `code` (-1: none): the file's `semi`, or a `;`
 * where a file without semicolons would need one (`require(…)` then `(async () => …)()` on the next
 * line would call what `require` returns; any code on the same line).
 */
function semicolonBefore(semi: string, text: string, code: number, sameLine: boolean): string {
  if (semi !== '' || code === -1) return semi;
  return sameLine || CONTINUES_EXPRESSION.has(text.charAt(code)) ? ';' : semi;
}

function isLineTerminator(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
}

/**
 * From `from`, between statements: the offset of the next code (-1: none), skipping white space and
 * comments, and the offset of the end of `from`'s line when only white space and comments come
 * before it (`undefined` when code follows on the same line, or a block comment runs onto the next).
 */
function codeAfter(text: string, from: number): { code: number; lineEnd: number | undefined } {
  let lineEnd: number | undefined;
  let sameLine = true;
  let i = from;
  while (i < text.length) {
    const c = text.charAt(i);
    if (isLineTerminator(c)) {
      if (sameLine) lineEnd = i;
      sameLine = false;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\u00a0' || c === '\ufeff') {
      i++;
    } else if (c === '/' && text.charAt(i + 1) === '/') {
      while (i < text.length && !isLineTerminator(text.charAt(i))) i++;
    } else if (c === '/' && text.charAt(i + 1) === '*') {
      const close = text.indexOf('*/', i + 2);
      const stop = close === -1 ? text.length : close + 2;
      if (sameLine && /[\n\r\u2028\u2029]/.test(text.slice(i, stop))) sameLine = false;
      i = stop;
    } else {
      return { code: i, lineEnd };
    }
  }
  return { code: -1, lineEnd };
}

/**
 * One fix that inserts the import and replaces `node` with `replacement`
 * (what ESLint would merge from two fixes, without the merging).
 */
export function replaceWithImport(
  sourceText: string,
  insertion: Insertion,
  node: TSESTree.Node,
  replacement: string,
): TSESLint.RuleFix {
  const [start, end] = node.range;
  if (insertion.at <= start) {
    return { range: [insertion.at, end], text: insertion.text + sourceText.slice(insertion.at, start) + replacement };
  }
  return { range: [start, insertion.at], text: replacement + sourceText.slice(end, insertion.at) + insertion.text };
}
