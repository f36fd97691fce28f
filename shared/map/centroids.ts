// Cluster geometry in the embedding space: row normalisation, unit centroids, and each paper's
// centrality weight in its cluster (what label candidates are weighted by).
export function normaliseRows(v: Float32Array, n: number, dims: number): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += v[i * dims + d]! ** 2;
    const norm = Math.sqrt(s);
    if (norm > 0) for (let d = 0; d < dims; d++) v[i * dims + d]! /= norm;
  }
}

export function dot(v: Float32Array, i: number, c: Float32Array, dims: number): number {
  let s = 0;
  for (let d = 0; d < dims; d++) s += v[i * dims + d]! * c[d]!;
  return s;
}

/**
 * Each paper's weight in its cluster's label, by its rank of similarity to the centroid: (1 − r/n)²,
 * so the core of a mixed cluster speaks for it — on the sample feed the distributed-training core
 * of a cluster was labelled by image papers at its edge. Ranks, not cosines: with word vectors the
 * members' cosines are all close (0.8–0.95), and a power of them barely separates core from edge.
 * Unassigned papers weigh 0.
 */
export function centralityWeights(
  v: Float32Array,
  dims: number,
  assignment: ArrayLike<number>,
  centroids: readonly Float32Array[],
): Float64Array {
  const out = new Float64Array(assignment.length);
  const members: { i: number; s: number }[][] = centroids.map(() => []);
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i]!;
    if (c >= 0) members[c]!.push({ i, s: dot(v, i, centroids[c]!, dims) });
  }
  for (const list of members) {
    list.sort((a, b) => b.s - a.s || a.i - b.i);
    list.forEach(({ i }, r) => (out[i] = (1 - r / list.length) ** 2));
  }
  return out;
}

/** Unit centroids of each cluster in the embedding space. */
export function centroidsOf(
  v: Float32Array,
  n: number,
  dims: number,
  assignment: ArrayLike<number>,
  k: number,
): Float32Array[] {
  const out = Array.from({ length: k }, () => new Float32Array(dims));
  for (let i = 0; i < n; i++) {
    const a = assignment[i]!;
    if (a < 0) continue;
    for (let d = 0; d < dims; d++) out[a]![d]! += v[i * dims + d]!;
  }
  for (const c of out) {
    const norm = Math.hypot(...c);
    if (norm > 0) for (let d = 0; d < dims; d++) c[d]! /= norm;
  }
  return out;
}
