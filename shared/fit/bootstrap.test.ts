// Residual bootstrap of the fit engine: on a linear problem the bootstrap standard errors agree
// with the Jacobian ones, the percentile intervals bracket the estimate, and a seed reproduces it.
import { describe, expect, it } from 'vitest';
import { fit } from './engine';

/** Seeded normal deviates (mulberry32 + Box–Muller), independent of the engine's PRNG. */
function normals(seed: number): () => number {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

function linearData(n = 60) {
  const g = normals(7);
  const x = Array.from({ length: n }, (_, i) => i / (n - 1));
  const y = x.map((v) => 2 + 3 * v + 0.2 * g());
  return { x, y };
}

describe('fit bootstrap', () => {
  it('bootstrap SEs agree with the Jacobian SEs on a linear problem', () => {
    const r = fit('a + b*x', linearData(), { bootstrap: { samples: 1000, seed: 42 } });
    expect(r.status).toBe('converged');
    const bs = r.bootstrap!;
    expect(bs.samples).toBe(1000);
    expect(bs.successful).toBe(1000);
    expect(bs.level).toBe(0.95);
    for (let k = 0; k < 2; k++) {
      expect(Math.abs(bs.stdErrors[k]! / r.stdErrors[k]! - 1)).toBeLessThan(0.2);
      expect(bs.ciLower[k]!).toBeLessThan(r.values[k]!);
      expect(bs.ciUpper[k]!).toBeGreaterThan(r.values[k]!);
      // Percentile interval close to the t interval (±25 %) for a linear model.
      const width = bs.ciUpper[k]! - bs.ciLower[k]!;
      const tWidth = r.params[k]!.ciUpper - r.params[k]!.ciLower;
      expect(Math.abs(width / tWidth - 1)).toBeLessThan(0.25);
    }
  });

  it('the same seed gives the same result, another seed a different one', () => {
    const d = linearData(30);
    const a = fit('a + b*x', d, { bootstrap: { samples: 200, seed: 3 } }).bootstrap!;
    const b = fit('a + b*x', d, { bootstrap: { samples: 200, seed: 3 } }).bootstrap!;
    const c = fit('a + b*x', d, { bootstrap: { samples: 200, seed: 4 } }).bootstrap!;
    expect(b).toEqual(a);
    expect(c.stdErrors).not.toEqual(a.stdErrors);
  });

  it('is off by default, defaults to 1000 samples and validates its options', () => {
    const d = linearData(20);
    expect(fit('a + b*x', d).bootstrap).toBeUndefined();
    expect(fit('a + b*x', d, { bootstrap: { seed: 1 } }).bootstrap!.samples).toBe(1000);
    expect(() => fit('a + b*x', d, { bootstrap: { samples: 10001, seed: 1 } })).toThrow(
      'bootstrap samples must be an integer from 1 to 10000',
    );
    expect(() => fit('a + b*x', d, { bootstrap: { samples: 0, seed: 1 } })).toThrow(
      'bootstrap samples',
    );
    expect(() => fit('a + b*x', d, { bootstrap: { samples: 10, seed: NaN } })).toThrow(
      'bootstrap seed',
    );
  });

  it('works on a nonlinear preset with a log response', () => {
    const g = normals(11);
    const x = Array.from({ length: 25 }, (_, i) => 10 ** (1 + i / 8));
    const y = x.map((v) => 5 * v ** -0.4 * Math.exp(0.02 * g()));
    const r = fit('power-law', { x, y }, { bootstrap: { samples: 300, seed: 9 } });
    const bs = r.bootstrap!;
    expect(bs.successful).toBeGreaterThan(290);
    bs.stdErrors.forEach((se, k) => expect(se / r.stdErrors[k]!).toBeGreaterThan(0.7));
    bs.stdErrors.forEach((se, k) => expect(se / r.stdErrors[k]!).toBeLessThan(1.3));
  });
});
