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
    // Words and the separators between them (a hyphen keeps "self-supervised" as written), each
    // word classified once (admissible, folded, weak) rather than once per n-gram.
    const words: { w: string; sep: string; ok: boolean; key: string; weak: boolean }[] = [];
    const re = /([a-z0-9]+)([\s-]*)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg))) {
      const w = m[1]!;
      const ok = admissible(w);
      words.push({
        w,
        sep: m[2]!.includes('-') ? '-' : ' ',
        ok,
        key: ok ? fold(w) : '',
        weak: ok && isWeakWord(w),
      });
    }
    for (let i = 0; i < words.length; i++) {
      let key = '';
      let surface = '';
      let strong = false;
      for (let len = 1; len <= 3 && i + len <= words.length; len++) {
        const word = words[i + len - 1]!;
        if (!word.ok) break;
        key += (len > 1 ? ' ' : '') + word.key;
        surface += (len > 1 ? words[i + len - 2]!.sep : '') + word.w;
        strong ||= !word.weak;
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

/** Phrase counts per cluster (weighted by centrality when weights are given), over a bounded sample. */
function countPhrases(
  docs: readonly string[],
  labels: ArrayLike<number>,
  clusters: number,
  maxDocsPerCluster: number,
  weights?: ArrayLike<number>,
) {
  // Phrases are interned to small integers once per occurrence; the counters then key on numbers
  // (string-keyed maps cost most of the time at 10k abstracts).
  const keyId = new Map<string, number>();
  const keys: string[] = [];
  const totalOf: number[] = [];
  const tf: Map<number, number>[] = Array.from({ length: clusters }, () => new Map());
  const df: Map<number, number>[] = Array.from({ length: clusters }, () => new Map());
  // Centrality-weighted coverage: the summed weight of the member texts holding the phrase.
  const cov: Map<number, number>[] = Array.from({ length: clusters }, () => new Map());
  const weightSum = new Array<number>(clusters).fill(0);
  // Surface forms other than the key itself (hyphenated, plural), over all clusters.
  const surfaces = new Map<number, Map<string, number>>();
  const size = new Array<number>(clusters).fill(0);
  const words = new Array<number>(clusters).fill(0);
  const members: number[][] = Array.from({ length: clusters }, () => []);
  for (let i = 0; i < docs.length; i++) {
    const c = labels[i]!;
    if (c >= 0 && c < clusters) members[c]!.push(i);
  }
  members.forEach((list, c) => {
    // Large clusters are read through an even stride of their members, which bounds the cost (c-TF-IDF over every abstract of a 100k library took minutes).
    const step = Math.max(1, list.length / maxDocsPerCluster);
    const tfc = tf[c]!;
    const dfc = df[c]!;
    for (let t = 0; t < list.length; t += step) {
      const di = list[Math.floor(t)]!;
      const doc = docs[di]!;
      const w = weights ? Math.max(0, weights[di] ?? 0) : 1;
      size[c]!++;
      weightSum[c]! += w;
      const seen = new Set<number>();
      for (const { key, surface } of phrases(doc)) {
        let id = keyId.get(key);
        if (id === undefined) {
          id = keys.length;
          keyId.set(key, id);
          keys.push(key);
          totalOf.push(0);
        }
        tfc.set(id, (tfc.get(id) ?? 0) + w);
        totalOf[id]!++;
        if (!key.includes(' ')) words[c]! += w;
        if (!seen.has(id)) {
          seen.add(id);
          dfc.set(id, (dfc.get(id) ?? 0) + 1);
          cov[c]!.set(id, (cov[c]!.get(id) ?? 0) + w);
        }
        if (surface !== key) {
          let m = surfaces.get(id);
          if (!m) surfaces.set(id, (m = new Map()));
          m.set(surface, (m.get(surface) ?? 0) + 1);
        }
      }
    }
  });
  return { keys, totalOf, tf, df, cov, weightSum, surfaces, size, words };
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
  maxDocsPerCluster = MAX_DOCS_PER_CLUSTER,
  weights?: ArrayLike<number>,
): Candidate[][] {
  const { keys, totalOf, tf, df, cov, weightSum, surfaces, size, words } = countPhrases(
    docs,
    labels,
    clusters,
    maxDocsPerCluster,
    weights,
  );
  const allWords = Math.max(
    1,
    words.reduce((a, b) => a + b, 0),
  );
  const avgWords = Math.max(1, allWords / Math.max(1, clusters));
  // Raw score of phrase `id` in cluster c: c-TF-IDF × √(weighted share of members holding it), so a
  // phrase repeated in a few peripheral abstracts ranks below one the cluster's core shares.
  const raw = (c: number, id: number): number => {
    const count = tf[c]!.get(id);
    if (!count) return 0;
    const norm = Math.max(1e-9, words[c]!);
    const coverage = (cov[c]!.get(id) ?? 0) / Math.max(1e-9, weightSum[c]!);
    return (count / norm) * Math.log(1 + avgWords / totalOf[id]!) * Math.sqrt(coverage);
  };
  const best = new Map<number, number>();
  for (let c = 0; c < clusters; c++)
    for (const id of tf[c]!.keys()) best.set(id, Math.max(best.get(id) ?? 0, raw(c, id)));
  return tf.map((counts, c) => {
    const minDocs = size[c]! >= 4 ? 2 : 1;
    const norm = Math.max(1e-9, words[c]!);
    const scored: (Candidate & { count: number; lift: number })[] = [];
    for (const [id, count] of counts) {
      const docsWith = df[c]!.get(id)!;
      if (docsWith < minDocs) continue;
      const key = keys[id]!;
      const total = totalOf[id]!;
      const own = raw(c, id);
      // Distinctive between clusters: a phrase that scores higher in another cluster is damped by
      // the ratio (its own cluster keeps it at full weight).
      const score = own * Math.sqrt(own / Math.max(1e-12, best.get(id)!));
      // Lift: how much more often the phrase occurs here than in the whole library.
      const lift = count / norm / (total / allWords);
      scored.push({
        key,
        text: surfaceOf(key, surfaces.get(id), total),
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

/** Papers per cluster read for its label (an even stride through larger clusters). */
export const MAX_DOCS_PER_CLUSTER = 150;

/** The most used written form of a key (the key itself unless another form is more common). */
function surfaceOf(key: string, others: Map<string, number> | undefined, count: number): string {
  let best = key;
  let n = count - [...(others?.values() ?? [])].reduce((a, b) => a + b, 0);
  for (const [s, c] of others ?? []) if (c > n || (c === n && s < best)) [best, n] = [s, c];
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
