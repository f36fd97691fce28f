// Topic-map engine: HDBSCAN and k-means on known blobs, label phrases (stop/generic words, folding),
// cluster matching across runs, and the whole pipeline's determinism and degenerate inputs.
import { describe, expect, it } from 'vitest';
import { createRng } from '../graph/rng';
import { hdbscan } from './hdbscan';
import { kmeans, silhouette } from './kmeans';
import { knnAll } from './knn';
import { clusterCandidates, phrases, pickKeywords } from './labels';
import { matchClusters } from './match';
import { FIT_MAX, runPipeline, type PipelineInput } from './pipeline';
import { GENERIC_WORDS, STOP_WORDS, isWeakWord } from './stopwords';

/** `perBlob` points around each of `centres` (Gaussian-ish, seeded), plus `noise` far-flung points. */
function blobs(centres: number[][], perBlob: number, spread: number, noise = 0, seed = 1) {
  const rng = createRng(seed);
  const dims = centres[0]!.length;
  const gauss = () => {
    let s = 0;
    for (let i = 0; i < 6; i++) s += rng.next();
    return s - 3;
  };
  const rows: number[][] = [];
  const truth: number[] = [];
  centres.forEach((c, ci) => {
    for (let i = 0; i < perBlob; i++) {
      rows.push(c.map((v) => v + spread * gauss()));
      truth.push(ci);
    }
  });
  for (let i = 0; i < noise; i++) {
    rows.push(Array.from({ length: dims }, () => (rng.next() - 0.5) * 60));
    truth.push(-1);
  }
  return { data: Float64Array.from(rows.flat()), n: rows.length, dims, truth };
}

describe('knnAll', () => {
  it('matches brute force', () => {
    const { data, n, dims } = blobs(
      [
        [0, 0, 0],
        [5, 5, 5],
      ],
      60,
      1.5,
    );
    const knn = knnAll(data, n, dims, 7);
    for (let q = 0; q < n; q += 13) {
      const d = Array.from({ length: n }, (_, i) => ({
        i,
        d: Math.hypot(...[0, 1, 2].map((k) => data[q * dims + k]! - data[i * dims + k]!)),
      }))
        .filter((x) => x.i !== q)
        .sort((a, b) => a.d - b.d || a.i - b.i);
      expect(Array.from(knn.distances.subarray(q * 7, q * 7 + 7))).toEqual(
        d.slice(0, 7).map((x) => expect.closeTo(x.d, 9) as unknown as number),
      );
    }
  });
});

describe('hdbscan', () => {
  it('finds three separated blobs and leaves far-flung points unassigned', () => {
    const { data, n, dims, truth } = blobs(
      [
        [0, 0],
        [20, 0],
        [0, 20],
      ],
      50,
      1,
      6,
    );
    const r = hdbscan(data, n, dims, { minClusterSize: 8 });
    expect(r.clusters).toBe(3);
    // Each true blob maps onto one cluster.
    for (let b = 0; b < 3; b++) {
      const got = new Set(
        truth.map((t, i) => (t === b ? r.labels[i] : -2)).filter((l) => l !== -2),
      );
      expect(got.size).toBe(1);
      expect(got.has(-1)).toBe(false);
    }
    const noiseLabels = truth
      .map((t, i) => (t === -1 ? r.labels[i] : null))
      .filter((l) => l !== null);
    expect(noiseLabels.filter((l) => l === -1).length).toBeGreaterThanOrEqual(4);
  });

  it('handles identical points and tiny inputs without crashing', () => {
    const same = new Float64Array(20 * 2).fill(3);
    const r = hdbscan(same, 20, 2, { minClusterSize: 5 });
    expect(r.labels).toHaveLength(20);
    expect(hdbscan(new Float64Array(0), 0, 2, { minClusterSize: 5 }).clusters).toBe(0);
    expect(hdbscan(new Float64Array([1, 2]), 1, 2, { minClusterSize: 2 }).clusters).toBe(0);
  });
});

describe('kmeans', () => {
  it('is deterministic for a seed and silhouette prefers the true k', () => {
    const { data, n, dims } = blobs(
      [
        [0, 0],
        [10, 0],
        [0, 10],
        [10, 10],
      ],
      40,
      1,
    );
    const a = kmeans(data, n, dims, 4, createRng(3));
    const b = kmeans(data, n, dims, 4, createRng(3));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    const s = [2, 3, 4, 5, 6].map((k) =>
      silhouette(data, n, dims, kmeans(data, n, dims, k, createRng(k)).labels),
    );
    expect(s.indexOf(Math.max(...s))).toBe(2);
  });
});

describe('label phrases', () => {
  it('never yields stop words or generic research words, and folds plurals and hyphens', () => {
    const text =
      'We propose a novel approach: self-supervised graph neural networks. Results show the model outperforms methods. Self supervised graph neural network pre-training.';
    const occ = phrases(text);
    for (const { key } of occ)
      for (const w of key.split(' ')) {
        expect(STOP_WORDS.has(w), w).toBe(false);
        expect(GENERIC_WORDS.has(w), w).toBe(false);
      }
    const keys = occ.map((o) => o.key);
    // "graph neural networks" and "graph neural network" share one key; hyphenated = spaced.
    expect(keys.filter((k) => k === 'graph neural network')).toHaveLength(2);
    expect(keys.filter((k) => k === 'self supervised graph')).toHaveLength(2);
    expect(occ.find((o) => o.key === 'self supervised')?.surface).toBe('self-supervised');
    // Weak words ("network", "training") only beside a stronger word.
    expect(keys).not.toContain('network');
    expect(keys).not.toContain('training');
  });

  it('c-TF-IDF picks what distinguishes each cluster, and MMR avoids repeating words', () => {
    const docs = [
      'Protein folding with protein structure prediction and amino acid contacts.',
      'Protein structure prediction from amino acid sequences; protein folding.',
      'Protein folding dynamics and amino acid interactions.',
      'Galaxy formation in cosmological simulations of dark matter halos.',
      'Dark matter halos and galaxy formation in cosmological simulations.',
      'Cosmological simulations of galaxy clusters and dark matter.',
    ];
    const cands = clusterCandidates(docs, [0, 0, 0, 1, 1, 1], 2);
    const a = pickKeywords(cands[0]!);
    const b = pickKeywords(cands[1]!);
    expect(a.join(' ')).toMatch(/protein|amino/);
    expect(b.join(' ')).toMatch(/galaxy|dark matter|cosmological/);
    expect(a.join(' ')).not.toMatch(/galaxy|dark/);
    expect(a.length).toBeGreaterThanOrEqual(2);
    expect(a.length).toBeLessThanOrEqual(4);
    for (const k of [...a, ...b]) expect(k.split(/[ -]/).every((w) => isWeakWord(w))).toBe(false);
  });
});

describe('matchClusters', () => {
  it('keeps ids by overlap, gives fresh ids to new clusters, and re-applies a merge', () => {
    const prev = [
      { id: 'c1', members: ['a', 'b', 'c', 'd'], merged: false },
      { id: 'c2', members: ['e', 'f', 'g', 'h', 'i', 'j'], merged: true },
    ];
    const m = matchClusters(
      prev,
      [
        ['e', 'f', 'g'],
        ['a', 'b', 'c', 'x'],
        ['h', 'i', 'j'],
        ['y', 'z'],
      ],
      3,
    );
    expect(m.ids).toEqual(['c2', 'c1', 'c2', 'c3']);
    expect(m.groups).toEqual([[0, 2]]);
    expect(m.nextId).toBe(4);
  });
});

/** Vectors of 3 topics in 12-D (unit rows) with texts that name them. */
function library(n: number, seed = 5) {
  const rng = createRng(seed);
  const dims = 12;
  const topics = [
    { words: 'protein folding amino acid structure', axis: 0 },
    { words: 'galaxy formation dark matter halo', axis: 4 },
    { words: 'speech recognition acoustic phoneme', axis: 8 },
  ];
  const ids: string[] = [];
  const texts: string[] = [];
  const vectors = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    const t = topics[i % 3]!;
    ids.push(`p${String(i).padStart(4, '0')}`);
    texts.push(`${t.words} study ${i}. More about ${t.words}.`);
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = 0.15 * (rng.next() - 0.5);
    for (let d = t.axis; d < t.axis + 4; d++) vectors[i * dims + d]! += 1;
  }
  return { ids, texts, vectors, dims };
}

function input(lib: ReturnType<typeof library>, extra: Partial<PipelineInput> = {}): PipelineInput {
  return { ...lib, method: 'density', seed: 7, reassignSimilarity: 0.8, epochs: 60, ...extra };
}

describe('runPipeline', () => {
  it('gives the same map for the same seed, in any input order', { timeout: 120_000 }, () => {
    const lib = library(90);
    const a = runPipeline(input(lib));
    const b = runPipeline(input(lib));
    const perm = lib.ids.map((_, i) => i).reverse();
    const shuffled = {
      ids: perm.map((i) => lib.ids[i]!),
      texts: perm.map((i) => lib.texts[i]!),
      vectors: Float32Array.from(
        perm.flatMap((i) => Array.from(lib.vectors.subarray(i * 12, i * 12 + 12))),
      ),
      dims: 12,
    };
    const c = runPipeline(input(shuffled));
    expect(a.projection).toBe('umap');
    expect(Array.from(b.xy)).toEqual(Array.from(a.xy));
    expect(c.ids).toEqual(a.ids);
    expect(Array.from(c.xy)).toEqual(Array.from(a.xy));
    expect(Array.from(c.assignment)).toEqual(Array.from(a.assignment));
    // The three topics come out as three clusters labelled by their words.
    expect(a.clusters).toHaveLength(3);
    const words = a.clusters.map((cl) => cl.candidates.map((x) => x.text).join(' '));
    expect(words.some((w) => /protein|amino/.test(w))).toBe(true);
    expect(words.some((w) => /galaxy|dark matter/.test(w))).toBe(true);
    const d = runPipeline(input(lib, { seed: 8 }));
    expect(Array.from(d.xy)).not.toEqual(Array.from(a.xy));
  });

  it('k-means honours a given k and chooses one otherwise', { timeout: 120_000 }, () => {
    const lib = library(60);
    expect(runPipeline(input(lib, { method: 'kmeans', k: 4 })).clusters).toHaveLength(4);
    const auto = runPipeline(input(lib, { method: 'kmeans' }));
    expect(auto.choice.tried.length).toBeGreaterThan(1);
    expect(auto.choice.criterion).toMatch(/silhouette/);
  });

  it(
    'above FIT_MAX papers fits on a seeded sample and places the rest, in any input order',
    { timeout: 300_000 },
    () => {
      const lib = library(FIT_MAX + 150, 9);
      const a = runPipeline(input(lib, { epochs: 20 }));
      const perm = lib.ids.map((_, i) => (i * 7919) % lib.ids.length);
      expect(new Set(perm).size).toBe(lib.ids.length);
      const shuffled = {
        ids: perm.map((i) => lib.ids[i]!),
        texts: perm.map((i) => lib.texts[i]!),
        vectors: Float32Array.from(
          perm.flatMap((i) => Array.from(lib.vectors.subarray(i * 12, i * 12 + 12))),
        ),
        dims: 12,
      };
      const b = runPipeline(input(shuffled, { epochs: 20 }));
      expect(a.choice.criterion).toMatch(/sample of 2000/);
      expect(Array.from(b.assignment)).toEqual(Array.from(a.assignment));
      expect(Array.from(b.xy)).toEqual(Array.from(a.xy));
      expect(a.xy.every(Number.isFinite)).toBe(true);
      // Placed papers land in their topic's cluster: the papers of one topic (p<i>, topic i % 3)
      // share the cluster most of that topic's papers have.
      const topicOf = (id: string) => Number(id.slice(1)) % 3;
      let agree = 0;
      for (let t = 0; t < 3; t++) {
        const members = a.ids.flatMap((id, i) => (topicOf(id) === t ? [a.assignment[i]!] : []));
        const counts = new Map<number, number>();
        for (const c of members) counts.set(c, (counts.get(c) ?? 0) + 1);
        agree += Math.max(...counts.values());
      }
      expect(agree / a.ids.length).toBeGreaterThan(0.9);
    },
  );

  it('handles 0, 1, 2 and 5 papers, identical vectors and empty texts', () => {
    for (const n of [0, 1, 2, 5]) {
      const lib = library(n);
      const r = runPipeline(input(lib));
      expect(r.ids).toHaveLength(n);
      expect(r.xy.every(Number.isFinite)).toBe(true);
      expect(r.clusters.length).toBe(n === 0 ? 0 : 1);
      expect(Array.from(r.assignment).every((a) => a === 0)).toBe(true);
    }
    const same = library(30);
    same.vectors.fill(0.5);
    const r = runPipeline(input({ ...same, texts: same.texts.map(() => '') }));
    expect(r.xy.every(Number.isFinite)).toBe(true);
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]!.candidates).toEqual([]);
    expect(() => runPipeline(input({ ...same, texts: [] }))).toThrow(/30 texts/);
  });
});
