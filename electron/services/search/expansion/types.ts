// Query expansion's vocabulary: what an expansion is (for the "why it matched" explanation) and the
// options that switch each kind on, with the defaults chosen by bench/search/quality.ts.

/** One term matched or added beyond the query's own words, and why. */
export type Expansion = { from: string; to: string; kind: 'neighbour' | 'feedback' };

export type ExpansionOptions = {
  /**
   * Model-vocabulary neighbours: each query word matched to its nearest word of a candidate paper in
   * the embedding model's space (library terms only), similarity ≥ minSimilarity, raised to `power`.
   * `depth` candidates are taken from the top of each of the keyword and semantic lists.
   * `lengthNorm` is the b of the pivoted length normalisation of the score (0 = none).
   */
  neighbours: {
    enabled: boolean;
    minSimilarity: number;
    power: number;
    depth: number;
    lengthNorm: number;
  };
  /** RM3-style: terms of the first pass's top papers, searched as a second keyword query. */
  keywordFeedback: { enabled: boolean; docs: number; terms: number; weight: number };
  /** Rocchio: the query vector moved towards the mean vector of the first pass's top papers. */
  vectorFeedback: { enabled: boolean; docs: number; weight: number };
};

/**
 * Defaults measured on the tune split of bench/search/paraphrase-queries.json (figures in
 * fusion.ts): neighbours on over the top 100 of each list, length-normalised (b = 0.25); both
 * feedback kinds off, as they measured no better there.
 */
export const EXPANSION: ExpansionOptions = {
  neighbours: { enabled: true, minSimilarity: 0.4, power: 2, depth: 100, lengthNorm: 0.25 },
  keywordFeedback: { enabled: false, docs: 5, terms: 10, weight: 0.3 },
  vectorFeedback: { enabled: false, docs: 5, weight: 0.5 },
};

/** Options over the defaults, one kind at a time (a bench or a test changes only what it names). */
export type ExpansionOverrides = { [K in keyof ExpansionOptions]?: Partial<ExpansionOptions[K]> };

export function expansionOptions(over: ExpansionOverrides = {}): ExpansionOptions {
  return {
    neighbours: { ...EXPANSION.neighbours, ...over.neighbours },
    keywordFeedback: { ...EXPANSION.keywordFeedback, ...over.keywordFeedback },
    vectorFeedback: { ...EXPANSION.vectorFeedback, ...over.vectorFeedback },
  };
}
