import { describe, expect, it } from 'vitest';
import { fuse } from './fusion';

const fts = [
  { id: 'a', score: 10 },
  { id: 'b', score: 2 },
];
const vec = [
  { id: 'c', score: 0.9 },
  { id: 'b', score: 0.8 },
  { id: 'a', score: 0.1 },
];

/** Soft fusion as the tests use it: small keyword and vector weights, a keyword-led fallback. */
const SOFT = {
  kind: 'soft',
  ftsWeight: 0.1,
  vectorWeight: 0.2,
  anchorKeywordTop: true,
  fallback: { kind: 'convex', ftsWeight: 0.92, vectorNorm: 'raw', anchorKeywordTop: true },
} as const;

/**
 * A paraphrase: BM25's top hit 'a' shares an incidental word, while 'd' (no keyword match) is what
 * the query describes in other words.
 */
const PARAPHRASE = {
  soft: new Map([
    ['a', 0.3],
    ['b', 0.1],
    ['c', 0.2],
    ['d', 0.9],
  ]),
  withD: [...vec, { id: 'd', score: 0.3 }],
};

describe('fusion', () => {
  it('convex: a strong keyword match stays first; agreement lifts a paper', () => {
    expect(
      fuse(fts, vec, {
        kind: 'convex',
        ftsWeight: 0.7,
        vectorNorm: 'minmax',
        anchorKeywordTop: false,
      }).map((r) => r.id),
    ).toEqual(['a', 'b', 'c']);
  });

  it('convex with weight 1 is the keyword ranking; weight 0 the vector ranking', () => {
    expect(
      fuse(fts, vec, {
        kind: 'convex',
        ftsWeight: 1,
        vectorNorm: 'minmax',
        anchorKeywordTop: false,
      })
        .slice(0, 2)
        .map((r) => r.id),
    ).toEqual(['a', 'b']);
    expect(
      fuse(fts, vec, {
        kind: 'convex',
        ftsWeight: 0,
        vectorNorm: 'minmax',
        anchorKeywordTop: false,
      }).map((r) => r.id),
    ).toEqual(['c', 'b', 'a']);
  });

  it('rrf counts ranks, not scores', () => {
    const close = [
      { id: 'a', score: 10 },
      { id: 'b', score: 9.9 },
    ];
    const v = [
      { id: 'b', score: 0.9 },
      { id: 'c', score: 0.8 },
      { id: 'a', score: 0.1 },
    ];
    expect(fuse(close, v, { kind: 'rrf', k: 60, ftsWeight: 0.5 })[0]!.id).toBe('b');
  });

  it('copes with an empty list on either side', () => {
    expect(
      fuse([], vec, {
        kind: 'convex',
        ftsWeight: 0.7,
        vectorNorm: 'minmax',
        anchorKeywordTop: false,
      }).map((r) => r.id),
    ).toEqual(['c', 'b', 'a']);
    expect(fuse(fts, [], { kind: 'rrf', k: 60, ftsWeight: 0.5 }).map((r) => r.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('anchored: the keyword top hit stays first even when vectors disagree', () => {
    const anchored = {
      kind: 'convex',
      ftsWeight: 0.1,
      vectorNorm: 'raw',
      anchorKeywordTop: true,
    } as const;
    expect(fuse(fts, vec, anchored).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(fuse(fts, vec, { ...anchored, anchorKeywordTop: false })[0]!.id).toBe('c');
  });

  it('soft: a paper matched only through vocabulary neighbours rises above a weak keyword match', () => {
    // 'd' shares no word with the query (no BM25 score) but matches it through neighbours; 'b' has
    // a weak keyword match only. The keyword top hit 'a' stays first.
    const soft = new Map([
      ['a', 0.9],
      ['b', 0.1],
      ['c', 0.2],
      ['d', 0.8],
    ]);
    const method = SOFT;
    const withD = [...vec, { id: 'd', score: 0.3 }];
    expect(fuse(fts, withD, method, soft).map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
    // Without soft scores (model unavailable) it is the fallback, keyword-led.
    expect(fuse(fts, withD, method).map((r) => r.id)).toEqual(
      fuse(fts, withD, method.fallback).map((r) => r.id),
    );
    expect(fuse(fts, withD, method)[1]!.id).toBe('b');
  });

  it('soft with anchorMinExact: the keyword top hit is put first only if it holds the query words', () => {
    // A paraphrase: BM25's top hit 'a' shares one incidental word (exact share 0.2), while 'd' is
    // what the query describes in other words. Anchored regardless, 'a' took first place.
    const { soft, withD } = PARAPHRASE;
    const method = { ...SOFT, anchorMinExact: 0.5 };
    const incidental = 0.2;
    expect(fuse(fts, withD, method, soft, incidental)[0]!.id).toBe('d');
    expect(
      fuse(fts, withD, { ...method, anchorMinExact: undefined }, soft, incidental)[0]!.id,
    ).toBe('a');
    // The same hit holding most of the query's words stays first.
    expect(fuse(fts, withD, method, soft, 0.8)[0]!.id).toBe('a');
  });

  it('marks the hit it keeps first by anchoring, and no other', () => {
    const { soft, withD } = PARAPHRASE;
    const method = { ...SOFT, anchorMinExact: 0.5 };
    const held = fuse(fts, withD, method, soft, 0.8);
    expect(held.filter((r) => r.anchored).map((r) => r.id)).toEqual(['a']);
    expect(held[0]).toMatchObject({ id: 'a', anchored: true });
    // Not confident: nothing is anchored, and nothing says so.
    expect(fuse(fts, withD, method, soft, 0.2).some((r) => r.anchored)).toBe(false);
    expect(
      fuse(fts, withD, { ...method, anchorKeywordTop: false }, soft, 0.8).some((r) => r.anchored),
    ).toBe(false);
  });
});
