// The shared generator reproduces the reference mulberry32 sequence, so seeded fixtures written with
// the project's earlier copies keep their numbers.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';

/** The reference implementation as published (signed arithmetic). */
function reference(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('mulberry32', () => {
  it('matches the reference sequence and stays in [0, 1)', () => {
    for (const seed of [0, 1, 42, 2 ** 31 - 1, 0xdeadbeef]) {
      const a = mulberry32(seed);
      const b = reference(seed);
      for (let i = 0; i < 1000; i++) {
        const x = a();
        expect(x).toBe(b());
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
      }
    }
  });

  it('gives different sequences for different seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});
