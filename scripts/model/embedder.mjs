// Hand computation of the pipeline output (mean pooling over all tokens + L2 normalisation), so
// tests and benchmarks can check the shipped model against the matrix it was built from.
import { MODEL_MAX_LENGTH, tokenize } from './tokenizer.mjs';

export function makeEmbedder(tokens, matrix, dims) {
  const ids = new Map(tokens.map((t, i) => [t, i]));
  return (text) => {
    const toks = tokenize(text).slice(0, MODEL_MAX_LENGTH);
    const out = new Float64Array(dims);
    for (const t of toks) {
      const off = (ids.get(t) ?? 1) * dims;
      for (let d = 0; d < dims; d++) out[d] += matrix[off + d];
    }
    // The pipeline divides by the token count (UNK included) before normalising; the division
    // cannot change the direction but is kept so the two computations follow the same steps.
    const n = Math.max(toks.length, 1);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      out[d] /= n;
      norm += out[d] * out[d];
    }
    norm = Math.max(Math.sqrt(norm), 1e-12);
    for (let d = 0; d < dims; d++) out[d] /= norm;
    return out;
  };
}
