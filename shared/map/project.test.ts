// The fast projection path (typed-array layout loop, the 2-D run reusing the first run's fuzzy
// graph) against umap-js driven the plain way: the embeddings must be bit-identical, so the speed-up
// changes no map and no clustering.
import { UMAP } from 'umap-js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../graph/rng';
import { project, scale } from './project';

/** The projection as umap-js's own API computes it: fit, step every epoch, for 5-D then 2-D. */
function reference(rows: number[][], seed: number, epochs: number) {
  const run = (nComponents: number, minDist: number, s: number, knn?: [number[][], number[][]]) => {
    const umap = new UMAP({
      nComponents,
      nNeighbors: 15,
      minDist,
      nEpochs: epochs,
      random: createRng(s).next,
    });
    if (knn) umap.setPrecomputedKNN(knn[0], knn[1]);
    const n = umap.initializeFit(rows);
    for (let e = 0; e < n; e++) umap.step();
    return umap;
  };
  const first = run(5, 0, seed);
  const priv = first as unknown as { knnIndices: number[][]; knnDistances: number[][] };
  const second = run(2, 0.1, seed + 1, [priv.knnIndices, priv.knnDistances]);
  return { low: first.getEmbedding().flat(), xy: second.getEmbedding().flat() };
}

/** Unit rows around four centres in 24-D (seeded). */
function data(n: number, dims: number) {
  const rng = createRng(7);
  const v = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < dims; d++) {
      const x = (d % 4 === i % 4 ? 1 : 0) + 0.4 * rng.next();
      v[i * dims + d] = x;
      s += x * x;
    }
    for (let d = 0; d < dims; d++) v[i * dims + d]! /= Math.sqrt(s);
  }
  return v;
}

describe('project', () => {
  it('gives exactly the embedding umap-js computes step by step', () => {
    const n = 300;
    const dims = 24;
    const v = data(n, dims);
    const rows = Array.from({ length: n }, (_, i) =>
      Array.from(v.subarray(i * dims, (i + 1) * dims)),
    );
    const ref = reference(rows, 42, 60);
    const fast = project(v, n, dims, { seed: 42, epochs: 60 });
    expect(fast.method).toBe('umap');
    expect(Array.from(fast.low)).toEqual(ref.low);
    // project() rescales the 2-D layout to [−1, 1] on the wider axis.
    expect(Array.from(fast.xy)).toEqual(Array.from(scale(Float64Array.from(ref.xy), n)));
  });
});
