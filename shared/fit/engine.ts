// Fit engine: nonlinear least squares for fit cells. Minimises Σ w_i (f(x_i; b) − y_i)² / σ_i²
// with the MINPACK Levenberg–Marquardt port in ./lm (Moré 1978, "The Levenberg-Marquardt
// algorithm: implementation and theory"); parameter bounds through the MINUIT/lmfit smooth
// transforms (sin for two-sided, √(u²+1) for one-sided bounds); Jacobian from symbolic or analytic
// partials, else central finite differences with step cbrt(eps)·max(|b|, typical); restarts from
// the solution with a fresh trust region; Huber loss by iteratively reweighted least squares.
// Standard errors: sqrt(diag((JᵀJ)⁺)·RSS/dof) from a column-scaled Jacobi SVD of J at the solution;
// confidence intervals with the Student t quantile; AIC/BIC follow R's logLik for nls.

import { enorm, EPS, gramPseudoInverse } from './linalg';
import { levenbergMarquardt } from './lm';
import type { LmResult, LmStop } from './lm';
import { resolveModel } from './models';
import type { Model } from './models';
import { studentTQuantile } from './stats';

export type FitStatus = 'converged' | 'stalled' | 'iteration-limit' | 'failed';

export type FitData = {
  /**
   * Independent variable(s): one array (single variable), an array of columns (one per model
   * variable, in order), or columns keyed by variable name.
   */
  x:
    | ArrayLike<number>
    | ReadonlyArray<ArrayLike<number>>
    | Readonly<Record<string, ArrayLike<number>>>;
  y: ArrayLike<number>;
  /** Standard deviation of each y (weighted fit); residuals are divided by it. */
  sigma?: ArrayLike<number>;
};

export type FitOptions = {
  /** Starting values, by position or by name; default: the model's automatic guess (else 1). */
  start?: ArrayLike<number> | Readonly<Record<string, number>>;
  /** Bounds by parameter name; use ±Infinity for a free side. */
  bounds?: Readonly<Record<string, readonly [number, number]>>;
  /** Variable names of a formula model (default ['x']). */
  variables?: readonly string[];
  /** Parameter order of a formula model (default: detected). */
  params?: readonly string[];
  /** Fit log(y) rather than y (formula models; presets say so themselves). */
  response?: 'identity' | 'log';
  /** 'linear' = least squares; 'huber' = Huber loss by IRLS. */
  loss: 'linear' | 'huber';
  /** Huber threshold in units of the robust residual scale (MAD/0.6745). */
  huberK: number;
  /** 'auto' uses analytic/symbolic partials where available; 'numeric' forces differences. */
  jacobian: 'auto' | 'numeric';
  /** Typical parameter magnitudes for finite-difference steps (default |start| or 1). */
  typical?: ArrayLike<number>;
  ftol: number;
  xtol: number;
  gtol: number;
  /** Total Levenberg–Marquardt iterations (Jacobian evaluations), restarts included. */
  maxIterations: number;
  /** Total model evaluations over all points count as one per residual vector. */
  maxEvaluations: number;
  /** Initial trust-region factor. */
  factor: number;
  /** Restarts from the solution with a fresh trust region while RSS still improves. */
  restarts: number;
  /** Confidence level of the intervals. */
  confidence: number;
  /** σ are absolute errors: do not rescale the covariance by RSS/dof. */
  absoluteSigma: boolean;
  /** Residual bootstrap after the fit (off unless given); see BootstrapOptions. */
  bootstrap?: BootstrapOptions;
};

/** Residual bootstrap: `samples` refits (default 1000, at most 10000), seeded PRNG. */
export type BootstrapOptions = { samples?: number; seed?: number };

export const BOOTSTRAP_DEFAULT_SAMPLES = 1000;
export const BOOTSTRAP_MAX_SAMPLES = 10000;

/** Residual-bootstrap summary, per parameter in `names` order. */
export type FitBootstrap = {
  /** Resamples drawn and refits that converged (only those enter the statistics). */
  samples: number;
  successful: number;
  seed: number;
  /** Level of the percentile intervals (0.95). */
  level: number;
  stdErrors: number[];
  ciLower: number[];
  ciUpper: number[];
};

export const DEFAULTS: FitOptions = {
  loss: 'linear',
  huberK: 1.345,
  jacobian: 'auto',
  ftol: 1e-14,
  xtol: 1e-12,
  gtol: 1e-12,
  maxIterations: 1000,
  maxEvaluations: 10000,
  factor: 100,
  restarts: 2,
  confidence: 0.95,
  absoluteSigma: false,
};

export type FitParam = {
  name: string;
  value: number;
  stdError: number;
  ciLower: number;
  ciUpper: number;
  atBound: boolean;
};

export type FitResult = {
  status: FitStatus;
  /** Which criterion stopped the iteration, in words. */
  reason: string;
  model: string;
  variables: readonly string[];
  names: readonly string[];
  values: number[];
  stdErrors: number[];
  params: FitParam[];
  /** Confidence level and the t quantile used for the intervals. */
  confidence: number;
  tQuantile: number;
  covariance: number[][];
  correlation: number[][];
  /** Minimised objective: Σ w (y − f)² / σ² (plain RSS for unweighted least squares). */
  rss: number;
  /** sqrt(rss / dof). */
  residualStdDev: number;
  r2: number;
  adjustedR2: number;
  logLikelihood: number;
  aic: number;
  bic: number;
  /** y − f (on the log scale for log-response models). */
  residuals: number[];
  fitted: number[];
  n: number;
  dof: number;
  iterations: number;
  evaluations: number;
  /** Numerical rank of the Jacobian at the solution and the scaled condition number. */
  rank: number;
  condition: number;
  start: number[];
  warnings: string[];
  loss: 'linear' | 'huber';
  weighted: boolean;
  /** Present when options.bootstrap was given and the fit did not fail. */
  bootstrap?: FitBootstrap;
};

// ---------------------------------------------------------------------------------------------
// Bounds transforms (MINUIT): internal u ↦ external b.

type Transform = {
  toExternal: (u: number) => number;
  toInternal: (b: number) => number;
  /** db/du at u. */
  deriv: (u: number) => number;
};

function makeTransform(lo: number, hi: number): Transform | null {
  const finiteLo = Number.isFinite(lo);
  const finiteHi = Number.isFinite(hi);
  if (finiteLo && finiteHi) {
    const half = (hi - lo) / 2;
    return {
      toExternal: (u) => lo + half * (Math.sin(u) + 1),
      toInternal: (b) => Math.asin(Math.max(-1, Math.min(1, (b - lo) / half - 1))),
      deriv: (u) => half * Math.cos(u),
    };
  }
  if (finiteLo)
    return {
      toExternal: (u) => lo - 1 + Math.sqrt(u * u + 1),
      toInternal: (b) => Math.sqrt(Math.max(0, (b - lo + 1) ** 2 - 1)),
      deriv: (u) => u / Math.sqrt(u * u + 1),
    };
  if (finiteHi)
    return {
      toExternal: (u) => hi + 1 - Math.sqrt(u * u + 1),
      toInternal: (b) => Math.sqrt(Math.max(0, (hi - b + 1) ** 2 - 1)),
      deriv: (u) => -u / Math.sqrt(u * u + 1),
    };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Input handling.

function fail(msg: string): never {
  throw new Error(`fit: ${msg}`);
}

function toFloat64(name: string, v: ArrayLike<number>): Float64Array {
  if (v == null || typeof v !== 'object' || typeof v.length !== 'number')
    fail(`${name} must be an array of numbers`);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const t = v[i];
    if (typeof t !== 'number' || !Number.isFinite(t))
      fail(`${name}[${i}] is not a finite number (${String(t)})`);
    out[i] = t;
  }
  return out;
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  if (ArrayBuffer.isView(v)) return true;
  return Array.isArray(v) && (v.length === 0 || typeof v[0] !== 'object');
}

function columnsFor(model: Model, x: FitData['x']): Float64Array[] {
  const vars = model.variables;
  if (x == null || typeof x !== 'object') fail('x is missing');
  if (isNumberArray(x)) {
    if (vars.length !== 1)
      fail(`the model has ${vars.length} variables (${vars.join(', ')}) but x is a single column`);
    return [toFloat64('x', x)];
  }
  if (Array.isArray(x)) {
    const cols = x as ReadonlyArray<ArrayLike<number>>;
    if (cols.length !== vars.length)
      fail(
        `the model has ${vars.length} variables (${vars.join(', ')}) but x has ${cols.length} columns`,
      );
    return cols.map((c, k) => toFloat64(vars[k]!, c));
  }
  const rec = x as Readonly<Record<string, ArrayLike<number>>>;
  return vars.map((v) => {
    const c = Object.hasOwn(rec, v) ? rec[v] : undefined;
    if (!c) fail(`x has no column for variable '${v}'`);
    return toFloat64(v, c);
  });
}

function startFor(
  model: Model,
  start: FitOptions['start'],
  columns: Float64Array[],
  y: Float64Array,
  warnings: string[],
): Float64Array {
  const p = model.params.length;
  if (start != null) {
    if (isNumberArray(start)) {
      if (start.length !== p)
        fail(
          `start has ${start.length} values but the model has ${p} parameters (${model.params.join(', ')})`,
        );
      return toFloat64('start', start);
    }
    const rec = start as Readonly<Record<string, number>>;
    for (const k of Object.keys(rec))
      if (!model.params.includes(k))
        fail(`start names '${k}', which is not a parameter (${model.params.join(', ')})`);
    const guess = model.params.every((n) => Object.hasOwn(rec, n))
      ? null
      : safeGuess(model, columns, y, warnings);
    return toFloat64(
      'start',
      model.params.map((n, k) => (Object.hasOwn(rec, n) ? rec[n]! : guess![k]!)),
    );
  }
  return toFloat64('start', safeGuess(model, columns, y, warnings));
}

function safeGuess(
  model: Model,
  columns: Float64Array[],
  y: Float64Array,
  warnings: string[],
): number[] {
  if (model.guess) {
    try {
      const g = model.guess(columns, y);
      if (g.length === model.params.length && g.every(Number.isFinite)) return g;
    } catch {
      // fall through to the default
    }
    warnings.push('automatic starting values failed; starting from 1 for every parameter');
  } else warnings.push('no starting values given; starting from 1 for every parameter');
  return model.params.map(() => 1);
}

/** Lower and upper bounds per parameter: the model's defaults, overridden by name. */
function boundsFor(
  model: Model,
  bounds: FitOptions['bounds'],
): { lower: Float64Array; upper: Float64Array } {
  const p = model.params.length;
  const lower = new Float64Array(p).fill(-Infinity);
  const upper = new Float64Array(p).fill(Infinity);
  model.lower?.forEach((v, k) => (lower[k] = v));
  model.upper?.forEach((v, k) => (upper[k] = v));
  if (bounds) {
    for (const [name, bnd] of Object.entries(bounds)) {
      const k = model.params.indexOf(name);
      if (k < 0)
        fail(`bounds name '${name}', which is not a parameter (${model.params.join(', ')})`);
      const [lo, hi] = bnd;
      if (Number.isNaN(lo) || Number.isNaN(hi) || !(lo < hi))
        fail(`bounds for '${name}' must satisfy lower < upper (got [${lo}, ${hi}])`);
      lower[k] = lo;
      upper[k] = hi;
    }
  }
  return { lower, upper };
}

/** Moves starting values strictly inside finite bounds (the bounds transforms need it). */
function moveInside(
  model: Model,
  start: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  userStart: boolean,
  warnings: string[],
): void {
  for (let k = 0; k < start.length; k++) {
    const lo = lower[k]!;
    const hi = upper[k]!;
    if (!makeTransform(lo, hi)) continue;
    const width = Number.isFinite(hi - lo) ? hi - lo : Math.max(1, Math.abs(start[k]!));
    const margin = 1e-6 * width;
    const clipped = Math.min(hi - margin, Math.max(lo + margin, start[k]!));
    if (clipped !== start[k]) {
      if (userStart && (start[k]! < lo || start[k]! > hi))
        warnings.push(`start for '${model.params[k]}' was outside its bounds and was moved inside`);
      start[k] = clipped;
    }
  }
}

/**
 * The starting values `fit` begins from for these inputs (the user's, else the model's guess, moved
 * inside the bounds). Exporters hand them to another fitter (SciPy) so it starts where we did.
 */
export function startingValues(
  modelSpec: string | Model,
  data: FitData,
  options: Partial<Pick<FitOptions, 'start' | 'bounds' | 'variables' | 'params' | 'response'>> = {},
): { model: Model; start: number[]; lower: number[]; upper: number[] } {
  const model = resolveModel(modelSpec, {
    variables: options.variables,
    params: options.params,
    response: options.response,
  });
  const columns = columnsFor(model, data.x);
  let y = toFloat64('y', data.y);
  if (model.response === 'log') y = y.map((v) => Math.log(v));
  const { lower, upper } = boundsFor(model, options.bounds);
  const start = startFor(model, options.start, columns, y, []);
  moveInside(model, start, lower, upper, options.start != null, []);
  return { model, start: Array.from(start), lower: Array.from(lower), upper: Array.from(upper) };
}

// ---------------------------------------------------------------------------------------------
// The problem in external (b) space.

type Problem = {
  model: Model;
  m: number;
  p: number;
  points: Float64Array[];
  y: Float64Array;
  /** √(weight)/σ per point, updated by IRLS. */
  sw: Float64Array;
  typical: Float64Array;
  numeric: boolean;
  evaluations: number;
};

function evalModel(pr: Problem, b: ArrayLike<number>, out: Float64Array): void {
  const { model, points, m } = pr;
  for (let i = 0; i < m; i++) out[i] = model.f(b, points[i]!);
  pr.evaluations++;
}

/** ∂f/∂b (unweighted), m×p column-major; f0 holds f at b. */
function modelJacobian(pr: Problem, b: Float64Array, f0: Float64Array, out: Float64Array): void {
  const { model, points, m, p } = pr;
  const needFd = new Array<boolean>(p).fill(true);
  if (model.gradient && !pr.numeric) {
    const g = new Float64Array(p);
    needFd.fill(false);
    for (let i = 0; i < m; i++) {
      model.gradient(b, points[i]!, g);
      for (let k = 0; k < p; k++) {
        const v = g[k]!;
        out[k * m + i] = v;
        if (!Number.isFinite(v)) needFd[k] = true;
      }
    }
  }
  const h3 = Math.cbrt(EPS);
  const bp = Float64Array.from(b);
  const fp = new Float64Array(m);
  const fm = new Float64Array(m);
  for (let k = 0; k < p; k++) {
    if (!needFd[k]) continue;
    const bk = b[k]!;
    const h = h3 * Math.max(Math.abs(bk), pr.typical[k]!);
    bp[k] = bk + h;
    const hp = bp[k]! - bk;
    evalModel(pr, bp, fp);
    bp[k] = bk - h;
    const hm = bk - bp[k]!;
    evalModel(pr, bp, fm);
    bp[k] = bk;
    for (let i = 0; i < m; i++) {
      const okP = Number.isFinite(fp[i]!);
      const okM = Number.isFinite(fm[i]!);
      out[k * m + i] =
        okP && okM
          ? (fp[i]! - fm[i]!) / (hp + hm)
          : okP
            ? (fp[i]! - f0[i]!) / hp
            : okM
              ? (f0[i]! - fm[i]!) / hm
              : NaN;
    }
  }
}

type RunOutcome = {
  b: Float64Array;
  lm: LmResult;
  iterations: number;
  evaluations: number;
};

function runLm(
  pr: Problem,
  start: Float64Array,
  transforms: (Transform | null)[],
  o: FitOptions,
  budget: { iterations: number; evaluations: number },
): RunOutcome {
  const { m, p, y, sw } = pr;
  const toB = (u: Float64Array, b: Float64Array): void => {
    for (let k = 0; k < p; k++) {
      const t = transforms[k];
      b[k] = t ? t.toExternal(u[k]!) : u[k]!;
    }
  };
  const b = new Float64Array(p);
  const f = new Float64Array(m);
  const jb = new Float64Array(m * p);
  let u = Float64Array.from(start, (v, k) => transforms[k]?.toInternal(v) ?? v);
  let iterations = 0;
  let evaluations = 0;
  let lm: LmResult | null = null;
  let yScale = 0;
  for (let i = 0; i < m; i++) yScale += (y[i]! * sw[i]!) ** 2;
  const noise = 4 * EPS * Math.sqrt(yScale);
  let bestNorm = Infinity;
  for (let attempt = 0; attempt <= o.restarts; attempt++) {
    const res = levenbergMarquardt(
      {
        m,
        n: p,
        noise,
        residuals: (uu, out) => {
          toB(uu, b);
          evalModel(pr, b, f);
          for (let i = 0; i < m; i++) out[i] = (f[i]! - y[i]!) * sw[i]!;
        },
        jacobian: (uu, r, out) => {
          toB(uu, b);
          for (let i = 0; i < m; i++) f[i] = r[i]! / sw[i]! + y[i]!;
          modelJacobian(pr, b, f, jb);
          for (let k = 0; k < p; k++) {
            const t = transforms[k];
            const d = t ? t.deriv(uu[k]!) : 1;
            for (let i = 0; i < m; i++) out[k * m + i] = jb[k * m + i]! * sw[i]! * d;
          }
        },
      },
      u,
      {
        ftol: o.ftol,
        xtol: o.xtol,
        gtol: o.gtol,
        factor: o.factor,
        maxIterations: budget.iterations - iterations,
        maxEvaluations: budget.evaluations - evaluations,
      },
    );
    iterations += res.iterations;
    evaluations += res.evaluations;
    const first = lm === null;
    const improved = res.rnorm < bestNorm * (1 - 1e-9);
    if (first || res.rnorm <= bestNorm) {
      lm = res;
      u = Float64Array.from(res.x);
      bestNorm = res.rnorm;
    }
    const bad = res.stop.startsWith('max') || res.stop.startsWith('nonfinite');
    if (bad || (!first && !improved)) break;
    if (iterations >= budget.iterations || evaluations >= budget.evaluations) break;
  }
  const bOut = new Float64Array(p);
  toB(u, bOut);
  return { b: bOut, lm: lm!, iterations, evaluations };
}

function describeStop(
  stop: LmStop,
  gnorm: number,
  o: FitOptions,
): { status: FitStatus; reason: string } {
  switch (stop) {
    case 'ftol':
      return { status: 'converged', reason: `relative reduction in RSS below ftol (${o.ftol})` };
    case 'xtol':
      return { status: 'converged', reason: `relative step size below xtol (${o.xtol})` };
    case 'ftol+xtol':
      return {
        status: 'converged',
        reason: `relative reduction in RSS below ftol (${o.ftol}) and relative step below xtol (${o.xtol})`,
      };
    case 'gtol':
      return {
        status: 'converged',
        reason: `gradient: cosine between residuals and Jacobian columns below gtol (${o.gtol})`,
      };
    case 'ftol-machine':
      return { status: 'converged', reason: 'relative reduction in RSS at machine precision' };
    case 'gtol-machine':
      return {
        status: 'converged',
        reason: 'gradient orthogonal to the residuals at machine precision',
      };
    case 'xtol-machine':
      return gnorm <= 1e-6
        ? {
            status: 'converged',
            reason: 'relative step size at machine precision (gradient small)',
          }
        : {
            status: 'stalled',
            reason: `no further improvement possible: step size at machine precision while the gradient cosine is ${gnorm.toExponential(2)}`,
          };
    case 'max-iterations':
      return { status: 'iteration-limit', reason: `reached maxIterations (${o.maxIterations})` };
    case 'max-evaluations':
      return { status: 'iteration-limit', reason: `reached maxEvaluations (${o.maxEvaluations})` };
    case 'nonfinite-start':
      return { status: 'failed', reason: 'the model is not finite at the starting values' };
    case 'nonfinite-jacobian':
      return { status: 'failed', reason: 'the Jacobian is not finite' };
  }
}

function median(v: ArrayLike<number>): number {
  const s = Float64Array.from(v).sort();
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2]! : 0.5 * (s[n / 2 - 1]! + s[n / 2]!);
}

// ---------------------------------------------------------------------------------------------
// Residual bootstrap (Efron & Tibshirani 1993, ch. 9; Davison & Hinkley 1997, §6.3): resample the
// standardised residuals (weighted, centred, inflated by √(m/dof) for the leverage deflation) with
// replacement, add them to the fitted values and refit from the solution. Huber fits keep their
// final IRLS weights fixed. Percentile intervals; standard errors are the sample SDs.

/** mulberry32: a small seeded 32-bit PRNG, uniform on [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Quantile of sorted values by linear interpolation (R's type 7). */
function quantileSorted(s: Float64Array, q: number): number {
  const n = s.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

function checkBootstrap(bs: BootstrapOptions): { samples: number; seed: number } {
  if (bs == null || typeof bs !== 'object') fail('bootstrap must be { samples, seed }');
  const samples = bs.samples ?? BOOTSTRAP_DEFAULT_SAMPLES;
  const seed = bs.seed ?? 0;
  if (!Number.isInteger(samples) || samples < 1 || samples > BOOTSTRAP_MAX_SAMPLES)
    fail(`bootstrap samples must be an integer from 1 to ${BOOTSTRAP_MAX_SAMPLES}, got ${samples}`);
  if (!Number.isFinite(seed)) fail(`bootstrap seed must be a finite number, got ${seed}`);
  return { samples, seed };
}

function residualBootstrap(
  pr: Problem,
  b: Float64Array,
  fitted: Float64Array,
  transforms: (Transform | null)[],
  o: FitOptions,
  bs: { samples: number; seed: number },
  onRefit: (done: number, total: number) => void = () => {},
): FitBootstrap {
  const { m, p, y, sw } = pr;
  const dof = m - p;
  const inflate = dof > 0 ? Math.sqrt(m / dof) : 1;
  const e = new Float64Array(m);
  let mean = 0;
  for (let i = 0; i < m; i++) mean += e[i] = (y[i]! - fitted[i]!) * sw[i]!;
  mean /= m;
  for (let i = 0; i < m; i++) e[i] = (e[i]! - mean) * inflate;
  const rand = mulberry32(bs.seed);
  const draws: Float64Array[] = Array.from({ length: p }, () => new Float64Array(bs.samples));
  const yStar = new Float64Array(m);
  const sub: Problem = { ...pr, y: yStar };
  const opts: FitOptions = { ...o, restarts: 0 };
  let ok = 0;
  // About 100 progress reports per bootstrap, whatever its size.
  const every = Math.max(1, Math.floor(bs.samples / 100));
  for (let s = 0; s < bs.samples; s++) {
    if (s % every === 0) onRefit(s, bs.samples);
    for (let i = 0; i < m; i++) {
      const j = Math.min(m - 1, Math.floor(rand() * m));
      yStar[i] = fitted[i]! + e[j]! / sw[i]!;
    }
    const run = runLm(sub, b, transforms, opts, {
      iterations: o.maxIterations,
      evaluations: o.maxEvaluations,
    });
    const st = describeStop(run.lm.stop, run.lm.gnorm, o).status;
    if (st !== 'converged' || !run.b.every(Number.isFinite)) continue;
    for (let k = 0; k < p; k++) draws[k]![ok] = run.b[k]!;
    ok++;
  }
  const level = 0.95;
  const stdErrors: number[] = [];
  const ciLower: number[] = [];
  const ciUpper: number[] = [];
  for (let k = 0; k < p; k++) {
    const d = draws[k]!.slice(0, ok).sort();
    let mu = 0;
    for (const v of d) mu += v;
    mu /= ok;
    let ss = 0;
    for (const v of d) ss += (v - mu) ** 2;
    stdErrors.push(ok > 1 ? Math.sqrt(ss / (ok - 1)) : NaN);
    ciLower.push(quantileSorted(d, (1 - level) / 2));
    ciUpper.push(quantileSorted(d, (1 + level) / 2));
  }
  return { samples: bs.samples, successful: ok, seed: bs.seed, level, stdErrors, ciLower, ciUpper };
}

// ---------------------------------------------------------------------------------------------

/**
 * Fit a model (preset name, mathjs formula or Model) to data.
 * Throws `fit: …` errors for bad input; numerical trouble is reported through `status`.
 */
/** Callbacks of a long fit (kept out of FitOptions, which cross the worker boundary as data). */
export type FitHooks = {
  /** Refits done of a residual bootstrap (thousands of refits take seconds to minutes). */
  onBootstrap?: (done: number, total: number) => void;
};

export function fit(
  modelSpec: string | Model,
  data: FitData,
  options: Partial<FitOptions> = {},
  hooks: FitHooks = {},
): FitResult {
  const o: FitOptions = { ...DEFAULTS };
  for (const [k, v] of Object.entries(options))
    if (v !== undefined) (o as Record<string, unknown>)[k] = v;
  if (data == null || typeof data !== 'object') fail('data is missing');
  if (!(o.confidence > 0 && o.confidence < 1))
    fail(`confidence must be in (0, 1), got ${o.confidence}`);
  if (o.loss !== 'linear' && o.loss !== 'huber') fail(`unknown loss '${String(o.loss)}'`);
  if (!(o.maxIterations >= 1)) fail(`maxIterations must be at least 1, got ${o.maxIterations}`);
  const bootstrapOpts = o.bootstrap !== undefined ? checkBootstrap(o.bootstrap) : null;

  let model: Model;
  try {
    model = resolveModel(modelSpec, {
      variables: o.variables,
      params: o.params,
      response: o.response,
    });
  } catch (e) {
    const msg = (e as Error).message;
    throw new Error(msg.startsWith('formula:') ? `fit: ${msg}` : msg);
  }
  const warnings: string[] = [];
  const p = model.params.length;
  const columns = columnsFor(model, data.x);
  const yRaw = toFloat64('y', data.y);
  const m = yRaw.length;
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k]!;
    if (c.length !== m) {
      const label = columns.length === 1 ? 'x' : `x column '${model.variables[k]}'`;
      fail(`${label} and y have different lengths (${c.length} vs ${m})`);
    }
  }
  if (m < p) fail(`too few points (${m}) for ${p} parameters (${model.params.join(', ')})`);
  if (m === p) warnings.push('as many points as parameters: no degrees of freedom for errors');
  let y = yRaw;
  if (model.response === 'log') {
    y = yRaw.map((v) => Math.log(v));
    const bad = yRaw.findIndex((v) => !(v > 0));
    if (bad >= 0) fail(`y[${bad}] = ${yRaw[bad]} but the model fits log(y), which needs y > 0`);
  }
  let sigma: Float64Array | null = null;
  if (data.sigma != null) {
    sigma = toFloat64('sigma', data.sigma);
    if (sigma.length !== m) fail(`sigma and y have different lengths (${sigma.length} vs ${m})`);
    const bad = sigma.findIndex((s) => !(s > 0));
    if (bad >= 0) fail(`sigma[${bad}] = ${sigma[bad]} must be positive`);
  }

  const { lower, upper } = boundsFor(model, o.bounds);
  const transforms = model.params.map((_, k) => makeTransform(lower[k]!, upper[k]!));

  const start = startFor(model, o.start, columns, y, warnings);
  moveInside(model, start, lower, upper, o.start != null, warnings);

  const points = Array.from({ length: m }, (_, i) => Float64Array.from(columns, (c) => c[i]!));
  const typical = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const t = o.typical?.[k];
    typical[k] = t != null && t > 0 ? t : Math.abs(start[k]!) > 0 ? Math.abs(start[k]!) : 1;
  }
  const baseSw = new Float64Array(m).map((_, i) => (sigma ? 1 / sigma[i]! : 1));
  const pr: Problem = {
    model,
    m,
    p,
    points,
    y,
    sw: Float64Array.from(baseSw),
    typical,
    numeric: o.jacobian === 'numeric',
    evaluations: 0,
  };

  const budget = { iterations: o.maxIterations, evaluations: o.maxEvaluations };
  let run = runLm(pr, start, transforms, o, budget);
  let iterations = run.iterations;
  let lmEvaluations = run.evaluations;
  const irlsWeights = new Float64Array(m).fill(1);

  if (o.loss === 'huber' && run.lm.stop !== 'nonfinite-start') {
    const f = new Float64Array(m);
    const scaled = new Float64Array(m);
    for (let pass = 0; pass < 100; pass++) {
      evalModel(pr, run.b, f);
      for (let i = 0; i < m; i++) scaled[i] = (y[i]! - f[i]!) * baseSw[i]!;
      let scale = median(scaled.map(Math.abs)) / 0.6744897501960817;
      if (!(scale > 0)) scale = enorm(scaled) / Math.sqrt(m);
      if (!(scale > 0)) break;
      const c = o.huberK * scale;
      for (let i = 0; i < m; i++) {
        const a = Math.abs(scaled[i]!);
        irlsWeights[i] = a <= c ? 1 : c / a;
        pr.sw[i] = baseSw[i]! * Math.sqrt(irlsWeights[i]!);
      }
      const remaining = {
        iterations: budget.iterations - iterations,
        evaluations: budget.evaluations - lmEvaluations,
      };
      if (remaining.iterations < 1 || remaining.evaluations < 2) break;
      const next = runLm(pr, run.b, transforms, { ...o, restarts: 0 }, remaining);
      iterations += next.iterations;
      lmEvaluations += next.evaluations;
      let change = 0;
      for (let k = 0; k < p; k++)
        change = Math.max(
          change,
          Math.abs(next.b[k]! - run.b[k]!) / Math.max(Math.abs(next.b[k]!), typical[k]! * 1e-8),
        );
      run = next;
      if (change < 1e-10 || next.lm.stop.startsWith('max') || next.lm.stop.startsWith('nonfinite'))
        break;
    }
  }

  const described = describeStop(run.lm.stop, run.lm.gnorm, o);
  const { status } = described;
  const reason =
    run.lm.polishSteps > 0
      ? `${described.reason}; then ${run.lm.polishSteps} Gauss–Newton refinement step(s)`
      : described.reason;
  const b = run.b;
  const fitted = new Float64Array(m);
  evalModel(pr, b, fitted);
  const residuals = y.map((v, i) => v - fitted[i]!);
  const sw = pr.sw;
  let rss = 0;
  let sumW = 0;
  let sumWy = 0;
  let sumLogW = 0;
  for (let i = 0; i < m; i++) {
    const w = sw[i]! * sw[i]!;
    rss += (residuals[i]! * sw[i]!) ** 2;
    sumW += w;
    sumWy += w * y[i]!;
    sumLogW += Math.log(w);
  }
  const ybar = sumWy / sumW;
  let tss = 0;
  for (let i = 0; i < m; i++) tss += sw[i]! ** 2 * (y[i]! - ybar) ** 2;
  const dof = m - p;
  const r2 = 1 - rss / tss;
  const adjustedR2 = dof > 0 ? 1 - (1 - r2) * ((m - 1) / dof) : NaN;
  const logLikelihood =
    0.5 * sumLogW - (m / 2) * (Math.log(2 * Math.PI) + 1 - Math.log(m) + Math.log(rss));
  const aic = -2 * logLikelihood + 2 * (p + 1);
  const bic = -2 * logLikelihood + Math.log(m) * (p + 1);

  // Covariance from the weighted Jacobian in external space.
  const jac = new Float64Array(m * p);
  let rank = 0;
  let condition = NaN;
  const covariance: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  if (status !== 'failed') {
    modelJacobian(pr, b, fitted, jac);
    for (let k = 0; k < p; k++)
      for (let i = 0; i < m; i++) jac[k * m + i] = jac[k * m + i]! * sw[i]!;
    const finiteJ = jac.every(Number.isFinite);
    if (finiteJ) {
      const g = gramPseudoInverse(jac, m, p);
      rank = g.rank;
      condition = g.condition;
      const s2 = o.absoluteSigma && sigma ? 1 : dof > 0 ? rss / dof : NaN;
      for (let c = 0; c < p; c++)
        for (let r = 0; r < p; r++) covariance[r]![c] = g.inv[c * p + r]! * s2;
      if (rank < p) {
        warnings.push(
          `the Jacobian is rank deficient (rank ${rank} of ${p}): the parameters are not all identifiable; standard errors use a pseudo-inverse`,
        );
        // Directions in the null space have unbounded uncertainty.
        for (let k = 0; k < p; k++) if (covariance[k]![k] === 0) covariance[k]![k] = Infinity;
      } else if (condition > 1e10)
        warnings.push(`the Jacobian is ill-conditioned (condition ${condition.toExponential(1)})`);
    } else warnings.push('the Jacobian is not finite at the solution: no standard errors');
  }
  const stdErrors = covariance.map((row, k) => Math.sqrt(row[k]!));
  const correlation = covariance.map((row, r) =>
    row.map((v, c) => v / (stdErrors[r]! * stdErrors[c]!)),
  );
  const level = o.confidence;
  const tq = dof > 0 ? studentTQuantile(0.5 + level / 2, dof) : NaN;
  const values = Array.from(b);
  const params: FitParam[] = model.params.map((name, k) => {
    const v = values[k]!;
    const tol = 1e-8 * Math.max(Math.abs(v), typical[k]!);
    const atBound = Math.abs(v - lower[k]!) <= tol || Math.abs(v - upper[k]!) <= tol;
    if (atBound)
      warnings.push(
        `parameter '${name}' is at its bound; its standard error treats the bound as inactive`,
      );
    return {
      name,
      value: v,
      stdError: stdErrors[k]!,
      ciLower: v - tq * stdErrors[k]!,
      ciUpper: v + tq * stdErrors[k]!,
      atBound,
    };
  });
  if (status === 'failed') warnings.push(reason);
  let bootstrap: FitBootstrap | undefined;
  if (bootstrapOpts && status !== 'failed') {
    bootstrap = residualBootstrap(pr, b, fitted, transforms, o, bootstrapOpts, hooks.onBootstrap);
    if (bootstrap.successful < bootstrap.samples)
      warnings.push(
        `bootstrap: ${bootstrap.samples - bootstrap.successful} of ${bootstrap.samples} refits did not converge and were left out`,
      );
  }

  return {
    status,
    reason,
    model: model.formula,
    variables: model.variables,
    names: model.params,
    values,
    stdErrors,
    params,
    confidence: level,
    tQuantile: tq,
    covariance,
    correlation,
    rss,
    residualStdDev: dof > 0 ? Math.sqrt(rss / dof) : NaN,
    r2,
    adjustedR2,
    logLikelihood,
    aic,
    bic,
    residuals: Array.from(residuals),
    fitted: Array.from(fitted),
    n: m,
    dof,
    iterations,
    evaluations: pr.evaluations,
    rank,
    condition,
    start: Array.from(start),
    warnings,
    loss: o.loss,
    weighted: sigma !== null || o.loss === 'huber',
    ...(bootstrap ? { bootstrap } : {}),
  };
}
