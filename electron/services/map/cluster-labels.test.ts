// Distinctive labels: on two clusters that both talk mostly about graphs, plain class-based TF-IDF
// leads both with "graph"; the labels must not (shared/map/labels.ts + cluster-labels.ts).
import { describe, expect, it } from 'vitest';
import { clusterCandidates, phrases } from '@shared/map/labels';
import { finishLabels } from './cluster-labels';

// Two clusters about graphs (each saying "graph" in every paper, their other words varied) and a
// larger third about something else, so "graph" is rare in the library and scores high in both.
const A = [
  'Graph views with contrastive pairs of the graph',
  'Spectral cuts of a graph: partitioning the graph',
  'Community detection on a social graph by graph walks',
  'Spectral embedding of a graph with graph baselines',
];
const B = [
  'Graph networks predict molecule properties from the graph',
  'Generation of a graph with equivariant graph layers',
  'Message passing on a molecule graph with graph attention',
  'Protein graph models for graph docking',
];
const C = [
  'Scaling laws for language models',
  'Compute optimal training of language models',
  'Data scaling and loss curves of transformers',
  'Power laws in transformer language model loss',
  'Emergent abilities of large language models',
  'Scaling laws of vision transformers and data',
];
const docs = [...A, ...B, ...C];
const labels = [...A.map(() => 0), ...B.map(() => 1), ...C.map(() => 2)];

/** The naive c-TF-IDF top phrase of each cluster (BERTopic's formula, no other adjustment). */
function naiveTop(): string[] {
  const tf = [0, 1, 2].map(() => new Map<string, number>());
  const total = new Map<string, number>();
  const words = [0, 0, 0];
  docs.forEach((d, i) => {
    for (const { key } of phrases(d)) {
      tf[labels[i]!]!.set(key, (tf[labels[i]!]!.get(key) ?? 0) + 1);
      total.set(key, (total.get(key) ?? 0) + 1);
      if (!key.includes(' ')) words[labels[i]!]!++;
    }
  });
  const avg = (words[0]! + words[1]! + words[2]!) / 3;
  return tf.map((m, c) => {
    let best = '';
    let bestScore = -1;
    for (const [k, n] of m) {
      const s = (n / words[c]!) * Math.log(1 + avg / total.get(k)!);
      if (s > bestScore || (s === bestScore && k < best)) [best, bestScore] = [k, s];
    }
    return best;
  });
}

describe('cluster labels are distinctive', () => {
  it('the fixture is one where naive c-TF-IDF leads both clusters with the same phrase', () => {
    expect(naiveTop().slice(0, 2)).toEqual(['graph', 'graph']);
  });

  it('no two clusters share their first key phrase', async () => {
    const cands = clusterCandidates(docs, labels, 3);
    const out = await finishLabels(cands, [], null);
    const first = out.map((l) => l.keywords[0]);
    expect(first.every((k) => k !== undefined)).toBe(true);
    expect(new Set(first).size).toBe(3);
    // "graph" stays with the cluster where it scores highest; the other leads with its own subject.
    expect(first).toEqual(['spectral', 'graph', 'language']);
  });

  it('central members weigh more: the core of a cluster names it, not its edge', () => {
    // One cluster: three papers on pipeline parallelism at its centre, two image papers at its edge
    // that repeat "image" many times.
    const texts = [
      'Pipeline parallelism for giant model training across accelerators',
      'Pipeline parallelism and sharding for giant model training',
      'Giant model training with pipeline parallelism on many accelerators',
      'Image image image segmentation of image data',
      'Image image restoration for image super resolution image',
      'Other topic entirely: protein folding structure',
      'Protein folding structure prediction',
    ];
    const lab = [0, 0, 0, 0, 0, 1, 1];
    const flat = clusterCandidates(texts, lab, 2);
    const weighted = clusterCandidates(
      texts,
      lab,
      2,
      undefined,
      undefined,
      [1, 0.8, 0.7, 0.05, 0.02, 1, 1],
    );
    expect(flat[0]![0]!.key).toBe('image');
    expect(weighted[0]![0]!.key).not.toBe('image');
    expect(weighted[0]![0]!.key).toMatch(/pipeline|parallelism|giant|training/);
  });
});
