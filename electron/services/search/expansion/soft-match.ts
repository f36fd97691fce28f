// Soft term matching with the embedding model's own vocabulary: each query word is matched to the
// nearest word of a paper (exact = 1, else the cosine of their static vectors when ≥ a threshold,
// raised to a power), weighted by idf and averaged — a translation-model / soft-cosine score in the
// spirit of Kusner et al. 2015 (word mover's) and Sidorov et al. 2014 (soft cosine). The bundled
// model's mean-pooled paper vectors blur a 150-word abstract into one point; matching word by word
// lets "light" meet "optical" in the one sentence that says so (tune split nDCG@10 on paraphrases
// 0.24 → 0.39, bench/search/quality.ts). The score is divided by BM25's pivoted length norm
// (1 − b + b·words/average, Singhal et al. 1996), since a long abstract offers more words for a
// query word to land near by chance (b = 0.25: tune-split paraphrases 0.383 → 0.389 on its own).

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
  /** The share of the query's idf its own words carry in the paper (1: every word is there). */
  exact: number;
  matches: { from: string; to: string; similarity: number }[];
};

/** Each word's row in `table` (-1: none), so scoring a paper needs no string lookups. */
export function rowsOf(table: TermTable, words: readonly string[]): Int32Array {
  return Int32Array.from(words, (w) => table.row.get(w) ?? -1);
}

export type SoftMatchOptions = {
  minSimilarity: number;
  power: number;
  /** Pivoted length normalisation's b (0 = none), against `averageWords` distinct words a paper. */
  lengthNorm?: number;
  averageWords?: number;
};

/**
 * Scores papers against one query. `queryVectors[i]` is the model's vector of `queryWords[i]`
 * (zero when unknown); `df` and `n` give idf. Similarities are computed once per distinct term.
 */
export class SoftMatcher {
  /** Per table row: where its similarities to the query words start in `sims` (-1: not yet). */
  private readonly at: Int32Array;
  private sims: Float32Array;
  private used = 0;
  private readonly idf: number[];
  private readonly unit: (Float32Array | null)[];
  /** Each query word's table row (-1: not in the table, matched by spelling only). */
  private readonly queryRows: Int32Array;

  constructor(
    private readonly table: TermTable,
    private readonly queryWords: string[],
    queryVectors: Float32Array[],
    df: (w: string) => number,
    n: number,
    private readonly opts: SoftMatchOptions,
  ) {
    this.at = new Int32Array(table.row.size).fill(-1);
    this.sims = new Float32Array(256 * Math.max(1, queryWords.length));
    this.queryRows = rowsOf(table, queryWords);
    this.idf = queryWords.map((w) => Math.log((n + 1) / (df(w) + 1)));
    this.unit = queryVectors.map((v) => {
      let s = 0;
      for (const x of v) s += x * x;
      return s > 0 && v.length === table.dims ? v.map((x) => x / Math.sqrt(s)) : null;
    });
  }

  /** Offset in `sims` of row r's similarities to the query words, computed on first use. */
  private similarities(r: number): number {
    const have = this.at[r]!;
    if (have >= 0) return have;
    const q = this.queryWords.length;
    if (this.used + q > this.sims.length) {
      const grown = new Float32Array(this.sims.length * 2);
      grown.set(this.sims);
      this.sims = grown;
    }
    const off = this.used;
    this.used += q;
    const { vectors, dims } = this.table;
    const base = r * dims;
    for (let i = 0; i < q; i++) {
      const u = this.unit[i];
      let dot = 0;
      if (u) for (let d = 0; d < dims; d++) dot += u[d]! * vectors[base + d]!;
      this.sims[off + i] = dot;
    }
    this.at[r] = off;
    return off;
  }

  /** Scores one paper given its distinct words (tests and callers without cached rows). */
  score(have: readonly string[]): SoftScore {
    return this.scoreRows(have, rowsOf(this.table, have));
  }

  /** Scores one paper from its distinct words and their table rows (LibraryTerms caches both). */
  scoreRows(have: readonly string[], rows: Int32Array): SoftScore {
    const q = this.queryWords.length;
    const qRows = this.queryRows;
    // Per query word: its best similarity in this paper, and at which of the paper's words.
    const best = new Float64Array(q);
    const where = new Int32Array(q).fill(-1);
    // Words the model does not know match by spelling only.
    for (let i = 0; i < q; i++) {
      if (qRows[i]! >= 0) continue;
      const j = have.indexOf(this.queryWords[i]!);
      if (j >= 0) {
        best[i] = 1;
        where[i] = j;
      }
    }
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j]!;
      if (r < 0) continue;
      const cached = this.at[r]!;
      const off = cached >= 0 ? cached : this.similarities(r);
      const sims = this.sims;
      for (let i = 0; i < q; i++) {
        // The word itself counts as exactly 1: only a neighbour more similar than that displaces it.
        const s = qRows[i] === r ? 1 : sims[off + i]!;
        if (s <= best[i]!) continue;
        best[i] = s;
        where[i] = j;
      }
    }
    const to = Array.from(where, (j) => (j >= 0 ? have[j]! : ''));
    let num = 0;
    let den = 0;
    let exact = 0;
    const matches: SoftScore['matches'] = [];
    best.forEach((b, i) => {
      den += this.idf[i]!;
      if (b < this.opts.minSimilarity) return;
      num += this.idf[i]! * b ** this.opts.power;
      if (to[i] === this.queryWords[i]) exact += this.idf[i]!;
      else matches.push({ from: this.queryWords[i]!, to: to[i]!, similarity: b });
    });
    const b = this.opts.lengthNorm ?? 0;
    const avg = this.opts.averageWords ?? 0;
    const norm = b > 0 && avg > 0 ? 1 - b + (b * have.length) / avg : 1;
    return { score: den > 0 ? num / den / norm : 0, exact: den > 0 ? exact / den : 0, matches };
  }
}
