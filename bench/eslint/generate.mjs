// Deterministic corpus for the ESLint benchmark: server routes, fetch
// clients, NestJS controllers, Lambda handlers, tests, configuration and UI
// code, in TypeScript, ESM JavaScript and CommonJS. Numbers appear both as
// statuses and as timeouts, sizes, ports and styles, as they do in real code.
//
//   node bench/eslint/generate.mjs [--files 2400] [--seed 20251122] [--profile mixed|http]
/* global process, console */

import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = join(here, 'corpus');
export const DEFAULT_FILES = 2400;
export const DEFAULT_SEED = 20251122;

/** mulberry32: small, fast, deterministic across Node versions. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES = ['user', 'order', 'invoice', 'product', 'cart', 'session', 'report', 'ticket', 'payment', 'shipment'];
const STATUSES_OK = [200, 201, 202, 204];
const STATUSES_ERR = [400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 500, 502, 503, 504];
const NOT_STATUS = [3, 5, 10, 15, 30, 42, 60, 64, 100, 128, 200, 250, 256, 300, 400, 404, 500, 512, 600, 750, 1000, 1024, 3000, 5000];

function make(random) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const cap = (s) => s[0].toUpperCase() + s.slice(1);

  const blocks = {
    route: (e, ts) => `
router.get('/${e}s/:id', async (req${ts ? ': Request' : ''}, res${ts ? ': Response' : ''}) => {
  const ${e} = await db.${e}s.findById(req.params.id, { timeout: ${pick([1000, 2000, 5000])} });
  if (!${e}) {
    return res.status(${pick([404, 410])}).json({ error: '${e} not found', status: ${pick([404, 410])} });
  }
  res.set('Cache-Control', 'max-age=${pick([60, 300, 600, 3600])}');
  res.json(${e});
});

router.post('/${e}s', async (req${ts ? ': Request' : ''}, res${ts ? ': Response' : ''}) => {
  const errors = validate${cap(e)}(req.body, { maxLength: ${pick([64, 128, 200, 256])} });
  if (errors.length > 0) return res.status(${pick([400, 422])}).json({ errors });
  const created = await db.${e}s.insert(req.body);
  res.status(${pick(STATUSES_OK)}).json(created);
});

router.delete('/${e}s/:id', async (req${ts ? ': Request' : ''}, res${ts ? ': Response' : ''}) => {
  await db.${e}s.remove(req.params.id);
  res.sendStatus(${pick([200, 202, 204])});
});
`,
    errorHandler: (e, ts) => `
export function handle${cap(e)}Error(err${ts ? ': any' : ''}, req${ts ? ': Request' : ''}, res${ts ? ': Response' : ''}, next${ts ? ': NextFunction' : ''}) {
  const status = err.status || ${pick([500, 503])};
  if (status >= 500) logger.error(err, { retryAfter: ${pick([30, 60, 120])} });
  res.statusCode = status;
  res.json({ message: status === 500 ? 'Internal error' : err.message, code: err.code });
}
`,
    client: (e, ts) => `
export async function fetch${cap(e)}(id${ts ? ': string' : ''}, attempt = 0)${ts ? ': Promise<unknown>' : ''} {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ${pick([2000, 5000, 10000])});
  try {
    const response = await fetch(\`\${BASE_URL}/${e}s/\${id}\`, { signal: controller.signal });
    if (response.status === ${pick([404, 410])}) return undefined;
    if (response.status === 401 || response.status === 403) throw new AuthError('login again');
    if (response.status === 429 && attempt < ${pick([3, 5])}) {
      await sleep(Math.min(${pick([250, 500, 1000])} * 2 ** attempt, ${pick([10000, 30000])}));
      return fetch${cap(e)}(id, attempt + 1);
    }
    if (response.status < 200 || response.status > 299) throw new Error(\`HTTP \${response.status}\`);
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}
`,
    switcher: (e, ts) => `
export function describe${cap(e)}Outcome(res${ts ? ': { status: number }' : ''})${ts ? ': string' : ''} {
  switch (res.status) {
    case ${pick(STATUSES_OK)}:
      return 'ok';
    case ${pick([400, 422])}:
      return 'invalid';
    case ${pick([401, 403])}:
      return 'denied';
    case ${pick([500, 502, 503])}:
      return 'retry';
    default:
      return 'unknown';
  }
}
`,
    math: (e) => `
export function ${e}Stats(values${''}) {
  const buckets = new Array(${pick([64, 100, 128, 200, 256])}).fill(0);
  const windowMs = ${pick([60, 300, 3600])} * 1000;
  const day = 24 * 60 * 60 * 1000;
  let total = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    total += v;
    buckets[Math.min(Math.floor(v / ${pick([10, 50, 100])}), buckets.length - 1)] += 1;
  }
  const p95 = values.slice().sort((a, b) => a - b)[Math.floor(values.length * 0.95)];
  return { total, mean: total / Math.max(values.length, 1), p95, perDay: (total / windowMs) * day, max: Math.max(${pick(NOT_STATUS)}, ...values) };
}
`,
    ui: (e) => `
export const ${e}CardStyle = {
  width: ${pick([300, 320, 400, 480])},
  height: ${pick([200, 240, 300])},
  padding: ${pick([8, 12, 16, 24])},
  fontWeight: ${pick([400, 500, 600, 700])},
  zIndex: ${pick([10, 100, 1000])},
  transition: { duration: ${pick([150, 200, 300])}, delay: ${pick([0, 50, 100])} },
  color: rgb(${int(0, 255)}, ${int(0, 255)}, ${int(0, 255)}),
};
export const ${e}Debounced = debounce(refresh${cap(e)}, delay || ${pick([200, 300, 500])});
`,
    config: (e) => `
export const ${e}Config = {
  port: ${pick([3000, 8080, 4000])},
  timeout: ${pick([5000, 10000, 30000])},
  maxBodySize: ${pick([1048576, 5242880])},
  maxParamLength: ${pick([100, 200, 500])},
  retries: ${pick([3, 5])},
  pool: { min: ${pick([2, 4])}, max: ${pick([10, 20, 50])}, idleMs: ${pick([10000, 30000])} },
  rateLimit: { windowMs: ${pick([60000, 900000])}, max: ${pick([100, 200, 500, 1000])}, statusCode: ${pick([429, 503])} },
};
`,
    lambda: (e, ts) => `
export const ${e}Handler = async (event${ts ? ': { pathParameters?: Record<string, string> }' : ''}) => {
  const id = event.pathParameters?.id;
  if (!id) return { statusCode: 400, body: JSON.stringify({ error: 'id required' }) };
  const item = await store.get('${e}', id, { consistentRead: true, ttl: ${pick([300, 600])} });
  if (!item) return { statusCode: 404, body: '' };
  return { statusCode: 200, headers: { 'cache-control': 'max-age=${pick([60, 120])}' }, body: JSON.stringify(item) };
};
`,
    nest: (e) => `
@Controller('${e}s')
export class ${cap(e)}Controller {
  @Get(':id')
  async find(@Param('id') id: string) {
    const ${e} = await this.service.find(id, { cacheMs: ${pick([500, 1000, 5000])} });
    if (!${e}) throw new HttpException('${cap(e)} not found', ${pick([404, 410])});
    return ${e};
  }

  @Delete(':id')
  @HttpCode(${pick([200, 204])})
  async remove(@Param('id') id: string) {
    await this.service.remove(id);
  }

  @Get()
  @ApiResponse({ status: 200, description: 'A page of ${e}s' })
  list(@Query('limit') limit = ${pick([20, 50, 100])}) {
    return this.service.list(Math.min(limit, ${pick([100, 200, 500])}));
  }
}
`,
    test: (e) => `
describe('${e}s API', () => {
  it('finds a ${e}', async () => {
    const res = await request(app).get('/${e}s/1').expect(${pick([200, 304])});
    expect(res.body.items.length).toBe(${pick([10, 20, 200])});
  });

  it('rejects a bad ${e}', async () => {
    const res = await request(app).post('/${e}s').send({});
    expect(res.status).toBe(${pick([400, 422])});
    expect(res.body).toEqual({ status: ${pick([400, 422])}, errors: expect.any(Array) });
  });

  it('answers 404', async () => {
    const res = await request(app).get('/${e}s/missing');
    assert.strictEqual(res.statusCode, 404);
  }, ${pick([5000, 10000])});
});
`,
    koa: (e) => `
export async function ${e}Middleware(ctx, next) {
  ctx.assert(ctx.state.user, 401, 'login required');
  const started = Date.now();
  await next();
  if (!ctx.body) ctx.status = ${pick([404, 204])};
  if (Date.now() - started > ${pick([500, 1000, 2000])}) ctx.set('Server-Timing', 'slow');
  if (ctx.state.${e}Locked) ctx.throw(${pick([409, 423])}, '${e} is locked');
}
`,
    dates: (e) => `
export function ${e}Window(now = Date.now()) {
  const minute = 60 * 1000;
  const hour = 60 * minute;
  return { from: now - ${pick([24, 48, 72])} * hour, to: now + ${pick([15, 30, 45])} * minute, slot: ${pick([5, 10, 15, 30])} * minute, days: ${pick([7, 30, 365])} };
}
`,
    pagination: (e) => `
export function paginate${cap(e)}s(items, page = 1, size = ${pick([20, 50, 100])}) {
  const pageSize = Math.min(Math.max(size, 1), ${pick([100, 200, 500])});
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), total: items.length, pages: Math.ceil(items.length / pageSize) };
}
`,
    images: (e) => `
export const ${e}Thumbnails = [
  { width: 100, height: 100, quality: ${pick([70, 80])} },
  { width: ${pick([200, 240])}, height: 200, quality: 85 },
  { width: 400, height: ${pick([300, 400])}, quality: 90 },
];
export function resize${cap(e)}(img, maxWidth = ${pick([800, 1200, 1600])}) {
  const ratio = Math.min(1, maxWidth / img.width);
  return { width: Math.round(img.width * ratio), height: Math.round(img.height * ratio), dpi: ${pick([72, 96, 300])} };
}
`,
    retry: (e) => `
export async function with${cap(e)}Retry(fn, { retries = ${pick([3, 5])}, base = ${pick([100, 200, 500])}, max = ${pick([2000, 5000, 10000])} } = {}) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= retries) throw err;
      await sleep(Math.min(base * 2 ** attempt + Math.random() * ${pick([50, 100])}, max));
    }
  }
}
`,
    chart: (e) => `
export const ${e}Chart = {
  margin: { top: ${pick([10, 20])}, right: ${pick([20, 30])}, bottom: ${pick([30, 40])}, left: ${pick([40, 50])} },
  size: [${pick([600, 800])}, ${pick([300, 400])}],
  ticks: ${pick([5, 10])},
  animation: { duration: ${pick([250, 500, 750])}, delay: ${pick([0, 100, 200])} },
  legend: { offset: ${pick([8, 12])}, fontSize: ${pick([11, 12, 14])}, fontWeight: ${pick([400, 600])} },
};
`,
  };

  return { pick, int, blocks };
}

const HEADERS = {
  ts: `import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { db, logger, store, sleep, debounce, rgb, AuthError } from '../lib/index.js';

const router = express.Router();
const BASE_URL = process.env.API_URL ?? 'http://localhost:3000';
`,
  nest: `import { Controller, Delete, Get, HttpCode, HttpException, Param, Query } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
`,
  test: `import request from 'supertest';
import assert from 'node:assert';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.js';
`,
  lib: `import { sleep, debounce, rgb } from '../lib/index.js';
`,
  js: `import express from 'express';
import { db, logger, store, sleep, debounce, rgb, AuthError } from '../lib/index.js';

const router = express.Router();
const BASE_URL = process.env.API_URL || 'http://localhost:3000';
`,
  cjs: `'use strict';

const express = require('express');
const { db, logger, store, sleep, debounce, rgb, AuthError } = require('../lib');

const router = express.Router();
const BASE_URL = process.env.API_URL || 'http://localhost:3000';
`,
};

/**
 * Corpus profiles. `http`: every file is HTTP-facing code (routes, clients,
 * controllers, handlers, tests), the worst case for the status rule. `mixed`:
 * a third of the files are HTTP-facing and the rest are the services,
 * utilities, configuration and UI code around them.
 */
export const PROFILES = ['mixed', 'http'];

/** The name and text of file `i`. */
export function generateFile(i, seed = DEFAULT_SEED, profile = 'mixed') {
  const random = rng(seed + i * 7919);
  const { pick, blocks } = make(random);
  let r = random();
  const e = pick(ENTITIES);
  let kind;
  if (profile === 'mixed') {
    if (r < 0.65) kind = random() < 0.6 ? 'tslib' : 'jslib';
    else r = (r - 0.65) / 0.35;
  }
  if (!kind) {
    if (r < 0.35) kind = 'ts';
    else if (r < 0.45) kind = 'nest';
    else if (r < 0.6) kind = 'test';
    else if (r < 0.8) kind = 'js';
    else kind = 'cjs';
  }
  const ts = kind === 'ts' || kind === 'tslib';
  const libPool = ['math', 'ui', 'config', 'dates', 'pagination', 'images', 'retry', 'chart'];
  const pool = {
    ts: ['route', 'errorHandler', 'client', 'switcher', 'math', 'ui', 'config', 'lambda'],
    nest: ['nest', 'math', 'config'],
    test: ['test', 'test', 'math'],
    js: ['route', 'errorHandler', 'client', 'switcher', 'math', 'ui', 'config', 'lambda', 'koa'],
    cjs: ['route', 'errorHandler', 'client', 'switcher', 'math', 'ui', 'config', 'koa'],
    tslib: libPool,
    jslib: libPool,
  }[kind];
  let body = HEADERS[kind === 'tslib' || kind === 'jslib' ? 'lib' : kind];
  const n = 4 + Math.floor(random() * 4);
  for (let b = 0; b < n; b++) body += blocks[pick(pool)](pick(ENTITIES), ts || kind === 'nest');
  if (kind === 'cjs') body = body.replaceAll('\nexport const ', '\nconst ').replaceAll('\nexport async function ', '\nasync function ').replaceAll('\nexport function ', '\nfunction ') + '\nmodule.exports = { router };\n';
  if (kind === 'ts' || kind === 'js') body += '\nexport default router;\n';
  const dir = kind === 'test' ? 'test' : kind.endsWith('lib') ? 'lib' : 'src';
  const ext = { ts: 'ts', nest: 'ts', test: 'test.ts', js: 'js', cjs: 'cjs', tslib: 'ts', jslib: 'js' }[kind];
  return { name: `${dir}/${String(Math.floor(i / 100)).padStart(2, '0')}/${e}-${i}.${ext}`, text: body };
}

/** Writes the corpus unless the same files/seed are there already; returns its file names. */
export function writeCorpus({ files = DEFAULT_FILES, seed = DEFAULT_SEED, profile = 'mixed', out = join(DEFAULT_OUT, profile), log = () => {} } = {}) {
  const stamp = join(out, 'corpus.json');
  if (existsSync(stamp)) {
    const previous = JSON.parse(readFileSync(stamp, 'utf8'));
    if (previous.files.length === files && previous.seed === seed && previous.profile === profile) return previous;
  }
  rmSync(out, { recursive: true, force: true });
  const names = [];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const { name, text } = generateFile(i, seed, profile);
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), text);
    names.push(name);
    bytes += Buffer.byteLength(text);
  }
  // A project that depends on the constants library, so the rule computes fixes (not only suggestions).
  writeFileSync(
    join(out, 'package.json'),
    JSON.stringify({ name: 'bench-corpus', private: true, type: 'module', dependencies: { express: '^5.1.0', 'http-status-codes': '^2.3.0', '@nestjs/common': '^11.1.6' }, devDependencies: { supertest: '^7.1.0', vitest: '^4.1.0' } }, null, 2),
  );
  const manifest = { seed, profile, out, files: names, bytes };
  writeFileSync(stamp, JSON.stringify(manifest));
  log(`bench:eslint: wrote ${files} ${profile} files (${(bytes / 1e6).toFixed(1)} MB) to ${out}`);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const k = process.argv.indexOf(`--${name}`);
    return k > 0 ? process.argv[k + 1] : fallback;
  };
  writeCorpus({ files: Number(arg('files', DEFAULT_FILES)), seed: Number(arg('seed', DEFAULT_SEED)), profile: arg('profile', 'mixed'), log: console.log });
}
