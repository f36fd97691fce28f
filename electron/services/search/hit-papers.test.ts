// The papers named ahead for a hybrid answer include every paper the answer shows, whether or not
// BM25's top hit is anchored first, and only papers that pass the filters.
import { describe, expect, it } from 'vitest';
import type { PaperHead } from '../library/paper-head';
import type { SoftScore } from './expansion/soft-match';
import { FUSION, fuse, type Ranked } from './fusion';
import { hitsAhead, passingIds, softScoresOf } from './hit-papers';

const heads = (ids: string[]) => {
  const map = new Map(ids.map((id) => [id, { id } as PaperHead]));
  return { get: (id: string) => map.get(id) };
};
const ranked = (xs: [string, number][]): Ranked[] => xs.map(([id, score]) => ({ id, score }));
const soft = (xs: [string, number][]) =>
  new Map<string, SoftScore>(xs.map(([id, score]) => [id, { score, exact: score, matches: [] }]));

describe('hitsAhead', () => {
  // BM25's top hit scores low by meaning: unanchored it falls below the top two.
  const fts = ranked([
    ['kw', 1],
    ['a', 0.9],
    ['b', 0.8],
    ['c', 0.7],
  ]);
  const vec = ranked([
    ['a', 0.9],
    ['b', 0.8],
    ['c', 0.7],
    ['kw', 0],
  ]);
  const scores = soft([
    ['a', 0.9],
    ['b', 0.8],
    ['c', 0.7],
    ['kw', 0],
  ]);
  const papers = heads(['kw', 'a', 'b', 'c']);

  it('names every paper the answer shows, anchored or not', () => {
    const ahead = hitsAhead(papers, { fts, vec, soft: scores, fusion: FUSION }, 2, undefined);
    for (const held of [0, 1]) {
      const shown = fuse(fts, vec, FUSION, softScoresOf(scores), held).slice(0, 2);
      for (const r of shown) expect(ahead).toContain(r.id);
    }
    expect(fuse(fts, vec, FUSION, softScoresOf(scores), 1)[0]!.id).toBe('kw');
  });

  it('names only papers of the library that pass the filters', () => {
    const test = (p: PaperHead) => p.id !== 'a';
    const ahead = hitsAhead(
      heads(['kw', 'a', 'b']),
      { fts, vec, soft: scores, fusion: FUSION },
      2,
      test,
    );
    expect(ahead.sort()).toEqual(['b', 'kw']);
  });
});

describe('passingIds', () => {
  it('gives the first k distinct passing papers in ranked order', () => {
    const list = ranked([
      ['b', 3],
      ['x', 2],
      ['b', 2],
      ['a', 1],
      ['c', 0],
    ]);
    expect(passingIds(heads(['a', 'b', 'c']), list, 2, undefined)).toEqual(['b', 'a']);
  });
});
