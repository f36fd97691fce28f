// Soft term matching with the bundled model: a query word meets its nearest word in a paper, so a
// paper described in other words scores above papers that share nothing with the query.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { Embedder } from '../../embedding/embedder';
import { MemoryPapers } from '../../../../tests/support/memory-papers';
import { LibraryTerms } from '../library-terms';
import { QueryExpander } from './query-expander';
import { SoftMatcher, termTable } from './soft-match';
import { expansionOptions } from './types';

const MODELS = join(__dirname, '..', '..', '..', '..', 'resources', 'models');

function paper(id: string, title: string, abstract: string): Paper {
  return {
    id,
    title,
    abstract,
    authors: [],
    year: null,
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
  };
}

/** The library terms of these papers, counted. */
const synced = (papers: Paper[]) => new LibraryTerms(new MemoryPapers(papers)).sync();

// Written for this test (not from any corpus).
const PAPERS = [
  paper(
    'optic',
    'An optical co-processor for neural network training',
    'Matrix multiplications of a network are done with photons in free-space optics, using lasers ' +
      'and lenses.',
  ),
  paper(
    'graph',
    'Graph neural networks for link prediction',
    'Message passing over two nodes predicts whether an edge between them will appear.',
  ),
  paper(
    'batch',
    'Critical batch size in pre-training',
    'Beyond a critical batch size, more data-parallel workers bring diminishing returns.',
  ),
];

let embedder: Embedder;
beforeAll(async () => {
  embedder = await Embedder.start({
    localModelPath: MODELS,
    id: 'quire-glove-100d',
    dtype: 'fp32',
  });
}, 60_000);
afterAll(async () => {
  await embedder?.close();
});

describe('soft term matching (model-vocabulary neighbours)', () => {
  it('scores the paper described in other words highest and says which words met', async () => {
    const ex = new QueryExpander(await synced(PAPERS), expansionOptions());
    const score = await ex.neighbours('computing with light', 'quire-glove-100d', (t) =>
      embedder.embed(t),
    );
    const scores = score(PAPERS);
    const optic = scores.get('optic')!;
    expect(optic.score).toBeGreaterThan(scores.get('graph')!.score);
    expect(optic.score).toBeGreaterThan(scores.get('batch')!.score);
    const light = optic.matches.find((m) => m.from === 'light');
    expect(['optical', 'optics', 'photons', 'lasers', 'lenses']).toContain(light?.to);
  }, 60_000);

  it('an edited abstract is matched by its new words, not the ones cached before the edit', async () => {
    // A library whose papers change: an edit replaces the paper (same id) and bumps the revision.
    const lib = new MemoryPapers(PAPERS.map((p) => ({ ...p })));
    const terms = await new LibraryTerms(lib).sync();
    // Without length normalisation an exact word scores 1 whatever the abstract's length.
    const ex = new QueryExpander(terms, expansionOptions({ neighbours: { lengthNorm: 0 } }));
    const embed = (t: string[]) => embedder.embed(t);
    const before = (await ex.neighbours('photons', 'quire-glove-100d', embed))(lib.papers());
    expect(before.get('optic')!.score).toBeCloseTo(1);
    expect(before.get('batch')!.score).toBeLessThan(1);

    // "batch" now says "photons"; "optic" no longer does (nor anything close to it).
    const edit = (id: string, abstract: string) =>
      lib.set({ ...lib.papers().find((p) => p.id === id)!, abstract });
    edit('batch', 'Counting photons at a critical batch size.');
    edit('optic', 'Matrix multiplications of a network are scheduled on many workers.');
    const after = (await ex.neighbours('photons', 'quire-glove-100d', embed))(lib.papers());
    expect(after.get('batch')!.score).toBeCloseTo(1);
    expect(after.get('optic')!.score).toBeLessThan(before.get('optic')!.score);
  }, 60_000);

  it("embeds the library's terms once they are counted, before the next query asks", async () => {
    // A library just opened: the first query is served before its terms are counted.
    const terms = new LibraryTerms(new MemoryPapers(PAPERS));
    const ex = new QueryExpander(terms, expansionOptions());
    const sent: string[] = [];
    const embed = (t: string[]) => {
      sent.push(...t);
      return embedder.embed(t);
    };
    await ex.neighbours('computing with light', 'quire-glove-100d', embed);
    await terms.update();
    // No second query: the table of the counted terms is built in the background.
    await vi.waitFor(() => expect(sent).toEqual(expect.arrayContaining(['photons', 'lasers'])));
  }, 60_000);

  it('an exact word counts fully; a neighbour below the threshold counts nothing', () => {
    // Two-dimensional unit vectors: "light" is close to "optics" (cos 0.8) and far from "graph".
    const table = termTable(
      ['optics', 'graph', 'light'],
      [new Float32Array([0.8, 0.6]), new Float32Array([0, 1]), new Float32Array([1, 0])],
    );
    const m = new SoftMatcher(table, ['light'], [new Float32Array([1, 0])], () => 1, 10, {
      minSimilarity: 0.5,
      power: 2,
    });
    expect(m.score(['light']).score).toBeCloseTo(1);
    const viaOptics = m.score(['optics']);
    expect(viaOptics.score).toBeCloseTo(0.64);
    expect(viaOptics.matches).toEqual([
      { from: 'light', to: 'optics', similarity: expect.closeTo(0.8, 5) },
    ]);
    expect(m.score(['graph']).score).toBe(0);
  });

  it("exact: the share of the query's idf its own words carry in the paper", () => {
    const table = termTable(
      ['optics', 'light', 'graph'],
      [new Float32Array([0.8, 0.6]), new Float32Array([1, 0]), new Float32Array([0, 1])],
    );
    // idf: "light" log(11/2), "graph" log(11/6) (df 1 and 5 of 10 papers).
    const df = (w: string) => (w === 'light' ? 1 : 5);
    const m = new SoftMatcher(
      table,
      ['light', 'graph'],
      [new Float32Array([1, 0]), new Float32Array([0, 1])],
      df,
      10,
      { minSimilarity: 0.5, power: 2 },
    );
    const light = Math.log(11 / 2);
    const graph = Math.log(11 / 6);
    expect(m.score(['light', 'graph']).exact).toBeCloseTo(1);
    expect(m.score(['graph', 'x']).exact).toBeCloseTo(graph / (light + graph));
    // A neighbour ("optics" for "light") is a match but not the query's own word.
    expect(m.score(['optics', 'graph']).exact).toBeCloseTo(graph / (light + graph));
    expect(m.score(['x']).exact).toBe(0);
  });

  it('length normalisation: of two papers meeting the query alike, the shorter scores higher', () => {
    const table = termTable(
      ['light', 'optics'],
      [new Float32Array([1, 0]), new Float32Array([0.8, 0.6])],
    );
    const opts = { minSimilarity: 0.5, power: 2 };
    const short = ['light', 'a1'];
    const long = ['light', 'a1', 'a2', 'a3', 'a4', 'a5'];
    const plain = new SoftMatcher(table, ['light'], [new Float32Array([1, 0])], () => 1, 10, opts);
    expect(plain.score(long).score).toBeCloseTo(plain.score(short).score);
    // Average 4 distinct words, b = 0.25: 2 words → 1 / 0.875, 6 words → 1 / 1.125.
    const m = new SoftMatcher(table, ['light'], [new Float32Array([1, 0])], () => 1, 10, {
      ...opts,
      lengthNorm: 0.25,
      averageWords: 4,
    });
    expect(m.score(short).score).toBeCloseTo(1 / 0.875);
    expect(m.score(long).score).toBeCloseTo(1 / 1.125);
    expect(m.score(['light', 'a1', 'a2', 'a3']).score).toBeCloseTo(1);
  });

  it('by default a long abstract that mentions the query word in passing ranks below a focused one', async () => {
    // Written for this test: both abstracts contain "photonic"; one is about it, one lists it among
    // many unrelated topics (the chance matches a long text offers soft matching).
    const focused = paper(
      'focused',
      'Photonic matrix units',
      'A photonic chip multiplies matrices.',
    );
    const broad = paper(
      'broad',
      'A survey of accelerator hardware',
      'We review memory bandwidth, compilers, scheduling, sparsity, quantisation, thermal ' +
        'budgets, packaging, interconnects, benchmarks, procurement and photonic prototypes.',
    );
    const lib = [focused, broad, ...PAPERS];
    const ex = new QueryExpander(await synced(lib), expansionOptions());
    const scores = (await ex.neighbours('photonic', 'quire-glove-100d', (t) => embedder.embed(t)))(
      lib,
    );
    expect(scores.get('focused')!.score).toBeGreaterThan(scores.get('broad')!.score);
  }, 60_000);
});
