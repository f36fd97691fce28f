// Pseudo-relevance feedback: assume the first pass's top papers are relevant and learn from them.
// Keyword side, RM3-style (Lavrenko & Croft 2001; Abdul-Jaleel et al. 2004): terms weighted by their
// share of each top paper, by that paper's weight and by idf. Vector side, Rocchio (1971): the query
// vector moved towards the centroid of the top papers' vectors.
import { stemKey, words } from './terms';

export function feedbackTerms(
  docs: { text: string; weight: number }[],
  stats: { n: number; df: Map<string, number> },
  opts: { terms: number; exclude: Set<string> },
): { term: string; weight: number }[] {
  const total = docs.reduce((s, d) => s + d.weight, 0) || 1;
  const score = new Map<string, number>();
  for (const d of docs) {
    const ws = words(d.text);
    if (!ws.length) continue;
    const tf = new Map<string, number>();
    for (const w of ws) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, c] of tf) {
      const df = stats.df.get(w) ?? 0;
      // Terms of one paper only are names and typos; terms in most papers say nothing.
      if (df < 2 || df > 0.5 * stats.n || opts.exclude.has(stemKey(w))) continue;
      const idf = Math.log((stats.n + 1) / df);
      score.set(w, (score.get(w) ?? 0) + (d.weight / total) * (c / ws.length) * idf);
    }
  }
  return [...score]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, opts.terms);
}

/** q' = q/|q| + β · mean(docs), normalised; the query alone when there is nothing to learn from. */
export function rocchio(query: Float32Array, docs: Float32Array[], beta: number): Float32Array {
  const used = docs.filter((d) => d.length === query.length && d.some((x) => x !== 0));
  if (!used.length || beta <= 0) return query;
  const out = new Float32Array(query.length);
  const qn = Math.hypot(...query) || 1;
  for (let i = 0; i < query.length; i++) {
    let m = 0;
    for (const d of used) m += d[i]!;
    out[i] = query[i]! / qn + (beta * m) / used.length;
  }
  const n = Math.hypot(...out) || 1;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / n;
  return out;
}

/** Adds a second keyword ranking to the first, each scaled by its best score: s₁/max₁ + w·s₂/max₂. */
export function combineKeyword(
  first: { id: string; score: number }[],
  second: { id: string; score: number }[],
  weight: number,
): { id: string; score: number }[] {
  const out = new Map<string, number>();
  const m1 = first[0]?.score || 1;
  const m2 = second[0]?.score || 1;
  for (const r of first) out.set(r.id, r.score / m1);
  for (const r of second) out.set(r.id, (out.get(r.id) ?? 0) + (weight * r.score) / m2);
  return [...out]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
