// Cluster labels: candidate key phrases (1–3 words) scored by class-based TF-IDF over each cluster's
// titles + abstracts (Grootendorst 2022, "BERTopic", §3.3: W = tf_{t,c}/|c| · log(1 + A/f_t)), then
// re-ranked by similarity to the cluster centroid and diversified with maximal marginal relevance
// (Carbonell & Goldstein 1998). Phrases never contain a stop word or a generic research word, and
// words common to every field ("network", "learning") appear only beside a more specific one;
// plurals and hyphenation are folded into one key ("graph neural networks" = "graph-neural network").
import { fold, isBannedWord, isWeakWord } from './stopwords';

export type Candidate = {
  /** Folded key: lower-case, singular, space-separated. */
  key: string;
  /** The surface form used most often in the cluster's texts. */
  text: string;
  /** c-TF-IDF score. */
  score: number;
  /** Member papers whose text contains the phrase. */
  docs: number;
};

/** Phrase-breaking punctuation splits a text into segments; n-grams never cross them. */
const SEGMENT = /[.,;:!?()[\]{}"“”'‘’<>|=+*&%$#@~^\\/]+|\s[-–—]\s/;

type Occ = { key: string; surface: string };

/** Every admissible 1–3-word phrase occurrence of a text. */
export function phrases(text: string): Occ[] {
  const out: Occ[] = [];
  for (const seg of text.toLowerCase().normalize('NFKC').split(SEGMENT)) {
    // Words and the separators between them (a hyphen keeps "self-supervised" as written).
    const words: { w: string; sep: string }[] = [];
    const re = /([a-z0-9]+)([\s-]*)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg))) words.push({ w: m[1]!, sep: m[2]!.includes('-') ? '-' : ' ' });
    for (let i = 0; i < words.length; i++) {
      let key = '';
      let surface = '';
      let strong = false;
      for (let len = 1; len <= 3 && i + len <= words.length; len++) {
        const { w } = words[i + len - 1]!;
        if (!admissible(w)) break;
        key += (len > 1 ? ' ' : '') + fold(w);
        surface += (len > 1 ? words[i + len - 2]!.sep : '') + w;
        strong ||= !isWeakWord(w);
        if (strong) out.push({ key, surface });
      }
    }
  }
  return out;
}

function admissible(w: string): boolean {
  if (w.length < 2 || /^\d+$/.test(w)) return false;
  if (!/^[a-z]/.test(w) && !/^\d+d$/.test(w)) return false;
  return !isBannedWord(w);
}

/**
 * The top `perCluster` candidates of each cluster. `docs` are the texts; `labels[i]` the cluster of
 * doc i (≥ 0) or −1 (left out). A phrase must occur in ≥ 2 member texts when the cluster has ≥ 4.
 */
export function clusterCandidates(
  docs: readonly string[],
  labels: ArrayLike<number>,
  clusters: number,
  perCluster = 12,
): Candidate[][] {
  const tf: Map<string, number>[] = Array.from({ length: clusters }, () => new Map());
  const df: Map<string, number>[] = Array.from({ length: clusters }, () => new Map());
  const surfaces: Map<string, Map<string, number>>[] = Array.from(
    { length: clusters },
    () => new Map(),
  );
  const size = new Array<number>(clusters).fill(0);
  const words = new Array<number>(clusters).fill(0);
  const total = new Map<string, number>();
  docs.forEach((doc, i) => {
    const c = labels[i]!;
    if (c < 0 || c >= clusters) return;
    size[c]!++;
    const seen = new Set<string>();
    for (const { key, surface } of phrases(doc)) {
      tf[c]!.set(key, (tf[c]!.get(key) ?? 0) + 1);
      total.set(key, (total.get(key) ?? 0) + 1);
      if (!key.includes(' ')) words[c]!++;
      if (!seen.has(key)) {
        seen.add(key);
        df[c]!.set(key, (df[c]!.get(key) ?? 0) + 1);
      }
      let s = surfaces[c]!.get(key);
      if (!s) surfaces[c]!.set(key, (s = new Map()));
      s.set(surface, (s.get(surface) ?? 0) + 1);
    }
  });
  const allWords = Math.max(
    1,
    words.reduce((a, b) => a + b, 0),
  );
  const avgWords = Math.max(1, allWords / Math.max(1, clusters));
  return tf.map((counts, c) => {
    const minDocs = size[c]! >= 4 ? 2 : 1;
    const norm = Math.max(1, words[c]!);
    const scored: (Candidate & { count: number; lift: number })[] = [];
    for (const [key, count] of counts) {
      const docsWith = df[c]!.get(key)!;
      if (docsWith < minDocs) continue;
      const score = (count / norm) * Math.log(1 + avgWords / total.get(key)!);
      // Lift: how much more often the phrase occurs here than in the whole library.
      const lift = count / norm / (total.get(key)! / allWords);
      scored.push({
        key,
        text: mostUsed(surfaces[c]!.get(key)!),
        score,
        docs: docsWith,
        count,
        lift,
      });
    }
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // Distinctive only: phrases spread evenly over the library ("learning" in an ML library) say
    // nothing about this cluster. With one cluster every lift is 1, so nothing is dropped then.
    const distinct = clusters > 1 ? scored.filter((x) => x.lift >= MIN_LIFT) : scored;
    const pool = (distinct.length >= 2 ? distinct : scored).slice(0, perCluster * 4);
    // A phrase that nearly always occurs inside a longer candidate ("graph neural" inside "graph
    // neural network") gives way to the longer one.
    const kept = pool.filter(
      (p) =>
        !pool.some(
          (q) =>
            q.key.length > p.key.length &&
            ` ${q.key} `.includes(` ${p.key} `) &&
            q.count >= 0.7 * p.count,
        ),
    );
    return kept
      .slice(0, perCluster)
      .map(({ key, text, score, docs: d }) => ({ key, text, score, docs: d }));
  });
}

/** Minimum lift (share in the cluster ÷ share in the library) of a label phrase. */
export const MIN_LIFT = 1.5;

function mostUsed(m: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [s, c] of m) if (c > n || (c === n && s < best)) [best, n] = [s, c];
  return best;
}

export type RerankOptions = {
  /** Cosine of each candidate's embedding to the cluster centroid (same order); omitted → c-TF-IDF only. */
  centroidSimilarity?: readonly number[];
  /** Cosine between candidates i and j's embeddings; omitted → word overlap only. */
  similarity?: (i: number, j: number) => number;
  /** MMR trade-off between relevance and novelty. */
  lambda?: number;
  max?: number;
  min?: number;
};

/** Picks 2–4 key phrases: relevance = c-TF-IDF and centroid similarity, novelty by MMR. */
export function pickKeywords(cands: readonly Candidate[], opts: RerankOptions = {}): string[] {
  if (cands.length === 0) return [];
  const lambda = opts.lambda ?? 0.7;
  const max = opts.max ?? 4;
  const min = opts.min ?? 2;
  const top = cands[0]!.score || 1;
  const cs = opts.centroidSimilarity;
  const csMin = cs ? Math.min(...cs) : 0;
  const csSpan = cs ? Math.max(...cs) - csMin || 1 : 1;
  const rel = cands.map((c, i) =>
    cs ? 0.5 * (c.score / top) + 0.5 * ((cs[i]! - csMin) / csSpan) : c.score / top,
  );
  const overlap = (i: number, j: number): number => {
    const a = new Set(cands[i]!.key.split(' '));
    const b = cands[j]!.key.split(' ');
    const shared = b.filter((w) => a.has(w)).length;
    const jac = shared / (a.size + b.length - shared);
    return Math.max(shared > 0 ? Math.max(jac, 0.6) : 0, opts.similarity?.(i, j) ?? 0);
  };
  const chosen: number[] = [];
  const left = new Set(cands.map((_, i) => i));
  while (chosen.length < max && left.size > 0) {
    let best = -1;
    let bestScore = -Infinity;
    for (const i of left) {
      const red = chosen.length ? Math.max(...chosen.map((j) => overlap(i, j))) : 0;
      const s = lambda * rel[i]! - (1 - lambda) * red;
      if (s > bestScore + 1e-12) {
        bestScore = s;
        best = i;
      }
    }
    // Beyond the minimum, add a phrase only while it is still relevant and new.
    if (chosen.length >= min && bestScore < 0.25) break;
    chosen.push(best);
    left.delete(best);
  }
  return chosen.map((i) => cands[i]!.text);
}
