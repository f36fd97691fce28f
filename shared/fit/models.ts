// Fit models: the preset models (power laws, the Chinchilla scaling law of Hoffmann et al. 2022,
// exponential decay, logistic, linear, log-log linear) with analytic gradients and automatic
// starting values, and the adapter that turns a user formula into a model. Starting values use
// log-log regression or variable projection (Golub & Pereyra 1973): the nonlinear exponents are
// scanned on a grid and the linear coefficients solved exactly by least squares for each.

import { compileFormula } from './formula';
import type { FormulaOptions } from './formula';
import { linearLeastSquares } from './linalg';

export type Model = {
  name: string;
  /** mathjs formula shown to the user. */
  formula: string;
  variables: readonly string[];
  params: readonly string[];
  /** Model value at one point (point[k] is the value of variables[k]). */
  f: (b: ArrayLike<number>, point: ArrayLike<number>) => number;
  /** ∂f/∂b into out; NaN entries are filled by finite differences. */
  gradient?: (b: ArrayLike<number>, point: ArrayLike<number>, out: Float64Array) => void;
  /** Starting values from the data (columns per variable, response already transformed). */
  guess?: (columns: readonly Float64Array[], y: Float64Array) => number[];
  /** The response the model predicts: y itself or log(y) (log-log linear, NIST Nelson). */
  response?: 'identity' | 'log';
  /** Default bounds (±Infinity where free). */
  lower?: readonly number[];
  upper?: readonly number[];
};

const logSpace = (lo: number, hi: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1)));

/** Least squares y ≈ Σ_k c_k·cols[k]; returns coefficients and RSS (NaN if not finite). */
function solveLinear(cols: readonly Float64Array[], y: Float64Array): { c: number[]; rss: number } {
  const m = y.length;
  const n = cols.length;
  const a = new Float64Array(m * n);
  for (let k = 0; k < n; k++) {
    const col = cols[k]!;
    for (let i = 0; i < m; i++) {
      if (!Number.isFinite(col[i]!)) return { c: [], rss: NaN };
      a[k * m + i] = col[i]!;
    }
  }
  const { x, rss } = linearLeastSquares(a, m, n, y);
  return { c: Array.from(x), rss };
}

function ones(m: number): Float64Array {
  return new Float64Array(m).fill(1);
}

function finiteOr(v: number, fallback: number): number {
  return Number.isFinite(v) ? v : fallback;
}

/** Straight line through (u, v) by least squares: [intercept, slope]. */
function lineFit(u: ArrayLike<number>, v: ArrayLike<number>): [number, number] {
  const n = u.length;
  let su = 0;
  let sv = 0;
  for (let i = 0; i < n; i++) {
    su += u[i]!;
    sv += v[i]!;
  }
  const mu = su / n;
  const mv = sv / n;
  let suu = 0;
  let suv = 0;
  for (let i = 0; i < n; i++) {
    suu += (u[i]! - mu) ** 2;
    suv += (u[i]! - mu) * (v[i]! - mv);
  }
  const slope = suu > 0 ? suv / suu : 0;
  return [mv - slope * mu, slope];
}

function range(v: Float64Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of v) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  return hi - lo || 1;
}

function col0(columns: readonly Float64Array[]): Float64Array {
  const c = columns[0];
  if (!c) throw new Error('models: missing variable column');
  return c;
}

const powerLaw: Model = {
  name: 'power-law',
  formula: 'A * x^(-alpha)',
  variables: ['x'],
  params: ['A', 'alpha'],
  f: (b, p) => b[0]! * p[0]! ** -b[1]!,
  gradient: (b, p, out) => {
    const xa = p[0]! ** -b[1]!;
    out[0] = xa;
    out[1] = -b[0]! * xa * Math.log(p[0]!);
  },
  guess: (columns, y) => {
    const x = col0(columns);
    const u: number[] = [];
    const v: number[] = [];
    const sign = y.reduce((s, t) => s + t, 0) < 0 ? -1 : 1;
    for (let i = 0; i < x.length; i++)
      if (x[i]! > 0 && sign * y[i]! > 0) {
        u.push(Math.log(x[i]!));
        v.push(Math.log(sign * y[i]!));
      }
    if (u.length < 2) return [sign, 0.5];
    const [a, s] = lineFit(u, v);
    return [sign * finiteOr(Math.exp(a), 1), finiteOr(-s, 0.5)];
  },
};

/** Best (E, A, alpha) for E + A·x^(−alpha) by scanning alpha. */
function guessPowerOffset(x: Float64Array, y: Float64Array): number[] {
  let best = { rss: Infinity, p: [0, 1, 0.5] };
  const one = ones(x.length);
  for (const alpha of logSpace(0.01, 4, 60)) {
    const col = x.map((t) => t ** -alpha);
    const { c, rss } = solveLinear([one, col], y);
    if (rss < best.rss) best = { rss, p: [c[0]!, c[1]!, alpha] };
  }
  return best.p;
}

const powerLawOffset: Model = {
  name: 'power-law-offset',
  formula: 'E + A * x^(-alpha)',
  variables: ['x'],
  params: ['E', 'A', 'alpha'],
  f: (b, p) => b[0]! + b[1]! * p[0]! ** -b[2]!,
  gradient: (b, p, out) => {
    const xa = p[0]! ** -b[2]!;
    out[0] = 1;
    out[1] = xa;
    out[2] = -b[1]! * xa * Math.log(p[0]!);
  },
  guess: (columns, y) => guessPowerOffset(col0(columns), y),
};

const chinchilla: Model = {
  name: 'chinchilla',
  formula: 'E + A / N^alpha + B / D^beta',
  variables: ['N', 'D'],
  params: ['E', 'A', 'alpha', 'B', 'beta'],
  f: (b, p) => b[0]! + b[1]! / p[0]! ** b[2]! + b[3]! / p[1]! ** b[4]!,
  gradient: (b, p, out) => {
    const na = p[0]! ** -b[2]!;
    const db = p[1]! ** -b[4]!;
    out[0] = 1;
    out[1] = na;
    out[2] = -b[1]! * na * Math.log(p[0]!);
    out[3] = db;
    out[4] = -b[3]! * db * Math.log(p[1]!);
  },
  guess: (columns, y) => {
    const n = col0(columns);
    const d = columns[1];
    if (!d) throw new Error('models: chinchilla needs two variables (N, D)');
    const one = ones(y.length);
    const grid = logSpace(0.05, 2, 24);
    let best = { rss: Infinity, p: [0, 1, 0.3, 1, 0.3] };
    const nCols = grid.map((a) => n.map((t) => t ** -a));
    const dCols = grid.map((a) => d.map((t) => t ** -a));
    for (let i = 0; i < grid.length; i++)
      for (let j = 0; j < grid.length; j++) {
        const { c, rss } = solveLinear([one, nCols[i]!, dCols[j]!], y);
        if (rss < best.rss) best = { rss, p: [c[0]!, c[1]!, grid[i]!, c[2]!, grid[j]!] };
      }
    return best.p;
  },
};

const exponentialDecay: Model = {
  name: 'exponential-decay',
  formula: 'A * exp(-k * x) + C',
  variables: ['x'],
  params: ['A', 'k', 'C'],
  f: (b, p) => b[0]! * Math.exp(-b[1]! * p[0]!) + b[2]!,
  gradient: (b, p, out) => {
    const e = Math.exp(-b[1]! * p[0]!);
    out[0] = e;
    out[1] = -b[0]! * p[0]! * e;
    out[2] = 1;
  },
  guess: (columns, y) => {
    const x = col0(columns);
    const r = range(x);
    let xmin = Infinity;
    for (const t of x) xmin = Math.min(xmin, t);
    const one = ones(x.length);
    let best = { rss: Infinity, p: [1, 1 / r, 0] };
    for (const c of logSpace(0.01, 100, 60)) {
      const k = c / r;
      // Shift x by its minimum inside the exponential to keep the column well scaled.
      const col = x.map((t) => Math.exp(-k * (t - xmin)));
      const { c: coef, rss } = solveLinear([col, one], y);
      if (rss < best.rss) best = { rss, p: [coef[0]! * Math.exp(k * xmin), k, coef[1]!] };
    }
    return best.p;
  },
};

const logistic: Model = {
  name: 'logistic',
  formula: 'L / (1 + exp(-k * (x - x0)))',
  variables: ['x'],
  params: ['L', 'k', 'x0'],
  f: (b, p) => b[0]! / (1 + Math.exp(-b[1]! * (p[0]! - b[2]!))),
  gradient: (b, p, out) => {
    const e = Math.exp(-b[1]! * (p[0]! - b[2]!));
    const s = 1 / (1 + e);
    const ds = Number.isFinite(e) ? e * s * s : 0;
    out[0] = s;
    out[1] = b[0]! * ds * (p[0]! - b[2]!);
    out[2] = -b[0]! * ds * b[1]!;
  },
  guess: (columns, y) => {
    const x = col0(columns);
    const r = range(x);
    const sorted = Float64Array.from(x).sort();
    let best = { rss: Infinity, p: [1, 1 / r, sorted[sorted.length >> 1] ?? 0] };
    for (let q = 0; q <= 20; q++) {
      const x0 = sorted[Math.min(sorted.length - 1, Math.round((q / 20) * (sorted.length - 1)))]!;
      for (const c of logSpace(0.5, 200, 24))
        for (const sign of [1, -1]) {
          const k = (sign * c) / r;
          const col = x.map((t) => 1 / (1 + Math.exp(-k * (t - x0))));
          const { c: coef, rss } = solveLinear([col], y);
          if (rss < best.rss) best = { rss, p: [coef[0]!, k, x0] };
        }
    }
    return best.p;
  },
};

const linear: Model = {
  name: 'linear',
  formula: 'a + b * x',
  variables: ['x'],
  params: ['a', 'b'],
  f: (b, p) => b[0]! + b[1]! * p[0]!,
  gradient: (_b, p, out) => {
    out[0] = 1;
    out[1] = p[0]!;
  },
  guess: (columns, y) => lineFit(col0(columns), y),
};

const logLogLinear: Model = {
  name: 'log-log-linear',
  formula: 'log(y) = a + b * log(x)',
  variables: ['x'],
  params: ['a', 'b'],
  response: 'log',
  f: (b, p) => b[0]! + b[1]! * Math.log(p[0]!),
  gradient: (_b, p, out) => {
    out[0] = 1;
    out[1] = Math.log(p[0]!);
  },
  guess: (columns, y) => lineFit(col0(columns).map(Math.log), y),
};

/** Preset models by name. */
export const PRESETS: Readonly<Record<string, Model>> = {
  'power-law': powerLaw,
  'power-law-offset': powerLawOffset,
  chinchilla,
  'exponential-decay': exponentialDecay,
  logistic,
  linear,
  'log-log-linear': logLogLinear,
};

export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);

export type FormulaModelOptions = FormulaOptions & {
  /** Fit the formula to log(y) instead of y (e.g. NIST Nelson). */
  response?: 'identity' | 'log';
};

/** A user formula as a model: compiled once, symbolic gradient where mathjs can derive one. */
export function formulaModel(source: string, options: FormulaModelOptions = {}): Model {
  const compiled = compileFormula(source, options);
  const anyGradient = compiled.hasDerivative.some(Boolean);
  return {
    name: 'formula',
    formula: source,
    variables: compiled.variables,
    params: compiled.params,
    f: compiled.evaluate,
    gradient: anyGradient ? compiled.gradient : undefined,
    response: options.response ?? 'identity',
  };
}

/** A preset by name, or a compiled user formula. */
export function resolveModel(spec: string | Model, options: FormulaModelOptions = {}): Model {
  if (typeof spec !== 'string') return spec;
  const key = spec.trim();
  const preset = Object.hasOwn(PRESETS, key) ? PRESETS[key] : undefined;
  if (preset) return preset;
  return formulaModel(spec, options);
}
