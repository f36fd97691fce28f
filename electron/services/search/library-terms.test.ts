// The library's terms, one table for keyword expansion and soft matching: each paper tokenized once,
// re-tokenized when its text changes, counts that follow imports, edits and deletions, and queries
// that wait for a small change but are never held up by a large one.
import { describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { MemoryPapers } from '../../../tests/support/memory-papers';
import { headOf } from '../library/paper-head';
import { LibraryTerms } from './library-terms';

function paper(id: string, title: string, abstract: string): Paper {
  return {
    id,
    title,
    abstract,
    authors: [],
    year: null,
    venue: '',
    volume: '',
    issue: '',
    edition: '',
    pages: '',
    doi: '',
    arxivId: '',
    url: '',
    sourceFile: 'test',
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    notes: '',
    tags: [],
  };
}

/** A library that changes like PaperStore: new paper objects and a new revision on every write. */
const Library = MemoryPapers;

const A = paper('a', 'Photonic accelerators', 'Optical matrix multiplication with lasers.');
const B = paper('b', 'Graph neural networks', 'Message passing with lasers of attention.');

describe('LibraryTerms', () => {
  it('counts each word once per paper', async () => {
    const t = await new LibraryTerms(new Library([A, B])).sync();
    const s = t.get();
    expect(s.n).toBe(2);
    expect(s.df.get('lasers')).toBe(2);
    expect(s.df.get('optical')).toBe(1);
    expect(s.df.has('with')).toBe(false); // a stop word
  });

  it('keeps a paper’s words across a reload that leaves its text unchanged', () => {
    const lib = new Library([A, B]);
    const t = new LibraryTerms(lib);
    const first = t.wordsOf(A);
    expect(first).toEqual(expect.arrayContaining(['photonic', 'optical', 'lasers']));
    lib.write(lib.papers().map((p) => ({ ...p })));
    // Asked with the head alone (no abstract to tokenize), the words can only be the kept ones.
    expect(t.wordsOf(headOf(lib.papers()[0]!))).toEqual(first);
  });

  it('an edited paper gives its new words, and the statistics follow the edit', async () => {
    const lib = new Library([A, B]);
    const t = new LibraryTerms(lib);
    expect(t.wordsOf(A)).toContain('optical');
    const edited = { ...A, abstract: 'Electronic matrix multiplication.' };
    lib.write([edited, B]);
    expect(t.wordsOf(edited)).toContain('electronic');
    expect(t.wordsOf(edited)).not.toContain('optical');
    await t.update();
    const s = t.get();
    expect(s.n).toBe(2);
    expect(s.df.has('optical')).toBe(false);
    expect(s.df.get('electronic')).toBe(1);
    expect(s.df.get('lasers')).toBe(1);
  });

  it('imports and deletions update the statistics in the background', async () => {
    const lib = new Library([A]);
    const t = await new LibraryTerms(lib).sync();
    const v1 = t.get().version;
    lib.write([A, B]);
    await t.update();
    expect(t.get()).toMatchObject({ n: 2 });
    expect(t.get().df.get('lasers')).toBe(2);
    lib.write([B]);
    await t.update();
    const s = t.get();
    expect(s.n).toBe(1);
    expect(s.df.has('photonic')).toBe(false);
    expect(s.df.get('lasers')).toBe(1);
    expect(s.version).toBeGreaterThan(v1);
  });

  it('keeps counting imports once built, and counts nothing before its first use', async () => {
    const lib = new Library([A]);
    const t = new LibraryTerms(lib);
    lib.write([A, B]);
    await t.keepCurrent();
    expect(t.size).toBe(0); // a CLI import: no search will read the tables in this process
    await t.sync();
    expect(t.get()).toMatchObject({ n: 2 });
    lib.write([B]);
    await t.keepCurrent();
    expect(t.size).toBe(1);
    expect(t.isCurrent).toBe(true);
  });

  it('one table serves keyword expansion (every token) and soft matching (content words)', async () => {
    const lib = new Library([
      paper('c', 'On over-squashing', 'Graph neural networks (GNNs) pass over 2 graphs.'),
    ]);
    const t = await new LibraryTerms(lib).sync();
    const s = t.get();
    // "over" is no content word, but the split of "oversquashing" needs to know the library has it.
    expect(s.df.has('over')).toBe(false);
    expect(t.hasWord('over')).toBe(true);
    expect(t.df('2')).toBe(1);
    expect(s.df.get('squashing')).toBe(1);
    expect(t.compound('oversquashing')).toBe('over-squashing');
    expect(t.longForms('gnn')).toEqual([{ short: 'GNN', long: 'graph neural network', count: 1 }]);
    expect(t.wordsOf(lib.papers()[0]!)).toEqual([
      'squashing',
      'graph',
      'neural',
      'networks',
      'gnns',
      'pass',
      'graphs',
    ]);
  });

  it('a query after a small change waits for it and sees the new papers’ terms', async () => {
    const lib = new Library([A]);
    const t = new LibraryTerms(lib);
    await t.current();
    expect(t.longForms('ViT')).toEqual([]);
    lib.write([A, B, paper('v', 'Vision', 'Vision transformers (ViTs) read patches.')]);
    await t.current();
    expect(t.isCurrent).toBe(true);
    expect(t.longForms('ViT')).toEqual([{ short: 'ViT', long: 'vision transformer', count: 1 }]);
    expect(t.get().df.get('lasers')).toBe(2);
  });

  it('the first query on a large library is served once part of it is counted; the rest follows', async () => {
    const many = Array.from({ length: 6 }, (_, i) =>
      paper(`n${i}`, `Paper ${i}`, `Vision transformers (ViTs) number ${i}.`),
    );
    const t = new LibraryTerms(new Library(many), 2);
    await t.current();
    expect(t.isCurrent).toBe(false);
    expect(t.size).toBe(2);
    expect(t.get().n).toBe(2); // the statistics as they stand, not a build on the spot
    await t.update();
    expect(t.isCurrent).toBe(true);
    expect(t.size).toBe(6);
    expect(t.longForms('vit')[0]!.count).toBe(6);
  });

  it('a query during a large change is served the tables as they stand; the rest follows', async () => {
    const lib = new Library([A]);
    const t = new LibraryTerms(lib, 2);
    await t.current();
    const many = Array.from({ length: 6 }, (_, i) =>
      paper(`n${i}`, `Paper ${i}`, `Vision transformers (ViTs) number ${i}.`),
    );
    lib.write([A, ...many]);
    await t.current();
    // Two papers counted when the query went on: not yet current, but never blocked on all six.
    expect(t.isCurrent).toBe(false);
    expect(t.size).toBe(3);
    await t.update();
    expect(t.isCurrent).toBe(true);
    expect(t.size).toBe(7);
    expect(t.longForms('vit')[0]!.count).toBe(6);
  });
});
