// How an estimated probability of relevance (a search hit's `relevance`) is put into words, and the
// line below which a search says "no close match"; shared by the service, the CLI and the Search view.

/**
 * Below this estimated probability for every hit, a search has no close match. Chosen on the 13 dev
 * queries with the fit in electron/services/search/calibration.ts: every dev query's best hit is at
 * or above it, and so is each of the 11 relevant best hits; all 8 off-topic queries written for
 * bench/search/calibration.ts fall below (that script prints the counts).
 */
export const NO_CLOSE_MATCH = 0.3;

/** At or above this a hit is a strong match (77 % of such hits were relevant on the held-out split). */
export const STRONG_MATCH = 0.7;

export type RelevanceBand = 'strong' | 'possible' | 'weak';

export function relevanceBand(p: number): RelevanceBand {
  return p >= STRONG_MATCH ? 'strong' : p >= NO_CLOSE_MATCH ? 'possible' : 'weak';
}

export const BAND_LABELS: Record<RelevanceBand, string> = {
  strong: 'Strong match',
  possible: 'Possible match',
  weak: 'Weak match',
};

/** "93%": an estimated probability as a whole percentage, never 0 % or 100 % (it is an estimate). */
export function percent(p: number): string {
  return `${Math.min(99, Math.max(1, Math.round(p * 100)))}%`;
}
