// Query expansion from the library's own text, the library terms kept up to date as papers come and
// go, and the per-hit explanation of what matched.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { accentedWords, foldText, hyphenatedCompounds } from './compound';
import { expandQuery } from './expand';
import { explainHit, heldShare } from './explain';
import { MemoryPapers } from '../../../tests/support/memory-papers';
import { LibraryTerms } from './library-terms';
import { lightStem } from './words';

const paper = (id: string, title: string, abstract: string): Paper => ({
  id,
  title,
  abstract,
  authors: [],
  year: 2024,
  venue: '',
  doi: '',
  arxivId: '',
  url: '',
  sourceFile: 'test',
  addedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  notes: '',
  tags: [],
  volume: '',
  issue: '',
  edition: '',
  pages: '',
});

/** A mutable library standing in for PaperStore (same `revision` contract). */
const Papers = MemoryPapers;

const LIBRARY = [
  paper(
    'a',
    'On over-squashing in message passing',
    'Graph neural networks (GNNs) suffer from over-squashing.',
  ),
  paper('b', 'Understanding oversquashing', 'We study oversquashing through curvature.'),
  paper('c', 'Squashing signals', 'Signals are squashing over long paths in deep networks.'),
  paper('d', 'Schrödinger bridges', 'Understanding diffusion as a Schrödinger bridge problem.'),
];

describe('fold column text', () => {
  it('joins hyphenated compounds and folds accented words', () => {
    expect(hyphenatedCompounds('Over-squashing and state-of-the-art Erdős–Rényi')).toEqual([
      'over-squashing',
      'state-of-the-art',
    ]);
    expect(accentedWords('Schrödinger bridges, naïve café')).toEqual([
      'schrodinger',
      'naive',
      'cafe',
    ]);
    expect(foldText('Over-squashing', 'A Schrödinger self-attention')).toBe(
      'oversquashing selfattention schrodinger',
    );
    expect(foldText('Plain title', 'plain abstract')).toBe('');
  });
});

describe('expandQuery', () => {
  const terms = new LibraryTerms(new Papers(LIBRARY));
  beforeAll(() => terms.sync());

  it('expands an abbreviation to its long form, and a long form to its abbreviation', () => {
    expect(expandQuery('GNN', terms).expansions).toEqual([
      { from: 'GNN', to: 'graph neural network', kind: 'alias' },
    ]);
    expect(expandQuery('gnns', terms).expansions).toEqual([
      { from: 'gnns', to: 'graph neural network', kind: 'alias' },
    ]);
    expect(expandQuery('Graph Neural Networks on trees', terms).expansions).toEqual([
      { from: 'Graph Neural Networks', to: 'GNN', kind: 'alias' },
    ]);
  });

  it('relates the joined, hyphenated and split spellings of a compound', () => {
    expect(expandQuery('oversquashing', terms).expansions).toEqual([
      { from: 'oversquashing', to: 'over-squashing', kind: 'compound' },
      { from: 'oversquashing', to: 'over squashing', kind: 'compound' },
    ]);
    expect(expandQuery('over squashing', terms).expansions).toEqual([
      { from: 'over squashing', to: 'oversquashing', kind: 'compound' },
    ]);
    expect(expandQuery('over-squashing', terms).expansions).toEqual([
      { from: 'over-squashing', to: 'oversquashing', kind: 'compound' },
    ]);
  });

  it('leaves ordinary words, stop words and unknown abbreviations alone', () => {
    expect(expandQuery('understanding the curvature', terms).expansions).toEqual([]);
    expect(expandQuery('CNN', terms).expansions).toEqual([]);
  });

  it('keeps the query as typed as the first, full-weight clause, folded', () => {
    const { clauses } = expandQuery('Schrödinger GNN', terms);
    expect(clauses[0]).toEqual({ text: 'schrodinger gnn', weight: 1 });
    expect(clauses.slice(1).every((c) => c.weight < 1)).toBe(true);
  });
});

describe('LibraryTerms', () => {
  it('learns abbreviations on import and forgets them on edit and delete', async () => {
    const papers = new Papers([paper('x', 'Plain', 'Nothing defined here.')]);
    const terms = new LibraryTerms();
    expect((await terms.sync(papers)).longForms('ViT')).toEqual([]);
    papers.set(paper('y', 'Vision', 'Vision transformers (ViTs) read patches.'));
    expect((await terms.sync(papers)).longForms('vit')).toEqual([
      { short: 'ViT', long: 'vision transformer', count: 1 },
    ]);
    papers.set(paper('z', 'More vision', 'A vision transformer (ViT) again.'));
    expect((await terms.sync(papers)).longForms('VIT')[0]!.count).toBe(2);
    papers.set(paper('y', 'Vision', 'Patches, read by a transformer.'));
    expect((await terms.sync(papers)).longForms('vit')[0]!.count).toBe(1);
    papers.remove('z');
    expect((await terms.sync(papers)).longForms('vit')).toEqual([]);
    expect(terms.hasWord('patches')).toBe(true);
    papers.remove('y');
    expect((await terms.sync(papers)).hasWord('patches')).toBe(false);
  });
});

describe('explainHit', () => {
  const terms = new LibraryTerms(new Papers(LIBRARY));
  beforeAll(() => terms.sync());

  it('names exact words, other forms of a word, and the expansions a paper contains', () => {
    const q = 'GNN oversquashing';
    const { expansions } = expandQuery(q, terms);
    expect(explainHit(LIBRARY[0]!, q, expansions)).toEqual([
      { from: 'GNN', to: 'gnns', kind: 'stem' },
      { from: 'GNN', to: 'graph neural network', kind: 'alias' },
      // Not also "over squashing": the paper's own spelling is the hyphenated one.
      { from: 'oversquashing', to: 'over-squashing', kind: 'compound' },
    ]);
    expect(explainHit(LIBRARY[2]!, q, expansions)).toEqual([
      { from: 'oversquashing', to: 'over squashing', kind: 'compound' },
    ]);
    expect(explainHit(LIBRARY[1]!, q, expansions)).toEqual([
      { from: 'oversquashing', to: 'oversquashing', kind: 'exact' },
    ]);
    expect(explainHit(LIBRARY[3]!, 'schrodinger bridge', [])).toEqual([
      { from: 'schrodinger', to: 'schrodinger', kind: 'exact' },
      { from: 'bridge', to: 'bridge', kind: 'exact' },
    ]);
  });

  it('heldShare counts a query word held in another form or through its expansion', () => {
    // Hybrid search anchors BM25's top hit on this: a paper writing "GNNs" and
    // "over-squashing" holds all of "GNN oversquashing", though neither word as typed.
    const q = 'GNN oversquashing';
    const { expansions } = expandQuery(q, terms);
    expect(heldShare(LIBRARY[0]!, q, expansions)).toBe(1);
    expect(heldShare(LIBRARY[1]!, q, expansions)).toBe(0.5);
    expect(heldShare(LIBRARY[3]!, q, expansions)).toBe(0);
    expect(heldShare(LIBRARY[3]!, 'schrodinger bridge', [])).toBe(1);
    expect(heldShare(LIBRARY[3]!, 'the of', [])).toBe(0);
  });

  it('stems light enough to relate word forms, not different words', () => {
    expect(['graphs', 'ranking', 'ranked', 'squashing', 'studies'].map(lightStem)).toEqual([
      'graph',
      'rank',
      'rank',
      'squash',
      'study',
    ]);
    expect(lightStem('bring')).not.toBe(lightStem('brine'));
  });
});
