// StringPool: equal strings in, equal strings out; it holds each distinct string once and stops
// taking new ones at its bound (they are returned as they are).
import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool';

describe('StringPool', () => {
  it('holds each distinct string once and gives back equal strings', () => {
    const pool = new StringPool();
    const names = Array.from({ length: 1_000 }, (_, i) => `Author ${i % 10}`);
    expect(pool.all(names)).toEqual(names);
    expect(pool.size).toBe(10);
    expect(pool.one('scale-0.jsonl')).toBe('scale-0.jsonl');
    expect(pool.size).toBe(11);
  });

  it('stops growing at its bound and still returns every string unchanged', () => {
    const pool = new StringPool(3);
    const xs = ['a', 'b', 'c', 'd', 'e', 'a'];
    expect(xs.map((x) => pool.one(x))).toEqual(xs);
    expect(pool.size).toBe(3);
  });

  it('returns a new array, leaving the one given untouched', () => {
    const pool = new StringPool();
    const tags = ['graphs', 'spectra'];
    const out = pool.all(tags);
    expect(out).not.toBe(tags);
    out.push('x');
    expect(tags).toEqual(['graphs', 'spectra']);
  });
});
