// Fusion of keyword (BM25) and semantic (cosine) rankings into one hybrid ranking. The method and its
// weight were chosen by measurement on the sample feed (bench/search/quality.ts; figures in
// ARCHITECTURE.md): see FUSION below.

export type Ranked = { id: string; score: number };

export type FusionMethod =
  { kind: 'rrf'; k: number; ftsWeight: number } | { kind: 'convex'; ftsWeight: number };

/** Reciprocal-rank fusion (Cormack et al. 2009) with a weight per list. */
function rrf(fts: Ranked[], vec: Ranked[], k: number, w: number): Map<string, number> {
  const out = new Map<string, number>();
  fts.forEach((r, i) => out.set(r.id, (out.get(r.id) ?? 0) + w / (k + i + 1)));
  vec.forEach((r, i) => out.set(r.id, (out.get(r.id) ?? 0) + (1 - w) / (k + i + 1)));
  return out;
}

/**
 * Convex combination of per-query normalised scores: BM25 divided by the query's best BM25 (0 when
 * absent), cosine min–max scaled over the candidates. Unlike RRF it keeps how far ahead a strong
 * keyword match is, which matters when one list is much better than the other.
 */
function convex(fts: Ranked[], vec: Ranked[], w: number): Map<string, number> {
  const out = new Map<string, number>();
  const top = fts[0]?.score ?? 0;
  for (const r of fts) out.set(r.id, w * (top > 0 ? r.score / top : 0));
  if (vec.length) {
    const hi = vec[0]!.score;
    const lo = vec[vec.length - 1]!.score;
    const span = hi - lo || 1;
    for (const r of vec) out.set(r.id, (out.get(r.id) ?? 0) + (1 - w) * ((r.score - lo) / span));
  }
  return out;
}

export function fuse(fts: Ranked[], vec: Ranked[], method: FusionMethod): Ranked[] {
  const scores =
    method.kind === 'rrf'
      ? rrf(fts, vec, method.k, method.ftsWeight)
      : convex(fts, vec, method.ftsWeight);
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** The default, chosen by measurement (see the header). */
export const FUSION: FusionMethod = { kind: 'convex', ftsWeight: 0.7 };
