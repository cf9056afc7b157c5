/**
 * Parallel checking for big runs: the pages are split into shards checked by
 * worker threads, each building the same doc set from the same input (so
 * every rule sees the whole project) and checking its share. Results are
 * merged and sorted, so the output is the same as a single-threaded run.
 * Each worker's old generation is capped, which keeps peak memory down.
 */
import { availableParallelism } from 'node:os';
import { checkDocSet } from '../check.js';
import type { Config } from '../config.js';
import type { Diagnostic } from '../diagnostic.js';
import { sortDiagnostics } from '../diagnostic.js';
import type { CheckInput } from '../docset.js';
import { DocdriftCache } from '../cache.js';

/** Below this many bytes of checked text, threads cost more than they save. */
export const PARALLEL_MIN_BYTES = 4_000_000;

export interface ParallelOptions {
  threads?: number;
  onProgress?: (done: number) => void;
  /** The --cache folder (already opened and validated): workers read and store parses there. */
  cacheDir?: string;
}

/**
 * Threads for a big run when --threads is not given: one per core up to 4, but a single thread on a
 * machine with one or two cores. There V8's own background threads (concurrent marking, sweeping,
 * compilation) already keep the second core ~40 % busy during a one-thread run, so a second checker
 * thread saved 14 % of the wall time on a quiet 2-core machine for 42 % more peak memory (8.4 s /
 * 555 MB against 9.8 s / 391 MB over the 55 MB benchmark tree), and was slower than one thread once
 * the machine had other work (bench/check/README.md).
 */
export function defaultThreads(cores: number = availableParallelism()): number {
  return cores <= 2 ? 1 : Math.min(4, cores);
}

export async function checkParallel(input: CheckInput, config: Config, opts: ParallelOptions = {}): Promise<Diagnostic[]> {
  const count = opts.threads ?? defaultThreads();
  if (count <= 1) return checkDocSet(input, config).diagnostics;
  // Loaded only here: node:worker_threads costs a few ms of every start-up, and a one-page run never
  // uses it. Not with import(): the bundled CLI runs as a script (load.ts), which has no loader for it.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  let done = 0;
  // Shards 1… go to worker threads; shard 0 is checked on this thread meanwhile (it already holds
  // the input, so that saves a thread's start-up, its copy of the texts and its warm-up).
  const shards = Array.from({ length: count - 1 }, (_, k) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const index = k + 1;
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { input, config, shard: { index, count }, cacheDir: opts.cacheDir },
        resourceLimits: { maxOldGenerationSizeMb: 384 },
      });
      worker.on('message', (m: { type: string; done?: number; diagnostics?: Diagnostic[] }) => {
        if (m.type === 'progress') {
          done += m.done ?? 0;
          opts.onProgress?.(done);
        } else if (m.type === 'done') resolve(m.diagnostics ?? []);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`checker thread ${index} exited with code ${code}`));
      });
    }),
  );
  let reported = 0;
  const own = checkShard(input, config, { index: 0, count }, opts.cacheDir, (n) => {
    done += n - reported;
    reported = n;
    opts.onProgress?.(done);
  });
  const results = await Promise.all(shards);
  // Shards never overlap (each page is checked once), so no deduplication is needed.
  return sortDiagnostics([...own, ...results.flat()]);
}

/** Check one shard of the pages (on this thread or in a worker), with the --cache folder's parses when given. */
export function checkShard(input: CheckInput, config: Config, shard: { index: number; count: number }, cacheDir: string | undefined, onPage: (done: number) => void): Diagnostic[] {
  return checkDocSet(input, config, { shard, onPage, ...(cacheDir !== undefined ? { parse: DocdriftCache.attach(cacheDir).parse } : {}) }).diagnostics;
}
