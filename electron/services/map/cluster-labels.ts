// Final cluster labels: the pipeline's c-TF-IDF candidates re-ranked by the cosine between each
// phrase's embedding (the active model) and the cluster centroid, then diversified by MMR with
// phrase–phrase cosine (shared/map/labels.ts), with no two clusters leading with the same phrase.
// Phrase embeddings are cached per phrase for the call.
import type { Candidate } from '@shared/map/labels';
import { pickKeywords } from '@shared/map/labels';

export type EmbedPhrase = (text: string) => Promise<Float32Array>;

export async function finishLabels(
  candidates: readonly Candidate[][],
  centroids: readonly Float32Array[],
  embed: EmbedPhrase | null,
): Promise<{ keywords: string[]; label: string }[]> {
  const cache = new Map<string, Float32Array | null>();
  const vec = async (text: string): Promise<Float32Array | null> => {
    if (!embed) return null;
    if (!cache.has(text)) {
      try {
        const v = await embed(text);
        cache.set(text, v.some((x) => x !== 0) ? v : null);
      } catch {
        cache.set(text, null);
      }
    }
    return cache.get(text)!;
  };
  // Per cluster: a picker of its keywords leaving out some candidates (see distinctFirst).
  const pickers: ((without: ReadonlySet<string>) => string[])[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const all = candidates[c]!;
    const allVecs = await Promise.all(all.map((k) => vec(k.text)));
    const centroid = centroids[c];
    pickers.push((without) => {
      const keep = all.map((_, i) => i).filter((i) => !without.has(all[i]!.key));
      const cands = keep.map((i) => all[i]!);
      const vecs = keep.map((i) => allVecs[i]!);
      const known = vecs.filter((v): v is Float32Array => v !== null);
      // Phrases the model does not know (e.g. "llms" in a word-vector model) get the mean
      // similarity: neither promoted nor buried by the re-ranking.
      const usable = centroid !== undefined && known.length >= Math.max(1, cands.length / 2);
      const sims = usable ? vecs.map((v) => (v ? cosine(v, centroid) : null)) : [];
      const known2 = sims.filter((s): s is number => s !== null);
      const mean = known2.reduce((a, b) => a + b, 0) / Math.max(1, known2.length);
      return pickKeywords(
        cands,
        usable
          ? {
              centroidSimilarity: sims.map((s) => s ?? mean),
              similarity: (i, j) => (vecs[i] && vecs[j] ? cosine(vecs[i], vecs[j]) : 0),
            }
          : {},
      );
    });
  }
  return distinctFirst(candidates, pickers).map((keywords) => ({
    keywords,
    label: keywords.length ? keywords.slice(0, 2).join(', ') : 'Unlabelled topic',
  }));
}

/**
 * Keywords per cluster such that no two clusters lead with the same phrase (two clusters both
 * labelled "graph" tell the reader nothing): the cluster where the shared phrase has the higher
 * c-TF-IDF score keeps it, the others pick again without it. Each round removes one phrase from
 * one cluster, so it ends; a cluster with no other candidate keeps its last pick.
 */
function distinctFirst(
  candidates: readonly Candidate[][],
  pickers: readonly ((without: ReadonlySet<string>) => string[])[],
): string[][] {
  const without = candidates.map(() => new Set<string>());
  const picked = pickers.map((p) => p(new Set()));
  const keyOf = (c: number, text: string) =>
    candidates[c]!.find((k) => k.text === text)?.key ?? text.toLowerCase();
  const scoreOf = (c: number, key: string) => candidates[c]!.find((k) => k.key === key)?.score ?? 0;
  const limit = candidates.reduce((n, l) => n + l.length, 0);
  for (let round = 0; round < limit; round++) {
    const byFirst = new Map<string, number[]>();
    picked.forEach((kw, c) => {
      if (kw[0] === undefined) return;
      const key = keyOf(c, kw[0]);
      byFirst.set(key, [...(byFirst.get(key) ?? []), c]);
    });
    const clash = [...byFirst].find(([, cs]) => cs.length > 1);
    if (!clash) break;
    const [key, cs] = clash;
    // Highest score keeps it (ties: the earlier, i.e. larger, cluster).
    const owner = cs.reduce((a, b) => (scoreOf(b, key) > scoreOf(a, key) ? b : a));
    let changed = false;
    for (const c of cs) {
      if (c === owner) continue;
      const next = new Set([...without[c]!, key]);
      const again = pickers[c]!(next);
      if (again.length === 0) continue; // nothing else to say about it
      without[c] = next;
      picked[c] = again;
      changed = true;
    }
    if (!changed) break;
  }
  return picked;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? s / Math.sqrt(na * nb) : 0;
}
