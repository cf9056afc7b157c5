/** A worker thread of a parallel run: checks one shard of the pages (see parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocSet } from '../check.js';
import type { Config } from '../config.js';
import type { CheckInput } from '../docset.js';
import { DocdriftCache } from '../cache.js';

const data = workerData as { input: CheckInput; config: Config; shard: { index: number; count: number }; cacheDir?: string };
let last = 0;
let reported = 0;
const { diagnostics } = checkDocSet(data.input, data.config, {
  shard: data.shard,
  ...(data.cacheDir !== undefined ? { parse: DocdriftCache.attach(data.cacheDir).parse } : {}),
  onPage(done) {
    const now = Date.now();
    if (now - last >= 100) {
      parentPort?.postMessage({ type: 'progress', done: done - reported });
      reported = done;
      last = now;
    }
  },
});
parentPort?.postMessage({ type: 'done', diagnostics, progress: 0 });
