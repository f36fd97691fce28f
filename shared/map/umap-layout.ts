// UMAP's layout optimisation (the SGD over the fuzzy graph's edges with negative sampling) on flat
// typed arrays: the same arithmetic in the same order with the same random draws as umap-js's
// `optimizeLayoutStep`, so the embedding is bit-identical (engine.test.ts checks it), but without
// umap-js's arrays of arrays and per-element helper calls. bench/map: that step was 60 % of the
// map's compute at 10k papers (8.8 s of 2 × 200 epochs on a 2,000-paper sample).
import type { UMAP } from 'umap-js';

/** The fields of umap-js's private optimisation state this loop reads (set by `initializeFit`). */
type OptimizationState = {
  head: number[];
  tail: number[];
  headEmbedding: number[][];
  epochsPerSample: number[];
  epochOfNextSample: number[];
  epochOfNextNegativeSample: number[];
  epochsPerNegativeSample: number[];
  moveOther: boolean;
  initialAlpha: number;
  alpha: number;
  gamma: number;
  a: number;
  b: number;
  dim: number;
  nEpochs: number;
  nVertices: number;
  currentEpoch: number;
};

/**
 * Runs every remaining epoch of a UMAP instance after `initializeFit` and returns its embedding
 * (n rows of `dim` numbers, as `getEmbedding()` would). `random` must be the instance's own RNG,
 * so the draws continue its stream exactly as umap-js's `step()` would.
 */
export function optimizeLayout(
  umap: UMAP,
  random: () => number,
  onEpoch?: (epoch: number, total: number) => void,
): number[][] {
  const st = (umap as unknown as { optimizationState: OptimizationState }).optimizationState;
  const { dim, nVertices, nEpochs, gamma, a, b, initialAlpha, moveOther } = st;
  const rows = st.headEmbedding;
  const n = rows.length;
  if (!moveOther || nVertices !== n)
    throw new Error('map: the fast UMAP layout needs a fit (head and tail embedding the same)');
  const emb = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) emb[i * dim + d] = rows[i]![d]!;
  const m = st.epochsPerSample.length;
  const head = Int32Array.from(st.head);
  const tail = Int32Array.from(st.tail);
  const eps = Float64Array.from(st.epochsPerSample);
  const next = Float64Array.from(st.epochOfNextSample);
  const nextNeg = Float64Array.from(st.epochOfNextNegativeSample);
  const epsNeg = Float64Array.from(st.epochsPerNegativeSample);
  const clipValue = 4.0;
  const clip = (x: number): number => (x > clipValue ? clipValue : x < -clipValue ? -clipValue : x);
  let alpha = st.alpha;
  for (let epoch = st.currentEpoch; epoch < nEpochs; epoch++) {
    for (let i = 0; i < m; i++) {
      if (next[i]! > epoch) continue;
      const j = head[i]!;
      const cur = j * dim;
      const oth = tail[i]! * dim;
      let distSquared = 0.0;
      for (let d = 0; d < dim; d++) {
        const v = emb[cur + d]! - emb[oth + d]!;
        distSquared += v * v;
      }
      let gradCoeff = 0;
      if (distSquared > 0) {
        gradCoeff = -2.0 * a * b * Math.pow(distSquared, b - 1.0);
        gradCoeff /= a * Math.pow(distSquared, b) + 1.0;
      }
      for (let d = 0; d < dim; d++) {
        const gradD = clip(gradCoeff * (emb[cur + d]! - emb[oth + d]!));
        emb[cur + d]! += gradD * alpha;
        emb[oth + d]! += -gradD * alpha;
      }
      next[i]! += eps[i]!;
      const nNeg = Math.floor((epoch - nextNeg[i]!) / epsNeg[i]!);
      for (let p = 0; p < nNeg; p++) {
        const k = Math.floor(random() * nVertices);
        const o = k * dim;
        let ds = 0.0;
        for (let d = 0; d < dim; d++) {
          const v = emb[cur + d]! - emb[o + d]!;
          ds += v * v;
        }
        let coeff = 0.0;
        if (ds > 0.0) {
          coeff = 2.0 * gamma * b;
          coeff /= (0.001 + ds) * (a * Math.pow(ds, b) + 1);
        } else if (j === k) continue;
        for (let d = 0; d < dim; d++) {
          let gradD = 4.0;
          if (coeff > 0.0) gradD = clip(coeff * (emb[cur + d]! - emb[o + d]!));
          emb[cur + d]! += gradD * alpha;
        }
      }
      nextNeg[i]! += nNeg * epsNeg[i]!;
    }
    alpha = initialAlpha * (1.0 - epoch / nEpochs);
    if (epoch % 10 === 0) onEpoch?.(epoch, nEpochs);
  }
  st.alpha = alpha;
  st.currentEpoch = nEpochs;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from(emb.subarray(i * dim, (i + 1) * dim)));
  return out;
}
