// One seeded random generator for the whole project (engines, layouts, fixtures and benchmarks), so
// the same seed gives the same numbers everywhere and a failing seeded test names a reproducible case.

/** mulberry32 (Tommy Ettinger, public domain): a small, fast, seeded 32-bit PRNG, uniform on [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
