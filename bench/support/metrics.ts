// Retrieval metrics for the quality benchmarks: MRR@k, nDCG@k (graded), Recall@k.

/** `relevant` maps a document id to its grade (> 0 is relevant). */
export type Judged = { ranked: string[]; relevant: Map<string, number> };

export function mrrAt(k: number, j: Judged): number {
  const i = j.ranked.slice(0, k).findIndex((id) => (j.relevant.get(id) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function recallAt(k: number, j: Judged): number {
  const rel = [...j.relevant.values()].filter((g) => g > 0).length;
  if (rel === 0) return 0;
  return j.ranked.slice(0, k).filter((id) => (j.relevant.get(id) ?? 0) > 0).length / rel;
}

export function ndcgAt(k: number, j: Judged): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = j.ranked
    .slice(0, k)
    .reduce((s, id, i) => s + gain(j.relevant.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...j.relevant.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function summarise(
  all: Judged[],
  k = 10,
): { mrr: number; ndcg: number; recall: number; n: number } {
  const mean = (f: (j: Judged) => number) =>
    Math.round((all.reduce((s, j) => s + f(j), 0) / all.length) * 1e4) / 1e4;
  return {
    mrr: mean((j) => mrrAt(k, j)),
    ndcg: mean((j) => ndcgAt(k, j)),
    recall: mean((j) => recallAt(k, j)),
    n: all.length,
  };
}
