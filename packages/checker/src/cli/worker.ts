/** A worker thread of a parallel run: checks one shard of the pages (see parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { CheckInput } from '../docset.js';
import { checkShard } from './parallel.js';

const data = workerData as { input: CheckInput; config: Config; shard: { index: number; count: number }; cacheDir?: string };
let last = 0;
let reported = 0;
const diagnostics = checkShard(data.input, data.config, data.shard, data.cacheDir, (done) => {
  const now = Date.now();
  if (now - last >= 100) {
    parentPort?.postMessage({ type: 'progress', done: done - reported });
    reported = done;
    last = now;
  }
});
parentPort?.postMessage({ type: 'done', diagnostics, progress: 0 });
