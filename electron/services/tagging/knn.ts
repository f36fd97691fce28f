// k nearest labelled papers by cosine (unit vectors, dot product). Below `EXACT_BELOW` labelled papers
// every query scans them all; above it an IVF index (k-means over the labelled vectors, √n lists,
// the nearest lists probed), because an exact scan of 10k papers × 2k labelled × 100-d took 21 s on
// the 2-core build machine, beyond the 10 s budget (bench/tagging/speed.ts measures time and recall).
import { dot } from './vectors';

/** Labelled papers from which the IVF index is used. */
export const EXACT_BELOW = 1_000;
/** Share of the lists probed per query. */
const PROBE_SHARE = 0.2;
const KMEANS_ROUNDS = 6;

export type Knn = {
  /** Fills idx/sim with the k nearest labelled rows of `query` (best first), skipping `exclude`; returns how many. */
  search(
    query: Float32Array,
    qo: number,
    k: number,
    exclude: number,
    idx: Int32Array,
    sim: Float64Array,
  ): number;
  exact: boolean;
  /** Sizes of the IVF lists (empty for the exact scan): how balanced the partition is. */
  listSizes: number[];
};

function insert(
  s: number,
  j: number,
  filled: number,
  k: number,
  idx: Int32Array,
  sim: Float64Array,
): number {
  if (filled === k && s <= sim[k - 1]!) return filled;
  let p = filled < k ? filled++ : k - 1;
  while (p > 0 && sim[p - 1]! < s) {
    sim[p] = sim[p - 1]!;
    idx[p] = idx[p - 1]!;
    p--;
  }
  sim[p] = s;
  idx[p] = j;
  return filled;
}

export function buildKnn(
  packed: Float32Array,
  n: number,
  dims: number,
  exactBelow = EXACT_BELOW,
): Knn {
  if (n < exactBelow)
    return {
      exact: true,
      listSizes: [],
      search(q, qo, k, exclude, idx, sim) {
        let filled = 0;
        for (let j = 0; j < n; j++) {
          if (j === exclude) continue;
          filled = insert(dot(q, qo, packed, j * dims, dims), j, filled, k, idx, sim);
        }
        return filled;
      },
    };
  // k-means (spherical: centroids renormalised) from evenly spaced seeds, so runs are reproducible.
  const c = Math.max(2, Math.round(Math.sqrt(n)));
  const centroids = new Float32Array(c * dims);
  for (let m = 0; m < c; m++) {
    const j = Math.floor((m * n) / c);
    centroids.set(packed.subarray(j * dims, (j + 1) * dims), m * dims);
  }
  const assign = new Int32Array(n);
  for (let round = 0; round < KMEANS_ROUNDS; round++) {
    for (let j = 0; j < n; j++) {
      let best = 0;
      let bestSim = -Infinity;
      for (let m = 0; m < c; m++) {
        const s = dot(packed, j * dims, centroids, m * dims, dims);
        if (s > bestSim) {
          bestSim = s;
          best = m;
        }
      }
      assign[j] = best;
    }
    centroids.fill(0);
    for (let j = 0; j < n; j++)
      for (let d = 0; d < dims; d++) centroids[assign[j]! * dims + d]! += packed[j * dims + d]!;
    for (let m = 0; m < c; m++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[m * dims + d]! ** 2;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dims; d++) centroids[m * dims + d]! *= inv;
    }
  }
  const lists: number[][] = Array.from({ length: c }, () => []);
  for (let j = 0; j < n; j++) lists[assign[j]!]!.push(j);
  const nprobe = Math.max(2, Math.ceil(c * PROBE_SHARE));
  const probeIdx = new Int32Array(nprobe);
  const probeSim = new Float64Array(nprobe);
  return {
    exact: false,
    listSizes: lists.map((l) => l.length),
    search(q, qo, k, exclude, idx, sim) {
      let probes = 0;
      for (let m = 0; m < c; m++)
        probes = insert(
          dot(q, qo, centroids, m * dims, dims),
          m,
          probes,
          nprobe,
          probeIdx,
          probeSim,
        );
      let filled = 0;
      for (let p = 0; p < probes; p++)
        for (const j of lists[probeIdx[p]!]!) {
          if (j === exclude) continue;
          filled = insert(dot(q, qo, packed, j * dims, dims), j, filled, k, idx, sim);
        }
      return filled;
    },
  };
}
