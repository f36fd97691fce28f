import { describe, expect, it } from 'vitest';
import { PaperDraftSchema, type Paper } from '../../../shared/api/schemas';
import { dedupe } from './dedupe';

const draft = (o: Partial<Paper> & { title: string }) => PaperDraftSchema.parse(o);
const paper = (o: Partial<Paper> & { id: string; title: string }): Paper => ({
  ...draft(o),
  id: o.id,
  sourceFile: '',
  addedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('dedupe', () => {
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
    expect(out.duplicates).toEqual([{ title: 'Uber graphen', match: 'title', existingId: null }]);
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
