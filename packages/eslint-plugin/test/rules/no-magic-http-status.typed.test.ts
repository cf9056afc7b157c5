// The same rule with type information (parserOptions.project): what changes.
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';
import rule from '../../src/rules/no-magic-http-status.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** tsconfig.json, package.json (http-status-codes, @nestjs/common) and file.ts. */
const tsconfigRootDir = fileURLToPath(new URL('../fixtures/typed/', import.meta.url));

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir } },
});

describe("with type information: status enums make status positions", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [
      {
        name: 'a number parameter of an unrelated function',
        code: `function wait(ms: number): void {}
wait(500);`,
      },
      {
        name: 'an unrelated enum',
        code: `enum Size { Small = 200, Large = 400 }
function area(s: Size): void {}
area(400);`,
      },
    ],
    invalid: [
      {
        name: 'an argument for a parameter typed as the provider enum',
        code: `import { StatusCodes } from 'http-status-codes';
function respond(code: StatusCodes): void {}
respond(404);`,
        output: `import { StatusCodes } from 'http-status-codes';
function respond(code: StatusCodes): void {}
respond(StatusCodes.NOT_FOUND);`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 9,
            endLine: 3,
            endColumn: 12,
            data: { detail: '404 (Not Found): use StatusCodes.NOT_FOUND' },
          },
        ],
      },
      {
        name: 'an optional parameter typed as the provider enum',
        code: `import { StatusCodes } from 'http-status-codes';
function respond(body: string, code?: StatusCodes): void {}
respond("gone", 410);`,
        output: `import { StatusCodes } from 'http-status-codes';
function respond(body: string, code?: StatusCodes): void {}
respond("gone", StatusCodes.GONE);`,
        errors: [
          { messageId: 'magicStatus', line: 3, column: 17, endLine: 3, endColumn: 20, data: { detail: '410 (Gone): use StatusCodes.GONE' } },
        ],
      },
      {
        name: 'a property typed as NestJS HttpStatus',
        code: `import { HttpStatus } from '@nestjs/common';
const rule: { code: HttpStatus; retry: boolean } = { code: 429, retry: true };`,
        output: `import { HttpStatus } from '@nestjs/common';
const rule: { code: HttpStatus; retry: boolean } = { code: HttpStatus.TOO_MANY_REQUESTS, retry: true };`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 60,
            endLine: 2,
            endColumn: 63,
            data: { detail: '429 (Too Many Requests): use HttpStatus.TOO_MANY_REQUESTS' },
          },
        ],
      },
      {
        name: 'a comparison with an expression typed as a status enum',
        code: `import { HttpStatus } from '@nestjs/common';
declare const outcome: HttpStatus;
if (outcome === 404) {}`,
        output: `import { HttpStatus } from '@nestjs/common';
declare const outcome: HttpStatus;
if (outcome === HttpStatus.NOT_FOUND) {}`,
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 17,
            endLine: 3,
            endColumn: 20,
            data: { detail: '404 (Not Found): use HttpStatus.NOT_FOUND' },
          },
        ],
      },
    ],
  });
});

describe("with type information: number-typed constants are fixes only where a number fits", () => {
  ruleTester.run('no-magic-http-status', rule, {
    valid: [],
    invalid: [
      {
        name: 'a property typed number: fix',
        code: `import { constants } from 'node:http2';
const reply: { status: number } = { status: 404 };`,
        output: `import { constants } from 'node:http2';
const reply: { status: number } = { status: constants.HTTP_STATUS_NOT_FOUND };`,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 45,
            endLine: 2,
            endColumn: 48,
            data: { detail: '404 (Not Found): use constants.HTTP_STATUS_NOT_FOUND' },
          },
        ],
      },
      {
        name: 'a comparison with a number: fix',
        code: `import { constants } from 'node:http2';
declare const res: { status: number };
if (res.status === 404) {}`,
        output: `import { constants } from 'node:http2';
declare const res: { status: number };
if (res.status === constants.HTTP_STATUS_NOT_FOUND) {}`,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 20,
            endLine: 3,
            endColumn: 23,
            data: { detail: '404 (Not Found): use constants.HTTP_STATUS_NOT_FOUND' },
          },
        ],
      },
      {
        name: 'Hono-style literal union parameter: suggestion',
        code: `import { constants } from 'node:http2';
declare const c: { json(body: unknown, status: 200 | 404): void };
c.json({}, 404);`,
        output: null,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 15,
            data: { detail: '404 (Not Found): use constants.HTTP_STATUS_NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 404, constant: 'constants.HTTP_STATUS_NOT_FOUND' },
                output: `import { constants } from 'node:http2';
declare const c: { json(body: unknown, status: 200 | 404): void };
c.json({}, constants.HTTP_STATUS_NOT_FOUND);`,
              },
            ],
          },
        ],
      },
      {
        name: 'a ts-rest style literal-typed status property: suggestion',
        code: `import { constants } from 'node:http2';
type Reply = { status: 200; body: string } | { status: 404; body: null };
const missing: Reply = { status: 404, body: null };`,
        output: null,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 34,
            endLine: 3,
            endColumn: 37,
            data: { detail: '404 (Not Found): use constants.HTTP_STATUS_NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 404, constant: 'constants.HTTP_STATUS_NOT_FOUND' },
                output: `import { constants } from 'node:http2';
type Reply = { status: 200; body: string } | { status: 404; body: null };
const missing: Reply = { status: constants.HTTP_STATUS_NOT_FOUND, body: null };`,
              },
            ],
          },
        ],
      },
      {
        name: 'a comparison that narrows a union: suggestion',
        code: `import { constants } from 'node:http2';
declare const r: { status: 200; body: string } | { status: 404; body: null };
if (r.status === 200) r.body.length;`,
        output: null,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 3,
            column: 18,
            endLine: 3,
            endColumn: 21,
            data: { detail: '200 (OK): use constants.HTTP_STATUS_OK' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 200, constant: 'constants.HTTP_STATUS_OK' },
                output: `import { constants } from 'node:http2';
declare const r: { status: 200; body: string } | { status: 404; body: null };
if (r.status === constants.HTTP_STATUS_OK) r.body.length;`,
              },
            ],
          },
        ],
      },
      {
        name: 'no contextual type: suggestion',
        code: `import { constants } from 'node:http2';
const reply = { status: 404 };`,
        output: null,
        options: [
          { provider: 'node:http2' },
        ],
        errors: [
          {
            messageId: 'magicStatus',
            line: 2,
            column: 25,
            endLine: 2,
            endColumn: 28,
            data: { detail: '404 (Not Found): use constants.HTTP_STATUS_NOT_FOUND' },
            suggestions: [
              {
                messageId: 'replaceWithConstant',
                data: { code: 404, constant: 'constants.HTTP_STATUS_NOT_FOUND' },
                output: `import { constants } from 'node:http2';
const reply = { status: constants.HTTP_STATUS_NOT_FOUND };`,
              },
            ],
          },
        ],
      },
    ],
  });
});

describe('without type information', () => {
  new RuleTester().run('no-magic-http-status', rule, {
    valid: [
      {
        name: 'a parameter typed as the provider enum is not seen',
        code: "import { StatusCodes } from 'http-status-codes';\nfunction respond(code: StatusCodes): void {}\nrespond(404);",
      },
    ],
    invalid: [],
  });
});
