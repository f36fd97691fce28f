// Final cluster labels: the pipeline's c-TF-IDF candidates re-ranked by the cosine between each
// phrase's embedding (the active model) and the cluster centroid, then diversified by MMR with
// phrase–phrase cosine (shared/map/labels.ts). Phrase embeddings are cached per phrase for the call.
import type { Candidate } from '../../../shared/map/labels';
import { pickKeywords } from '../../../shared/map/labels';

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
  const out: { keywords: string[]; label: string }[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const cands = candidates[c]!;
    const vecs = await Promise.all(cands.map((k) => vec(k.text)));
    const centroid = centroids[c];
    const known = vecs.filter((v): v is Float32Array => v !== null);
    // Phrases the model does not know (e.g. "llms" in a word-vector model) get the mean similarity:
    // neither promoted nor buried by the re-ranking.
    const usable = centroid !== undefined && known.length >= Math.max(1, cands.length / 2);
    const sims = usable ? vecs.map((v) => (v ? cosine(v, centroid) : null)) : [];
    const known2 = sims.filter((s): s is number => s !== null);
    const mean = known2.reduce((a, b) => a + b, 0) / Math.max(1, known2.length);
    const keywords = pickKeywords(
      cands,
      usable
        ? {
            centroidSimilarity: sims.map((s) => s ?? mean),
            similarity: (i, j) => (vecs[i] && vecs[j] ? cosine(vecs[i], vecs[j]) : 0),
          }
        : {},
    );
    out.push({
      keywords,
      label: keywords.length ? keywords.slice(0, 2).join(', ') : 'Unlabelled topic',
    });
  }
  return out;
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
