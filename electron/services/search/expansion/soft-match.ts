// Soft term matching with the embedding model's own vocabulary: each query word is matched to the
// nearest word of a paper (exact = 1, else the cosine of their static vectors when ≥ a threshold,
// raised to a power), weighted by idf and averaged — a translation-model / soft-cosine score in the
// spirit of Kusner et al. 2015 (word mover's) and Sidorov et al. 2014 (soft cosine). The bundled
// model's mean-pooled paper vectors blur a 150-word abstract into one point; matching word by word
// lets "light" meet "optical" in the one sentence that says so (tune split nDCG@10 on paraphrases
// 0.24 → 0.39, bench/search/quality.ts).

/** The library terms' unit vectors: row i of `vectors` is `terms[i]`; unknown words have no row. */
export type TermTable = { row: Map<string, number>; vectors: Float32Array; dims: number };

export function termTable(terms: string[], vecs: Float32Array[]): TermTable {
  const dims = vecs.find((v) => v.length)?.length ?? 0;
  const row = new Map<string, number>();
  const vectors = new Float32Array(terms.length * dims);
  terms.forEach((t, i) => {
    const v = vecs[i]!;
    if (!v.length || !v.some((x) => x !== 0)) return;
    let n = 0;
    for (const x of v) n += x * x;
    n = Math.sqrt(n);
    const r = row.size;
    for (let d = 0; d < dims; d++) vectors[r * dims + d] = v[d]! / n;
    row.set(t, r);
  });
  return { row, vectors: vectors.subarray(0, row.size * dims), dims };
}

export type SoftScore = {
  score: number;
  matches: { from: string; to: string; similarity: number }[];
};

/**
 * Scores papers against one query. `queryVectors[i]` is the model's vector of `queryWords[i]`
 * (zero when unknown); `df` and `n` give idf. Similarities are computed once per distinct term.
 */
export class SoftMatcher {
  private readonly sims = new Map<string, Float32Array>();
  private readonly idf: number[];
  private readonly unit: (Float32Array | null)[];
  /** Query word → its index, for exact matches. */
  private readonly position: Map<string, number>;

  constructor(
    private readonly table: TermTable,
    private readonly queryWords: string[],
    queryVectors: Float32Array[],
    df: (w: string) => number,
    n: number,
    private readonly opts: { minSimilarity: number; power: number },
  ) {
    this.position = new Map(queryWords.map((w, i) => [w, i]));
    this.idf = queryWords.map((w) => Math.log((n + 1) / (df(w) + 1)));
    this.unit = queryVectors.map((v) => {
      let s = 0;
      for (const x of v) s += x * x;
      return s > 0 && v.length === table.dims ? v.map((x) => x / Math.sqrt(s)) : null;
    });
  }

  private similarities(term: string): Float32Array | undefined {
    let s = this.sims.get(term);
    if (s) return s;
    const r = this.table.row.get(term);
    if (r === undefined) return undefined;
    const { vectors, dims } = this.table;
    s = new Float32Array(this.queryWords.length);
    this.unit.forEach((q, i) => {
      if (!q) return;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += q[d]! * vectors[r * dims + d]!;
      s![i] = dot;
    });
    this.sims.set(term, s);
    return s;
  }

  /** Scores one paper given its distinct words (LibraryTerms.wordsOf keeps them per paper). */
  score(have: readonly string[]): SoftScore {
    const best: number[] = this.queryWords.map(() => 0);
    const to: string[] = this.queryWords.map(() => '');
    // Exact words first: a neighbour replaces one only if more similar than the word itself.
    for (const t of have) {
      const i = this.position.get(t);
      if (i === undefined) continue;
      best[i] = 1;
      to[i] = t;
    }
    for (const t of have) {
      const s = this.similarities(t);
      if (!s) continue;
      for (let i = 0; i < best.length; i++) {
        if (s[i]! <= best[i]!) continue;
        best[i] = s[i]!;
        to[i] = t;
      }
    }
    let num = 0;
    let den = 0;
    const matches: SoftScore['matches'] = [];
    best.forEach((b, i) => {
      den += this.idf[i]!;
      if (b < this.opts.minSimilarity) return;
      num += this.idf[i]! * b ** this.opts.power;
      if (to[i] !== this.queryWords[i])
        matches.push({ from: this.queryWords[i]!, to: to[i]!, similarity: b });
    });
    return { score: den > 0 ? num / den : 0, matches };
  }
}
