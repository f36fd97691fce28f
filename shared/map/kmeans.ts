// k-means with seeded k-means++ seeding (Arthur & Vassilvitskii 2007) and Lloyd iterations, plus the
// silhouette (Rousseeuw 1987) used to choose k automatically. Written here because ml-kmeans is not
// installed; both are a few lines over row-major Float64Arrays.
import type { Rng } from '../graph/rng';

export type KmeansResult = { labels: Int32Array; centroids: Float64Array; k: number };

function sq(data: Float64Array, i: number, c: Float64Array, j: number, dims: number): number {
  let s = 0;
  for (let d = 0; d < dims; d++) {
    const v = data[i * dims + d]! - c[j * dims + d]!;
    s += v * v;
  }
  return s;
}

/** `restarts` seeded k-means++ runs, keeping the lowest inertia. k is clamped to [1, n]. */
export function kmeans(
  data: Float64Array,
  n: number,
  dims: number,
  kWanted: number,
  rng: Rng,
  restarts = 4,
  maxIter = 100,
): KmeansResult {
  const k = Math.max(1, Math.min(kWanted, n));
  let best: KmeansResult | null = null;
  let bestInertia = Infinity;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(data, n, dims, plusPlus(data, n, dims, k, rng), k, maxIter);
    if (run.inertia < bestInertia) {
      bestInertia = run.inertia;
      best = { labels: run.labels, centroids: run.centroids, k };
    }
  }
  return best ?? { labels: new Int32Array(n), centroids: new Float64Array(dims), k };
}

function plusPlus(data: Float64Array, n: number, dims: number, k: number, rng: Rng): Float64Array {
  const c = new Float64Array(k * dims);
  if (n === 0) return c;
  const first = rng.int(n);
  c.set(data.subarray(first * dims, first * dims + dims), 0);
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) d2[i] = sq(data, i, c, 0, dims);
  for (let j = 1; j < k; j++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += d2[i]!;
    let pick = 0;
    if (total > 0) {
      let t = rng.next() * total;
      for (pick = 0; pick < n - 1; pick++) {
        t -= d2[pick]!;
        if (t < 0) break;
      }
    } else pick = rng.int(n);
    c.set(data.subarray(pick * dims, pick * dims + dims), j * dims);
    for (let i = 0; i < n; i++) d2[i] = Math.min(d2[i]!, sq(data, i, c, j, dims));
  }
  return c;
}

function lloyd(
  data: Float64Array,
  n: number,
  dims: number,
  c: Float64Array,
  k: number,
  maxIter: number,
): { labels: Int32Array; centroids: Float64Array; inertia: number } {
  const labels = new Int32Array(n).fill(-1);
  let inertia = 0;
  for (let it = 0; it < maxIter; it++) {
    let changed = false;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let bj = 0;
      let bd = Infinity;
      for (let j = 0; j < k; j++) {
        const d = sq(data, i, c, j, dims);
        if (d < bd) {
          bd = d;
          bj = j;
        }
      }
      inertia += bd;
      if (labels[i] !== bj) {
        labels[i] = bj;
        changed = true;
      }
    }
    if (!changed) break;
    const sum = new Float64Array(k * dims);
    const cnt = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const j = labels[i]!;
      cnt[j]!++;
      for (let d = 0; d < dims; d++) sum[j * dims + d]! += data[i * dims + d]!;
    }
    // An emptied cluster keeps its old centre (rare; the next assignment may refill it).
    for (let j = 0; j < k; j++)
      if (cnt[j]! > 0)
        for (let d = 0; d < dims; d++) c[j * dims + d] = sum[j * dims + d]! / cnt[j]!;
  }
  return { labels, centroids: c, inertia };
}

/**
 * Mean silhouette of the labelled points (label ≥ 0) over at most `sample` of them (an even stride
 * through the points, so it is deterministic); distances to all labelled points. −1 when < 2 clusters.
 */
export function silhouette(
  data: Float64Array,
  n: number,
  dims: number,
  labels: Int32Array,
  sample = 1500,
): number {
  const pts: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i]! >= 0) pts.push(i);
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, labels[i]! + 1);
  if (k < 2 || pts.length < 3) return -1;
  const step = Math.max(1, Math.floor(pts.length / sample));
  const refs = pts.filter((_, t) => t % step === 0);
  let total = 0;
  let counted = 0;
  for (const i of refs) {
    const sum = new Float64Array(k);
    const cnt = new Int32Array(k);
    for (const j of refs) {
      if (i === j) continue;
      let s = 0;
      for (let d = 0; d < dims; d++) {
        const v = data[i * dims + d]! - data[j * dims + d]!;
        s += v * v;
      }
      sum[labels[j]!]! += Math.sqrt(s);
      cnt[labels[j]!]!++;
    }
    const own = labels[i]!;
    if (cnt[own]! === 0) continue;
    const a = sum[own]! / cnt[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && cnt[c]! > 0) b = Math.min(b, sum[c]! / cnt[c]!);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
    counted++;
  }
  return counted ? total / counted : -1;
}
