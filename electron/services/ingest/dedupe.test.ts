// Duplicate rules of an import: identifiers first, then titles checked against years, DOIs, volumes,
// editions and authors, merging only what is the same work.
import { describe, expect, it } from 'vitest';
import { PaperDraftSchema, type Paper, type PaperDraft } from '@shared/api/schemas';
import { dedupe } from './dedupe';

const draft = (o: Partial<PaperDraft> & { title: string }) => PaperDraftSchema.parse(o);
const paper = (o: Partial<Paper> & { id: string; title: string }): Paper => ({
  volume: '',
  issue: '',
  edition: '',
  pages: '',
  ...draft(o),
  id: o.id,
  sourceFile: '',
  addedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('dedupe: identifiers, merging and folding', () => {
  it('matches by DOI first, then arXiv id, then normalised title', () => {
    const lib = [
      paper({ id: 'a', title: 'Scaling Laws for Neural Language Models', arxivId: '2001.08361' }),
      paper({ id: 'b', title: 'Graph Attention Networks', doi: '10.1000/GAT' }),
    ];
    const out = dedupe(
      [
        draft({ title: 'A different title', doi: 'https://doi.org/10.1000/gat' }),
        draft({ title: 'Another', arxivId: 'arXiv:2001.08361v3' }),
        draft({ title: 'scaling laws for neural language models!' }),
        draft({ title: 'Brand new paper' }),
      ],
      lib,
    );
    expect(out.duplicates.map((d) => [d.match, d.existingId])).toEqual([
      ['doi', 'b'],
      ['arxivId', 'a'],
      ['title', 'a'],
    ]);
    expect(out.fresh.map((d) => d.title)).toEqual(['Brand new paper']);
  });

  it('merges empty fields into the library copy without touching the original', () => {
    const original = paper({ id: 'a', title: 'Mixture of Experts', abstract: '' });
    const out = dedupe(
      [
        draft({
          title: 'Mixture of experts',
          abstract: 'Sparse gating.',
          year: 2017,
          tags: ['moe'],
        }),
      ],
      [original],
    );
    expect(out.merged).toHaveLength(1);
    expect(out.merged[0]).toMatchObject({
      id: 'a',
      abstract: 'Sparse gating.',
      year: 2017,
      tags: ['moe'],
    });
    expect(original.abstract).toBe('');
  });

  it('does not count a duplicate as merged when it brings nothing new', () => {
    const out = dedupe([draft({ title: 'Same' })], [paper({ id: 'a', title: 'Same' })]);
    expect(out.merged).toEqual([]);
    expect(out.duplicates).toHaveLength(1);
  });

  it('folds duplicates within one file into the first record', () => {
    const out = dedupe(
      [
        draft({ title: 'Über Graphen', doi: '' }),
        draft({ title: 'Uber graphen', doi: '10.1/x', year: 1999 }),
      ],
      [],
    );
    expect(out.fresh).toHaveLength(1);
    expect(out.fresh[0]).toMatchObject({ doi: '10.1/x', year: 1999 });
    expect(out.duplicates).toEqual([
      { title: 'Uber graphen', match: 'title', existingId: null, index: 1 },
    ]);
  });

  it('handles 10k identical rows (one fresh, the rest duplicates of it)', () => {
    const rows = Array.from({ length: 10_000 }, () =>
      draft({ title: 'The same paper', abstract: 'x' }),
    );
    const out = dedupe(rows, []);
    expect(out.fresh).toHaveLength(1);
    expect(out.duplicates).toHaveLength(9_999);
  });
});

describe('dedupe: same title, different works', () => {
  it('keeps two articles with one title but years 27 apart and other authors (issue 12)', () => {
    const lib = [
      paper({
        id: 'sm',
        title: 'Exercise and mental health',
        year: 1990,
        venue: 'Sports Medicine',
        authors: ['Peter Raglin'],
      }),
    ];
    const out = dedupe(
      [
        draft({
          title: 'Exercise and Mental Health',
          year: 2017,
          venue: 'Maturitas',
          authors: ['Ana Mikkelsen', 'Rui Stubbs'],
        }),
      ],
      lib,
    );
    expect(out.fresh.map((d) => d.venue)).toEqual(['Maturitas']);
    expect(out.duplicates).toEqual([]);
    expect(out.distinct).toEqual([
      {
        title: 'Exercise and Mental Health',
        index: 0,
        otherId: 'sm',
        reason: { field: 'year', ours: '2017', theirs: '1990' },
      },
    ]);
  });

  it('keeps same-title records whose DOIs differ, within one file', () => {
    const out = dedupe(
      [
        draft({ title: 'Premature ovarian failure', doi: '10.1000/pof.1', year: 2008 }),
        draft({ title: 'Premature ovarian failure', doi: '10.1000/pof.2', year: 2008 }),
      ],
      [],
    );
    expect(out.fresh).toHaveLength(2);
    expect(out.distinct.map((d) => [d.index, d.otherId, d.reason.field])).toEqual([
      [1, null, 'doi'],
    ]);
  });

  it('keeps volumes and editions of one book apart, and still merges a true repeat', () => {
    const out = dedupe(
      [
        draft({ title: 'Handbook of Brewing', year: 2006, authors: ['F. Priest'], volume: '1' }),
        draft({ title: 'Handbook of Brewing', year: 2006, authors: ['F. Priest'], volume: '2' }),
        draft({
          title: 'Handbook of brewing',
          year: 2006,
          authors: ['Priest, F.'],
          volume: 'Vol. 2',
        }),
        draft({ title: 'Numerical Recipes', year: 1998, edition: '2nd' }),
        draft({ title: 'Numerical Recipes', year: 1998, edition: 'Third edition' }),
      ],
      [],
    );
    expect(out.fresh.map((d) => d.volume ?? d.edition)).toEqual(['1', '2', '2nd', 'Third edition']);
    expect(out.duplicates.map((d) => d.index)).toEqual([2]);
    expect(out.distinct.map((d) => [d.index, d.reason.field])).toEqual([
      [1, 'volume'],
      [4, 'edition'],
    ]);
  });

  it('tells volumes apart against the library too, and fills a library copy that lacks them', () => {
    const book = { title: 'Handbook of Brewing', year: 2006, authors: ['F. Priest'] };
    const library = [
      paper({ id: 'v1', ...book, volume: '1' }),
      paper({ id: 'x', ...book, title: 'Other' }),
    ];
    const out = dedupe(
      [draft({ ...book, volume: '2' }), draft({ ...book, volume: '1', pages: '1-400' })],
      library,
    );
    expect(out.fresh.map((d) => d.volume)).toEqual(['2']);
    expect(out.distinct.map((d) => [d.index, d.otherId, d.reason.field])).toEqual([
      [0, 'v1', 'volume'],
    ]);
    expect(out.duplicates.map((d) => [d.index, d.existingId])).toEqual([[1, 'v1']]);
    expect(out.merged.map((p) => [p.id, p.volume, p.pages])).toEqual([['v1', '1', '1-400']]);
    expect(library[0]!.pages).toBe('');
  });
});

describe('dedupe: authors and versions', () => {
  it('treats disjoint first authors as different works, a shared family name as the same', () => {
    const lib = [
      paper({ id: 'a', title: 'Editorial', authors: ['Jane Doe', 'Carlos A. Coello Coello'] }),
    ];
    const out = dedupe(
      [
        draft({ title: 'Editorial', authors: ['Wei Zhang'] }),
        draft({ title: 'Editorial', authors: ['Coello, Carlos'] }),
      ],
      lib,
    );
    expect(out.distinct.map((d) => d.reason)).toEqual([
      { field: 'authors', ours: 'Wei Zhang', theirs: 'Jane Doe' },
    ]);
    expect(out.duplicates.map((d) => [d.index, d.existingId])).toEqual([[1, 'a']]);
  });

  it('reads family names written given-first, family-first or as "Family I.N." alike', () => {
    const lib = [
      paper({ id: 'a', title: 'Exercise and mental health', authors: ['John S. Raglin'] }),
    ];
    const out = dedupe(
      [
        draft({ title: 'Exercise and mental health', authors: ['Raglin J.S.'] }),
        draft({ title: 'Exercise and mental health', authors: ['Raglin, John'] }),
      ],
      lib,
    );
    expect(out.distinct).toEqual([]);
    expect(out.duplicates.map((d) => d.existingId)).toEqual(['a', 'a']);
  });

  it('merges a preprint and its journal version a year apart; the same DOI always merges', () => {
    const lib = [paper({ id: 'a', title: 'Deep Sets', year: 2017, arxivId: '1703.06114' })];
    const out = dedupe(
      [
        draft({ title: 'Deep sets', year: 2018, doi: '10.5555/deepsets' }),
        draft({ title: 'Another title entirely', year: 1990, arxivId: 'arXiv:1703.06114v3' }),
      ],
      lib,
    );
    expect(out.duplicates.map((d) => [d.match, d.existingId])).toEqual([
      ['title', 'a'],
      ['arxivId', 'a'],
    ]);
    expect(out.merged[0]?.doi).toBe('10.5555/deepsets');
  });

  it('imports a would-be duplicate as its own paper when the user overrides the merge', () => {
    const lib = [paper({ id: 'a', title: 'Same title', year: 2001 })];
    const out = dedupe(
      [draft({ title: 'Same title', year: 2001 }), draft({ title: 'Same title', year: 2001 })],
      lib,
      { keepSeparate: [1] },
    );
    expect(out.duplicates.map((d) => d.index)).toEqual([0]);
    expect(out.fresh).toHaveLength(1);
  });
});
