// Relevance calibration: probabilities, independence from the other hits, the threshold verdict.
import { describe, expect, it } from 'vitest';
import { NO_CLOSE_MATCH } from '@shared/search/relevance';
import { CALIBRATION, calibrate, relevance } from './calibration';

const hit = (score: number, vectorScore: number | null, ftsScore: number | null) => ({
  score,
  vectorScore,
  ftsScore,
});

describe('relevance', () => {
  it('is a probability that grows with the fused score and with BM25', () => {
    const low = relevance(hit(0.2, 0.3, 3), 'hybrid');
    const fused = relevance(hit(0.9, 0.3, 3), 'hybrid');
    const bm25 = relevance(hit(0.2, 0.3, 30), 'hybrid');
    for (const p of [low, fused, bm25]) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
    expect(fused).toBeGreaterThan(low);
    expect(bm25).toBeGreaterThan(low);
  });

  it('does not depend on the other hits: the same scores mean the same in any query', () => {
    const a = calibrate([hit(0.5, 0.5, 10), hit(0.95, 0.8, 25)], 'hybrid').hits[0]!.relevance;
    const b = calibrate([hit(0.5, 0.5, 10)], 'hybrid').hits[0]!.relevance;
    expect(a).toBe(b);
  });

  it('reads only the score its mode has: keyword by BM25, semantic by cosine', () => {
    expect(relevance(hit(0.9, 0.9, 2), 'fts')).toBe(relevance(hit(0.1, null, 2), 'fts'));
    expect(relevance(hit(0.9, 0.6, 30), 'vector')).toBe(relevance(hit(0.1, 0.6, null), 'vector'));
    expect(relevance(hit(0, null, 40), 'fts')).toBeGreaterThan(0.9);
    expect(relevance(hit(0, 0.05, null), 'vector')).toBeLessThan(0.05);
  });

  it('scores an anchored hit by its anchor, not by the fused score it was kept first despite', () => {
    const top = { ...hit(0.36, 0.79, 16.4), anchored: true };
    expect(relevance(top, 'hybrid')).toBe(relevance({ ...top, score: 0.9 }, 'hybrid'));
    expect(relevance(top, 'hybrid')).toBeGreaterThan(
      relevance({ ...top, anchored: false }, 'hybrid'),
    );
    // Only hybrid anchors: the other modes ignore the flag.
    expect(relevance(top, 'fts')).toBe(relevance({ ...top, anchored: false }, 'fts'));
  });

  it('takes a missing component as no evidence (0), not as an error', () => {
    expect(Number.isFinite(relevance(hit(0.3, null, null), 'hybrid'))).toBe(true);
    expect(relevance(hit(0.3, null, null), 'hybrid')).toBeLessThan(NO_CLOSE_MATCH);
  });

  it('stores fitted parameters for every mode', () => {
    for (const c of Object.values(CALIBRATION)) expect(c.bias).toBeLessThan(0);
  });
});

describe('calibrate', () => {
  it('keeps the hits and their order, and adds relevance to each', () => {
    const hits = [hit(0.4, 0.2, 5), hit(0.9, 0.8, 25), hit(0.1, null, 1)];
    const out = calibrate(hits, 'hybrid');
    expect(out.hits.map((h) => h.score)).toEqual([0.4, 0.9, 0.1]);
    expect(out.hits[1]!.relevance).toBeGreaterThan(out.hits[0]!.relevance);
    expect(out.noCloseMatch).toBe(false);
  });

  it('says "no close match" when every hit is below the threshold, or there are none', () => {
    expect(calibrate([hit(0.2, 0.1, null), hit(0.15, 0.2, null)], 'hybrid').noCloseMatch).toBe(
      true,
    );
    expect(calibrate([], 'hybrid').noCloseMatch).toBe(true);
  });

  it('keyword mode: any hit is a match (the words are in it); none is "no close match"', () => {
    // A low BM25 (a tiny library) is still an exact keyword match, not a weak guess.
    expect(calibrate([hit(0, null, 0.5)], 'fts').noCloseMatch).toBe(false);
    expect(calibrate([], 'fts').noCloseMatch).toBe(true);
  });

  it('decides at the threshold: one hit at or above it is a close match', () => {
    const hits = [hit(0.5, 0.5, 10)];
    // The verdict reads the relevance as reported (rounded to 0.001), so the two never disagree.
    const p = calibrate(hits, 'hybrid').hits[0]!.relevance;
    expect(calibrate(hits, 'hybrid', p).noCloseMatch).toBe(false);
    expect(calibrate(hits, 'hybrid', p + 0.01).noCloseMatch).toBe(true);
  });
});
