// The library's words for query expansion: tokenized once per paper, re-tokenized when a paper's
// text changes, and document frequencies that follow imports, edits and deletions.
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../../shared/api/schemas';
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
class Library {
  revision = 1;
  constructor(public papers: Paper[]) {}
  all = () => this.papers;
  write(papers: Paper[]) {
    this.papers = papers;
    this.revision++;
  }
}

const A = paper('a', 'Photonic accelerators', 'Optical matrix multiplication with lasers.');
const B = paper('b', 'Graph neural networks', 'Message passing with lasers of attention.');

describe('LibraryTerms (expansion vocabulary and per-paper words)', () => {
  it('counts each word once per paper', () => {
    const t = new LibraryTerms(new Library([A, B]));
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
    lib.write(lib.papers.map((p) => ({ ...p })));
    expect(t.wordsOf(lib.papers[0]!)).toBe(first);
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
    const t = new LibraryTerms(lib);
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
});
