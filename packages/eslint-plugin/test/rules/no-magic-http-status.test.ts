// Every invalid case states messageId, data, line, column, endLine and
// endColumn, and `output` (null when nothing is fixed); suggestions state their
// output. Multi-pass outputs are arrays: the last pass must leave the code as
// it is, which is the idempotence check.
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import rule from '../../src/rules/no-magic-http-status.js';
import type { Options } from '../../src/rules/no-magic-http-status.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const deps = (path: string): string => fileURLToPath(new URL(`../fixtures/deps/${path}`, import.meta.url));

/** A package that depends on http-status-codes (and express). */
const HSC = deps('hsc/src/app.ts');
const HSC_JS = deps('hsc/src/app.js');
const HSC_MJS = deps('hsc/src/app.mjs');
const HSC_CJS = deps('hsc/src/app.cjs');
const HSC_TEST = deps('hsc/src/app.test.ts');
const HSC_TESTS_DIR = deps('hsc/src/__tests__/app.ts');
/** A package without any provider among its dependencies. */
const NONE = deps('none/src/app.ts');
/** http-status-codes only in devDependencies. */
const DEV = deps('hsc-dev/src/app.ts');
const DEV_TEST = deps('hsc-dev/test/app.test.ts');
/** @nestjs/common ^10 and ^11. */
const NEST10 = deps('nest10/src/users.controller.ts');
const NEST11 = deps('nest11/src/users.controller.ts');
/** http-status ^2. */
const HTTP_STATUS = deps('http-status/src/app.ts');

const ruleTester = new RuleTester();

describe("arguments of status-setting calls", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'Express res.status(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
app.get("/", (req, res) => res.status(404).end());`,
        output: `import { StatusCodes } from 'http-status-codes';
app.get("/", (req, res) => res.status(StatusCodes.NOT_FOUND).end());`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 39,
            endLine: 2,
            endColumn: 42,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Express res.sendStatus(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.sendStatus(204);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.sendStatus(StatusCodes.NO_CONTENT);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 16,
            endLine: 2,
            endColumn: 19,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
      {
        name: 'Fastify reply.code(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
reply.code(404).send();`,
        output: `import { StatusCodes } from 'http-status-codes';
reply.code(StatusCodes.NOT_FOUND).send();`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Fastify .code(n) after reply.header(…) and reply.type(…)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
reply.header('Content-Type', 'application/json').code(200).send(body);
this.reply.type('text/html').header('x-a', 'b').code(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
reply.header('Content-Type', 'application/json').code(StatusCodes.OK).send(body);
this.reply.type('text/html').header('x-a', 'b').code(StatusCodes.NOT_FOUND);`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 55, endLine: 2, endColumn: 58, data: { detail: '200 (OK): use StatusCodes.OK' } },
          {
            messageId: 'magicStatus',
            line: 3,
            column: 54,
            endLine: 3,
            endColumn: 57,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'hapi h.response(x).type(t).code(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
return h.response(payload).type('text/plain').code(201);`,
        output: `import { StatusCodes } from 'http-status-codes';
return h.response(payload).type('text/plain').code(StatusCodes.CREATED);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 52,
            endLine: 2,
            endColumn: 55,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'Fastify reply.status(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
reply.status(500).send({ error });`,
        output: `import { StatusCodes } from 'http-status-codes';
reply.status(StatusCodes.INTERNAL_SERVER_ERROR).send({ error });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 17,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'hapi h.response(payload).code(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const handler = (request, h) => {
  return h.response(payload).code(201);
};`,
        output: `import { StatusCodes } from 'http-status-codes';
const handler = (request, h) => {
  return h.response(payload).code(StatusCodes.CREATED);
};`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 35,
            endLine: 3,
            endColumn: 38,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'hapi h.response().code(n), reply.response(x).code(n) and h.redirect(url).code(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if (!user) return h.response().code(404);
reply.response(error).code(500);
return h.redirect(url).code(301);`,
        output: `import { StatusCodes } from 'http-status-codes';
if (!user) return h.response().code(StatusCodes.NOT_FOUND);
reply.response(error).code(StatusCodes.INTERNAL_SERVER_ERROR);
return h.redirect(url).code(StatusCodes.MOVED_PERMANENTLY);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 37,
            endLine: 2,
            endColumn: 40,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
          {
            messageId: 'magicStatus',
            line: 3,
            column: 28,
            endLine: 3,
            endColumn: 31,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
          {
            messageId: 'magicStatus',
            line: 4,
            column: 29,
            endLine: 4,
            endColumn: 32,
            data: { detail: '301 (Moved Permanently): use StatusCodes.MOVED_PERMANENTLY' },
          },
        ],
      },
      {
        name: 'optional call res?.status(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res?.status(503);`,
        output: `import { StatusCodes } from 'http-status-codes';
res?.status(StatusCodes.SERVICE_UNAVAILABLE);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 13,
            endLine: 2,
            endColumn: 16,
            data: { detail: '503 (Service Unavailable): use StatusCodes.SERVICE_UNAVAILABLE' },
          },
        ],
      },
      {
        name: 'Node res.writeHead(n, headers)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.writeHead(200, { 'content-type': 'text/plain' });`,
        output: `import { StatusCodes } from 'http-status-codes';
res.writeHead(StatusCodes.OK, { 'content-type': 'text/plain' });`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 15, endLine: 2, endColumn: 18, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'Express res.redirect(n, url)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.redirect(301, '/new');`,
        output: `import { StatusCodes } from 'http-status-codes';
res.redirect(StatusCodes.MOVED_PERMANENTLY, '/new');`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 17,
            data: { detail: '301 (Moved Permanently): use StatusCodes.MOVED_PERMANENTLY' },
          },
        ],
      },
      {
        name: 'Response.redirect(url, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const redirect = Response.redirect(url, 308);`,
        output: `import { StatusCodes } from 'http-status-codes';
const redirect = Response.redirect(url, StatusCodes.PERMANENT_REDIRECT);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 41,
            endLine: 2,
            endColumn: 44,
            data: { detail: '308 (Permanent Redirect): use StatusCodes.PERMANENT_REDIRECT' },
          },
        ],
      },
      {
        name: 'koa-router router.redirect(source, destination, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
router.redirect('/login', '/sign-in', 301);`,
        output: `import { StatusCodes } from 'http-status-codes';
router.redirect('/login', '/sign-in', StatusCodes.MOVED_PERMANENTLY);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 39,
            endLine: 2,
            endColumn: 42,
            data: { detail: '301 (Moved Permanently): use StatusCodes.MOVED_PERMANENTLY' },
          },
        ],
      },
      {
        name: '@koa/router on receivers named like a router (apiRouter, this.router)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
apiRouter.redirect('/v1/users', '/v2/users', 308);
this.router.redirect(from, to, 302);`,
        output: `import { StatusCodes } from 'http-status-codes';
apiRouter.redirect('/v1/users', '/v2/users', StatusCodes.PERMANENT_REDIRECT);
this.router.redirect(from, to, StatusCodes.MOVED_TEMPORARILY);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 46,
            endLine: 2,
            endColumn: 49,
            data: { detail: '308 (Permanent Redirect): use StatusCodes.PERMANENT_REDIRECT' },
          },
          {
            messageId: 'magicStatus',
            line: 3,
            column: 32,
            endLine: 3,
            endColumn: 35,
            data: { detail: '302 (Found): use StatusCodes.MOVED_TEMPORARILY' },
          },
        ],
      },
      {
        name: 'Koa ctx.throw(n, message)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
ctx.throw(404, 'no such user');`,
        output: `import { StatusCodes } from 'http-status-codes';
ctx.throw(StatusCodes.NOT_FOUND, 'no such user');`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 11,
            endLine: 2,
            endColumn: 14,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Koa ctx.throw(message, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
ctx.throw('no such user', 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
ctx.throw('no such user', StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 27,
            endLine: 2,
            endColumn: 30,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Koa context.throw(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
context.throw(403);`,
        output: `import { StatusCodes } from 'http-status-codes';
context.throw(StatusCodes.FORBIDDEN);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 15,
            endLine: 2,
            endColumn: 18,
            data: { detail: '403 (Forbidden): use StatusCodes.FORBIDDEN' },
          },
        ],
      },
      {
        name: 'Egg this.ctx.throw(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
this.ctx.throw(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
this.ctx.throw(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 16,
            endLine: 2,
            endColumn: 19,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Koa ctx.assert(value, n, message)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
ctx.assert(ctx.state.user, 401, 'log in');`,
        output: `import { StatusCodes } from 'http-status-codes';
ctx.assert(ctx.state.user, StatusCodes.UNAUTHORIZED, 'log in');`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 28,
            endLine: 2,
            endColumn: 31,
            data: { detail: '401 (Unauthorized): use StatusCodes.UNAUTHORIZED' },
          },
        ],
      },
      {
        name: "SvelteKit error(n, …) and fail(n, …) imported from '@sveltejs/kit'",
        filename: HSC,
        code: `import { error, fail } from '@sveltejs/kit';
import { StatusCodes } from 'http-status-codes';
export async function load({ params }) {
  if (!post) error(404, 'Not found');
  if (!form.valid) return fail(400, { form });
  throw error(500);
}`,
        output: `import { error, fail } from '@sveltejs/kit';
import { StatusCodes } from 'http-status-codes';
export async function load({ params }) {
  if (!post) error(StatusCodes.NOT_FOUND, 'Not found');
  if (!form.valid) return fail(StatusCodes.BAD_REQUEST, { form });
  throw error(StatusCodes.INTERNAL_SERVER_ERROR);
}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 4,
            column: 20,
            endLine: 4,
            endColumn: 23,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
          {
            messageId: 'magicStatus',
            line: 5,
            column: 32,
            endLine: 5,
            endColumn: 35,
            data: { detail: '400 (Bad Request): use StatusCodes.BAD_REQUEST' },
          },
          {
            messageId: 'magicStatus',
            line: 6,
            column: 15,
            endLine: 6,
            endColumn: 18,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: "micro's send(res, n, body) imported from 'micro'",
        filename: HSC,
        code: `import { send } from 'micro';
import { StatusCodes } from 'http-status-codes';
export default async (req, res) => {
  send(res, 404, { error: 'Not found' });
};`,
        output: `import { send } from 'micro';
import { StatusCodes } from 'http-status-codes';
export default async (req, res) => {
  send(res, StatusCodes.NOT_FOUND, { error: 'Not found' });
};`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 4,
            column: 13,
            endLine: 4,
            endColumn: 16,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: "micro's send(res, n, body) required from 'micro'",
        filename: HSC_CJS,
        code: `const { send } = require('micro');
const { StatusCodes } = require('http-status-codes');
module.exports = (req, res) => send(res, 201, body);`,
        output: `const { send } = require('micro');
const { StatusCodes } = require('http-status-codes');
module.exports = (req, res) => send(res, StatusCodes.CREATED, body);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 42,
            endLine: 3,
            endColumn: 45,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'http-errors createError(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
throw createError(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
throw createError(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 19,
            endLine: 2,
            endColumn: 22,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'http-errors createHttpError(n, message)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
next(createHttpError(503, 'down'));`,
        output: `import { StatusCodes } from 'http-status-codes';
next(createHttpError(StatusCodes.SERVICE_UNAVAILABLE, 'down'));`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 22,
            endLine: 2,
            endColumn: 25,
            data: { detail: '503 (Service Unavailable): use StatusCodes.SERVICE_UNAVAILABLE' },
          },
        ],
      },
      {
        name: 'Fastify reply.httpErrors.createError(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
throw fastify.httpErrors.createError(409);`,
        output: `import { StatusCodes } from 'http-status-codes';
throw fastify.httpErrors.createError(StatusCodes.CONFLICT);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 38,
            endLine: 2,
            endColumn: 41,
            data: { detail: '409 (Conflict): use StatusCodes.CONFLICT' },
          },
        ],
      },
      {
        name: 'NestJS new HttpException(message, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
throw new HttpException('Forbidden', 403);`,
        output: `import { StatusCodes } from 'http-status-codes';
throw new HttpException('Forbidden', StatusCodes.FORBIDDEN);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 38,
            endLine: 2,
            endColumn: 41,
            data: { detail: '403 (Forbidden): use StatusCodes.FORBIDDEN' },
          },
        ],
      },
      {
        name: 'super(message, n) in a subclass of HttpException',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
class PaymentRequired extends HttpException {
  constructor() {
    super('Upgrade', 402);
  }
}`,
        output: `import { StatusCodes } from 'http-status-codes';
class PaymentRequired extends HttpException {
  constructor() {
    super('Upgrade', StatusCodes.PAYMENT_REQUIRED);
  }
}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 4,
            column: 22,
            endLine: 4,
            endColumn: 25,
            data: { detail: '402 (Payment Required): use StatusCodes.PAYMENT_REQUIRED' },
          },
        ],
      },
      {
        name: 'new Subclass(message, n) of HttpException without its own constructor',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
class ApiError extends HttpException {}
throw new ApiError('Taken', 409);`,
        output: `import { StatusCodes } from 'http-status-codes';
class ApiError extends HttpException {}
throw new ApiError('Taken', StatusCodes.CONFLICT);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 29,
            endLine: 3,
            endColumn: 32,
            data: { detail: '409 (Conflict): use StatusCodes.CONFLICT' },
          },
        ],
      },
      {
        name: 'a constructor parameter named status',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
throw new ApiError(422, 'invalid');`,
        output: `import { StatusCodes } from 'http-status-codes';
class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
throw new ApiError(StatusCodes.UNPROCESSABLE_ENTITY, 'invalid');`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 7,
            column: 20,
            endLine: 7,
            endColumn: 23,
            data: { detail: '422 (Unprocessable Content): use StatusCodes.UNPROCESSABLE_ENTITY' },
          },
        ],
      },
      {
        name: 'a function parameter named status',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
function send(res, status, body) {
  res.status(status).json(body);
}
send(res, 404, { error: "missing" });`,
        output: `import { StatusCodes } from 'http-status-codes';
function send(res, status, body) {
  res.status(status).json(body);
}
send(res, StatusCodes.NOT_FOUND, { error: "missing" });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 5,
            column: 11,
            endLine: 5,
            endColumn: 14,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'an arrow function parameter named statusCode',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const reply = (statusCode: number, body: unknown) => ({ statusCode, body });
reply(201, user);`,
        output: `import { StatusCodes } from 'http-status-codes';
const reply = (statusCode: number, body: unknown) => ({ statusCode, body });
reply(StatusCodes.CREATED, user);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 7,
            endLine: 3,
            endColumn: 10,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'NestJS @HttpCode(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
class C {
  @HttpCode(204)
  remove() {}
}`,
        output: `import { StatusCodes } from 'http-status-codes';
class C {
  @HttpCode(StatusCodes.NO_CONTENT)
  remove() {}
}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 13,
            endLine: 3,
            endColumn: 16,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
      {
        name: 'NestJS @Redirect(url, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
class C {
  @Redirect('/home', 301)
  legacy() {}
}`,
        output: `import { StatusCodes } from 'http-status-codes';
class C {
  @Redirect('/home', StatusCodes.MOVED_PERMANENTLY)
  legacy() {}
}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 22,
            endLine: 3,
            endColumn: 25,
            data: { detail: '301 (Moved Permanently): use StatusCodes.MOVED_PERMANENTLY' },
          },
        ],
      },
      {
        name: 'Hono c.json(body, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
app.get('/', (c) => c.json({ error: 'missing' }, 404));`,
        output: `import { StatusCodes } from 'http-status-codes';
app.get('/', (c) => c.json({ error: 'missing' }, StatusCodes.NOT_FOUND));`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 50,
            endLine: 2,
            endColumn: 53,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Hono c.text(text, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
app.post('/', (c) => c.text('created', 201));`,
        output: `import { StatusCodes } from 'http-status-codes';
app.post('/', (c) => c.text('created', StatusCodes.CREATED));`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 40,
            endLine: 2,
            endColumn: 43,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'Hono c.body(body, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
app.delete('/', (c) => c.body(null, 204));`,
        output: `import { StatusCodes } from 'http-status-codes';
app.delete('/', (c) => c.body(null, StatusCodes.NO_CONTENT));`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 37,
            endLine: 2,
            endColumn: 40,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
      {
        name: 'Hono new HTTPException(n, options)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
throw new HTTPException(401, { message: 'log in' });`,
        output: `import { StatusCodes } from 'http-status-codes';
throw new HTTPException(StatusCodes.UNAUTHORIZED, { message: 'log in' });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 25,
            endLine: 2,
            endColumn: 28,
            data: { detail: '401 (Unauthorized): use StatusCodes.UNAUTHORIZED' },
          },
        ],
      },
    ],
  });
});

describe("mocked HTTP requests (nock, axios-mock-adapter, undici)", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [
      { name: '.reply(n) on something that is not a mocked request', code: 'bot.reply(404);' },
      { name: 'ctx.reply(n) (a chat bot)', code: 'ctx.reply(500);' },
      { name: 'a nock scope kept in a variable is not followed', code: "scope.get('/users').reply(404);" },
      { name: '.reply on a chain that does not start at nock()', code: "client.get('/users').reply(404);" },
      { name: 'a delay in a nock chain', code: "nock(baseUrl).get('/users').delay(500).replyWithError('timeout');" },
      { name: 'a timeout in an axios-mock-adapter matcher', code: "mock.onGet('/users', { timeout: 500 }).networkError();" },
      { name: 'the status returned from a reply callback is not followed', code: "mock.onGet('/users').reply(() => [404, body]);" },
      { name: 'a later argument of .reply', code: "nock(baseUrl).get('/users').reply(status, 200);" },
    ],
    invalid: [
      {
        name: 'nock(url).get(path).reply(n, body)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
nock('https://api.example.com').get('/users/1').reply(404, { error: 'missing' });`,
        output: `import { StatusCodes } from 'http-status-codes';
nock('https://api.example.com').get('/users/1').reply(StatusCodes.NOT_FOUND, { error: 'missing' });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 55,
            endLine: 2,
            endColumn: 58,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'a nock chain over several lines',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
nock(baseUrl)
  .post('/users')
  .query(true)
  .times(2)
  .reply(201, user);`,
        output: `import { StatusCodes } from 'http-status-codes';
nock(baseUrl)
  .post('/users')
  .query(true)
  .times(2)
  .reply(StatusCodes.CREATED, user);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 6,
            column: 10,
            endLine: 6,
            endColumn: 13,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'nock(url).intercept(path, method).reply(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
nock(baseUrl).intercept('/users', 'DELETE').reply(500);`,
        output: `import { StatusCodes } from 'http-status-codes';
nock(baseUrl).intercept('/users', 'DELETE').reply(StatusCodes.INTERNAL_SERVER_ERROR);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 51,
            endLine: 2,
            endColumn: 54,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'axios-mock-adapter mock.onGet(path).reply(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
mock.onGet('/users').reply(500);`,
        output: `import { StatusCodes } from 'http-status-codes';
mock.onGet('/users').reply(StatusCodes.INTERNAL_SERVER_ERROR);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 28,
            endLine: 2,
            endColumn: 31,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'axios-mock-adapter mock.onPost(path, body).replyOnce(n, data)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
mock.onPost('/users', { name: 'Ada' }).replyOnce(201, { id: 1 });`,
        output: `import { StatusCodes } from 'http-status-codes';
mock.onPost('/users', { name: 'Ada' }).replyOnce(StatusCodes.CREATED, { id: 1 });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 50,
            endLine: 2,
            endColumn: 53,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'axios-mock-adapter mock.onAny().reply(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
mock.onAny().reply(503);`,
        output: `import { StatusCodes } from 'http-status-codes';
mock.onAny().reply(StatusCodes.SERVICE_UNAVAILABLE);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 20,
            endLine: 2,
            endColumn: 23,
            data: { detail: '503 (Service Unavailable): use StatusCodes.SERVICE_UNAVAILABLE' },
          },
        ],
      },
      {
        name: 'undici mockPool.intercept(options).reply(n, body)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
mockPool.intercept({ path: '/users/1', method: 'GET' }).reply(404, 'missing');`,
        output: `import { StatusCodes } from 'http-status-codes';
mockPool.intercept({ path: '/users/1', method: 'GET' }).reply(StatusCodes.NOT_FOUND, 'missing');`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 63,
            endLine: 2,
            endColumn: 66,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
    ],
  });
});

describe("assignments, declarations and properties", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'res.statusCode = n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.statusCode = 500;`,
        output: `import { StatusCodes } from 'http-status-codes';
res.statusCode = StatusCodes.INTERNAL_SERVER_ERROR;`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 18,
            endLine: 2,
            endColumn: 21,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'Koa ctx.status = n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
ctx.status = 404;`,
        output: `import { StatusCodes } from 'http-status-codes';
ctx.status = StatusCodes.NOT_FOUND;`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 17,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'ctx.response.status = n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
ctx.response.status = 201;`,
        output: `import { StatusCodes } from 'http-status-codes';
ctx.response.status = StatusCodes.CREATED;`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 23,
            endLine: 2,
            endColumn: 26,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'status ??= n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
status ??= 500;`,
        output: `import { StatusCodes } from 'http-status-codes';
status ??= StatusCodes.INTERNAL_SERVER_ERROR;`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'const status = n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const status = 404;`,
        output: `import { StatusCodes } from 'http-status-codes';
const status = StatusCodes.NOT_FOUND;`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 16,
            endLine: 2,
            endColumn: 19,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'let status: number = n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
let status: number = 200;`,
        output: `import { StatusCodes } from 'http-status-codes';
let status: number = StatusCodes.OK;`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 22, endLine: 2, endColumn: 25, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'destructuring default { status = n }',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const { status = 500, message } = err;`,
        output: `import { StatusCodes } from 'http-status-codes';
const { status = StatusCodes.INTERNAL_SERVER_ERROR, message } = err;`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 18,
            endLine: 2,
            endColumn: 21,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'typed parameter default (status: number = n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
function fail(status: number = 500) {}`,
        output: `import { StatusCodes } from 'http-status-codes';
function fail(status: number = StatusCodes.INTERNAL_SERVER_ERROR) {}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 32,
            endLine: 2,
            endColumn: 35,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'readonly class field status = n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
class NotFound extends Error {
  readonly status = 404;
}`,
        output: `import { StatusCodes } from 'http-status-codes';
class NotFound extends Error {
  readonly status = StatusCodes.NOT_FOUND;
}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 21,
            endLine: 3,
            endColumn: 24,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'new Response(body, { status: n })',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const created = new Response(body, { status: 201 });`,
        output: `import { StatusCodes } from 'http-status-codes';
const created = new Response(body, { status: StatusCodes.CREATED });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 46,
            endLine: 2,
            endColumn: 49,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'Response.json(data, { status: n })',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const missing = Response.json(data, { status: 404 });`,
        output: `import { StatusCodes } from 'http-status-codes';
const missing = Response.json(data, { status: StatusCodes.NOT_FOUND });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 47,
            endLine: 2,
            endColumn: 50,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Next.js NextResponse.json(data, { status: n })',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
export const GET = () => NextResponse.json({ error: 'oops' }, { status: 500 });`,
        output: `import { StatusCodes } from 'http-status-codes';
export const GET = () => NextResponse.json({ error: 'oops' }, { status: StatusCodes.INTERNAL_SERVER_ERROR });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 73,
            endLine: 2,
            endColumn: 76,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: "cors' and @fastify/cors' { optionsSuccessStatus: n }",
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
app.use(cors({ origin: 'https://example.com', optionsSuccessStatus: 200 }));
fastify.register(fastifyCors, { optionsSuccessStatus: 204 });`,
        output: `import { StatusCodes } from 'http-status-codes';
app.use(cors({ origin: 'https://example.com', optionsSuccessStatus: StatusCodes.OK }));
fastify.register(fastifyCors, { optionsSuccessStatus: StatusCodes.NO_CONTENT });`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 69, endLine: 2, endColumn: 72, data: { detail: '200 (OK): use StatusCodes.OK' } },
          {
            messageId: 'magicStatus',
            line: 3,
            column: 55,
            endLine: 3,
            endColumn: 58,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
      {
        name: "OpenTelemetry's 'http.response.status_code' and 'http.status_code' attributes",
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
assert.deepStrictEqual(span.attributes, {
  'http.response.status_code': 500,
});
assert.strictEqual(span.attributes['http.status_code'], 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
assert.deepStrictEqual(span.attributes, {
  'http.response.status_code': StatusCodes.INTERNAL_SERVER_ERROR,
});
assert.strictEqual(span.attributes['http.status_code'], StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 32,
            endLine: 3,
            endColumn: 35,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
          {
            messageId: 'magicStatus',
            line: 5,
            column: 57,
            endLine: 5,
            endColumn: 60,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Lambda { statusCode: n, body }',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
export const handler = async () => ({ statusCode: 200, body: JSON.stringify(result) });`,
        output: `import { StatusCodes } from 'http-status-codes';
export const handler = async () => ({ statusCode: StatusCodes.OK, body: JSON.stringify(result) });`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 51, endLine: 2, endColumn: 54, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'NestJS @ApiResponse({ status: n })',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
class C {
  @ApiResponse({ status: 200, description: 'The user' })
  find() {}
}`,
        output: `import { StatusCodes } from 'http-status-codes';
class C {
  @ApiResponse({ status: StatusCodes.OK, description: 'The user' })
  find() {}
}`,
        errors: [
          { messageId: 'magicStatus', line: 3, column: 26, endLine: 3, endColumn: 29, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: `quoted key { 'status': n }`,
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const body = { 'status': 404 };`,
        output: `import { StatusCodes } from 'http-status-codes';
const body = { 'status': StatusCodes.NOT_FOUND };`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 26,
            endLine: 2,
            endColumn: 29,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: '{ httpStatus: n }',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
throw new DomainError({ httpStatus: 409 });`,
        output: `import { StatusCodes } from 'http-status-codes';
throw new DomainError({ httpStatus: StatusCodes.CONFLICT });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 37,
            endLine: 2,
            endColumn: 40,
            data: { detail: '409 (Conflict): use StatusCodes.CONFLICT' },
          },
        ],
      },
      {
        name: 'let status = n: suggestion, the enum type would widen the variable',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
let status = 200;`,
        output: null,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 17,
            data: { detail: '200 (OK): use StatusCodes.OK' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 200, constant: 'StatusCodes.OK' },
                output: `import { StatusCodes } from 'http-status-codes';
let status = StatusCodes.OK;`,
              },
            ],
          },
        ],
      },
      {
        name: 'mutable class field status = n: suggestion',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
class NotFound extends Error {
  status = 404;
}`,
        output: null,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 404, constant: 'StatusCodes.NOT_FOUND' },
                output: `import { StatusCodes } from 'http-status-codes';
class NotFound extends Error {
  status = StatusCodes.NOT_FOUND;
}`,
              },
            ],
          },
        ],
      },
      {
        name: 'untyped parameter default (status = n): suggestion',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
function fail(status = 500) {}`,
        output: null,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 24,
            endLine: 2,
            endColumn: 27,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 500, constant: 'StatusCodes.INTERNAL_SERVER_ERROR' },
                output: `import { StatusCodes } from 'http-status-codes';
function fail(status = StatusCodes.INTERNAL_SERVER_ERROR) {}`,
              },
            ],
          },
        ],
      },
    ],
  });
});

describe("comparisons", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'response.status === n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if (response.status === 404) notFound();`,
        output: `import { StatusCodes } from 'http-status-codes';
if (response.status === StatusCodes.NOT_FOUND) notFound();`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 25,
            endLine: 2,
            endColumn: 28,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'res.statusCode !== n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if (res.statusCode !== 200) throw new Error();`,
        output: `import { StatusCodes } from 'http-status-codes';
if (res.statusCode !== StatusCodes.OK) throw new Error();`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 24, endLine: 2, endColumn: 27, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'n == err.status (literal first)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if (401 == err.status) logout();`,
        output: `import { StatusCodes } from 'http-status-codes';
if (StatusCodes.UNAUTHORIZED == err.status) logout();`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 5,
            endLine: 2,
            endColumn: 8,
            data: { detail: '401 (Unauthorized): use StatusCodes.UNAUTHORIZED' },
          },
        ],
      },
      {
        name: 'err.response?.status === n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if (err.response?.status === 401) logout();`,
        output: `import { StatusCodes } from 'http-status-codes';
if (err.response?.status === StatusCodes.UNAUTHORIZED) logout();`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 30,
            endLine: 2,
            endColumn: 33,
            data: { detail: '401 (Unauthorized): use StatusCodes.UNAUTHORIZED' },
          },
        ],
      },
      {
        name: '(res as Response).status === n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if ((res as Response).status === 204) done();`,
        output: `import { StatusCodes } from 'http-status-codes';
if ((res as Response).status === StatusCodes.NO_CONTENT) done();`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 34,
            endLine: 2,
            endColumn: 37,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
      {
        name: 'exception.getStatus() === n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if (exception.getStatus() === 403) deny();`,
        output: `import { StatusCodes } from 'http-status-codes';
if (exception.getStatus() === StatusCodes.FORBIDDEN) deny();`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 31,
            endLine: 2,
            endColumn: 34,
            data: { detail: '403 (Forbidden): use StatusCodes.FORBIDDEN' },
          },
        ],
      },
      {
        name: 'bare status !== n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if (status !== 200) retry();`,
        output: `import { StatusCodes } from 'http-status-codes';
if (status !== StatusCodes.OK) retry();`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 16, endLine: 2, endColumn: 19, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'case n: under switch (x.status)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
switch (res.status) {
  case 404:
    break;
  case 500:
    throw new Error();
}`,
        output: `import { StatusCodes } from 'http-status-codes';
switch (res.status) {
  case StatusCodes.NOT_FOUND:
    break;
  case StatusCodes.INTERNAL_SERVER_ERROR:
    throw new Error();
}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 8,
            endLine: 3,
            endColumn: 11,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
          {
            messageId: 'magicStatus',
            line: 5,
            column: 8,
            endLine: 5,
            endColumn: 11,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: '[a, b].includes(res.status)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
if ([401, 403].includes(err.status)) logout();`,
        output: `import { StatusCodes } from 'http-status-codes';
if ([StatusCodes.UNAUTHORIZED, StatusCodes.FORBIDDEN].includes(err.status)) logout();`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 6,
            endLine: 2,
            endColumn: 9,
            data: { detail: '401 (Unauthorized): use StatusCodes.UNAUTHORIZED' },
          },
          {
            messageId: 'magicStatus',
            line: 2,
            column: 11,
            endLine: 2,
            endColumn: 14,
            data: { detail: '403 (Forbidden): use StatusCodes.FORBIDDEN' },
          },
        ],
      },
    ],
  });
});

describe("test assertions", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [
      { name: 't.same on something that is not a status', filename: HSC, code: `t.same(body.items.length, 200);` },
      {
        name: 'should.js on something that is not a status',
        filename: HSC,
        code: `timediff.should.be.within(200, 300);
body.length.should.equal(200);
should(items.length).be.exactly(404);
res.should.equal(404);`,
      },
    ],
    invalid: [
      {
        name: 'expect(res.status).toBe(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toBe(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toBe(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 25,
            endLine: 2,
            endColumn: 28,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'expect(res.statusCode).toEqual(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.statusCode).toEqual(200);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.statusCode).toEqual(StatusCodes.OK);`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 32, endLine: 2, endColumn: 35, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'expect(res.status).toStrictEqual(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toStrictEqual(201);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toStrictEqual(StatusCodes.CREATED);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 34,
            endLine: 2,
            endColumn: 37,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'expect(res.status).not.toBe(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).not.toBe(500);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).not.toBe(StatusCodes.INTERNAL_SERVER_ERROR);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 29,
            endLine: 2,
            endColumn: 32,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'expect.soft(res.status).toBe(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect.soft(res.status).toBe(204);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect.soft(res.status).toBe(StatusCodes.NO_CONTENT);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 30,
            endLine: 2,
            endColumn: 33,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
      {
        name: `expect(res).toHaveProperty('status', n)`,
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res).toHaveProperty('status', 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res).toHaveProperty('status', StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 38,
            endLine: 2,
            endColumn: 41,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'should.js res.statusCode.should.equal(n), .should.be.exactly(n), .should.eql(n), should(x).equal(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.statusCode.should.equal(200);
res.status.should.be.exactly(404);
resp.statusCode.should.eql(404);
should(res.status).equal(201);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.statusCode.should.equal(StatusCodes.OK);
res.status.should.be.exactly(StatusCodes.NOT_FOUND);
resp.statusCode.should.eql(StatusCodes.NOT_FOUND);
should(res.status).equal(StatusCodes.CREATED);`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 29, endLine: 2, endColumn: 32, data: { detail: '200 (OK): use StatusCodes.OK' } },
          {
            messageId: 'magicStatus',
            line: 3,
            column: 30,
            endLine: 3,
            endColumn: 33,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
          {
            messageId: 'magicStatus',
            line: 4,
            column: 28,
            endLine: 4,
            endColumn: 31,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
          {
            messageId: 'magicStatus',
            line: 5,
            column: 26,
            endLine: 5,
            endColumn: 29,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'chai expect(res.status).to.equal(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).to.equal(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).to.equal(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 29,
            endLine: 2,
            endColumn: 32,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'chai expect(res).to.have.status(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res).to.have.status(200);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res).to.have.status(StatusCodes.OK);`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 28, endLine: 2, endColumn: 31, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'assert.strictEqual(res.statusCode, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
assert.strictEqual(res.statusCode, 201);`,
        output: `import { StatusCodes } from 'http-status-codes';
assert.strictEqual(res.statusCode, StatusCodes.CREATED);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 36,
            endLine: 2,
            endColumn: 39,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'assert.strictEqual(n, res.statusCode)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
assert.strictEqual(201, res.statusCode);`,
        output: `import { StatusCodes } from 'http-status-codes';
assert.strictEqual(StatusCodes.CREATED, res.statusCode);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 20,
            endLine: 2,
            endColumn: 23,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'assert.equal(res.status, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
assert.equal(res.status, 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
assert.equal(res.status, StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 26,
            endLine: 2,
            endColumn: 29,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'strictEqual(res.status, n) imported from node:assert',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
strictEqual(res.status, 204);`,
        output: `import { StatusCodes } from 'http-status-codes';
strictEqual(res.status, StatusCodes.NO_CONTENT);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 25,
            endLine: 2,
            endColumn: 28,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
      {
        name: 'ava t.is(res.status, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
t.is(res.status, 200);`,
        output: `import { StatusCodes } from 'http-status-codes';
t.is(res.status, StatusCodes.OK);`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 18, endLine: 2, endColumn: 21, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'tap t.same(res.statusCode, n), t.strictSame and t.notSame',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
t.same(response.statusCode, 415);
t.strictSame(res.status, 200);
t.notSame(res.statusCode, 500);`,
        output: `import { StatusCodes } from 'http-status-codes';
t.same(response.statusCode, StatusCodes.UNSUPPORTED_MEDIA_TYPE);
t.strictSame(res.status, StatusCodes.OK);
t.notSame(res.statusCode, StatusCodes.INTERNAL_SERVER_ERROR);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 29,
            endLine: 2,
            endColumn: 32,
            data: { detail: '415 (Unsupported Media Type): use StatusCodes.UNSUPPORTED_MEDIA_TYPE' },
          },
          { messageId: 'magicStatus', line: 3, column: 26, endLine: 3, endColumn: 29, data: { detail: '200 (OK): use StatusCodes.OK' } },
          {
            messageId: 'magicStatus',
            line: 4,
            column: 27,
            endLine: 4,
            endColumn: 30,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'supertest .expect(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
await request(app).get('/users').expect(200);`,
        output: `import { StatusCodes } from 'http-status-codes';
await request(app).get('/users').expect(StatusCodes.OK);`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 41, endLine: 2, endColumn: 44, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'supertest .expect(n, body)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
await request(app).get('/missing').expect(404, { error: 'missing' });`,
        output: `import { StatusCodes } from 'http-status-codes';
await request(app).get('/missing').expect(StatusCodes.NOT_FOUND, { error: 'missing' });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 43,
            endLine: 2,
            endColumn: 46,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'mock assertion expect(res.status).toHaveBeenCalledWith(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toHaveBeenCalledWith(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toHaveBeenCalledWith(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 41,
            endLine: 2,
            endColumn: 44,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'mock assertion expect(res.status).toBeCalledWith(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toBeCalledWith(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toBeCalledWith(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 35,
            endLine: 2,
            endColumn: 38,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'mock assertion expect(res.status).toHaveBeenLastCalledWith(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toHaveBeenLastCalledWith(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toHaveBeenLastCalledWith(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 45,
            endLine: 2,
            endColumn: 48,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'mock assertion expect(res.status).not.toHaveBeenCalledWith(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).not.toHaveBeenCalledWith(500);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).not.toHaveBeenCalledWith(StatusCodes.INTERNAL_SERVER_ERROR);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 45,
            endLine: 2,
            endColumn: 48,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'mock assertion expect(res.status).toHaveBeenNthCalledWith(i, n): the status follows the index',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toHaveBeenNthCalledWith(2, 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toHaveBeenNthCalledWith(2, StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 47,
            endLine: 2,
            endColumn: 50,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'mock assertion expect(res.sendStatus).toHaveBeenCalledWith(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.sendStatus).toHaveBeenCalledWith(500);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.sendStatus).toHaveBeenCalledWith(StatusCodes.INTERNAL_SERVER_ERROR);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 45,
            endLine: 2,
            endColumn: 48,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'mock assertion expect(reply.code).toHaveBeenCalledWith(n) (Fastify)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(reply.code).toHaveBeenCalledWith(201);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(reply.code).toHaveBeenCalledWith(StatusCodes.CREATED);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 41,
            endLine: 2,
            endColumn: 44,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'mock assertion expect(res.writeHead).toHaveBeenCalledWith(n, headers)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.writeHead).toHaveBeenCalledWith(404, { 'content-type': 'text/plain' });`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.writeHead).toHaveBeenCalledWith(StatusCodes.NOT_FOUND, { 'content-type': 'text/plain' });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 44,
            endLine: 2,
            endColumn: 47,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'mock assertion on a Hono context: expect(c.json).toHaveBeenCalledWith(body, n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(c.json).toHaveBeenCalledWith({ error: "missing" }, 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(c.json).toHaveBeenCalledWith({ error: "missing" }, StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 59,
            endLine: 2,
            endColumn: 62,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'sinon-chai expect(res.status).to.have.been.calledWith(n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).to.have.been.calledWith(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).to.have.been.calledWith(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 44,
            endLine: 2,
            endColumn: 47,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
    ],
  });
});

describe("through ?:, ||, ??, as and parentheses", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [
      {
        name: 'the alternative of something that is not a status',
        code: `const limit = options.max || 200;
const delay = ok ? timeout : 500;
const n = res.status && 200;
const m = status ? 200 : 500;`,
      },
    ],
    invalid: [
      {
        name: 'the fallback of a status outside a status position: x.status || n, x.statusCode ?? n, a.status ?? b.status ?? n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const responseStatus = responseClone.status || 200;
code = body.statusCode ?? 500;
return this.newResponse(null, status ?? 302);
throw new HttpError(result.status ?? response.status ?? 500, result.error);`,
        output: `import { StatusCodes } from 'http-status-codes';
const responseStatus = responseClone.status || StatusCodes.OK;
code = body.statusCode ?? StatusCodes.INTERNAL_SERVER_ERROR;
return this.newResponse(null, status ?? StatusCodes.MOVED_TEMPORARILY);
throw new HttpError(result.status ?? response.status ?? StatusCodes.INTERNAL_SERVER_ERROR, result.error);`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 48, endLine: 2, endColumn: 51, data: { detail: '200 (OK): use StatusCodes.OK' } },
          {
            messageId: 'magicStatus',
            line: 3,
            column: 27,
            endLine: 3,
            endColumn: 30,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
          {
            messageId: 'magicStatus',
            line: 4,
            column: 41,
            endLine: 4,
            endColumn: 44,
            data: { detail: '302 (Found): use StatusCodes.MOVED_TEMPORARILY' },
          },
          {
            messageId: 'magicStatus',
            line: 5,
            column: 57,
            endLine: 5,
            endColumn: 60,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'the other branch of a status: cond ? x.statusCode : n',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
code = this[kReplyHasStatusCode] ? this.raw.statusCode : 302;`,
        output: `import { StatusCodes } from 'http-status-codes';
code = this[kReplyHasStatusCode] ? this.raw.statusCode : StatusCodes.MOVED_TEMPORARILY;`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 58,
            endLine: 2,
            endColumn: 61,
            data: { detail: '302 (Found): use StatusCodes.MOVED_TEMPORARILY' },
          },
        ],
      },
      {
        name: 'the fallback of a status with node:http2 constants is a suggestion (a literal type may be expected)',
        filename: HSC,
        code: `import { constants } from 'node:http2';
const code = res.statusCode || 200;`,
        output: null,
        options: [{ provider: 'node:http2' }],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 32,
            endLine: 2,
            endColumn: 35,
            data: { detail: '200 (OK): use constants.HTTP_STATUS_OK' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 200, constant: 'constants.HTTP_STATUS_OK' },
                output: `import { constants } from 'node:http2';
const code = res.statusCode || constants.HTTP_STATUS_OK;`,
              },
            ],
          },
        ],
      },
      {
        name: 'res.status(err.status || n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(err.status || 500);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(err.status || StatusCodes.INTERNAL_SERVER_ERROR);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 26,
            endLine: 2,
            endColumn: 29,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'res.status(err.statusCode ?? n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(err.statusCode ?? 500);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(err.statusCode ?? StatusCodes.INTERNAL_SERVER_ERROR);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 30,
            endLine: 2,
            endColumn: 33,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'res.status(ok ? n : m)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(found ? 200 : 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(found ? StatusCodes.OK : StatusCodes.NOT_FOUND);`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 20, endLine: 2, endColumn: 23, data: { detail: '200 (OK): use StatusCodes.OK' } },
          {
            messageId: 'magicStatus',
            line: 2,
            column: 26,
            endLine: 2,
            endColumn: 29,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'res.status((n))',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status((404));`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status((StatusCodes.NOT_FOUND));`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 13,
            endLine: 2,
            endColumn: 16,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'res.status(n as const)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(404 as const);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND as const);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'res.status(<number>n)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(<number>404);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(<number>StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 20,
            endLine: 2,
            endColumn: 23,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'res.status(n satisfies number)',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(404 satisfies number);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND satisfies number);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: '{ status: cond ? n : m } nested',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const result = { status: created ? 201 : (200 as number) };`,
        output: `import { StatusCodes } from 'http-status-codes';
const result = { status: created ? StatusCodes.CREATED : (StatusCodes.OK as number) };`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 36,
            endLine: 2,
            endColumn: 39,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
          { messageId: 'magicStatus', line: 2, column: 43, endLine: 2, endColumn: 46, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
    ],
  });
});

describe("HTTP/2 ':status' pseudo-header", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [
      { name: "another pseudo-header's value", filename: HSC, code: `stream.respond({ ':path': 404 });` },
      { name: "a ':status' key", filename: HSC, code: `const colors = { ':status': 'green', 404: 'red' };` },
    ],
    invalid: [
      {
        name: "stream.respond({ ':status': n })",
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
stream.respond({ ':status': 404, 'content-type': 'text/plain' });`,
        output: `import { StatusCodes } from 'http-status-codes';
stream.respond({ ':status': StatusCodes.NOT_FOUND, 'content-type': 'text/plain' });`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 29,
            endLine: 2,
            endColumn: 32,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: "t.equal(headers[':status'], n) and headers[':status'] === n",
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
t.equal(headers[':status'], 200);
if (headers[':status'] === 503) retry();`,
        output: `import { StatusCodes } from 'http-status-codes';
t.equal(headers[':status'], StatusCodes.OK);
if (headers[':status'] === StatusCodes.SERVICE_UNAVAILABLE) retry();`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 29, endLine: 2, endColumn: 32, data: { detail: '200 (OK): use StatusCodes.OK' } },
          {
            messageId: 'magicStatus',
            line: 3,
            column: 28,
            endLine: 3,
            endColumn: 31,
            data: { detail: '503 (Service Unavailable): use StatusCodes.SERVICE_UNAVAILABLE' },
          },
        ],
      },
    ],
  });
});

describe("numbers that merely equal a status code", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [
      { name: 'timeout', code: 'setTimeout(flush, 500);' },
      { name: 'delay || n passed to debounce', code: 'const save = debounce(persist, delay || 500);' },
      { name: 'array size', code: 'const buffer = new Array(200);' },
      { name: 'max(n)', code: 'const limit = max(500);' },
      { name: 'Math.min', code: 'const pageSize = Math.min(requested, 200);' },
      { name: 'a limit property', code: 'const router = createRouter({ maxParamLength: 200 });' },
      { name: 'presentation values', code: 'const style = { width: 400, height: 300, fontWeight: 400, weight: 400 };' },
      {
        name: 'ports',
        code: `app.listen(3000);
const proxy = { port: 443, retries: 404 };`,
      },
      {
        name: 'case n under a switch on something else',
        code: `switch (shape.kind) {
  case 200:
  case 180:
    break;
}`,
      },
      {
        name: 'case 180 under a status switch (unregistered)',
        code: `switch (res.status) {
  case 180:
    break;
}`,
      },
      {
        name: 'unregistered codes 180, 299, 999',
        code: `res.status(180);
res.status(299);
res.status(999);`,
      },
      { name: 'range check status >= 500 (checkRanges off)', code: 'if (status >= 500) alert();' },
      { name: 'range check code < 200 || code > 299 (checkRanges off)', code: 'if (code < 200 || code > 299) throw new Error();' },
      { name: 'a comparison with something that is not a status', code: 'if (count === 404) celebrate();' },
      {
        name: 'an assertion on something that is not a status',
        code: `expect(users.length).toBe(200);
assert.equal(items.length, 200);`,
      },
      { name: 'PDFKit doc.text(x, 200, 300)', code: `doc.text('Invoice', 200, 300);` },
      { name: 'canvas ctx.fillText', code: `ctx.fillText('Total', 200, 300);` },
      { name: '.code(n) on something that is not a reply', code: 'editor.code(404);' },
      {
        name: "error(n) and fail(n) not imported from '@sveltejs/kit'",
        code: `import { error } from './log';
error(500, 'disk full');
fail(400);
log.error(404);
import('@sveltejs/kit').then(({ fail }) => fail(401));`,
      },
      {
        name: "send(x, n) not imported from 'micro', and micro's send under another name",
        code: `import send from 'send';
send(req, 404);
const { send: reply } = require('micro');
sendMail(user, 404);
import { send as microSend } from 'micro';
microSend(res, 404);`,
      },
      {
        name: "a second argument of SvelteKit's error()",
        code: `import { error } from '@sveltejs/kit';
error(status, 404);`,
      },
      {
        name: '.code(n) on other receivers (an editor, an error, x) and String.fromCharCode',
        code: `editor.code(200);
err.code(500);
x.code(404);
String.fromCharCode(200);`,
      },
      {
        name: '.code(n) on a call of something other than a response or redirect method',
        code: `getResponse().code(404);
response(payload).code(201);
api.responses().code(404);
h.response(payload).code;`,
      },
      {
        name: '.code(n) after .header()/.type() on something that is not a reply',
        code: `editor.type('js').code(200);
builder.header('x', 'y').code(404);
reply.send(x).code(404);`,
      },
      { name: 'the number inside h.response(n)', code: `h.response(404).message('a');` },
      {
        name: 'a third argument of .redirect on a receiver not named like a router',
        code: `res.redirect(a, b, 500);
reply.redirect(url, code, 404);
routerConfig.redirect('/a', '/b', 301);
redirect('/a', '/b', 301);`,
      },
      { name: 'a fourth argument of router.redirect', code: `router.redirect('/a', '/b', code, 301);` },
      { name: 'a mock assertion on a function that is not status-setting', code: 'expect(setTimeout).toHaveBeenCalledWith(fn, 500);' },
      { name: 'a mock assertion on a plain function', code: 'expect(resize).toHaveBeenCalledWith(400);' },
      { name: 'a mock assertion on .code of something that is not a reply', code: 'expect(editor.code).toHaveBeenCalledWith(404);' },
      { name: 'a mock assertion on another method of res', code: 'expect(res.setTimeout).toHaveBeenCalledWith(500);' },
      { name: 'the call index of toHaveBeenNthCalledWith', code: 'expect(res.status).toHaveBeenNthCalledWith(200, value);' },
      { name: 'a mock matcher outside an expect chain', code: 'spy.toHaveBeenCalledWith(404);' },
      { name: 'a mock count on a status method', code: 'expect(res.status).toHaveBeenCalledTimes(200);' },
      { name: 'ctx.assert with the number elsewhere', code: `ctx.assert(404, 'value');` },
      { name: "a generator's gen.throw(n)", code: 'gen.throw(500);' },
      { name: "an iterator's iterator.throw(n)", code: 'iterator.throw(404);' },
      { name: 'this.throw(n) (Koa 1 generator middleware is not recognised)', code: 'this.throw(404);' },
      { name: 'a mock assertion on a throw method that is not a Koa context', code: 'expect(gen.throw).toHaveBeenCalledWith(500);' },
      { name: 'the number as a test of ?:', code: 'res.status(500 ? a : b);' },
      {
        name: 'a constant already',
        code: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND);`,
      },
      { name: 'a string', code: `res.status('404');` },
      { name: 'a bigint', code: 'res.status(404n);' },
      { name: 'a negative number', code: 'res.status(-404);' },
      { name: 'a fraction', code: 'res.status(404.5);' },
      { name: 'object keys (ts-rest responses)', code: 'const contract = { responses: { 200: User, 404: NotFound } };' },
      { name: 'type positions', code: 'type Result = { status: 200; body: User } | { status: 404; body: null };' },
      { name: 'arithmetic', code: 'const klass = Math.floor(status / 100) * 100 + 404;' },
      {
        name: 'a parameter not named like a status',
        code: `function wait(ms) {}
wait(500);`,
      },
      {
        name: 'a member callee of a same-file class is not resolved',
        code: `class A { send(status) {} }
new A().send(404);`,
      },
      { name: 'computed member with a non-status name', code: `res['timeout'] = 500;` },
      { name: 'status in a nested unrelated object', code: 'const config = { retry: { status: { delay: 500 } } };' },
    ],
    invalid: [],
  });
});

describe("options", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [
      {
        name: 'allow',
        code: `res.status(200);
res.status(201);`,
        options: [
          { allow: [200, 201] },
        ],
      },
      {
        name: 'ignoreTests skips *.test.* files',
        filename: HSC_TEST,
        code: 'expect(res.status).toBe(404);',
        options: [
          { ignoreTests: true },
        ],
      },
      {
        name: 'ignoreTests skips __tests__/',
        filename: HSC_TESTS_DIR,
        code: 'expect(res.status).toBe(404);',
        options: [
          { ignoreTests: true },
        ],
      },
      {
        name: 'checkRanges: bounds that do not delimit a status class',
        code: 'if (width > 150 && width < 170) shrink();',
        options: [
          { checkRanges: true },
        ],
      },
      {
        name: 'reportUnregistered: numbers outside 100-599',
        code: 'res.status(999);',
        options: [
          { reportUnregistered: true },
        ],
      },
    ],
    invalid: [
      {
        name: 'allow leaves other codes reported',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(200);
res.status(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(200);
res.status(StatusCodes.NOT_FOUND);`,
        options: [
          { allow: [200] },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'ignoreTests: false reports test files',
        filename: HSC_TEST,
        code: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toBe(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
expect(res.status).toBe(StatusCodes.NOT_FOUND);`,
        options: [
          { ignoreTests: false },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 25,
            endLine: 2,
            endColumn: 28,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'ignoreTests keeps reporting source files',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND);`,
        options: [
          { ignoreTests: true },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'checkRanges: status >= n',
        code: 'if (res.status >= 500) alert();',
        output: null,
        options: [
          { checkRanges: true },
        ],
        errors: [
          { messageId: 'statusRange', line: 1, column: 19, endLine: 1, endColumn: 22, data: { code: 500 } },
        ],
      },
      {
        name: 'checkRanges: code < 200 || code > 299',
        code: 'if (code < 200 || code > 299) throw new Error();',
        output: null,
        options: [
          { checkRanges: true },
        ],
        errors: [
          { messageId: 'statusRange', line: 1, column: 12, endLine: 1, endColumn: 15, data: { code: 200 } },
          { messageId: 'statusRange', line: 1, column: 26, endLine: 1, endColumn: 29, data: { code: 299 } },
        ],
      },
      {
        name: 'checkRanges: x >= 400 && x < 500',
        code: 'const clientError = x >= 400 && x < 500;',
        output: null,
        options: [
          { checkRanges: true },
        ],
        errors: [
          { messageId: 'statusRange', line: 1, column: 26, endLine: 1, endColumn: 29, data: { code: 400 } },
          { messageId: 'statusRange', line: 1, column: 37, endLine: 1, endColumn: 40, data: { code: 500 } },
        ],
      },
      {
        name: 'checkRanges: status < 600',
        code: 'const valid = statusCode < 600;',
        output: null,
        options: [
          { checkRanges: true },
        ],
        errors: [
          { messageId: 'statusRange', line: 1, column: 28, endLine: 1, endColumn: 31, data: { code: 600 } },
        ],
      },
      {
        name: 'reportUnregistered: res.status(299)',
        code: `res.status(299);
res.status(180);`,
        output: null,
        options: [
          { reportUnregistered: true },
        ],
        errors: [
          { messageId: 'unregisteredStatus', line: 1, column: 12, endLine: 1, endColumn: 15, data: { code: 299 } },
          { messageId: 'unregisteredStatus', line: 2, column: 12, endLine: 2, endColumn: 15, data: { code: 180 } },
        ],
      },
    ],
  });
});

describe("imports: ESM, TypeScript and merging", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'adds the import at the top when the file has none',
        filename: HSC,
        code: `export function notFound(res) {
  res.status(404).end();
}`,
        output: `import { StatusCodes } from 'http-status-codes';

export function notFound(res) {
  res.status(StatusCodes.NOT_FOUND).end();
}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 17,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'adds the import after the last import',
        filename: HSC,
        code: `import express from 'express';
import { db } from './db.js';

export const app = express();
app.use((req, res) => res.sendStatus(404));`,
        output: `import express from 'express';
import { db } from './db.js';
import { StatusCodes } from 'http-status-codes';

export const app = express();
app.use((req, res) => res.sendStatus(StatusCodes.NOT_FOUND));`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 5,
            column: 38,
            endLine: 5,
            endColumn: 41,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'merges into an existing import from the module',
        filename: HSC,
        code: `import { getReasonPhrase } from 'http-status-codes';
res.status(404).send(getReasonPhrase(404));`,
        output: `import { getReasonPhrase, StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND).send(getReasonPhrase(404));`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        // http-status-codes' default export is its v1 constants object, without StatusCodes.
        name: 'merges into a default import, which holds no StatusCodes',
        filename: HSC_JS,
        code: `import codes from 'http-status-codes';
res.status(codes.NOT_FOUND);
res.status(404);`,
        output: `import codes, { StatusCodes } from 'http-status-codes';
res.status(codes.NOT_FOUND);
res.status(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'does not merge into a type-only import',
        filename: HSC,
        code: `import type { ReasonPhrases } from 'http-status-codes';
res.status(404);`,
        output: `import type { ReasonPhrases } from 'http-status-codes';
import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'uses an aliased import',
        filename: HSC,
        code: `import { StatusCodes as Http } from 'http-status-codes';
res.status(404);`,
        output: `import { StatusCodes as Http } from 'http-status-codes';
res.status(Http.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use Http.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'uses a namespace import',
        filename: HSC,
        code: `import * as codes from 'http-status-codes';
res.status(404);`,
        output: `import * as codes from 'http-status-codes';
res.status(codes.StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use codes.StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'uses TypeScript import = require()',
        filename: HSC,
        code: `import codes = require('http-status-codes');
res.status(404);`,
        output: `import codes = require('http-status-codes');
res.status(codes.StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use codes.StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'no fix when the constant is shadowed and its name is taken',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
function handle(StatusCodes) {
  res.status(404);
}`,
        output: null,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 14,
            endLine: 3,
            endColumn: 17,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'no fix when a local declaration already uses the name',
        filename: HSC,
        code: `const StatusCodes = { gone: 410 };
res.status(404);`,
        output: null,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'follows double quotes and no semicolons',
        filename: HSC,
        code: `import express from "express"
const app = express()
app.use((req, res) => res.sendStatus(404))`,
        output: `import express from "express"
import { StatusCodes } from "http-status-codes"
const app = express()
app.use((req, res) => res.sendStatus(StatusCodes.NOT_FOUND))`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 38,
            endLine: 3,
            endColumn: 41,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'keeps a header comment above and a doc comment attached',
        filename: HSC,
        code: `// Copyright ACME

/** Answers 404. */
export const notFound = (res) => res.sendStatus(404);`,
        output: `// Copyright ACME

import { StatusCodes } from 'http-status-codes';

/** Answers 404. */
export const notFound = (res) => res.sendStatus(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 4,
            column: 49,
            endLine: 4,
            endColumn: 52,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'keeps a // @ts-nocheck pragma first (TypeScript reads it only above the first statement)',
        filename: HSC,
        code: `// @ts-nocheck
res.status(404);`,
        output: `// @ts-nocheck
import { StatusCodes } from 'http-status-codes';

res.status(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'keeps a JSX pragma and a licence banner first, a doc comment attached',
        filename: HSC,
        code: `/*! (c) ACME, MIT licence */
/**
 * @jsxImportSource preact
 */
/** Answers 404. */
export const notFound = (res) => res.sendStatus(404);`,
        output: `/*! (c) ACME, MIT licence */
/**
 * @jsxImportSource preact
 */
import { StatusCodes } from 'http-status-codes';

/** Answers 404. */
export const notFound = (res) => res.sendStatus(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 6,
            column: 49,
            endLine: 6,
            endColumn: 52,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'keeps a shebang first',
        filename: HSC,
        code: `#!/usr/bin/env node
process.exitCode = res.status === 200 ? 0 : 1;`,
        output: `#!/usr/bin/env node
import { StatusCodes } from 'http-status-codes';

process.exitCode = res.status === StatusCodes.OK ? 0 : 1;`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 35, endLine: 2, endColumn: 38, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'goes after the comments on the last import\'s line, which stay with it',
        filename: HSC,
        code: `import legacy from './legacy'; // kept for v1 clients
res.status(404);`,
        output: `import legacy from './legacy'; // kept for v1 clients
import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: `goes after a 'use client' directive`,
        filename: HSC,
        code: `'use client';
export const ok = (r: Response) => r.status === 200;`,
        output: `'use client';
import { StatusCodes } from 'http-status-codes';
export const ok = (r: Response) => r.status === StatusCodes.OK;`,
        errors: [
          { messageId: 'magicStatus', line: 2, column: 49, endLine: 2, endColumn: 52, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
      {
        name: 'several literals: the import comes with the first fix, the rest follow in a second pass, then nothing changes',
        filename: HSC,
        code: `import express from 'express';
const app = express();
app.get('/a', (req, res) => res.sendStatus(204));
app.get('/b', (req, res) => res.sendStatus(404));`,
        output: [
          `import express from 'express';
import { StatusCodes } from 'http-status-codes';
const app = express();
app.get('/a', (req, res) => res.sendStatus(StatusCodes.NO_CONTENT));
app.get('/b', (req, res) => res.sendStatus(404));`,
          `import express from 'express';
import { StatusCodes } from 'http-status-codes';
const app = express();
app.get('/a', (req, res) => res.sendStatus(StatusCodes.NO_CONTENT));
app.get('/b', (req, res) => res.sendStatus(StatusCodes.NOT_FOUND));`,
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 44,
            endLine: 3,
            endColumn: 47,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
          {
            messageId: 'magicStatus',
            line: 4,
            column: 44,
            endLine: 4,
            endColumn: 47,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'ESM JavaScript (.mjs)',
        filename: HSC_MJS,
        code: `import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200);
  res.end();
});`,
        output: `import http from 'node:http';
import { StatusCodes } from 'http-status-codes';
http.createServer((req, res) => {
  res.writeHead(StatusCodes.OK);
  res.end();
});`,
        errors: [
          { messageId: 'magicStatus', line: 3, column: 17, endLine: 3, endColumn: 20, data: { detail: '200 (OK): use StatusCodes.OK' } },
        ],
      },
    ],
  });
});

describe("imports: the file's line endings", () => {
  /** A file's lines joined with CRLF. */
  const crlf = (...lines: string[]): string => lines.join('\r\n');

  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'CRLF: adds the import at the top with CRLF line breaks',
        filename: HSC,
        code: crlf('export function notFound(res) {', '  res.status(404).end();', '}', ''),
        output: crlf(
          "import { StatusCodes } from 'http-status-codes';",
          '',
          'export function notFound(res) {',
          '  res.status(StatusCodes.NOT_FOUND).end();',
          '}',
          '',
        ),
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 17,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'CRLF: adds the import after the last import with a CRLF line break',
        filename: HSC,
        code: crlf(
          "import express from 'express';",
          "import { db } from './db.js';",
          '',
          'export const app = express();',
          'app.use((req, res) => res.sendStatus(404));',
          '',
        ),
        output: crlf(
          "import express from 'express';",
          "import { db } from './db.js';",
          "import { StatusCodes } from 'http-status-codes';",
          '',
          'export const app = express();',
          'app.use((req, res) => res.sendStatus(StatusCodes.NOT_FOUND));',
          '',
        ),
        errors: [
          {
            messageId: 'magicStatus',
            line: 5,
            column: 38,
            endLine: 5,
            endColumn: 41,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'CRLF: adds the require after the last require with a CRLF line break',
        filename: HSC_CJS,
        code: crlf(
          "'use strict';",
          "const express = require('express');",
          '',
          'module.exports = (req, res) => {',
          '  res.statusCode = 500;',
          '};',
          '',
        ),
        output: crlf(
          "'use strict';",
          "const express = require('express');",
          "const { StatusCodes } = require('http-status-codes');",
          '',
          'module.exports = (req, res) => {',
          '  res.statusCode = StatusCodes.INTERNAL_SERVER_ERROR;',
          '};',
          '',
        ),
        errors: [
          {
            messageId: 'magicStatus',
            line: 5,
            column: 20,
            endLine: 5,
            endColumn: 23,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'CRLF: adds the require after the directive with a CRLF line break',
        filename: HSC_CJS,
        code: crlf("'use strict';", '', 'module.exports = (req, res) => res.sendStatus(204);', ''),
        output: crlf(
          "'use strict';",
          "const { StatusCodes } = require('http-status-codes');",
          '',
          'module.exports = (req, res) => res.sendStatus(StatusCodes.NO_CONTENT);',
          '',
        ),
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 47,
            endLine: 3,
            endColumn: 50,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
      {
        name: 'CRLF: a statement on the line of the last import gets a CRLF line break',
        filename: HSC,
        code: crlf("import express from 'express'; express().use((req, res) => res.sendStatus(404));", ''),
        output: crlf(
          "import express from 'express';",
          "import { StatusCodes } from 'http-status-codes';",
          ' express().use((req, res) => res.sendStatus(StatusCodes.NOT_FOUND));',
          '',
        ),
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 75,
            endLine: 1,
            endColumn: 78,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
    ],
  });
});

describe("imports: CommonJS", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'adds a require after the last require',
        filename: HSC_CJS,
        code: `const express = require('express');
const app = express();
app.use((req, res) => res.sendStatus(404));`,
        output: `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();
app.use((req, res) => res.sendStatus(StatusCodes.NOT_FOUND));`,
        languageOptions: { parserOptions: { sourceType: 'script' } },
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 38,
            endLine: 3,
            endColumn: 41,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'merges into a destructuring require of the module',
        filename: HSC_CJS,
        code: `const { getReasonPhrase } = require('http-status-codes');
res.status(500).send(getReasonPhrase(500));`,
        output: `const { getReasonPhrase, StatusCodes } = require('http-status-codes');
res.status(StatusCodes.INTERNAL_SERVER_ERROR).send(getReasonPhrase(500));`,
        languageOptions: { parserOptions: { sourceType: 'script' } },
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '500 (Internal Server Error): use StatusCodes.INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      {
        name: 'uses a required StatusCodes',
        filename: HSC_CJS,
        code: `const { StatusCodes } = require('http-status-codes');
res.status(201);`,
        output: `const { StatusCodes } = require('http-status-codes');
res.status(StatusCodes.CREATED);`,
        languageOptions: { parserOptions: { sourceType: 'script' } },
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '201 (Created): use StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: 'uses a required module object',
        filename: HSC_CJS,
        code: `const codes = require('http-status-codes');
res.status(201);`,
        output: `const codes = require('http-status-codes');
res.status(codes.StatusCodes.CREATED);`,
        languageOptions: { parserOptions: { sourceType: 'script' } },
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '201 (Created): use codes.StatusCodes.CREATED' },
          },
        ],
      },
      {
        name: `uses require('…').StatusCodes`,
        filename: HSC_CJS,
        code: `const Codes = require('http-status-codes').StatusCodes;
res.status(201);`,
        output: `const Codes = require('http-status-codes').StatusCodes;
res.status(Codes.CREATED);`,
        languageOptions: { parserOptions: { sourceType: 'script' } },
        errors: [
          { messageId: 'magicStatus', line: 2, column: 12, endLine: 2, endColumn: 15, data: { detail: '201 (Created): use Codes.CREATED' } },
        ],
      },
      {
        name: `require('…').default holds no StatusCodes: a require is added`,
        filename: HSC_CJS,
        code: `const codes = require('http-status-codes').default;
res.status(404);`,
        output: `const codes = require('http-status-codes').default;
const { StatusCodes } = require('http-status-codes');
res.status(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'no semicolons: a require above a first statement that opens with ( ends with one',
        filename: HSC_CJS,
        code: `(async () => {
  await main()
})()

function main() { res.sendStatus(404) }
module.exports = main`,
        output: `const { StatusCodes } = require('http-status-codes');

(async () => {
  await main()
})()

function main() { res.sendStatus(StatusCodes.NOT_FOUND) }
module.exports = main`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 5,
            column: 34,
            endLine: 5,
            endColumn: 37,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: `no semicolons: a require after 'use strict' followed by ;( on its line ends with one`,
        filename: HSC_CJS,
        code: `'use strict'
;(async () => {
  res.sendStatus(404)
})()`,
        output: `'use strict'
;
const { StatusCodes } = require('http-status-codes');
(async () => {
  res.sendStatus(StatusCodes.NOT_FOUND)
})()`,
        languageOptions: { parserOptions: { sourceType: 'script' } },
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 18,
            endLine: 3,
            endColumn: 21,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'no semicolons: a require after the last require followed by [ ends with one',
        filename: HSC_CJS,
        code: `const express = require('express')
;[404].forEach((code) => res.sendStatus(404))`,
        output: `const express = require('express')
;
const { StatusCodes } = require('http-status-codes');
[404].forEach((code) => res.sendStatus(StatusCodes.NOT_FOUND))`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 41,
            endLine: 2,
            endColumn: 44,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'a .js file parsed as a module whose requires are all called (Fastify\'s CommonJS start) gets a require, not an import',
        filename: HSC_JS,
        code: `'use strict'
const fastify = require('fastify')({ logger: true })
fastify.get('/', (request, reply) => reply.code(404).send())`,
        output: `'use strict'
const { StatusCodes } = require('http-status-codes')
const fastify = require('fastify')({ logger: true })
fastify.get('/', (request, reply) => reply.code(StatusCodes.NOT_FOUND).send())`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 49,
            endLine: 3,
            endColumn: 52,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: "require('dotenv').config() and require('express')() without declarators: a require",
        filename: HSC_JS,
        code: `require('dotenv').config();
const app = require('express')();
app.use((req, res) => res.sendStatus(404));`,
        output: `const { StatusCodes } = require('http-status-codes');

require('dotenv').config();
const app = require('express')();
app.use((req, res) => res.sendStatus(StatusCodes.NOT_FOUND));`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 38,
            endLine: 3,
            endColumn: 41,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'a module with an export keeps an import even where it calls require',
        filename: HSC_JS,
        code: `export const handler = (req, res) => res.sendStatus(404);
export const load = () => require('./data.json');`,
        output: `import { StatusCodes } from 'http-status-codes';

export const handler = (req, res) => res.sendStatus(StatusCodes.NOT_FOUND);
export const load = () => require('./data.json');`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 53,
            endLine: 1,
            endColumn: 56,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: `a module.exports file without requires gets a require after 'use strict'`,
        filename: HSC_JS,
        code: `'use strict';

module.exports = (req, res) => res.sendStatus(204);`,
        output: `'use strict';
const { StatusCodes } = require('http-status-codes');

module.exports = (req, res) => res.sendStatus(StatusCodes.NO_CONTENT);`,
        languageOptions: { parserOptions: { sourceType: 'script' } },
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 47,
            endLine: 3,
            endColumn: 50,
            data: { detail: '204 (No Content): use StatusCodes.NO_CONTENT' },
          },
        ],
      },
    ],
  });
});

describe("fix or suggestion: where the provider comes from", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'suggestion when the provider is not a dependency',
        filename: NONE,
        code: 'res.status(404);',
        output: null,
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstantAndImport',
                data: { code: 404, constant: 'StatusCodes.NOT_FOUND', binding: 'StatusCodes', module: 'http-status-codes' },
                output: `import { StatusCodes } from 'http-status-codes';

res.status(StatusCodes.NOT_FOUND);`,
              },
            ],
          },
        ],
      },
      {
        name: 'fix in a sub-folder whose package.json only sets the module type',
        filename: deps('hsc/src/esm/app.ts'),
        code: `res.status(404);`,
        output: `import { StatusCodes } from 'http-status-codes';

res.status(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'suggestion in a source file when the provider is only a devDependency',
        filename: DEV,
        code: 'res.status(404);',
        output: null,
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstantAndImport',
                data: { code: 404, constant: 'StatusCodes.NOT_FOUND', binding: 'StatusCodes', module: 'http-status-codes' },
                output: `import { StatusCodes } from 'http-status-codes';

res.status(StatusCodes.NOT_FOUND);`,
              },
            ],
          },
        ],
      },
      {
        name: 'fix in a test file when the provider is a devDependency',
        filename: DEV_TEST,
        code: 'expect(res.status).toBe(404);',
        output: `import { StatusCodes } from 'http-status-codes';

expect(res.status).toBe(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 25,
            endLine: 1,
            endColumn: 28,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'fix without a dependency when the constant is already imported',
        filename: NONE,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'uses another provider already in scope rather than adding a second library',
        filename: HSC,
        code: `import { Controller, HttpCode, HttpStatus } from '@nestjs/common';
class C {
  @HttpCode(204)
  remove() {}
}`,
        output: `import { Controller, HttpCode, HttpStatus } from '@nestjs/common';
class C {
  @HttpCode(HttpStatus.NO_CONTENT)
  remove() {}
}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 13,
            endLine: 3,
            endColumn: 16,
            data: { detail: '204 (No Content): use HttpStatus.NO_CONTENT' },
          },
        ],
      },
    ],
  });
});

describe("providers", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'http-status-codes has no constant for 208, 226, 425, 506, 508, 510',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(208);
res.status(226);
res.status(425);
res.status(506);
res.status(508);
res.status(510);`,
        output: null,
        errors: [
          {
            messageId: 'magicStatusNoConstant',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { code: 208, phrase: 'Already Reported', provider: 'http-status-codes' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 15,
            data: { code: 226, phrase: 'IM Used', provider: 'http-status-codes' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 4,
            column: 12,
            endLine: 4,
            endColumn: 15,
            data: { code: 425, phrase: 'Too Early', provider: 'http-status-codes' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 5,
            column: 12,
            endLine: 5,
            endColumn: 15,
            data: { code: 506, phrase: 'Variant Also Negotiates', provider: 'http-status-codes' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 6,
            column: 12,
            endLine: 6,
            endColumn: 15,
            data: { code: 508, phrase: 'Loop Detected', provider: 'http-status-codes' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 7,
            column: 12,
            endLine: 7,
            endColumn: 15,
            data: { code: 510, phrase: 'Not Extended', provider: 'http-status-codes' },
          },
        ],
      },
      {
        name: 'http-status-codes spells 413 REQUEST_TOO_LONG',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(413);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.REQUEST_TOO_LONG);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '413 (Content Too Large): use StatusCodes.REQUEST_TOO_LONG' },
          },
        ],
      },
      {
        name: '418 and its library name',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
res.status(418);`,
        output: `import { StatusCodes } from 'http-status-codes';
res.status(StatusCodes.IM_A_TEAPOT);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: "418 (I'm a Teapot): use StatusCodes.IM_A_TEAPOT" },
          },
        ],
      },
      {
        name: '@nestjs/common: HttpStatus, merged into the existing import, 413 PAYLOAD_TOO_LARGE',
        filename: NEST11,
        code: `import { Controller, HttpException } from '@nestjs/common';
throw new HttpException('Too large', 413);`,
        output: `import { Controller, HttpException, HttpStatus } from '@nestjs/common';
throw new HttpException('Too large', HttpStatus.PAYLOAD_TOO_LARGE);`,
        options: [
          { provider: '@nestjs/common' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 38,
            endLine: 2,
            endColumn: 41,
            data: { detail: '413 (Content Too Large): use HttpStatus.PAYLOAD_TOO_LARGE' },
          },
        ],
      },
      {
        name: '@nestjs/common 11 has 207, 208, 423, 507, 508',
        filename: NEST11,
        code: `import { HttpStatus } from '@nestjs/common';
res.status(507);`,
        output: `import { HttpStatus } from '@nestjs/common';
res.status(HttpStatus.INSUFFICIENT_STORAGE);`,
        options: [
          { provider: '@nestjs/common' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '507 (Insufficient Storage): use HttpStatus.INSUFFICIENT_STORAGE' },
          },
        ],
      },
      {
        name: '@nestjs/common 10 lacks 207, 208, 423, 507, 508: report only',
        filename: NEST10,
        code: `import { HttpStatus } from '@nestjs/common';
res.status(207);
res.status(208);
res.status(423);
res.status(507);
res.status(508);
res.status(404);`,
        output: `import { HttpStatus } from '@nestjs/common';
res.status(207);
res.status(208);
res.status(423);
res.status(507);
res.status(508);
res.status(HttpStatus.NOT_FOUND);`,
        options: [
          { provider: '@nestjs/common' },
        ],
        errors: [
          {
            messageId: 'magicStatusNoConstant',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { code: 207, phrase: 'Multi-Status', provider: '@nestjs/common 10' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 15,
            data: { code: 208, phrase: 'Already Reported', provider: '@nestjs/common 10' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 4,
            column: 12,
            endLine: 4,
            endColumn: 15,
            data: { code: 423, phrase: 'Locked', provider: '@nestjs/common 10' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 5,
            column: 12,
            endLine: 5,
            endColumn: 15,
            data: { code: 507, phrase: 'Insufficient Storage', provider: '@nestjs/common 10' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 6,
            column: 12,
            endLine: 6,
            endColumn: 15,
            data: { code: 508, phrase: 'Loop Detected', provider: '@nestjs/common 10' },
          },
          {
            messageId: 'magicStatus',
            line: 7,
            column: 12,
            endLine: 7,
            endColumn: 15,
            data: { detail: '404 (Not Found): use HttpStatus.NOT_FOUND' },
          },
        ],
      },
      {
        name: '@nestjs/common has no constant for 426, 431, 451, 511 in any version',
        filename: NEST11,
        code: 'res.status(451);',
        output: null,
        options: [
          { provider: '@nestjs/common' },
        ],
        errors: [
          {
            messageId: 'magicStatusNoConstant',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 15,
            data: { code: 451, phrase: 'Unavailable For Legal Reasons', provider: '@nestjs/common' },
          },
        ],
      },
      {
        name: 'http-status: status.X, 413 REQUEST_ENTITY_TOO_LARGE',
        filename: HTTP_STATUS,
        code: 'res.status(413);',
        output: `import { status } from 'http-status';

res.status(status.REQUEST_ENTITY_TOO_LARGE);`,
        options: [
          { provider: 'http-status' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 15,
            data: { detail: '413 (Content Too Large): use status.REQUEST_ENTITY_TOO_LARGE' },
          },
        ],
      },
      {
        name: 'http-status: default import in scope',
        filename: HTTP_STATUS,
        code: `import httpStatus from 'http-status';
if (res.status === 404) {}`,
        output: `import httpStatus from 'http-status';
if (res.status === httpStatus.NOT_FOUND) {}`,
        options: [
          { provider: 'http-status' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 20,
            endLine: 2,
            endColumn: 23,
            data: { detail: '404 (Not Found): use httpStatus.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'http-status: no fix under as const',
        filename: HTTP_STATUS,
        code: `import { status } from 'http-status';
const r = { status: 404 as const };`,
        output: null,
        options: [
          { provider: 'http-status' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 21,
            endLine: 2,
            endColumn: 24,
            data: { detail: '404 (Not Found): use status.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'node:http2: constants.HTTP_STATUS_X, a built-in so always importable; 413 HTTP_STATUS_PAYLOAD_TOO_LARGE',
        filename: NONE,
        code: 'res.status(413);',
        output: `import { constants } from 'node:http2';

res.status(constants.HTTP_STATUS_PAYLOAD_TOO_LARGE);`,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 15,
            data: { detail: '413 (Content Too Large): use constants.HTTP_STATUS_PAYLOAD_TOO_LARGE' },
          },
        ],
      },
      {
        name: 'node:http2: merges into an import from http2',
        filename: NONE,
        code: `import { createServer } from 'http2';
res.writeHead(200);`,
        output: `import { createServer, constants } from 'http2';
res.writeHead(constants.HTTP_STATUS_OK);`,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 15,
            endLine: 2,
            endColumn: 18,
            data: { detail: '200 (OK): use constants.HTTP_STATUS_OK' },
          },
        ],
      },
      {
        name: 'node:http2: default import in scope',
        filename: NONE,
        code: `import http2 from 'node:http2';
res.writeHead(208);`,
        output: `import http2 from 'node:http2';
res.writeHead(http2.constants.HTTP_STATUS_ALREADY_REPORTED);`,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 15,
            endLine: 2,
            endColumn: 18,
            data: { detail: '208 (Already Reported): use http2.constants.HTTP_STATUS_ALREADY_REPORTED' },
          },
        ],
      },
      {
        name: 'node:http2: number-typed constants are suggestions where a literal type may be expected',
        filename: NONE,
        code: `import { constants } from 'node:http2';
app.get('/', (c) => c.json(body, 404));
const r = { status: 404, body };
if (r.status === 200) r.body.id;
switch (r.status) {
  case 201:
}`,
        output: null,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 34,
            endLine: 2,
            endColumn: 37,
            data: { detail: '404 (Not Found): use constants.HTTP_STATUS_NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 404, constant: 'constants.HTTP_STATUS_NOT_FOUND' },
                output: `import { constants } from 'node:http2';
app.get('/', (c) => c.json(body, constants.HTTP_STATUS_NOT_FOUND));
const r = { status: 404, body };
if (r.status === 200) r.body.id;
switch (r.status) {
  case 201:
}`,
              },
            ],
          },
          {
            messageId: 'magicStatus',
            line: 3,
            column: 21,
            endLine: 3,
            endColumn: 24,
            data: { detail: '404 (Not Found): use constants.HTTP_STATUS_NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 404, constant: 'constants.HTTP_STATUS_NOT_FOUND' },
                output: `import { constants } from 'node:http2';
app.get('/', (c) => c.json(body, 404));
const r = { status: constants.HTTP_STATUS_NOT_FOUND, body };
if (r.status === 200) r.body.id;
switch (r.status) {
  case 201:
}`,
              },
            ],
          },
          {
            messageId: 'magicStatus',
            line: 4,
            column: 18,
            endLine: 4,
            endColumn: 21,
            data: { detail: '200 (OK): use constants.HTTP_STATUS_OK' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 200, constant: 'constants.HTTP_STATUS_OK' },
                output: `import { constants } from 'node:http2';
app.get('/', (c) => c.json(body, 404));
const r = { status: 404, body };
if (r.status === constants.HTTP_STATUS_OK) r.body.id;
switch (r.status) {
  case 201:
}`,
              },
            ],
          },
          {
            messageId: 'magicStatus',
            line: 6,
            column: 8,
            endLine: 6,
            endColumn: 11,
            data: { detail: '201 (Created): use constants.HTTP_STATUS_CREATED' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 201, constant: 'constants.HTTP_STATUS_CREATED' },
                output: `import { constants } from 'node:http2';
app.get('/', (c) => c.json(body, 404));
const r = { status: 404, body };
if (r.status === 200) r.body.id;
switch (r.status) {
  case constants.HTTP_STATUS_CREATED:
}`,
              },
            ],
          },
        ],
      },
      {
        name: 'node:http2: no fix under as const',
        filename: NONE,
        code: `import { constants } from 'node:http2';
res.status(404 as const);`,
        output: null,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use constants.HTTP_STATUS_NOT_FOUND' },
          },
        ],
      },
      {
        name: 'own module: { module, import } with http-status-codes names, imported without a dependency check',
        filename: NONE,
        code: 'res.status(413);',
        output: `import { Http } from '~/http-status';

res.status(Http.REQUEST_TOO_LONG);`,
        options: [
          { provider: { module: '~/http-status', import: 'Http' } },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 15,
            data: { detail: '413 (Content Too Large): use Http.REQUEST_TOO_LONG' },
          },
        ],
      },
      {
        name: 'own module: names from another provider',
        filename: NONE,
        code: `import { Http } from '@acme/http';
res.status(413);`,
        output: `import { Http } from '@acme/http';
res.status(Http.PAYLOAD_TOO_LARGE);`,
        options: [
          { provider: { module: '@acme/http', import: 'Http', names: '@nestjs/common' } },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '413 (Content Too Large): use Http.PAYLOAD_TOO_LARGE' },
          },
        ],
      },
      {
        name: 'own module: an explicit name map; codes outside it are reported only',
        filename: NONE,
        code: `import { Status } from '@acme/http';
res.status(404);
res.status(500);`,
        output: `import { Status } from '@acme/http';
res.status(Status.NotFound);
res.status(500);`,
        options: [
          { provider: { module: '@acme/http', import: 'Status', names: { '404': 'NotFound' } } },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 15,
            data: { detail: '404 (Not Found): use Status.NotFound' },
          },
          {
            messageId: 'magicStatusNoConstant',
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 15,
            data: { code: 500, phrase: 'Internal Server Error', provider: '@acme/http' },
          },
        ],
      },
      {
        name: 'own module: values of unknown type are suggestions in literal positions',
        filename: NONE,
        code: `import { Status } from '@acme/http';
const r = { status: 404 };`,
        output: null,
        options: [
          { provider: { module: '@acme/http', import: 'Status' } },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 21,
            endLine: 2,
            endColumn: 24,
            data: { detail: '404 (Not Found): use Status.NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 404, constant: 'Status.NOT_FOUND' },
                output: `import { Status } from '@acme/http';
const r = { status: Status.NOT_FOUND };`,
              },
            ],
          },
        ],
      },
    ],
  });
});


// Plain callees are looked up in scope only when the file's text may declare them (a superset of
// what the lookup can find): these pin both sides of that check.
describe('callees declared in the file (the text check before the scope lookup)', () => {
  /** These cases' one report: the 404 at line:column (to column + 3), fixed to StatusCodes.NOT_FOUND. */
  const notFoundAt = (line: number, column: number) => [
    { messageId: 'magicStatus' as const, line, column, endLine: line, endColumn: column + 3, data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' } },
  ];
  ruleTester.run('no-magic-http-status', rule, {
    valid: [
      {
        name: 'an imported function',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
import { send } from './lib';
send(res, 404);`,
      },
      {
        name: 'a global constructor',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const buckets = new Array(200).fill(0);`,
      },
      {
        name: 'a required function',
        filename: HSC_CJS,
        code: `const { StatusCodes } = require('http-status-codes');
const { send } = require('./lib');
send(res, 404);`,
      },
      {
        name: 'a parameter of the enclosing function, whose own parameters are not the callee\'s',
        filename: HSC,
        code: `function poll(wait, status) {
  wait(check, 500);
}`,
      },
    ],
    invalid: [
      {
        name: 'a function declared after the call, a comment before its name',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
send(res, 404);
function /* helper */ send(res, status) {
  res.status(status).end();
}`,
        output: `import { StatusCodes } from 'http-status-codes';
send(res, StatusCodes.NOT_FOUND);
function /* helper */ send(res, status) {
  res.status(status).end();
}`,
        errors: notFoundAt(2, 11),
      },
      {
        name: 'a generator function',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
function*send(res, status) {}
send(res, 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
function*send(res, status) {}
send(res, StatusCodes.NOT_FOUND);`,
        errors: notFoundAt(3, 11),
      },
      {
        name: 'a local function that shadows an import of the same name',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
import { send } from './lib';
export function handler(res) {
  function send(res, status) {}
  send(res, 404);
}`,
        output: `import { StatusCodes } from 'http-status-codes';
import { send } from './lib';
export function handler(res) {
  function send(res, status) {}
  send(res, StatusCodes.NOT_FOUND);
}`,
        errors: notFoundAt(5, 13),
      },
      {
        name: 'the second declarator of a declaration',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
let retries = 3, send = (res, status) => res.status(status);
send(res, 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
let retries = 3, send = (res, status) => res.status(status);
send(res, StatusCodes.NOT_FOUND);`,
        errors: notFoundAt(3, 11),
      },
      {
        name: 'a binding renamed in a pattern whose initialiser is a function',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
const { call: send } = function (res, status) {};
send(res, 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
const { call: send } = function (res, status) {};
send(res, StatusCodes.NOT_FOUND);`,
        errors: notFoundAt(3, 11),
      },
      {
        name: 'a name written with a unicode escape',
        filename: HSC,
        code: `import { StatusCodes } from 'http-status-codes';
function s\\u0065nd(res, status) {}
send(res, 404);`,
        output: `import { StatusCodes } from 'http-status-codes';
function s\\u0065nd(res, status) {}
send(res, StatusCodes.NOT_FOUND);`,
        errors: notFoundAt(3, 11),
      },
    ],
  });
});

// Options given in a config reach the rule as a new, merged object for every
// file: each file must still be checked with its own options, whether they
// equal the previous file's or not (the rule reuses what it derives from
// equal options).

const CODE = "import express from 'express';\nconst app = express();\napp.get('/', (req, res) => res.status(404).send());\n";

function messages(options: Options | undefined): string[] {
  const linter = new Linter();
  const config: Linter.Config[] = [
    {
      plugins: { '@docdrift': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: { '@docdrift/no-magic-http-status': options ? ['error', options] : 'error' },
    },
  ];
  return linter.verify(CODE, config, { filename: HSC_JS }).map((m) => `${m.line}:${m.column} ${m.message}`);
}

describe('no-magic-http-status options across files', () => {
  it('checks each file with its own options, equal or not to the previous ones', () => {
    const nest = '3:39 Magic HTTP status 404 (Not Found): use HttpStatus.NOT_FOUND.';
    const codes = '3:39 Magic HTTP status 404 (Not Found): use StatusCodes.NOT_FOUND.';
    expect(messages({ provider: '@nestjs/common' })).toEqual([nest]);
    expect(messages({ provider: '@nestjs/common' })).toEqual([nest]);
    expect(messages(undefined)).toEqual([codes]);
    expect(messages({ provider: '@nestjs/common', allow: [404] })).toEqual([]);
    expect(messages({ provider: '@nestjs/common' })).toEqual([nest]);
    expect(messages({ provider: { module: './status', import: 'Status', names: { '404': 'Missing' } } })).toEqual([
      '3:39 Magic HTTP status 404 (Not Found): use Status.Missing.',
    ]);
    expect(messages({ provider: { module: './status', import: 'Status', names: { '404': 'Gone404' } } })).toEqual([
      '3:39 Magic HTTP status 404 (Not Found): use Status.Gone404.',
    ]);
    expect(messages({ provider: 'http-status-codes', allow: [404] })).toEqual([]);
    expect(messages({ provider: 'http-status-codes', allow: [500] })).toEqual([codes]);
  });
});
