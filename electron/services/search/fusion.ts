// Fusion of keyword (BM25), semantic (cosine) and soft term-match rankings into one hybrid ranking.
// The method and weights were chosen by measurement on the sample feed (bench/search/quality.ts,
// tune split of bench/search/paraphrase-queries.json): see FUSION at the end.

export type Ranked = { id: string; score: number };
/** A fused ranking's entry; `anchored` marks BM25's top hit where fusion kept it first. */
export type Fused = Ranked & { anchored?: true };

/**
 * Best score first, equal scores by id: LanceDB returns papers with exactly equal BM25 scores in an
 * arbitrary order, which made identical searches (and the quality bench) shuffle between runs.
 */
export function byScoreThenId<R extends Ranked>(ranked: R[]): R[] {
  return ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type FusionMethod =
  /** Reciprocal-rank fusion (Cormack et al. 2009) with a weight per list. */
  | { kind: 'rrf'; k: number; ftsWeight: number }
  /**
   * Convex combination of BM25 divided by the query's best BM25 (0 when absent) and the cosine
   * similarity, raw or min–max scaled over the candidates. `anchorKeywordTop` keeps BM25's first hit
   * first: the bundled static model is much weaker than BM25 (MRR 0.55 vs 0.94 on titles), so it may
   * reorder and add candidates but not overrule a confident keyword match.
   */
  | { kind: 'convex'; ftsWeight: number; vectorNorm: 'raw' | 'minmax'; anchorKeywordTop: boolean }
  /**
   * Convex combination of BM25/max, raw cosine and the soft term-match score
   * (expansion/soft-match.ts) with weight 1 − ftsWeight − vectorWeight, over the papers the soft
   * scores cover (the candidates); without soft scores it is `fallback`.
   */
  | {
      kind: 'soft';
      ftsWeight: number;
      vectorWeight: number;
      anchorKeywordTop: boolean;
      /**
       * Anchor BM25's top hit only when it holds at least this share of the query: its own words'
       * idf share there, or held in other forms and through expansions (search-service's
       * heldByKeywordTop); unset: always.
       */
      anchorMinExact?: number;
      fallback: FusionMethod;
    };

function rrf(fts: Ranked[], vec: Ranked[], k: number, w: number): Map<string, number> {
  const out = new Map<string, number>();
  fts.forEach((r, i) => out.set(r.id, (out.get(r.id) ?? 0) + w / (k + i + 1)));
  vec.forEach((r, i) => out.set(r.id, (out.get(r.id) ?? 0) + (1 - w) / (k + i + 1)));
  return out;
}

function convex(
  fts: Ranked[],
  vec: Ranked[],
  w: number,
  norm: 'raw' | 'minmax',
): Map<string, number> {
  const out = new Map<string, number>();
  const top = fts[0]?.score ?? 0;
  for (const r of fts) out.set(r.id, w * (top > 0 ? r.score / top : 0));
  if (vec.length) {
    const hi = vec[0]!.score;
    const lo = vec[vec.length - 1]!.score;
    const scale = (s: number) => (norm === 'raw' ? s : (s - lo) / (hi - lo || 1));
    for (const r of vec) out.set(r.id, (out.get(r.id) ?? 0) + (1 - w) * scale(r.score));
  }
  return out;
}

function withSoft(
  fts: Ranked[],
  vec: Ranked[],
  soft: Map<string, number>,
  a: number,
  b: number,
): Map<string, number> {
  const top = fts[0]?.score ?? 0;
  const f = new Map(fts.map((r) => [r.id, top > 0 ? r.score / top : 0]));
  const v = new Map(vec.map((r) => [r.id, r.score]));
  const out = new Map<string, number>();
  for (const [id, s] of soft)
    out.set(id, a * (f.get(id) ?? 0) + b * (v.get(id) ?? 0) + (1 - a - b) * s);
  return out;
}

/** `soft`: soft term-match scores of the candidates, for the 'soft' method. */
export function fuse(
  fts: Ranked[],
  vec: Ranked[],
  method: FusionMethod,
  soft?: Map<string, number>,
  /** How much of the query BM25's top hit holds (0–1), for `anchorMinExact`. */
  topHeld = 0,
): Fused[] {
  if (method.kind === 'soft' && !soft?.size) return fuse(fts, vec, method.fallback);
  const scores =
    method.kind === 'rrf'
      ? rrf(fts, vec, method.k, method.ftsWeight)
      : method.kind === 'convex'
        ? convex(fts, vec, method.ftsWeight, method.vectorNorm)
        : withSoft(fts, vec, soft!, method.ftsWeight, method.vectorWeight);
  const ranked: Fused[] = [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const confident =
    method.kind !== 'soft' ||
    method.anchorMinExact === undefined ||
    topHeld >= method.anchorMinExact;
  if (method.kind !== 'rrf' && method.anchorKeywordTop && fts[0] && confident) {
    const i = ranked.findIndex((r) => r.id === fts[0]!.id);
    if (i >= 0) ranked.unshift({ ...ranked.splice(i, 1)[0]!, anchored: true });
  }
  return ranked;
}

/**
 * Keyword and semantic only (the default before issue 13, and the fallback when there are no soft
 * scores): BM25's top hit first, then 0.92·BM25/max + 0.08·cosine. Dev queries 0.892 / 0.730 / 0.627
 * (MRR / nDCG / Recall @10), title→abstract 0.9445 / 0.9529 / 0.978.
 */
export const FUSION_WITHOUT_SOFT: FusionMethod = {
  kind: 'convex',
  ftsWeight: 0.92,
  vectorNorm: 'raw',
  anchorKeywordTop: true,
};

/**
 * The default: BM25's top hit first when it holds at least half of the query (anchorMinExact 0.5;
 * see SearchService.heldByKeywordTop), then 0.1·BM25/max + 0.15·cosine + 0.75·soft term match
 * (length-normalised, b = 0.25) over the top 100 of each list. Chosen on the tune split (nDCG@10,
 * hybrid, before issue 13 → first soft fusion 0.1/0.2/0.7 over 50 → this): paraphrases
 * 0.239 → 0.383 → 0.400, keyword queries 0.917 → 0.946 → 0.948, with the 13 dev queries
 * (0.730 → 0.768 → 0.771) and title→abstract (0.953 → 0.951 → 0.951) as guards allowed to lose at
 * most 0.01. A grid over BM25 weight {0.05, 0.1, 0.15} × cosine {0.15…0.3} × depth {50, 100} × b
 * {0, 0.25, 0.5} × threshold {0.35, 0.4, 0.45} put 12 settings within 0.01 of the best paraphrase
 * score (0.409, BM25 weight 0.05, which lost 0.004 on keywords); of those this one keeps the tune
 * keyword queries highest. Without soft scores the best RRF or min–max fusion reached 0.281 there;
 * on top of this fusion, sentence-level max-sim of the static vectors (0.379), stem-equal words
 * counted as exact (0.347) and Rocchio re-scoring of the candidates (≤ +0.002) did not pay; nor
 * did paper and query vectors pooled with the library's own word frequencies (0.403, dev queries
 * −0.005; bench/search/pooling.ts) or nearest library terms added to the keyword query (≤ 0.406,
 * dev queries −0.04).
 *
 * Anchoring BM25's top hit only when it holds the query's own words (issue 13, last step): for a
 * paraphrase BM25's top hit is usually a paper that shares one incidental word, and putting it first
 * cost every paraphrase query its first place. Tune split, hybrid nDCG@10: paraphrases 0.400 → 0.460,
 * keyword queries 0.948 → 0.948; guards: dev queries 0.771 → 0.751 (0.730 before issue 13),
 * title→abstract 0.951 → 0.947 (0.953 before). Thresholds 0.25…0.6 scored 0.459–0.460 on tune
 * paraphrases; 0.5 keeps title→abstract furthest from its limit (0.6: 0.945; 0.75 and 1: 0.938).
 * Never anchoring: 0.460 but title→abstract 0.934, past the limit. Counting, for BM25's top hit, also
 * the query words it holds in another form or through an expansion ("ViTs", "vision transformer"
 * for "ViT", which the abbreviation test in tests/integration/keyword-search.test.ts needs):
 * paraphrases 0.459, title→abstract 0.952.
 */
export const FUSION: FusionMethod = {
  kind: 'soft',
  ftsWeight: 0.1,
  vectorWeight: 0.15,
  anchorKeywordTop: true,
  anchorMinExact: 0.5,
  fallback: FUSION_WITHOUT_SOFT,
};
