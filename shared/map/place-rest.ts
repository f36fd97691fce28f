// Large libraries: the projection and clustering are fitted on a seeded sample, and the papers
// outside it are placed by their most similar sample papers (searched in a random projection).
import { createRng } from '../graph/rng';

/** `k` of `n` indices, chosen by a seeded partial Fisher–Yates shuffle, returned ascending. */
export function sample(n: number, k: number, seed: number): number[] {
  const rng = createRng(seed ^ 0x51ed);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, k).sort((a, b) => a - b);
}

export function gather(v: Float32Array, rows: readonly number[], dims: number): Float32Array {
  const out = new Float32Array(rows.length * dims);
  rows.forEach((r, i) => out.set(v.subarray(r * dims, (r + 1) * dims), i * dims));
  return out;
}

/** Neighbour search dimensions: a seeded Gaussian random projection (Johnson–Lindenstrauss) to this many. */
const SEARCH_DIMS = 32;
const PLACE_K = 5;

/**
 * Positions and clusters of the papers outside the fitted sample: the similarity-weighted mean
 * position of their PLACE_K most similar sample papers and the cluster most of them carry (which
 * may be "unassigned"). Similarity is searched in a random projection to SEARCH_DIMS dimensions,
 * which keeps 100k × 3000 comparisons in seconds.
 */
export function placeRest(
  v: Float32Array,
  n: number,
  dims: number,
  fit: readonly number[],
  fitLabels: Int32Array,
  fitXy: Float64Array,
  seed: number,
): { labels: Int32Array; xy: Float64Array } {
  const sd = Math.min(SEARCH_DIMS, dims);
  const rng = createRng(seed ^ 0x9a1ce);
  const gauss = (): number => {
    let s = 0;
    for (let i = 0; i < 6; i++) s += rng.next();
    return s - 3;
  };
  const R = new Float64Array(dims * sd).map(() => gauss());
  const reduce = (i: number): Float64Array => {
    const out = new Float64Array(sd);
    for (let d = 0; d < dims; d++) {
      const x = v[i * dims + d]!;
      if (x !== 0) for (let e = 0; e < sd; e++) out[e]! += x * R[d * sd + e]!;
    }
    const norm = Math.hypot(...out) || 1;
    for (let e = 0; e < sd; e++) out[e]! /= norm;
    return out;
  };
  const m = fit.length;
  const S = new Float64Array(m * sd);
  fit.forEach((r, j) => S.set(reduce(r), j * sd));
  const labels = new Int32Array(n).fill(-1);
  const xy = new Float64Array(2 * n);
  const inFit = new Int32Array(n).fill(-1);
  fit.forEach((r, j) => (inFit[r] = j));
  const bestJ = new Int32Array(PLACE_K);
  const bestS = new Float64Array(PLACE_K);
  for (let i = 0; i < n; i++) {
    const j0 = inFit[i]!;
    if (j0 >= 0) {
      labels[i] = fitLabels[j0]!;
      xy[2 * i] = fitXy[2 * j0]!;
      xy[2 * i + 1] = fitXy[2 * j0 + 1]!;
      continue;
    }
    const q = reduce(i);
    bestS.fill(-Infinity);
    bestJ.fill(-1);
    const keep = (s: number, j: number): void => {
      if (s <= bestS[PLACE_K - 1]!) return;
      let t = PLACE_K - 1;
      while (t > 0 && bestS[t - 1]! < s) {
        bestS[t] = bestS[t - 1]!;
        bestJ[t] = bestJ[t - 1]!;
        t--;
      }
      bestS[t] = s;
      bestJ[t] = j;
    };
    // Four sample papers at a time: four independent sums instead of one chain of dependent
    // additions (the chain's latency was the cost: 100k papers spent 16 s of CPU here). Each sum
    // still adds its products in the same order, so the similarities are bit for bit the same.
    let j = 0;
    for (; j + 3 < m; j += 4) {
      const o = j * sd;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let e = 0; e < sd; e++) {
        const x = q[e]!;
        s0 += x * S[o + e]!;
        s1 += x * S[o + sd + e]!;
        s2 += x * S[o + 2 * sd + e]!;
        s3 += x * S[o + 3 * sd + e]!;
      }
      keep(s0, j);
      keep(s1, j + 1);
      keep(s2, j + 2);
      keep(s3, j + 3);
    }
    for (; j < m; j++) {
      let s = 0;
      for (let e = 0; e < sd; e++) s += q[e]! * S[j * sd + e]!;
      keep(s, j);
    }
    let wx = 0;
    let wy = 0;
    let ws = 0;
    const votes = new Map<number, number>();
    for (let t = 0; t < PLACE_K; t++) {
      const j = bestJ[t]!;
      if (j < 0) continue;
      const w = Math.max(bestS[t]!, 0) + 1e-6;
      wx += w * fitXy[2 * j]!;
      wy += w * fitXy[2 * j + 1]!;
      ws += w;
      votes.set(fitLabels[j]!, (votes.get(fitLabels[j]!) ?? 0) + w);
    }
    let top = -Infinity;
    for (const [c, w] of [...votes].sort((a, b) => a[0] - b[0]))
      if (w > top) [labels[i], top] = [c, w];
    xy[2 * i] = wx / ws;
    xy[2 * i + 1] = wy / ws;
  }
  return { labels, xy };
}
