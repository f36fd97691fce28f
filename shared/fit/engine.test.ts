// Fit engine: presets recover known parameters, bounds, weights, Huber loss, statistics against
// closed forms, input errors and honest status reporting (MINPACK-style LM, Moré 1978).
import { describe, expect, it } from 'vitest';
import { fit } from './engine';
import { levenbergMarquardt } from './lm';
import { PRESETS } from './models';

/** Seeded normal deviates (mulberry32 + Box–Muller). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const logspace = (lo: number, hi: number, n: number) =>
  Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1)));
const linspace = (lo: number, hi: number, n: number) =>
  Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

function synth(name: string, truth: number[], xs: number[][], noise = 0, seed = 1) {
  const model = PRESETS[name]!;
  const g = rng(seed);
  const y = xs[0]!.map((_, i) => {
    const v = model.f(
      truth,
      xs.map((c) => c[i]!),
    );
    return model.response === 'log' ? Math.exp(v + noise * g()) : v * (1 + noise * g());
  });
  return { x: xs, y };
}

describe('presets recover known parameters (automatic starting values)', () => {
  const cases: [string, number[], number[][]][] = [
    ['power-law', [3, 0.7], [logspace(1, 1000, 30)]],
    ['power-law-offset', [1.5, 10, 0.5], [logspace(1, 1e4, 40)]],
    ['exponential-decay', [5, 0.3, 1], [linspace(0, 20, 40)]],
    ['logistic', [4, 1.2, 5], [linspace(0, 10, 40)]],
    ['linear', [2, -0.5], [linspace(-3, 3, 20)]],
    ['log-log-linear', [0.5, -0.3], [logspace(1, 1e3, 20)]],
  ];
  it.each(cases)('%s without noise', (name, truth, xs) => {
    const r = fit(name, synth(name, truth, xs));
    expect(r.status).toBe('converged');
    r.values.forEach((v, k) => expect(v).toBeCloseTo(truth[k]!, 6));
  });
  it.each(cases)('%s with 1 %% noise: truth inside ~4 standard errors', (name, truth, xs) => {
    const r = fit(name, synth(name, truth, xs, 0.01, 7));
    expect(r.status).toBe('converged');
    r.values.forEach((v, k) => {
      expect(Math.abs(v - truth[k]!)).toBeLessThan(4 * r.stdErrors[k]! + 1e-12);
    });
    expect(r.r2).toBeGreaterThan(0.9);
  });

  it('Chinchilla on a synthetic (N, D) grid', () => {
    const truth = [1.69, 406.4, 0.34, 410.7, 0.28];
    const N: number[] = [];
    const D: number[] = [];
    for (const n of logspace(1e7, 1e10, 7))
      for (const d of logspace(1e9, 1e12, 7)) {
        N.push(n);
        D.push(d);
      }
    const exact = fit('chinchilla', synth('chinchilla', truth, [N, D]));
    expect(exact.status).toBe('converged');
    exact.values.forEach((v, k) => expect(Math.abs(v / truth[k]! - 1)).toBeLessThan(1e-6));
    expect(exact.names).toEqual(['E', 'A', 'alpha', 'B', 'beta']);
    const noisy = fit('chinchilla', {
      x: { N, D },
      y: synth('chinchilla', truth, [N, D], 0.002, 3).y,
    });
    expect(noisy.status).toBe('converged');
    noisy.values.forEach((v, k) =>
      expect(Math.abs(v - truth[k]!)).toBeLessThan(5 * noisy.stdErrors[k]!),
    );
  });

  it('a user formula with two variables', () => {
    const x1 = linspace(0, 1, 12);
    const x2 = x1.map((v) => (v * 7) % 1);
    const y = x1.map((v, i) => 2 + 3 * v - 1.5 * x2[i]! ** 2);
    const r = fit('c0 + c1*x1 + c2*x2^2', { x: [x1, x2], y }, { variables: ['x1', 'x2'] });
    expect(r.values.map((v) => +v.toFixed(8))).toEqual([2, 3, -1.5]);
  });
});

describe('statistics', () => {
  it('match closed-form ordinary least squares for a straight line', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1];
    const r = fit('linear', { x, y });
    const n = x.length;
    const mx = x.reduce((a, b) => a + b) / n;
    const my = y.reduce((a, b) => a + b) / n;
    const sxx = x.reduce((a, v) => a + (v - mx) ** 2, 0);
    const slope = x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0) / sxx;
    const icept = my - slope * mx;
    const rss = y.reduce((a, v, i) => a + (v - icept - slope * x[i]!) ** 2, 0);
    const s2 = rss / (n - 2);
    expect(r.values[0]).toBeCloseTo(icept, 12);
    expect(r.values[1]).toBeCloseTo(slope, 12);
    expect(r.stdErrors[1]).toBeCloseTo(Math.sqrt(s2 / sxx), 12);
    expect(r.stdErrors[0]).toBeCloseTo(Math.sqrt(s2 * (1 / n + (mx * mx) / sxx)), 12);
    expect(r.rss).toBeCloseTo(rss, 12);
    const tss = y.reduce((a, v) => a + (v - my) ** 2, 0);
    expect(r.r2).toBeCloseTo(1 - rss / tss, 12);
    expect(r.dof).toBe(6);
    expect(r.tQuantile).toBeCloseTo(2.446911851144969, 9);
    expect(r.params[1]!.ciUpper - r.values[1]!).toBeCloseTo(r.tQuantile * r.stdErrors[1]!, 12);
    // R: AIC(lm(y ~ x)) uses logLik with k = p + 1.
    const ll = -(n / 2) * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss));
    expect(r.aic).toBeCloseTo(-2 * ll + 6, 10);
    expect(r.bic).toBeCloseTo(-2 * ll + 3 * Math.log(n), 10);
    expect(r.covariance[0]![1]).toBeCloseTo((-mx * s2) / sxx, 12);
  });

  it('reports rank deficiency instead of throwing', () => {
    const x = linspace(0, 1, 10);
    const r = fit('a*b*x + c', { x, y: x.map((v) => 2 * v + 1) }, { start: [1, 1, 0] });
    expect(r.rank).toBe(2);
    expect(r.warnings.join(' ')).toMatch(/rank deficient/);
    expect(r.fitted[3]).toBeCloseTo(2 * x[3]! + 1, 8);
  });
});

describe('weights, Huber loss and bounds', () => {
  const x = linspace(0, 10, 30);
  const g = rng(11);
  const y = x.map((v) => 1 + 0.5 * v + 0.1 * g());

  it('constant sigma leaves values and relative standard errors unchanged', () => {
    const a = fit('linear', { x, y });
    const b = fit('linear', { x, y, sigma: x.map(() => 0.1) });
    expect(b.values[1]).toBeCloseTo(a.values[1]!, 12);
    expect(b.stdErrors[1]).toBeCloseTo(a.stdErrors[1]!, 12);
    expect(b.rss).toBeCloseTo(a.rss / 0.01, 8);
    const c = fit('linear', { x, y, sigma: x.map(() => 0.1) }, { absoluteSigma: true });
    expect(c.stdErrors[1]).toBeCloseTo((a.stdErrors[1]! / Math.sqrt(a.rss / a.dof)) * 0.1, 10);
  });

  it('down-weights points with large sigma', () => {
    const yy = [...y];
    yy[5] = yy[5]! + 50;
    const sigma = x.map((_, i) => (i === 5 ? 1e4 : 0.1));
    const r = fit('linear', { x, y: yy, sigma });
    expect(r.values[1]).toBeCloseTo(0.5, 1);
    expect(r.weighted).toBe(true);
  });

  it('Huber loss resists outliers', () => {
    const yy = [...y];
    for (const i of [3, 11, 20]) yy[i] = yy[i]! + 8;
    const ls = fit('linear', { x, y: yy });
    const hub = fit('linear', { x, y: yy }, { loss: 'huber' });
    expect(hub.status).toBe('converged');
    expect(Math.abs(hub.values[0]! - 1)).toBeLessThan(Math.abs(ls.values[0]! - 1) / 4);
    expect(Math.abs(hub.values[1]! - 0.5)).toBeLessThan(0.02);
    expect(hub.loss).toBe('huber');
  });

  it('respects bounds and flags parameters at a bound', () => {
    const xs = logspace(1, 100, 20);
    // Data from E = −0.5: the lower bound E ≥ 0 must hold.
    const ys = xs.map((v) => -0.5 + 4 * v ** -0.3);
    const free = fit('power-law-offset', { x: xs, y: ys });
    expect(free.values[0]).toBeCloseTo(-0.5, 6);
    const r = fit('power-law-offset', { x: xs, y: ys }, { bounds: { E: [0, Infinity] } });
    expect(r.values[0]).toBeGreaterThanOrEqual(0);
    expect(r.params[0]!.atBound).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/'E' is at its bound/);
    const two = fit('power-law-offset', { x: xs, y: ys }, { bounds: { alpha: [0.4, 0.6] } });
    expect(two.values[2]).toBeGreaterThanOrEqual(0.4);
    expect(two.values[2]).toBeLessThanOrEqual(0.6);
    const upper = fit('linear', { x, y }, { bounds: { b: [-Infinity, 0.3] } });
    expect(upper.values[1]).toBeLessThanOrEqual(0.3);
  });

  it('finite differences agree with analytic gradients', () => {
    const xs = logspace(1, 1e4, 40);
    const ys = xs.map((v) => 1.5 + 10 * v ** -0.5);
    const a = fit('power-law-offset', { x: xs, y: ys.map((v, i) => v + 1e-3 * Math.sin(i)) });
    const n = fit(
      'power-law-offset',
      { x: xs, y: ys.map((v, i) => v + 1e-3 * Math.sin(i)) },
      { jacobian: 'numeric' },
    );
    a.values.forEach((v, k) => expect(n.values[k]! / v).toBeCloseTo(1, 8));
    a.stdErrors.forEach((v, k) => expect(n.stdErrors[k]! / v).toBeCloseTo(1, 5));
  });
});

describe('input errors', () => {
  const x = linspace(0, 1, 10);
  const y = x.map((v) => 2 * v);
  it.each([
    [() => fit('linear', { x, y: y.slice(0, 9) }), 'fit: x and y have different lengths (10 vs 9)'],
    [
      () => fit('linear', { x, y: y.map((v, i) => (i === 3 ? NaN : v)) }),
      'fit: y[3] is not a finite number (NaN)',
    ],
    [
      () => fit('linear', { x: x.map((v, i) => (i === 2 ? Infinity : v)), y }),
      'fit: x[2] is not a finite number (Infinity)',
    ],
    [
      () => fit('E + A*x^-alpha', { x: [1, 2], y: [1, 2] }),
      'fit: too few points (2) for 3 parameters (E, A, alpha)',
    ],
    [() => fit('linear', { x, y, sigma: x.map(() => 0) }), 'fit: sigma[0] = 0 must be positive'],
    [
      () => fit('linear', { x, y, sigma: [1] }),
      'fit: sigma and y have different lengths (1 vs 10)',
    ],
    [
      () => fit('linear', { x, y }, { start: [1] }),
      'fit: start has 1 values but the model has 2 parameters (a, b)',
    ],
    [
      () => fit('linear', { x, y }, { start: { q: 1 } }),
      "fit: start names 'q', which is not a parameter (a, b)",
    ],
    [
      () => fit('linear', { x, y }, { bounds: { a: [1, 0] } }),
      "fit: bounds for 'a' must satisfy lower < upper (got [1, 0])",
    ],
    [
      () => fit('chinchilla', { x, y }),
      'fit: the model has 2 variables (N, D) but x is a single column',
    ],
    [
      () => fit('log-log-linear', { x, y }),
      'fit: y[0] = 0 but the model fits log(y), which needs y > 0',
    ],
    [
      () => fit('a*x + import("fs")', { x, y }),
      "fit: formula: function 'import' is not allowed in fit formulas",
    ],
    [
      () => fit('linear', { x, y }, { confidence: 95 }),
      'fit: confidence must be in (0, 1), got 95',
    ],
  ])('%#', (call, message) => {
    expect(call).toThrow(message);
  });
});

describe('status honesty', () => {
  const x = linspace(0, 5, 40);
  const y = x.map((v) => 0.1 * Math.exp(-v) + 0.9 * Math.exp(-3 * v) + 1.5 * Math.exp(-5 * v));
  const model = 'b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)';
  it("reports 'iteration-limit' when 5 iterations are not enough", () => {
    const r = fit(model, { x, y }, { start: [1.2, 0.3, 5.6, 5.5, 6.5, 7.6], maxIterations: 5 });
    expect(r.status).toBe('iteration-limit');
    expect(r.reason).toMatch(/maxIterations \(5\)/);
    expect(r.iterations).toBeLessThanOrEqual(5);
  });
  it("reports 'converged' with the criterion met", () => {
    const r = fit(model, { x, y }, { start: [1.2, 0.3, 5.6, 5.5, 6.5, 7.6] });
    expect(r.status).toBe('converged');
    expect(r.reason).toMatch(/RSS|step|gradient/);
  });
  it("reports 'failed' when the model is not finite at the start", () => {
    const r = fit('log(a*x)', { x: [1, 2, 3], y: [0, 0.7, 1.1] }, { start: [-1] });
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/not finite at the starting values/);
  });
  it("reports 'iteration-limit' on the evaluation budget", () => {
    const r = fit(model, { x, y }, { start: [1.2, 0.3, 5.6, 5.5, 6.5, 7.6], maxEvaluations: 4 });
    expect(r.status).toBe('iteration-limit');
  });
  it('the LM core solves Rosenbrock as a least-squares problem', () => {
    const r = levenbergMarquardt(
      {
        m: 2,
        n: 2,
        residuals: (b, out) => {
          out[0] = 10 * (b[1]! - b[0]! ** 2);
          out[1] = 1 - b[0]!;
        },
        jacobian: (b, _r, out) => {
          out[0] = -20 * b[0]!;
          out[1] = -1;
          out[2] = 10;
          out[3] = 0;
        },
      },
      [-1.2, 1],
    );
    expect(r.x[0]).toBeCloseTo(1, 10);
    expect(r.x[1]).toBeCloseTo(1, 10);
    expect(r.rnorm).toBeLessThan(1e-10);
  });
});
