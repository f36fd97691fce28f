// Counters kept in maps: a key whose count falls to zero leaves the map (library-terms.ts).

/** Adds `by` to `k`'s count. */
export function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
}

/** Adds `by` to the count of `value` under `key`. */
export function bumpIn(
  m: Map<string, Map<string, number>>,
  key: string,
  value: string,
  by: number,
): void {
  const inner = m.get(key) ?? new Map<string, number>();
  bump(inner, value, by);
  if (inner.size) m.set(key, inner);
  else m.delete(key);
}

/** The key with the largest count; of equal counts, the first in sort order. */
export function top(m: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const [k, c] of m) {
    if (c > n || (c === n && best !== undefined && k < best)) {
      best = k;
      n = c;
    }
  }
  return best;
}
