// What depends on cluster membership, recomputed after a merge: vectors in the map's paper order,
// centroids, key-phrase candidates (weighted by centrality) and the papers nearest each centroid.
import { clusterCandidates } from '@shared/map/labels';
import { centralityWeights, centroidsOf } from '@shared/map/pipeline';

export type ModelVectors = { ids: string[]; vectors: Float32Array; dims: number };

/** The vectors of `ids`, in that order (zeros for a paper with none). */
export function alignVectors(ids: string[], vec: ModelVectors): Float32Array {
  const pos = new Map(vec.ids.map((id, i) => [id, i]));
  const sorted = new Float32Array(ids.length * vec.dims);
  ids.forEach((id, i) => {
    const j = pos.get(id);
    if (j !== undefined)
      sorted.set(vec.vectors.subarray(j * vec.dims, (j + 1) * vec.dims), i * vec.dims);
  });
  return sorted;
}

/** Centroids, label candidates and central papers of every cluster of `assignment`. */
export function summarise(
  sorted: Float32Array,
  dims: number,
  texts: string[],
  assignment: number[],
  k: number,
) {
  const centroids = centroidsOf(sorted, texts.length, dims, assignment, k);
  const candidates = clusterCandidates(
    texts,
    assignment,
    k,
    undefined,
    undefined,
    centralityWeights(sorted, dims, assignment, centroids),
  );
  const central = centroids.map((c, ci) => centralOf(sorted, dims, assignment, ci, c));
  return { centroids, candidates, central };
}

/** The three papers nearest a cluster's centroid (by dot product). */
export function centralOf(
  v: Float32Array,
  dims: number,
  assignment: ArrayLike<number>,
  c: number,
  centroid: Float32Array,
): number[] {
  const scored: { i: number; s: number }[] = [];
  for (let i = 0; i < assignment.length; i++) {
    if (assignment[i] !== c) continue;
    let s = 0;
    for (let d = 0; d < dims; d++) s += v[i * dims + d]! * centroid[d]!;
    scored.push({ i, s });
  }
  return scored
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, 3)
    .map((x) => x.i);
}
