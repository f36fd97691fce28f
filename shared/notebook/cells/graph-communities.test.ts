// Naming a graph cell's communities (graph-communities.ts): key terms from the members' texts with the
// topic map's c-TF-IDF labeller, plain "Community n" names for graphs without text.
import { describe, expect, it } from 'vitest';
import { STOP_WORDS } from '../../map/stopwords';
import type { GraphDrawing } from './graph';
import { communityLegend, communityTerms, labelSampleIds, titleTexts } from './graph-communities';

/** Three research fields, five papers each (title. abstract), as a library graph's communities. */
const FIELDS: string[][] = [
  [
    'Protein structure prediction with deep learning. We predict protein structure from amino acid sequences and evaluate the predicted protein folding against crystal structures.',
    'Accurate protein folding from sequence alone. The model infers protein structure and residue contacts from multiple sequence alignments of amino acid chains.',
    'Protein design by inverse folding. Given a backbone, we generate amino acid sequences whose protein structure matches the target fold.',
    'Evaluating protein structure prediction at scale. We compare predicted protein structures with experimental crystal structures for thousands of amino acid sequences.',
    'Language models of amino acid sequences. Pretrained on protein sequences, the model captures protein structure and function without alignments.',
  ],
  [
    'Reinforcement learning for robot manipulation. A robot arm learns grasping policies with reinforcement learning from sparse rewards in simulation.',
    'Sim-to-real transfer of robot policies. Policies trained with reinforcement learning in simulation transfer to a real robot arm for grasping.',
    'Offline reinforcement learning from robot demonstrations. We learn manipulation policies for a robot arm from logged demonstrations and rewards.',
    'Reward shaping for robot grasping. Dense rewards speed up reinforcement learning of grasping policies on a robot arm.',
    'Hierarchical policies for long-horizon robot manipulation. A robot learns reusable skills with reinforcement learning and composes grasping policies.',
  ],
  [
    'Dark matter halos in cosmological simulations. We measure the mass of dark matter halos and galaxy clusters in cosmological simulations.',
    'Weak gravitational lensing of galaxy clusters. Lensing maps constrain the dark matter distribution of galaxy clusters and cosmological parameters.',
    'Galaxy formation in dark matter halos. Cosmological simulations follow gas cooling and star formation in dark matter halos.',
    'Constraints on cosmological parameters from galaxy clusters. Cluster counts and lensing constrain dark matter and dark energy.',
    'Mapping dark matter with galaxy surveys. Galaxy clusters and weak lensing trace the dark matter of the cosmic web.',
  ],
];

function libraryDrawing(): { drawing: GraphDrawing; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  const nodes: GraphDrawing['nodes'] = [];
  FIELDS.forEach((docs, c) =>
    docs.forEach((text, i) => {
      const id = `p${c}-${i}`;
      texts.set(id, text);
      nodes.push({
        id,
        label: text.split('. ')[0]!,
        community: c,
        degree: 5 - i,
        pagerank: 0,
        paper: true,
      });
    }),
  );
  return {
    drawing: { kind: 'quire-graph', version: 1, directed: false, nodes, edges: [] },
    texts,
  };
}

const words = (label: string) =>
  label
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter(Boolean);

describe('communityTerms', () => {
  it('names each community by its own key terms, without stop words, distinct between communities', () => {
    const { drawing, texts } = libraryDrawing();
    const terms = communityTerms(drawing, texts);
    expect(terms).toHaveLength(3);
    expect(terms[0]).toMatch(/protein|amino acid/);
    expect(terms[1]).toMatch(/robot|reinforcement|grasping/);
    expect(terms[2]).toMatch(/dark matter|galaxy|cosmolog|lensing/);
    for (const t of terms) {
      const parts = t.split(' · ');
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.length).toBeLessThanOrEqual(3);
      for (const w of words(t)) expect(STOP_WORDS.has(w), `"${w}" in "${t}"`).toBe(false);
      for (const w of ['the', 'of', 'and', 'we', 'with', 'from', 'for', 'in'])
        expect(words(t)).not.toContain(w);
    }
    // No key term is shared by two communities.
    const seen = new Map<string, number>();
    terms.forEach((t, c) =>
      t.split(' · ').forEach((p) => {
        expect(seen.get(p), `"${p}" names communities ${seen.get(p)} and ${c}`).toBeUndefined();
        seen.set(p, c);
      }),
    );
  });

  it('gives a phrase shared by two communities to one of them only', () => {
    // Two fields about scaling laws (distinctive of both next to the other two fields).
    const fields = [
      (i: number) =>
        `Scaling laws for language models ${i}. Scaling laws relate loss to compute; scaling laws hold for language models.`,
      (i: number) =>
        `Scaling laws for image classifiers ${i}. Scaling laws relate error to compute; scaling laws hold for image classifiers.`,
      (i: number) =>
        `Graph neural networks for molecules ${i}. Message passing on molecular graphs predicts chemical properties.`,
      (i: number) =>
        `Protein structure prediction ${i}. Amino acid sequences determine protein folding and protein structure.`,
    ];
    const texts = new Map<string, string>();
    const nodes: GraphDrawing['nodes'] = [];
    fields.forEach((f, c) => {
      for (let i = 0; i < 6; i++) {
        const id = `p${c}-${i}`;
        texts.set(id, f(i));
        nodes.push({ id, label: id, community: c, degree: 1, pagerank: 0, paper: true });
      }
    });
    const drawing: GraphDrawing = {
      kind: 'quire-graph',
      version: 1,
      directed: false,
      nodes,
      edges: [],
    };
    const terms = communityTerms(drawing, texts);
    expect(terms[0]).toMatch(/language/);
    expect(terms[1]).toMatch(/image/);
    const owner = new Map<string, number>();
    terms.forEach((t, c) =>
      t.split(' · ').forEach((p) => {
        expect(owner.get(p), `"${p}" names communities ${owner.get(p)} and ${c}`).toBeUndefined();
        owner.set(p, c);
      }),
    );
    // Nor does one community repeat itself ("protein · protein structure").
    for (const t of terms) {
      const parts = t.split(' · ');
      for (const p of parts)
        for (const q of parts)
          if (p !== q) expect(q.split(' ')).not.toEqual(expect.arrayContaining(p.split(' ')));
    }
  });

  it('names communities from titles alone (drawings saved without terms)', () => {
    const { drawing } = libraryDrawing();
    const terms = communityTerms(drawing, titleTexts(drawing));
    expect(terms[0]).toMatch(/protein/);
    expect(terms[1]).toMatch(/robot/);
  });

  it('gives empty terms to a graph without text', () => {
    const { drawing } = libraryDrawing();
    expect(communityTerms(drawing, new Map())).toEqual(['', '', '']);
  });
});

describe('communityLegend', () => {
  it('lists groups largest first with their terms, or "Community n" for a generator graph', () => {
    const { drawing, texts } = libraryDrawing();
    drawing.nodes[5]!.community = 0; // community 0 now has 6 papers, community 1 has 4
    const named = communityLegend({ ...drawing, communityTerms: communityTerms(drawing, texts) });
    expect(named.map((e) => [e.group, e.size])).toEqual([
      [0, 6],
      [2, 5],
      [1, 4],
    ]);
    expect(named.every((e) => e.named && /[a-z]{3}/.test(e.name))).toBe(true);

    const generator: GraphDrawing = {
      ...drawing,
      nodes: drawing.nodes.map((n) => ({
        id: n.id,
        label: n.id,
        community: n.community,
        degree: 1,
        pagerank: 0,
      })),
    };
    expect(communityLegend(generator).map((e) => e.name)).toEqual([
      'Community 1',
      'Community 3',
      'Community 2',
    ]);
    expect(communityLegend(generator).some((e) => e.named)).toBe(false);
  });

  it("uses the map clusters' labels when the drawing is coloured by map cluster", () => {
    const { drawing } = libraryDrawing();
    const legend = communityLegend({
      ...drawing,
      groups: { by: 'map-cluster', labels: ['Protein folding', '', 'Cosmology'] },
    });
    expect(legend.map((e) => e.name)).toEqual(['Protein folding', 'Cluster 2', 'Cosmology']);
  });
});

describe('labelSampleIds', () => {
  it('takes the best-connected papers of each community, at most the given number', () => {
    const { drawing } = libraryDrawing();
    expect(labelSampleIds(drawing, 2)).toEqual(['p0-0', 'p0-1', 'p1-0', 'p1-1', 'p2-0', 'p2-1']);
  });
});
