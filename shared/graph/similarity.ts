// Similarity graphs for the library: a k-nearest-neighbour graph of embedding vectors under cosine
// similarity (the kNN graph of Maier, Hein & von Luxburg 2009, "Optimal construction of k-nearest-
// neighbor graphs for identifying noisy clusters"), and a tag co-occurrence graph (tags linked by
// the number of papers carrying both; Callon et al. 1983 co-word analysis).
// kNN: exact brute force, O(n² d) time and O(n k) memory. Each node's k most similar other nodes
// with similarity ≥ threshold are its candidates; 'union' keeps an edge when either end lists the
// other (the usual symmetric kNN graph: every node keeps ≥ min(k, eligible) edges), 'mutual' only
// when both do (sparser, fewer hub links). Undirected; weight = cosine similarity. Ties in
// similarity go to the earlier id.
import { emptyGraph } from './build';
import type { QuireGraph } from './build';
import { graphFail as fail } from './errors';

export type KnnInput = {
  ids: readonly string[];
  /** One vector per id, or all of them concatenated (then `dims` is required). */
  vectors: ReadonlyArray<Float32Array | readonly number[]> | Float32Array;
  dims?: number;
};

export type KnnOptions = {
  k: number;
  /** Minimum cosine similarity of an edge. */
  threshold: number;
  mode: 'union' | 'mutual';
  /**
   * Called with the pairs compared so far (of n(n−1)/2) every 64 rows: the kNN search is O(n² d),
   * the long part of a library graph, so callers show progress (pairs, since row i compares only
   * the n−i−1 later rows, so rows would run ahead of the work).
   */
  onPairs?: (done: number, total: number) => void;
};

export const KNN_DEFAULTS: KnnOptions = { k: 10, threshold: -1, mode: 'union' };

/** Rows between two `onPairs` calls. */
const ROWS_PER_REPORT = 64;

/** k-nearest-neighbour cosine similarity graph (undirected, weighted by similarity). */
export function knnGraph(input: KnnInput, options: Partial<KnnOptions> = {}): QuireGraph {
  const o = { ...KNN_DEFAULTS, ...options };
  const { ids } = input;
  const n = ids.length;
  if (!Number.isInteger(o.k) || o.k < 1) fail(`kNN: k must be an integer ≥ 1, got ${o.k}`);
  if (!(o.threshold >= -1 && o.threshold <= 1))
    fail(`kNN: threshold must be in [−1, 1], got ${o.threshold}`);
  if (o.mode !== 'union' && o.mode !== 'mutual')
    fail(`kNN: mode must be 'union' or 'mutual', got '${String(o.mode)}'`);
  let dims: number;
  const flat = input.vectors instanceof Float32Array;
  if (flat) {
    if (!input.dims || !Number.isInteger(input.dims) || input.dims < 1)
      fail('kNN: dims is required with one flat Float32Array');
    dims = input.dims;
    if ((input.vectors as Float32Array).length !== n * dims)
      fail(`kNN: ${(input.vectors as Float32Array).length} values is not ${n} ids × ${dims} dims`);
  } else {
    const vs = input.vectors as ReadonlyArray<ArrayLike<number>>;
    if (vs.length !== n) fail(`kNN: ${vs.length} vectors for ${n} ids`);
    dims = n > 0 ? vs[0]!.length : 0;
  }
  // Unit vectors in one Float64Array.
  const unit = new Float64Array(n * dims);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (typeof id !== 'string' || id === '') fail(`kNN: id ${i + 1} is empty`);
    if (seen.has(id)) fail(`kNN: id '${id}' appears twice`);
    seen.add(id);
    const v: ArrayLike<number> = flat
      ? (input.vectors as Float32Array).subarray(i * dims, (i + 1) * dims)
      : (input.vectors as ReadonlyArray<ArrayLike<number>>)[i]!;
    if (v.length !== dims)
      fail(`kNN: vector ${i + 1} ('${id}') has ${v.length} dims, expected ${dims}`);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const x = v[d]!;
      if (!Number.isFinite(x)) fail(`kNN: vector ${i + 1} ('${id}') has a non-finite value`);
      norm += x * x;
    }
    if (norm === 0) fail(`kNN: vector ${i + 1} ('${id}') is all zeros (cosine undefined)`);
    norm = Math.sqrt(norm);
    for (let d = 0; d < dims; d++) unit[i * dims + d] = v[d]! / norm;
  }
  const k = Math.min(o.k, Math.max(0, n - 1));
  // Top-k per node (indices and similarities, best first).
  const nbr = new Int32Array(n * k).fill(-1);
  const sim = new Float64Array(n * k).fill(-Infinity);
  const cnt = new Int32Array(n);
  const offer = (i: number, j: number, s: number) => {
    const base = i * k;
    let c = cnt[i]!;
    if (c === k && s <= sim[base + k - 1]!) return;
    if (c < k) cnt[i] = ++c;
    let p = c - 1;
    while (p > 0 && sim[base + p - 1]! < s) {
      sim[base + p] = sim[base + p - 1]!;
      nbr[base + p] = nbr[base + p - 1]!;
      p--;
    }
    sim[base + p] = s;
    nbr[base + p] = j;
  };
  const pairs = (n * (n - 1)) / 2;
  o.onPairs?.(0, pairs);
  if (k > 0)
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % ROWS_PER_REPORT === 0) o.onPairs?.(i * n - (i * (i + 1)) / 2, pairs);
      const oi = i * dims;
      for (let j = i + 1; j < n; j++) {
        const oj = j * dims;
        let s = 0;
        for (let d = 0; d < dims; d++) s += unit[oi + d]! * unit[oj + d]!;
        s = Math.max(-1, Math.min(1, s));
        if (s < o.threshold) continue;
        offer(i, j, s);
        offer(j, i, s);
      }
    }
  o.onPairs?.(pairs, pairs);
  const g = emptyGraph(false);
  for (const id of ids) g.addNode(id);
  const listed = (i: number, j: number) => {
    for (let p = 0; p < cnt[i]!; p++) if (nbr[i * k + p] === j) return true;
    return false;
  };
  for (let i = 0; i < n; i++)
    for (let p = 0; p < cnt[i]!; p++) {
      const j = nbr[i * k + p]!;
      if (o.mode === 'mutual' && !listed(j, i)) continue;
      const a = ids[i]!;
      const b = ids[j]!;
      if (!g.hasEdge(a, b)) g.addEdge(a, b, { weight: sim[i * k + p]! });
    }
  return g;
}

export type CooccurrenceOptions = {
  /** Keep edges seen in at least this many items. */
  minWeight: number;
  /** Drop tags carried by fewer items. */
  minCount: number;
};

export const COOCCURRENCE_DEFAULTS: CooccurrenceOptions = { minWeight: 1, minCount: 1 };

/**
 * Tag co-occurrence graph: one node per tag (attribute `count` = items carrying it), one edge per
 * pair of tags on the same item, weight = number of such items. Repeated tags on an item count
 * once; empty tags are ignored; tags are compared exactly (normalise case beforehand if wanted).
 */
export function cooccurrenceGraph(
  items: ReadonlyArray<readonly string[]>,
  options: Partial<CooccurrenceOptions> = {},
): QuireGraph {
  const o = { ...COOCCURRENCE_DEFAULTS, ...options };
  if (!Array.isArray(items)) fail('co-occurrence: items must be an array of tag arrays');
  const count = new Map<string, number>();
  const pairs = new Map<string, number>();
  const uniq: string[][] = items.map((tags, i) => {
    if (!Array.isArray(tags)) fail(`co-occurrence: item ${i + 1} is not an array of tags`);
    const set = new Set<string>();
    tags.forEach((t, j) => {
      if (typeof t !== 'string') fail(`co-occurrence: item ${i + 1}, tag ${j + 1} is not a string`);
      if (t.trim() !== '') set.add(t.trim());
    });
    for (const t of set) count.set(t, (count.get(t) ?? 0) + 1);
    return [...set].sort();
  });
  const keep = (t: string) => (count.get(t) ?? 0) >= o.minCount;
  for (const tags of uniq) {
    const kept = tags.filter(keep);
    for (let a = 0; a < kept.length; a++)
      for (let b = a + 1; b < kept.length; b++) {
        const key = JSON.stringify([kept[a], kept[b]]);
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  }
  const g = emptyGraph(false);
  for (const [t, c] of count) if (c >= o.minCount) g.addNode(t, { count: c });
  for (const [key, w] of pairs) {
    if (w < o.minWeight) continue;
    const [a, b] = JSON.parse(key) as [string, string];
    g.addEdge(a, b, { weight: w });
  }
  return g;
}
