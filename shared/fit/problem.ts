// Fit problem: the model, data and weights in external (parameter) space, the Jacobian (analytic
// or symbolic partials, else central differences with step cbrt(eps)·max(|b|, typical)), and one
// Levenberg–Marquardt run through the bounds transforms with restarts (./lm, Moré 1978).
import { EPS } from './linalg';
import { levenbergMarquardt } from './lm';
import type { LmResult, LmStop } from './lm';
import type { Model } from './models';
import type { Transform } from './transforms';
import type { FitOptions, FitStatus } from './types';

export type Problem = {
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

export function evalModel(pr: Problem, b: ArrayLike<number>, out: Float64Array): void {
  const { model, points, m } = pr;
  for (let i = 0; i < m; i++) out[i] = model.f(b, points[i]!);
  pr.evaluations++;
}

/** ∂f/∂b (unweighted), m×p column-major; f0 holds f at b. */
export function modelJacobian(
  pr: Problem,
  b: Float64Array,
  f0: Float64Array,
  out: Float64Array,
): void {
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

export type RunOutcome = {
  b: Float64Array;
  lm: LmResult;
  iterations: number;
  evaluations: number;
};

export function runLm(
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

export function describeStop(
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

export function median(v: ArrayLike<number>): number {
  const s = Float64Array.from(v).sort();
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2]! : 0.5 * (s[n / 2 - 1]! + s[n / 2]!);
}
