/** "Did you mean …?": the known names closest to a mistyped one (rule ids, directives, config keys). */

/** The known ids closest to `id`: within edit distance 2 (ignoring case), else the only id it is a prefix of, or the one prefix of it. */
export function suggestions(id: string, known: readonly string[]): string[] {
  const typed = id.toLowerCase();
  const far = 3;
  const scored = known.map((k) => ({ k, d: distance(typed, k.toLowerCase(), far) })).filter((s) => s.d < far);
  const best = Math.min(...scored.map((s) => s.d));
  const near = scored.filter((s) => s.d === best).map((s) => s.k);
  if (near.length > 0) return near.slice(0, 3);
  if (typed.length < 3) return [];
  const prefixed = known.filter((k) => k.toLowerCase().startsWith(typed) || typed.startsWith(k.toLowerCase()));
  return prefixed.length === 1 ? prefixed : [];
}

/** Levenshtein distance of `a` and `b`, or `limit` when it is at least `limit`. */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(v);
      if (v < min) min = v;
    }
    if (min >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length] as number, limit);
}
