// The embedding matrix of the bundled model: vocabulary choice, domain words, SIF weights and
// common-component removal baked into one row per token.
import { DOMAIN_TERMS } from './domain-terms.mjs';
import { PAD, UNK, isPunctuation, vocabKey } from './tokenizer.mjs';
import { SOURCE_PACKAGE } from './wink-source.mjs';

/** Default build options: the variant that measured best (see resources/models/README.md). */
export const DEFAULT_OPTIONS = Object.freeze({
  vocabSize: 100000,
  sif: 1e-4,
  pcs: 2,
  domainTerms: true,
  zeroPunctuation: true,
  dtype: 'int8',
});

/**
 * Unigram probability of the word at 0-based frequency rank r, from Zipf's law over the whole
 * source vocabulary (the JSON lists words by corpus frequency; no counts are shipped).
 */
function zipf(totalWords) {
  let h = 0;
  for (let r = 1; r <= totalWords; r++) h += 1 / r;
  return (rank) => 1 / ((rank + 1) * h);
}

/**
 * Builds the vocabulary and embedding matrix for one set of options.
 * Returns { tokens: string[] (index = token id), matrix: Float32Array [tokens.length × dims], dims, stats }.
 */
export function buildMatrix(wink, opts) {
  const o = { ...DEFAULT_OPTIONS, ...opts };
  const dims = wink.dims;
  const p = zipf(wink.words.length);
  const tokens = [PAD, UNK];
  const rows = [new Float64Array(dims), new Float64Array(dims)];
  const probs = [0, 0];
  const seen = new Set(tokens);
  const rankOf = new Map();
  let skipped = 0;

  const add = (key, vec, prob) => {
    tokens.push(key);
    rows.push(Float64Array.from(vec));
    probs.push(prob);
    seen.add(key);
  };

  // Top-N words by frequency rank. Words the tokenizer cannot produce (containing punctuation,
  // e.g. "u.s." or "'s") are skipped without using up a slot; accent-folded duplicates keep the
  // more frequent spelling.
  for (let r = 0; r < wink.words.length && tokens.length - 2 < o.vocabSize; r++) {
    const w = wink.words[r];
    const key = vocabKey(w);
    if (!key || seen.has(key)) {
      skipped++;
      continue;
    }
    rankOf.set(key, r);
    const isP = isPunctuation(key);
    add(key, o.zeroPunctuation && isP ? new Float64Array(dims) : wink.vector(w), p(r));
  }

  // Domain terms: either the word's own vector when it ranks below the cut ('='), or the average
  // of a descriptive phrase's vectors, with the probability of the phrase's rarest word (a rough
  // frequency for the term).
  let domainAdded = 0;
  if (o.domainTerms) {
    const rank = new Map(wink.words.map((w, i) => [w, i]));
    const at = new Map(tokens.map((t, i) => [t, i]));
    for (const [term, phrase] of DOMAIN_TERMS) {
      let vec;
      let prob;
      if (phrase === '=') {
        if (seen.has(term)) continue;
        vec = wink.vector(term);
        if (!vec) throw new Error(`domain word "${term}" has no vector in ${SOURCE_PACKAGE}`);
        prob = p(rank.get(term));
      } else {
        const words = phrase.split(' ');
        vec = new Float64Array(dims);
        let rarest = 0;
        for (const w of words) {
          const v = wink.vector(w);
          if (!v) throw new Error(`domain phrase word "${w}" (for "${term}") has no vector`);
          for (let d = 0; d < dims; d++) vec[d] += v[d] / words.length;
          rarest = Math.max(rarest, rank.get(w));
        }
        prob = p(rarest);
      }
      // Words GloVe already has keep their own vector: overriding in-vocabulary words with the
      // phrase (rl, vit, …) measured worse on the dev queries, equal on titles.
      if (at.has(term)) continue;
      add(term, vec, prob);
      domainAdded++;
    }
  }

  // SIF (Arora et al. 2017): weight a / (a + p(w)). Mean pooling + L2 normalisation in the
  // pipeline then gives the SIF sentence vector (the length divisor cancels in the normalisation).
  if (o.sif) {
    for (let i = 2; i < rows.length; i++) {
      const s = o.sif / (o.sif + probs[i]);
      for (let d = 0; d < dims; d++) rows[i][d] *= s;
    }
  }

  // Common-component removal: the top principal direction(s) of the expected sentence vector,
  // i.e. eigenvectors of Σ p(w) r_w r_wᵀ over the (weighted) rows. Projection is linear, so
  // removing it from every row equals removing it from the pooled vector, as SIF does.
  const components = [];
  for (let k = 0; k < (o.pcs ?? 0); k++) {
    const cov = new Float64Array(dims * dims);
    for (let i = 2; i < rows.length; i++) {
      const r = rows[i];
      const wgt = probs[i];
      for (let a = 0; a < dims; a++) {
        const ra = r[a] * wgt;
        if (ra === 0) continue;
        for (let b = 0; b < dims; b++) cov[a * dims + b] += ra * r[b];
      }
    }
    const u = powerIteration(cov, dims);
    components.push(u);
    for (let i = 2; i < rows.length; i++) {
      const r = rows[i];
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += r[d] * u[d];
      for (let d = 0; d < dims; d++) r[d] -= dot * u[d];
    }
  }

  const matrix = new Float32Array(rows.length * dims);
  rows.forEach((r, i) => matrix.set(r, i * dims));
  return {
    tokens,
    matrix,
    dims,
    stats: { vocabSize: tokens.length, skipped, domainAdded, pcs: components.length },
  };
}

/** Dominant eigenvector of a symmetric PSD matrix; deterministic start, sign fixed. */
function powerIteration(m, n) {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  for (let it = 0; it < 500; it++) {
    const next = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let b = 0; b < n; b++) s += m[a * n + b] * v[b];
      next[a] = s;
    }
    let norm = 0;
    for (let a = 0; a < n; a++) norm += next[a] * next[a];
    norm = Math.sqrt(norm);
    let delta = 0;
    for (let a = 0; a < n; a++) {
      next[a] /= norm;
      delta = Math.max(delta, Math.abs(next[a] - v[a]));
    }
    v = next;
    if (delta < 1e-12) break;
  }
  let big = 0;
  for (let a = 1; a < n; a++) if (Math.abs(v[a]) > Math.abs(v[big])) big = a;
  if (v[big] < 0) for (let a = 0; a < n; a++) v[a] = -v[a];
  return v;
}
