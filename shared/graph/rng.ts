// Graph RNG: the seeded pseudo-random generator behind every random generator and Louvain run
// of the graph engine. xoshiro128** 1.1 (Blackman & Vigna 2018, "Scrambled linear pseudorandom
// number generators", ACM TOMS 47(4)); its 128-bit state is filled from the 32-bit seed by
// SplitMix32 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators"), so
// seed 0 is valid and nearby seeds give unrelated streams. Same seed → same stream on every
// platform (only 32-bit integer arithmetic). Not cryptographic.
import { GraphError } from './errors';

export type Rng = {
  /** Uniform double in [0, 1) with 32 random bits. */
  next(): number;
  /** Uniform integer in [0, n) (n ≥ 1), unbiased by rejection. */
  int(n: number): number;
};

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded xoshiro128** generator. The seed is reduced to 32 bits (any finite number works). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed))
    throw new GraphError(`graph: seed must be a finite number, got ${seed}`);
  const init = splitmix32(Math.trunc(seed) | 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    next: () => nextU32() / 4294967296,
    int(n: number): number {
      if (!(n >= 1) || n > 4294967296)
        throw new GraphError(`graph: rng.int needs 1 ≤ n ≤ 2^32, got ${n}`);
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const x = nextU32();
        if (x < limit) return x % n;
      }
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
