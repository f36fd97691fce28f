// Projection of the paper vectors: UMAP (McInnes, Healy & Melville 2018; umap-js) seeded with the
// graph engine's xoshiro RNG, once to a few dimensions for clustering and once to 2-D for the map,
// the second run reusing the first's nearest-neighbour graph (its most expensive part). Tiny or
// degenerate inputs (fewer than MIN_UMAP points, or no spread at all) use PCA instead, which UMAP's
// spectral initialisation cannot handle.
import { UMAP } from 'umap-js';
import { createRng } from '../graph/rng';
import { optimizeLayout } from './umap-layout';

export const MIN_UMAP = 16;

export type Projection = {
  /** n × lowDims, for clustering. */
  low: Float64Array;
  lowDims: number;
  /** n × 2, for the map, scaled to [−1, 1] on the wider axis. */
  xy: Float64Array;
  method: 'umap' | 'pca';
};

export type ProjectOptions = {
  seed: number;
  lowDims?: number;
  neighbours?: number;
  /** Called now and then with epochs done / total over both runs. */
  onProgress?: (done: number, total: number) => void;
  /** Epochs per run; default 200 (umap-js uses 500 below 10k points; 200 was as good on the feed, see bench/map). */
  epochs?: number;
};

export function project(
  vectors: Float32Array,
  n: number,
  dims: number,
  opts: ProjectOptions,
): Projection {
  const lowDims = Math.max(2, Math.min(opts.lowDims ?? 5, dims));
  if (n < MIN_UMAP || spread(vectors, n, dims) < 1e-12) {
    const pcs = pca(vectors, n, dims, lowDims, opts.seed);
    return { low: pcs, lowDims, xy: scale(take2(pcs, n, lowDims), n), method: 'pca' };
  }
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(vectors.subarray(i * dims, (i + 1) * dims)));
  const nNeighbors = Math.min(opts.neighbours ?? 15, n - 1);
  const nEpochs = opts.epochs ?? 200;
  const total = 2 * nEpochs;
  // The fuzzy graph depends only on the kNN and nNeighbors, so the 2-D run takes the first run's
  // graph (and its kNN) instead of rebuilding them; the search graph serves only umap-js's
  // `transform`, which is not used. Neither consumes random numbers, so the embedding is the same
  // as a full second fit. Both runs' epochs go through the typed-array loop in umap-layout.ts.
  type Internals = {
    graph?: unknown;
    fuzzySimplicialSet: () => unknown;
    makeSearchGraph: () => unknown;
  };
  const run = (nComponents: number, minDist: number, seed: number, from?: UMAP) => {
    const random = createRng(seed).next;
    const umap = new UMAP({ nComponents, nNeighbors, minDist, nEpochs, random });
    const inner = umap as unknown as Internals;
    inner.makeSearchGraph = () => null;
    if (from) {
      const prev = from as unknown as Internals & {
        knnIndices: number[][];
        knnDistances: number[][];
      };
      umap.setPrecomputedKNN(prev.knnIndices, prev.knnDistances);
      inner.fuzzySimplicialSet = () => prev.graph;
    }
    umap.initializeFit(rows);
    const embedding = optimizeLayout(umap, random, (e) =>
      opts.onProgress?.((from ? nEpochs : 0) + e, total),
    );
    return { umap, embedding };
  };
  const first = run(lowDims, 0, opts.seed);
  const second = run(2, 0.1, opts.seed + 1, first.umap);
  opts.onProgress?.(total, total);
  const low = flatten(first.embedding, n, lowDims);
  const xy = flatten(second.embedding, n, 2);
  if (!low.every(Number.isFinite) || !xy.every(Number.isFinite)) {
    const pcs = pca(vectors, n, dims, lowDims, opts.seed);
    return { low: pcs, lowDims, xy: scale(take2(pcs, n, lowDims), n), method: 'pca' };
  }
  return { low, lowDims, xy: scale(xy, n), method: 'umap' };
}

function flatten(rows: number[][], n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = rows[i]![j]!;
  return out;
}

function take2(data: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = data[i * d]!;
    out[2 * i + 1] = d > 1 ? data[i * d + 1]! : 0;
  }
  return out;
}

/** Total variance of the vectors. */
function spread(v: Float32Array, n: number, dims: number): number {
  let s = 0;
  for (let d = 0; d < dims; d++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += v[i * dims + d]!;
    mean /= Math.max(1, n);
    for (let i = 0; i < n; i++) s += (v[i * dims + d]! - mean) ** 2;
  }
  return s;
}

/** Centres on the mean and scales so the wider axis spans [−1, 1] (all zeros stays zeros). */
export function scale(xy: Float64Array, n: number): Float64Array {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xy[2 * i]!;
    my += xy[2 * i + 1]!;
  }
  mx /= Math.max(1, n);
  my /= Math.max(1, n);
  let r = 0;
  for (let i = 0; i < n; i++)
    r = Math.max(r, Math.abs(xy[2 * i]! - mx), Math.abs(xy[2 * i + 1]! - my));
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = r > 0 ? (xy[2 * i]! - mx) / r : 0;
    out[2 * i + 1] = r > 0 ? (xy[2 * i + 1]! - my) / r : 0;
  }
  return out;
}

/** First `k` principal-component scores by power iteration with deflation (seeded start). */
export function pca(
  v: Float32Array,
  n: number,
  dims: number,
  k: number,
  seed: number,
): Float64Array {
  const out = new Float64Array(n * k);
  if (n === 0) return out;
  const rng = createRng(seed);
  const x = new Float64Array(n * dims);
  for (let d = 0; d < dims; d++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += v[i * dims + d]!;
    mean /= n;
    for (let i = 0; i < n; i++) x[i * dims + d] = v[i * dims + d]! - mean;
  }
  for (let c = 0; c < k; c++) {
    let w = new Float64Array(dims).map(() => rng.next() - 0.5);
    for (let it = 0; it < 100; it++) {
      const next = new Float64Array(dims);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let d = 0; d < dims; d++) s += x[i * dims + d]! * w[d]!;
        for (let d = 0; d < dims; d++) next[d]! += s * x[i * dims + d]!;
      }
      const norm = Math.hypot(...next);
      if (norm < 1e-12) break;
      w = next.map((a) => a / norm);
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += x[i * dims + d]! * w[d]!;
      out[i * k + c] = s;
      for (let d = 0; d < dims; d++) x[i * dims + d]! -= s * w[d]!;
    }
  }
  return out;
}
