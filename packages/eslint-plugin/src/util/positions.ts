import { ASTUtils, AST_NODE_TYPES, TSESLint } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { importedName, requireSource } from './imports.js';
import type { TypeInfo } from './type-info.js';

/**
 * What TypeScript may expect at a status position, which decides whether a
 * constant can replace the literal without breaking a type check:
 * - `number`: a parameter or property typed `number` (Express, Fastify, Koa,
 *   Node, NestJS, http-errors, assertion libraries): every constant fits;
 * - `literal`: a literal type may be expected or a union narrowed here
 *   (object properties, comparisons, `case`, Hono, `const`): `number`-typed
 *   constants do not fit;
 * - `widening`: an unannotated mutable binding takes the type of its
 *   initialiser, so an enum member would make the binding enum-typed and
 *   reject later unregistered numbers.
 */
export type Safety = 'number' | 'literal' | 'widening';

export interface StatusPosition {
  readonly kind: 'status';
  readonly safety: Safety;
  /** The literal sits under `as const` / `<const>`. */
  readonly asConst: boolean;
  /**
   * The outermost expression of the position (the literal or its `?:`/`||`/`as` wrapper). Recorded
   * with type information only, the one reader of it and of `comparedWith`.
   */
  readonly slot: TSESTree.Expression | undefined;
  /** The other operand when the position is a comparison or `case`. */
  readonly comparedWith: TSESTree.Node | undefined;
}

export interface RangePosition {
  readonly kind: 'range';
}

export type Position = StatusPosition | RangePosition;

export interface PositionContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly checkRanges: boolean;
  readonly types: TypeInfo | undefined;
  /** The file's top-level imports and requires seen so far (their names declare no function or class). */
  readonly modules: ModuleStatements;
  /** Per callee name: whether the file may declare it as a function, class or variable (`mayBeDeclared`). */
  declared: Map<string, boolean> | undefined;
  /** Whether the file's text has `\u` escapes (with which a name may be written); read on the first lookup. */
  escapes: boolean | undefined;
}

/** Import declarations and require declarators, whose names are bindings of modules. */
export interface ModuleStatements {
  statements: readonly TSESTree.Node[] | undefined;
}

/**
 * Names that make an identifier, property or parameter a status; `':status'` is HTTP/2's pseudo-header
 * (`stream.respond({ ':status': 404 })`, `headers[':status']`), `optionsSuccessStatus` the option of
 * cors and @fastify/cors (`cors({ optionsSuccessStatus: 200 })`), the last two OpenTelemetry's span
 * attributes (`{ 'http.response.status_code': 500 }`, `attributes['http.status_code']`).
 */
export const STATUS_NAMES: ReadonlySet<string> = new Set([
  'status',
  'statusCode',
  'httpStatus',
  'httpStatusCode',
  ':status',
  'optionsSuccessStatus',
  'http.response.status_code',
  'http.status_code',
]);

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const RELATIONAL = new Set(['<', '<=', '>', '>=']);
/** Matchers of `expect(x)` chains (vitest, jest, chai) and should.js chains. */
const MATCHERS = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'eq', 'exactly']);
/** Assertion functions taking (actual, expected) in either order (node:assert, chai assert, tap, ava). */
const ASSERT_FUNCTIONS = new Set([
  'equal',
  'strictEqual',
  'notEqual',
  'notStrictEqual',
  'deepEqual',
  'deepStrictEqual',
  'is',
  'not',
  // tap
  'same',
  'strictSame',
  'notSame',
  'strictNotSame',
]);
/** Mock assertions on the arguments of a call (jest, vitest, sinon-chai). */
const MOCK_CALL_MATCHERS = new Set([
  'toHaveBeenCalledWith',
  'toBeCalledWith',
  'toHaveBeenLastCalledWith',
  'lastCalledWith',
  'toHaveBeenNthCalledWith',
  'nthCalledWith',
  'toHaveBeenCalledExactlyOnceWith',
  'calledWith',
  'calledWithExactly',
  'calledOnceWith',
  'calledOnceWithExactly',
]);
/** axios-mock-adapter's request handlers, whose `.reply(status, …)` answers the request. */
const MOCK_ADAPTER_HANDLERS = new Set([
  'onGet',
  'onPost',
  'onPut',
  'onPatch',
  'onDelete',
  'onHead',
  'onOptions',
  'onAny',
  'onList',
  'onLink',
  'onUnlink',
]);
const HTTP_ERROR_FACTORIES = new Set(['createError', 'createHttpError']);
const HONO_METHODS = new Set(['json', 'text', 'body', 'html', 'newResponse']);
const HONO_CONTEXTS = new Set(['c', 'ctx', 'context']);

type Expr = TSESTree.Node;

/** `x!`, `x as T`, `<T>x`, `x satisfies T`, `a?.b` → the expression inside. */
function skipTypeWrappers(node: Expr): Expr {
  let n = node;
  for (;;) {
    switch (n.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
        n = n.expression;
        break;
      default:
        return n;
    }
  }
}

/** The static name of a member's property (`a.b`, `a['b']`), or `undefined`. */
export function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  return member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string'
    ? member.property.value
    : undefined;
}

/** The static key of an object property or class member, or `undefined`. */
function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/** The last name of a receiver: `reply` for `reply`, `this.reply`, `ctx.reply`. */
function lastName(node: Expr): string | undefined {
  const n = skipTypeWrappers(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return propertyName(n);
  return undefined;
}

/** The name a callee is called by: `f` for `f()`, `m` for `a.b.m()`. */
function calleeName(callee: Expr): string | undefined {
  const n = skipTypeWrappers(callee);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return propertyName(n);
  return undefined;
}

/**
 * Whether `node` reads a status: `status`, `res.statusCode`,
 * `err.response?.status`, `exception.getStatus()`, or (with type
 * information) an expression typed as a status enum.
 */
export function isStatusExpression(node: Expr, pc: PositionContext): boolean {
  const n = skipTypeWrappers(node);
  switch (n.type) {
    case AST_NODE_TYPES.Identifier:
      if (STATUS_NAMES.has(n.name)) return true;
      break;
    case AST_NODE_TYPES.MemberExpression: {
      const name = propertyName(n);
      if (name !== undefined && STATUS_NAMES.has(name)) return true;
      break;
    }
    case AST_NODE_TYPES.CallExpression: {
      const name = calleeName(n.callee);
      if (name === 'getStatus' || name === 'getStatusCode') return true;
      break;
    }
    case AST_NODE_TYPES.Literal:
      return false;
    default:
      break;
  }
  return pc.types?.isStatusEnumExpression(n) ?? false;
}

/**
 * The subject of an `expect(subject)…` chain that `member` belongs to, or of a should.js chain
 * (`subject.should.be.equal(n)`, `should(subject).equal(n)`).
 */
function expectSubject(member: TSESTree.MemberExpression): Expr | undefined {
  let object: Expr = member.object;
  while (object.type === AST_NODE_TYPES.MemberExpression) {
    if (!object.computed && object.property.type === AST_NODE_TYPES.Identifier && object.property.name === 'should') return object.object;
    object = object.object;
  }
  if (object.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = object.callee;
  const isExpect =
    (callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'expect' || callee.name === 'should')) ||
    (callee.type === AST_NODE_TYPES.MemberExpression &&
      // chai.expect(x), expect.soft(x)
      (propertyName(callee) === 'expect' ||
        (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'expect')));
  return isExpect ? object.arguments[0] : undefined;
}

function safetyOfAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined, unannotated: Safety): Safety {
  if (!annotation) return unannotated;
  return annotation.typeAnnotation.type === AST_NODE_TYPES.TSNumberKeyword ? 'number' : 'literal';
}

/** A parameter's identifier, looking through defaults and `constructor(private status)`. */
function parameterIdentifier(param: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (!param) return undefined;
  let p: TSESTree.Node = param;
  if (p.type === AST_NODE_TYPES.TSParameterProperty) p = p.parameter;
  if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
  return p.type === AST_NODE_TYPES.Identifier ? p : undefined;
}

/** The safety of a status-named parameter, or `undefined` for any other parameter. */
function statusParameter(param: TSESTree.Parameter | undefined): Safety | undefined {
  const id = parameterIdentifier(param);
  return id && STATUS_NAMES.has(id.name) ? safetyOfAnnotation(id.typeAnnotation, 'number') : undefined;
}

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function isHttpExceptionClass(superClass: TSESTree.Node | null | undefined): 'nest' | 'hono' | undefined {
  if (!superClass) return undefined;
  const name = calleeName(superClass);
  if (name === 'HttpException') return 'nest';
  if (name === 'HTTPException') return 'hono';
  return undefined;
}

function isIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/** ASCII whitespace; `undefined` for other non-ASCII characters, which may be whitespace or part of a name. */
function isSpace(c: number): boolean | undefined {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c < 128 ? false : undefined;
}

const DECLARING_KEYWORDS = ['function', 'class', 'const', 'let', 'var', 'using'];

/** Whether the token that ends at `end` (inclusive) is one of `DECLARING_KEYWORDS`. */
function isDeclaringKeyword(text: string, end: number): boolean {
  for (const keyword of DECLARING_KEYWORDS) {
    const start = end - keyword.length + 1;
    if (start >= 0 && text.startsWith(keyword, start) && !isIdentifierChar(text.charCodeAt(start - 1))) return true;
  }
  return false;
}

/**
 * Whether the occurrence of a name at `[at, end)` may be where a declaration
 * binds it: right after `function`, `*`, `class`, `const`, `let`, `var`,
 * `using`, or inside a pattern (`,`, `{`, `[`, `...`, `key:` followed by the
 * end of the element). A comment or a non-ASCII character next to it answers yes.
 */
function mayDeclareAt(text: string, at: number, end: number): boolean {
  let i = at - 1;
  for (;;) {
    if (i < 0) return false;
    const space = isSpace(text.charCodeAt(i));
    if (space === undefined) return true;
    if (!space) break;
    i--;
  }
  switch (text.charCodeAt(i)) {
    case 44: // ,
    case 42: // *
    case 123: // {
    case 91: // [
    case 47: // / (the end of a comment)
      return true;
    case 46: // .
      return i >= 2 && text.charCodeAt(i - 1) === 46 && text.charCodeAt(i - 2) === 46;
    case 58: {
      // `{ key: name }` in a pattern: the element ends after the name.
      let j = end;
      for (;;) {
        if (j >= text.length) return true;
        const space = isSpace(text.charCodeAt(j));
        if (space === undefined) return true;
        if (!space) break;
        j++;
      }
      const next = text.charCodeAt(j);
      return next === 44 || next === 125 || next === 61 || next === 47;
    }
    default:
      return isDeclaringKeyword(text, i);
  }
}

/**
 * Whether the file may declare `name` as a function, class or variable: a
 * textual superset of the declarations `declaredParameter` can find, so that
 * a callee that is only a global or an import (`new Array(256)`,
 * `debounce(fn, 300)`) needs no scope lookup. Occurrences inside the
 * top-level imports and requires seen so far do not count; the file's other
 * occurrences of the name as a whole word are checked with `mayDeclareAt`.
 * A file with `\u` escapes (which a name may be written with) always answers yes.
 */
function mayBeDeclared(pc: PositionContext, name: string): boolean {
  let declared = pc.declared;
  if (!declared) {
    declared = new Map();
    pc.declared = declared;
  } else {
    const known = declared.get(name);
    if (known !== undefined) return known;
  }
  const text = pc.sourceCode.text;
  const answer = (pc.escapes ??= text.includes('\\u')) || scanDeclarations(text, name, pc.modules.statements);
  declared.set(name, answer);
  return answer;
}

function scanDeclarations(text: string, name: string, modules: readonly TSESTree.Node[] | undefined): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const after = end < text.length ? text.charCodeAt(end) : 32;
    if (isIdentifierChar(before) || isIdentifierChar(after)) continue;
    if (before >= 128 || after >= 128) return true;
    if (mayDeclareAt(text, at, end) && !(modules && isInside(modules, at))) return true;
  }
  return false;
}

function isInside(nodes: readonly TSESTree.Node[], offset: number): boolean {
  for (const node of nodes) if (offset >= node.range[0] && offset < node.range[1]) return true;
  return false;
}

/**
 * Whether a top-level import or require seen so far binds `name` to the export of the same name of
 * `source` (`import { send } from 'micro'`, `const { send } = require('micro')`).
 */
function importsFrom(modules: ModuleStatements, name: string, source: string): boolean {
  for (const statement of modules.statements ?? []) {
    if (statement.type === AST_NODE_TYPES.VariableDeclarator) {
      if (requiresByName(statement, name, source)) return true;
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== source || statement.importKind === 'type') continue;
    for (const s of statement.specifiers) {
      if (s.type === AST_NODE_TYPES.ImportSpecifier && s.local.name === name && s.importKind !== 'type' && importedName(s) === name) return true;
    }
  }
  return false;
}

/** `const { name } = require(source)`. */
function requiresByName(declarator: TSESTree.VariableDeclarator, name: string, source: string): boolean {
  const required = requireSource(declarator.init);
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || required?.source !== source || required.member !== undefined) return false;
  return declarator.id.properties.some(
    (p) =>
      p.type === AST_NODE_TYPES.Property &&
      !p.computed &&
      p.key.type === AST_NODE_TYPES.Identifier &&
      p.key.name === name &&
      p.value.type === AST_NODE_TYPES.Identifier &&
      p.value.name === name,
  );
}

/**
 * The safety of argument `index` of a function or class declared in this
 * file when that parameter is named like a status (`send(res, status)`,
 * `class ApiError extends HttpException` without its own constructor).
 */
function declaredParameter(
  callee: TSESTree.Identifier,
  index: number,
  isNew: boolean,
  pc: PositionContext,
): Safety | undefined {
  // The scope lookup costs 10–40 µs a file (cold scopes); most plain callees are globals or imports.
  if (!mayBeDeclared(pc, callee.name)) return undefined;
  const variable = ASTUtils.findVariable(pc.sourceCode.getScope(callee), callee.name);
  const def = variable?.defs[0];
  // A parameter's definition node is its function (`function poll(wait, status) { wait(f, 500) }`):
  // those parameters are the enclosing function's, not the callee's.
  if (!def || def.type === TSESLint.Scope.DefinitionType.Parameter) return undefined;
  let fn: FunctionLike | undefined;
  const node = def.node;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) fn = node;
  else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
    const init = node.init;
    if (init.type === AST_NODE_TYPES.FunctionExpression || init.type === AST_NODE_TYPES.ArrowFunctionExpression) fn = init;
    else if (init.type === AST_NODE_TYPES.ClassExpression && isNew) return classParameter(init, index);
  } else if (node.type === AST_NODE_TYPES.ClassDeclaration && isNew) return classParameter(node, index);
  if (!fn || isNew) return undefined;
  return statusParameter(fn.params[index]);
}

function classParameter(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, index: number): Safety | undefined {
  const ctor = cls.body.body.find(
    (m): m is TSESTree.MethodDefinition => m.type === AST_NODE_TYPES.MethodDefinition && m.kind === 'constructor',
  );
  if (!ctor) {
    // Inherits the constructor: HttpException(response, status), HTTPException(status, options).
    const base = isHttpExceptionClass(cls.superClass);
    if (base === 'nest') return index === 1 ? 'number' : undefined;
    if (base === 'hono') return index === 0 ? 'literal' : undefined;
    return undefined;
  }
  return statusParameter(ctor.value.params[index]);
}

/** The class whose constructor contains `node`, or `undefined`. */
function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === AST_NODE_TYPES.ClassDeclaration || n.type === AST_NODE_TYPES.ClassExpression) return n;
  }
  return undefined;
}

/** Whether `index` of `call` is a status argument, and with which safety. */
function callArgument(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  pc: PositionContext,
): Safety | undefined {
  const callee = skipTypeWrappers(call.callee);
  const isNew = call.type === AST_NODE_TYPES.NewExpression;

  if (callee.type === AST_NODE_TYPES.Super) {
    const base = isHttpExceptionClass(enclosingClass(call)?.superClass);
    if (base === 'nest') return index === 1 ? 'number' : undefined;
    if (base === 'hono') return index === 0 ? 'literal' : undefined;
    return undefined;
  }

  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(callee);
    if (method === undefined) return undefined;
    const object = callee.object;
    const setter = statusMethodArgument(method, object, index);
    if (setter !== NOT_A_SETTER) return setter;
    switch (method) {
      case 'reply':
      case 'replyOnce':
        // nock `nock(url).get(path).reply(404, body)`, axios-mock-adapter `mock.onGet(path).reply(500)`.
        return index === 0 && isMockedRequest(object) ? 'number' : undefined;
      case 'expect': {
        // supertest `request(app).get('/').expect(200)`.
        return index === 0 && !isNew ? 'number' : undefined;
      }
      case 'toHaveProperty': {
        const subject = expectSubject(callee);
        const prop = call.arguments[0];
        return index === 1 &&
          subject !== undefined &&
          prop?.type === AST_NODE_TYPES.Literal &&
          typeof prop.value === 'string' &&
          STATUS_NAMES.has(prop.value)
          ? 'number'
          : undefined;
      }
      default:
        break;
    }
    if (MATCHERS.has(method) && index === 0) {
      const subject = expectSubject(callee);
      if (subject !== undefined && subject.type !== AST_NODE_TYPES.SpreadElement && isStatusExpression(subject, pc)) {
        return 'number';
      }
    }
    if (ASSERT_FUNCTIONS.has(method)) return assertArgument(call, index, pc);
    if (MOCK_CALL_MATCHERS.has(method)) return mockCallArgument(callee, method, index);
    return undefined;
  }

  if (callee.type === AST_NODE_TYPES.Identifier) {
    const name = callee.name;
    if (isNew) {
      if (name === 'HttpException') return index === 1 ? 'number' : undefined;
      if (name === 'HTTPException') return index === 0 ? 'literal' : undefined;
      return declaredParameter(callee, index, true, pc);
    }
    if (HTTP_ERROR_FACTORIES.has(name)) return 'number';
    // SvelteKit `error(404, 'Not found')`, `fail(400, { form })`: names too common to count unless imported from the kit.
    if ((name === 'error' || name === 'fail') && index === 0 && importsFrom(pc.modules, name, '@sveltejs/kit')) return 'number';
    // micro `send(res, 404, body)`.
    if (name === 'send' && index === 1 && importsFrom(pc.modules, name, 'micro')) return 'number';
    if (name === 'HttpCode') return index === 0 ? 'number' : undefined;
    if (name === 'Redirect') return index === 1 ? 'number' : undefined;
    if (name === 'redirect') return index <= 1 ? 'number' : undefined;
    if (ASSERT_FUNCTIONS.has(name)) {
      const safety = assertArgument(call, index, pc);
      if (safety) return safety;
    }
    return declaredParameter(callee, index, false, pc);
  }
  return undefined;
}

/**
 * Whether `.reply()` on `object` answers a mocked HTTP request: a chain that starts at a
 * `nock(url)` call (`nock(url).get(path).query(q).reply(…)`), or the call of an axios-mock-adapter
 * handler (`mock.onGet(path)`, `.onAny()`, …) or an `.intercept(…)` (undici's `MockPool`, nock).
 * A nock scope kept in a variable (`scope.get(path).reply(…)`) is not followed.
 */
function isMockedRequest(object: Expr): boolean {
  let n = skipTypeWrappers(object);
  while (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTypeWrappers(n.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'nock';
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = propertyName(callee);
    if (name !== undefined && (name === 'intercept' || MOCK_ADAPTER_HANDLERS.has(name))) return true;
    n = skipTypeWrappers(callee.object);
  }
  return false;
}

/** A receiver named like a Koa context: `ctx`, `context`, `this.ctx` (Egg), `koaCtx`. */
function isKoaContext(object: Expr): boolean {
  return /(?:ctx|context)$/i.test(lastName(object) ?? '');
}

/** Methods of a Fastify reply or a hapi response that return it, so that `.code(n)` may follow. */
const RESPONSE_CHAIN = new Set(['header', 'headers', 'type', 'removeHeader', 'trailer', 'removeTrailer', 'serializer']);

/**
 * The object a chain of `RESPONSE_CHAIN` calls starts from: `reply` for
 * `reply.header(k, v).type(t)`, `h.response(x)` for `h.response(x).type(t)`.
 */
function responseChainStart(object: Expr): Expr {
  let n = skipTypeWrappers(object);
  while (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTypeWrappers(n.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    const name = propertyName(callee);
    if (name === undefined || !RESPONSE_CHAIN.has(name)) break;
    n = skipTypeWrappers(callee.object);
  }
  return n;
}

/**
 * Whether `object` is a call of a method named `response` or `redirect`: the response object of
 * hapi's toolkit (`h.response(body)`, `reply.response()`, `h.redirect(url)`), whose `.code(n)`
 * sets the status.
 */
function isHapiResponse(object: Expr): boolean {
  const n = skipTypeWrappers(object);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(n.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(callee);
  return name === 'response' || name === 'redirect';
}

/** `statusMethodArgument`'s answer for a method that sets no status. */
const NOT_A_SETTER = 'not a setter';

/**
 * Whether argument `index` of a call of the status-setting method `method` on `object` is a
 * status, and with which safety: `undefined` for its other arguments (or a receiver that does not
 * fit), `NOT_A_SETTER` for a method that sets no status.
 */
function statusMethodArgument(method: string, object: Expr, index: number): Safety | undefined | typeof NOT_A_SETTER {
  switch (method) {
    case 'status':
    case 'sendStatus':
    case 'writeHead':
      return index === 0 ? 'number' : undefined;
    case 'code': {
      // Fastify `reply.code(404)`, `reply.header(k, v).code(200)`; hapi `h.response(body).code(201)`,
      // `h.response(body).type(t).code(201)`, `h.redirect(url).code(301)`; other `.code()` methods are not statuses.
      if (index !== 0) return undefined;
      const start = responseChainStart(object);
      return /(?:reply|res|resp|response)$/i.test(lastName(start) ?? '') || isHapiResponse(start) ? 'number' : undefined;
    }
    case 'redirect':
      // Express `res.redirect(301, url)`; `Response.redirect(url, 301)`, Next `NextResponse.redirect(url, 308)`.
      if (index <= 1) return 'number';
      // koa-router / @koa/router `router.redirect(source, destination, 301)`, on a receiver named like a router.
      return index === 2 && /router$/i.test(lastName(object) ?? '') ? 'number' : undefined;
    case 'throw':
      // Koa `ctx.throw(404, msg)` or `ctx.throw(msg, 404)`; not a generator's `gen.throw(err)`.
      return index <= 1 && isKoaContext(object) ? 'number' : undefined;
    case 'assert':
      // Koa `ctx.assert(value, 401, msg)`.
      return index === 1 && isKoaContext(object) ? 'number' : undefined;
    default:
      break;
  }
  if (HTTP_ERROR_FACTORIES.has(method)) return 'number';
  if (HONO_METHODS.has(method)) {
    // Hono `c.json(body, 404)`: typed as a union of status literals.
    return index === 1 && HONO_CONTEXTS.has(lastName(object) ?? '') ? 'literal' : undefined;
  }
  return NOT_A_SETTER;
}

/**
 * A mock assertion on a status-setting method: `expect(res.status).toHaveBeenCalledWith(404)`,
 * `expect(reply.code).toHaveBeenNthCalledWith(2, 201)` (the status follows the call's index),
 * sinon-chai's `expect(res.status).to.have.been.calledWith(404)`. The subject must be a member
 * `statusMethodArgument` accepts, so `expect(setTimeout).toHaveBeenCalledWith(f, 500)` is not one.
 */
function mockCallArgument(matcher: TSESTree.MemberExpression, method: string, index: number): Safety | undefined {
  const argument = method === 'toHaveBeenNthCalledWith' || method === 'nthCalledWith' ? index - 1 : index;
  if (argument < 0) return undefined;
  const subject = expectSubject(matcher);
  if (subject?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const spied = propertyName(subject);
  if (spied === undefined) return undefined;
  const safety = statusMethodArgument(spied, subject.object, argument);
  // The matchers take any arguments: a `number` constant fits even where the method wants a literal.
  return safety === undefined || safety === NOT_A_SETTER ? undefined : 'number';
}

/** `assert.strictEqual(res.statusCode, 404)` and `assert.equal(404, res.status)`. */
function assertArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, pc: PositionContext): Safety | undefined {
  if (index > 1) return undefined;
  const other = call.arguments[1 - index];
  return other && other.type !== AST_NODE_TYPES.SpreadElement && isStatusExpression(other, pc) ? 'number' : undefined;
}

/** `x < 200 || x > 299`, `x >= 400 && x < 500`: two bounds on one expression that delimit a status class. */
function isClassRange(comparison: TSESTree.BinaryExpression, pc: PositionContext): boolean {
  const logical = comparison.parent;
  if (logical.type !== AST_NODE_TYPES.LogicalExpression || logical.operator === '??') return false;
  const sibling = logical.left === comparison ? logical.right : logical.left;
  if (sibling.type !== AST_NODE_TYPES.BinaryExpression || !RELATIONAL.has(sibling.operator)) return false;
  const a = boundOf(comparison);
  const b = boundOf(sibling);
  if (!a || !b) return false;
  const text = pc.sourceCode.getText.bind(pc.sourceCode);
  if (text(a.subject) !== text(b.subject)) return false;
  const lo = Math.min(a.value, b.value);
  const hi = Math.max(a.value, b.value);
  return lo % 100 === 0 && (hi - lo === 99 || hi - lo === 100);
}

function boundOf(c: TSESTree.BinaryExpression): { subject: TSESTree.Node; value: number } | undefined {
  if (c.right.type === AST_NODE_TYPES.Literal && typeof c.right.value === 'number') return { subject: c.left, value: c.right.value };
  if (c.left.type === AST_NODE_TYPES.Literal && typeof c.left.value === 'number') return { subject: c.right, value: c.left.value };
  return undefined;
}

function isFunctionParam(pattern: TSESTree.AssignmentPattern): boolean {
  const parent = pattern.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.TSDeclareFunction:
      return parent.params.includes(pattern);
    case AST_NODE_TYPES.TSParameterProperty:
      return true;
    default:
      return false;
  }
}

function untyped(safety: Safety): readonly [StatusPosition, StatusPosition] {
  return [
    Object.freeze({ kind: 'status', safety, asConst: false, slot: undefined, comparedWith: undefined }),
    Object.freeze({ kind: 'status', safety, asConst: true, slot: undefined, comparedWith: undefined }),
  ];
}

/**
 * Without type information a position is its safety and `as const`: one shared object for each
 * pair rather than one per status number (the rule keeps them until the end of the file).
 */
const UNTYPED_NUMBER = untyped('number');
const UNTYPED_LITERAL = untyped('literal');
const UNTYPED_WIDENING = untyped('widening');

function statusPosition(
  pc: PositionContext,
  safety: Safety,
  asConst: boolean,
  slot: TSESTree.Expression,
  comparedWith?: TSESTree.Node,
): StatusPosition {
  if (!pc.types) {
    const shared = safety === 'number' ? UNTYPED_NUMBER : safety === 'literal' ? UNTYPED_LITERAL : UNTYPED_WIDENING;
    return shared[asConst ? 1 : 0];
  }
  return { kind: 'status', safety, asConst, slot, comparedWith };
}

/**
 * Where `literal` (a number) sits: a status position, a range check on a
 * status, or neither (`undefined`).
 */
export function classifyLiteral(literal: TSESTree.NumberLiteral, pc: PositionContext): Position | undefined {
  let slot: TSESTree.Expression = literal;
  let asConst = false;
  // Climb through wrappers that pass the value on: `?:` branches, `||`/`??`, `as`, `!`, `satisfies`.
  for (;;) {
    const parent: TSESTree.Node = slot.parent;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (parent.test === slot) return undefined;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression) {
      if (parent.operator === '&&') return undefined;
    } else if (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSTypeAssertion) {
      const t = parent.typeAnnotation;
      if (t.type === AST_NODE_TYPES.TSTypeReference && t.typeName.type === AST_NODE_TYPES.Identifier && t.typeName.name === 'const') {
        asConst = true;
      }
    } else if (parent.type !== AST_NODE_TYPES.TSNonNullExpression && parent.type !== AST_NODE_TYPES.TSSatisfiesExpression) {
      break;
    }
    slot = parent;
  }
  const position = classifySlot(literal, slot, asConst, pc);
  if (position !== undefined || slot === literal) return position;
  // `res.statusCode || 200`, `init?.status ?? 500`, `ok ? res.statusCode : 302` wherever they sit: the
  // alternative of a status is one. Looked at only when the wrappers' position is not a status.
  for (let n: TSESTree.Node = literal; n !== slot; n = n.parent as TSESTree.Node) {
    const up = n.parent as TSESTree.Node;
    let other: TSESTree.Node | undefined;
    if (up.type === AST_NODE_TYPES.ConditionalExpression) other = up.consequent === n ? up.alternate : up.consequent;
    else if (up.type === AST_NODE_TYPES.LogicalExpression && up.right === n) other = up.left;
    if (other && isStatusAlternative(other, pc)) return statusPosition(pc, 'literal', asConst, slot, other);
  }
  return undefined;
}

/** Whether `node`, the other branch of a `?:` or the left of `||`/`??`, reads a status (`a.status ?? b.status`). */
function isStatusAlternative(node: TSESTree.Node, pc: PositionContext): boolean {
  let n = node;
  while (n.type === AST_NODE_TYPES.LogicalExpression && n.operator !== '&&') n = n.right;
  return isStatusExpression(n, pc);
}

/** Where the outermost wrapper `slot` of `literal` sits: `classifyLiteral` without the alternatives of a status. */
function classifySlot(
  literal: TSESTree.NumberLiteral,
  slot: TSESTree.Expression,
  asConst: boolean,
  pc: PositionContext,
): Position | undefined {
  const parent = slot.parent;

  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (parent.callee === slot) return undefined;
      const index = parent.arguments.indexOf(slot);
      const safety = callArgument(parent, index, pc);
      if (safety) return statusPosition(pc, safety, asConst, slot);
      break;
    }
    case AST_NODE_TYPES.Property: {
      if (parent.value !== slot || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const name = keyName(parent.key, parent.computed);
      if (name !== undefined && STATUS_NAMES.has(name)) return statusPosition(pc, 'literal', asConst, slot);
      break;
    }
    case AST_NODE_TYPES.PropertyDefinition: {
      if (parent.value !== slot) return undefined;
      const name = keyName(parent.key, parent.computed);
      if (name === undefined || !STATUS_NAMES.has(name)) break;
      return statusPosition(pc, safetyOfAnnotation(parent.typeAnnotation, parent.readonly ? 'literal' : 'widening'), asConst, slot);
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== slot || (parent.operator !== '=' && parent.operator !== '||=' && parent.operator !== '??=')) {
        break;
      }
      const left = skipTypeWrappers(parent.left);
      if (left.type === AST_NODE_TYPES.MemberExpression) {
        const name = propertyName(left);
        // Node's `res.statusCode` is typed `number`; other `.status` properties may be literal-typed.
        if (name === 'statusCode') return statusPosition(pc, 'number', asConst, slot);
        if (name !== undefined && STATUS_NAMES.has(name)) return statusPosition(pc, 'literal', asConst, slot);
      } else if (left.type === AST_NODE_TYPES.Identifier && STATUS_NAMES.has(left.name)) {
        return statusPosition(pc, 'literal', asConst, slot);
      }
      break;
    }
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== slot || parent.id.type !== AST_NODE_TYPES.Identifier || !STATUS_NAMES.has(parent.id.name)) {
        break;
      }
      const declaration = parent.parent;
      const mutable = declaration.kind === 'let' || declaration.kind === 'var';
      return statusPosition(pc, safetyOfAnnotation(parent.id.typeAnnotation, mutable ? 'widening' : 'literal'), asConst, slot);
    }
    case AST_NODE_TYPES.AssignmentPattern: {
      if (parent.right !== slot || parent.left.type !== AST_NODE_TYPES.Identifier || !STATUS_NAMES.has(parent.left.name)) {
        break;
      }
      // `(status = 200) => …` widens; `const { status = 500 } = err` keeps err.status's type in the union.
      return statusPosition(pc, safetyOfAnnotation(parent.left.typeAnnotation, isFunctionParam(parent) ? 'widening' : 'literal'), asConst, slot);
    }
    case AST_NODE_TYPES.SwitchCase: {
      if (parent.test !== slot) return undefined;
      const discriminant = parent.parent.discriminant;
      return isStatusExpression(discriminant, pc) ? statusPosition(pc, 'literal', asConst, slot, discriminant) : undefined;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      const other = parent.left === slot ? parent.right : parent.left;
      if (EQUALITY.has(parent.operator)) {
        return isStatusExpression(other, pc) ? statusPosition(pc, 'literal', asConst, slot, other) : undefined;
      }
      if (pc.checkRanges && RELATIONAL.has(parent.operator) && slot === literal) {
        if (isStatusExpression(other, pc) || isClassRange(parent, pc)) return { kind: 'range' };
      }
      return undefined;
    }
    case AST_NODE_TYPES.ArrayExpression: {
      // `[401, 403].includes(res.status)`
      const member = parent.parent;
      if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== parent) break;
      const method = propertyName(member);
      const call = member.parent;
      if ((method !== 'includes' && method !== 'indexOf') || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) {
        break;
      }
      const arg = call.arguments[0];
      if (arg && arg.type !== AST_NODE_TYPES.SpreadElement && isStatusExpression(arg, pc)) return statusPosition(pc, 'number', asConst, slot);
      break;
    }
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      break;
    default:
      // Types (`{ status: 404 }` in a type literal), keys, operands of arithmetic, …
      return undefined;
  }
  // With type information: a value whose contextual type is a status enum (`function send(code: StatusCodes)`).
  if (pc.types?.isStatusEnumContext(slot)) return statusPosition(pc, 'number', asConst, slot);
  return undefined;
}
