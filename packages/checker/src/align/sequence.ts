/**
 * Sequence alignment of units across variants: exact matches first (Myers'
 * diff over comparison keys, so long identical stretches cost nothing), then
 * a Needleman–Wunsch pass over each gap that pairs similar units, then
 * equal-length leftovers between two anchors are paired in order (a
 * rewritten paragraph sits where the old one was). Several variants are
 * aligned progressively onto a growing profile of columns.
 */
import { diffArrays } from 'diff';

export interface SeqOptions<T> {
  /** The comparison key: equal keys are exact matches. */
  key(item: T): string;
  /** Similarity 0 … 1 of two items. */
  score(a: T, b: T): number;
  /** Pairs scoring below this are not matched by similarity. */
  min: number;
  /** Whether two leftovers between the same anchors may be paired in order (default: score ≥ min / 3). */
  pairLeftovers?(a: T, b: T): boolean;
}

/** Cells of the dynamic-programming table allowed per gap; bigger gaps keep their exact matches only. */
const DP_LIMIT = 250_000;

/** Pairs `[i, j]` (increasing in both) matching `a[i]` with `b[j]`. */
export function alignPair<A, B>(a: readonly A[], b: readonly B[], keyA: (x: A) => string, keyB: (x: B) => string, score: (x: A, y: B) => number, min: number, pairLeftovers: (x: A, y: B) => boolean): Array<[number, number]> {
  const ka = a.map(keyA);
  const kb = b.map(keyB);
  const pairs: Array<[number, number]> = [];
  // 1. Exact matches by key (Myers over the key sequences).
  const changes = diffArrays(ka, kb);
  let i = 0;
  let j = 0;
  let gapA: number[] = [];
  let gapB: number[] = [];
  const flush = (): void => {
    if (gapA.length > 0 && gapB.length > 0) for (const p of alignGap(gapA, gapB, a, b, score, min, pairLeftovers)) pairs.push(p);
    gapA = [];
    gapB = [];
  };
  for (const ch of changes) {
    const n = ch.count ?? ch.value.length;
    if (ch.removed) {
      for (let k = 0; k < n; k++) gapA.push(i++);
    } else if (ch.added) {
      for (let k = 0; k < n; k++) gapB.push(j++);
    } else {
      flush();
      for (let k = 0; k < n; k++) pairs.push([i++, j++]);
    }
  }
  flush();
  return pairs.sort((x, y) => x[0] - y[0]);
}

/** Needleman–Wunsch (maximise the summed score of matched pairs; gaps cost nothing) over one gap, then pair leftovers in order. */
function alignGap<A, B>(ga: number[], gb: number[], a: readonly A[], b: readonly B[], score: (x: A, y: B) => number, min: number, pairLeftovers: (x: A, y: B) => boolean): Array<[number, number]> {
  const n = ga.length;
  const m = gb.length;
  const out: Array<[number, number]> = [];
  if (n * m <= DP_LIMIT) {
    const matched = alignByScore(n, m, (x, y) => score(a[ga[x] as number] as A, b[gb[y] as number] as B), min);
    // Leftovers between consecutive matches (and the gap's ends) are paired in order when their counts agree.
    let px = -1;
    let py = -1;
    for (const [mx, my] of [...matched, [n, m] as [number, number]]) {
      const lx = mx - px - 1;
      const ly = my - py - 1;
      if (lx === ly) {
        for (let k = 1; k <= lx; k++) {
          const ia = ga[px + k] as number;
          const ib = gb[py + k] as number;
          if (pairLeftovers(a[ia] as A, b[ib] as B)) out.push([ia, ib]);
        }
      }
      if (mx < n) out.push([ga[mx] as number, gb[my] as number]);
      px = mx;
      py = my;
    }
  } else if (n === m) {
    for (let k = 0; k < n; k++) {
      const ia = ga[k] as number;
      const ib = gb[k] as number;
      if (pairLeftovers(a[ia] as A, b[ib] as B)) out.push([ia, ib]);
    }
  }
  return out;
}

/**
 * Align the sequences of several variants. Returns columns: one entry per
 * variant (undefined where the variant has no counterpart), in an order
 * consistent with every variant's own order. `order` gives the variant
 * indexes to add, pivot first.
 */
export function alignMany<T>(seqs: ReadonlyArray<readonly T[]>, order: readonly number[], opts: SeqOptions<T>): Array<Array<T | undefined>> {
  const nv = seqs.length;
  const pair = opts.pairLeftovers ?? ((a: T, b: T) => opts.score(a, b) >= opts.min / 3);
  let cols: Array<Array<T | undefined>> = [];
  let first = true;
  for (const v of order) {
    const seq = seqs[v] ?? [];
    if (first) {
      cols = seq.map((x) => {
        const c = new Array<T | undefined>(nv).fill(undefined);
        c[v] = x;
        return c;
      });
      first = false;
      continue;
    }
    const colKey = (c: Array<T | undefined>): string => {
      for (const v2 of order) {
        const x = c[v2];
        if (x !== undefined) return opts.key(x);
      }
      return '';
    };
    const colScore = (c: Array<T | undefined>, y: T): number => {
      let best = 0;
      for (const x of c) if (x !== undefined) best = Math.max(best, opts.score(x, y));
      return best;
    };
    const colPair = (c: Array<T | undefined>, y: T): boolean => {
      for (const x of c) if (x !== undefined && pair(x, y)) return true;
      return false;
    };
    const pairs = alignPair(cols, seq, colKey, opts.key, colScore, opts.min, colPair);
    const next: Array<Array<T | undefined>> = [];
    let ci = 0;
    let si = 0;
    const newCol = (x: T): Array<T | undefined> => {
      const c = new Array<T | undefined>(nv).fill(undefined);
      c[v] = x;
      return c;
    };
    for (const [pc, ps] of pairs) {
      while (ci < pc) next.push(cols[ci++] as Array<T | undefined>);
      while (si < ps) next.push(newCol(seq[si++] as T));
      const c = cols[ci++] as Array<T | undefined>;
      c[v] = seq[si++] as T;
      next.push(c);
    }
    while (ci < cols.length) next.push(cols[ci++] as Array<T | undefined>);
    while (si < seq.length) next.push(newCol(seq[si++] as T));
    cols = next;
  }
  return cols;
}

/** Order-preserving pairs `[i, j]` maximising the summed score of pairs scoring at least `min` (Needleman–Wunsch, gaps free). */
export function alignByScore(n: number, m: number, score: (i: number, j: number) => number, min: number): Array<[number, number]> {
  const w = m + 1;
  const dp = new Float64Array((n + 1) * w);
  const sc = new Float64Array(n * m);
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < m; y++) {
      const s = score(x, y);
      sc[x * m + y] = s >= min ? s : -1;
    }
  }
  for (let x = 1; x <= n; x++) {
    for (let y = 1; y <= m; y++) {
      let best = Math.max(dp[(x - 1) * w + y] as number, dp[x * w + y - 1] as number);
      const s = sc[(x - 1) * m + y - 1] as number;
      if (s >= 0) best = Math.max(best, (dp[(x - 1) * w + y - 1] as number) + s);
      dp[x * w + y] = best;
    }
  }
  const out: Array<[number, number]> = [];
  let x = n;
  let y = m;
  while (x > 0 && y > 0) {
    const s = sc[(x - 1) * m + y - 1] as number;
    const here = dp[x * w + y] as number;
    if (s >= 0 && Math.abs(here - ((dp[(x - 1) * w + y - 1] as number) + s)) < 1e-9) {
      out.push([x - 1, y - 1]);
      x--;
      y--;
    } else if (Math.abs(here - (dp[(x - 1) * w + y] as number)) < 1e-9) x--;
    else y--;
  }
  return out.reverse();
}
