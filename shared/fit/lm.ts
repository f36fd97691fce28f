// Fit Levenberg–Marquardt core: a TypeScript port of MINPACK's lmder/lmpar/qrfac/qrsolv
// (Moré 1978, "The Levenberg-Marquardt algorithm: implementation and theory", Lecture Notes in
// Mathematics 630; Moré, Garbow & Hillstrom 1980, MINPACK-1). Column scaling from the Jacobian
// norms, a trust-region step computed from the pivoted QR of the Jacobian with the Levenberg
// parameter found by Moré's safeguarded Newton iteration (no normal equations are formed).
// Matrices are column-major Float64Arrays.

import { enorm, EPS } from './linalg';
import { lmpar, qrfac } from './minpack';

export type LmProblem = {
  /** Number of residuals. */
  m: number;
  /** Number of unknowns. */
  n: number;
  /** Residuals at x into out (length m). Non-finite values mark x as infeasible. */
  residuals: (x: Float64Array, out: Float64Array) => void;
  /** Jacobian ∂r/∂x at x (r holds the residuals there), m×n column-major, into out. */
  jacobian: (x: Float64Array, r: Float64Array, out: Float64Array) => void;
  /**
   * Round-off level of ‖r‖ (e.g. a few eps·‖y‖): the Gauss–Newton polish accepts a contracting
   * step whose ‖r‖ grows by no more than this. Default 0 (relative 8·eps only).
   */
  noise?: number;
};

export type LmOptions = {
  /** Stop when both actual and predicted relative reductions of ‖r‖² are at most ftol. */
  ftol: number;
  /** Stop when the relative (scaled) step is at most xtol. */
  xtol: number;
  /** Stop when the cosine between r and every Jacobian column is at most gtol. */
  gtol: number;
  /** Maximum number of iterations (Jacobian evaluations). */
  maxIterations: number;
  /** Maximum number of residual evaluations. */
  maxEvaluations: number;
  /** Initial trust-region radius as a multiple of ‖D·x0‖ (MINPACK's factor). */
  factor: number;
  /**
   * After convergence, up to this many full Gauss–Newton steps (QR solve, no damping), each kept
   * only if ‖r‖ does not grow beyond round-off. Sharpens parameters that the RSS barely
   * determines (a flat valley) beyond the √eps limit of RSS-based stopping tests.
   */
  polish: number;
};

export const LM_DEFAULTS: LmOptions = {
  ftol: 1e-14,
  xtol: 1e-12,
  gtol: 1e-12,
  maxIterations: 500,
  maxEvaluations: 5000,
  factor: 100,
  polish: 30,
};

/** Why the iteration stopped (MINPACK info codes 1–8 plus limits and failures). */
export type LmStop =
  | 'ftol'
  | 'xtol'
  | 'ftol+xtol'
  | 'gtol'
  | 'max-evaluations'
  | 'max-iterations'
  | 'ftol-machine'
  | 'xtol-machine'
  | 'gtol-machine'
  | 'nonfinite-start'
  | 'nonfinite-jacobian';

export type LmResult = {
  x: Float64Array;
  /** Residuals at x. */
  r: Float64Array;
  /** ‖r‖. */
  rnorm: number;
  stop: LmStop;
  /** Largest cosine between r and a Jacobian column at the last Jacobian. */
  gnorm: number;
  iterations: number;
  evaluations: number;
  jacobianEvaluations: number;
  /** Accepted Gauss–Newton polish steps (included in iterations). */
  polishSteps: number;
};
function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

/** lmder's work arrays and running state (MINPACK names). */
type State = {
  m: number;
  n: number;
  x: Float64Array;
  fvec: Float64Array;
  fjac: Float64Array;
  r: Float64Array;
  diag: Float64Array;
  qtf: Float64Array;
  ipvt: Int32Array;
  wa1: Float64Array;
  wa2: Float64Array;
  wa3: Float64Array;
  wa4: Float64Array;
  rdiag: Float64Array;
  acnorm: Float64Array;
  sdiag: Float64Array;
  xTrial: Float64Array;
  nfev: number;
  njev: number;
  iter: number;
  gnorm: number;
  polishSteps: number;
  fnorm: number;
  par: number;
  delta: number;
  xnorm: number;
};

function workspace(m: number, n: number, x0: ArrayLike<number>): State {
  const vn = () => new Float64Array(n);
  return {
    m,
    n,
    x: Float64Array.from(x0),
    fvec: new Float64Array(m),
    fjac: new Float64Array(m * n),
    r: new Float64Array(n * n),
    diag: vn(),
    qtf: vn(),
    ipvt: new Int32Array(n),
    wa1: vn(),
    wa2: vn(),
    wa3: vn(),
    wa4: new Float64Array(m),
    rdiag: vn(),
    acnorm: vn(),
    sdiag: vn(),
    xTrial: vn(),
    nfev: 1,
    njev: 0,
    iter: 0,
    gnorm: NaN,
    polishSteps: 0,
    fnorm: NaN,
    par: 0,
    delta: 0,
    xnorm: 0,
  };
}

/** Pivoted QR of fjac; Qᵀ·fvec → qtf and R's diagonal back into fjac. */
function factorJacobian(s: State): void {
  const { m, n, fjac, rdiag, wa4, qtf } = s;
  qrfac(m, n, fjac, s.ipvt, rdiag, s.acnorm, s.wa2);
  wa4.set(s.fvec);
  for (let j = 0; j < Math.min(m, n); j++) {
    const cj = j * m;
    if (fjac[cj + j] !== 0) {
      let sum = 0;
      for (let i = j; i < m; i++) sum += fjac[cj + i]! * wa4[i]!;
      const temp = -sum / fjac[cj + j]!;
      for (let i = j; i < m; i++) wa4[i] = wa4[i]! + fjac[cj + i]! * temp;
    }
    fjac[cj + j] = rdiag[j]!;
    qtf[j] = wa4[j]!;
  }
}

/** The undamped Gauss–Newton step R z = Qᵀr into xTrial (zero past a singular diagonal). */
function gaussNewtonTrial(s: State): boolean {
  const { m, n, wa1, qtf, rdiag, fjac, ipvt, x, xTrial } = s;
  let nsing = n;
  for (let j = 0; j < n; j++) {
    wa1[j] = qtf[j]!;
    if (Math.abs(rdiag[j]!) <= EPS * Math.abs(rdiag[0]!) * n && nsing === n) nsing = j;
    if (nsing < n) wa1[j] = 0;
  }
  for (let k = nsing - 1; k >= 0; k--) {
    wa1[k] = wa1[k]! / fjac[k * m + k]!;
    const temp = wa1[k]!;
    for (let i = 0; i < k; i++) wa1[i] = wa1[i]! - fjac[k * m + i]! * temp;
  }
  let moved = false;
  for (let j = 0; j < n; j++) {
    const l = ipvt[j]!;
    xTrial[l] = x[l]! - wa1[j]!;
    if (xTrial[l] !== x[l]) moved = true;
  }
  return moved;
}

/** After convergence: contracting Gauss–Newton steps kept while ‖r‖ stays within round-off. */
function polish(s: State, problem: LmProblem, o: LmOptions): void {
  const { n, x, fvec, fjac, wa2, wa3, wa4, acnorm, xTrial } = s;
  let prevStep = Infinity;
  for (let step = 0; step < o.polish; step++) {
    if (s.njev >= o.maxIterations || s.nfev >= o.maxEvaluations) return;
    problem.jacobian(x, fvec, fjac);
    s.njev++;
    if (!allFinite(fjac)) return;
    factorJacobian(s);
    if (!gaussNewtonTrial(s)) return;
    problem.residuals(xTrial, wa4);
    s.nfev++;
    if (!allFinite(wa4)) return;
    const fnorm1 = enorm(wa4);
    if (!(fnorm1 <= s.fnorm * (1 + 8 * EPS) + (problem.noise ?? 0))) return;
    for (let j = 0; j < n; j++) {
      wa2[j] = acnorm[j]! * (xTrial[j]! - x[j]!);
      wa3[j] = acnorm[j]! * x[j]!;
    }
    const stepNorm = enorm(wa2);
    if (stepNorm > 2 * prevStep) return; // not contracting: leave the LM solution alone
    prevStep = stepNorm;
    const small = stepNorm <= 1e-14 * enorm(wa3);
    x.set(xTrial);
    fvec.set(wa4);
    s.fnorm = fnorm1;
    s.iter++;
    s.polishSteps++;
    if (small) return;
  }
}

/** R (n×n) out of fjac, then the scaled gradient norm: the largest cosine between fvec and a column. */
function gradientNorm(s: State): number {
  const { m, n, r, fjac, ipvt, acnorm, qtf, fnorm } = s;
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) r[j * n + i] = i <= j && i < m ? fjac[j * m + i]! : 0;
  let gnorm = 0;
  if (fnorm !== 0) {
    for (let j = 0; j < n; j++) {
      const l = ipvt[j]!;
      if (acnorm[l] !== 0) {
        let sum = 0;
        for (let i = 0; i <= j; i++) sum += r[j * n + i]! * (qtf[i]! / fnorm);
        gnorm = Math.max(gnorm, Math.abs(sum / acnorm[l]!));
      }
    }
  }
  return gnorm;
}

/**
 * One trial step of lmder's inner loop: the damped step, the ratio of actual to predicted
 * reduction, the trust-region update and the convergence tests. 'accepted' ends the inner loop.
 */
function trialStep(s: State, problem: LmProblem, o: LmOptions): LmStop | 'accepted' | 'retry' {
  const { n, r, ipvt, diag, qtf, wa1, wa2, wa3, wa4, x, xTrial } = s;
  s.par = lmpar(n, r, ipvt, diag, qtf, s.delta, s.par, wa1, s.sdiag, wa2, wa3);
  for (let j = 0; j < n; j++) {
    wa1[j] = -wa1[j]!;
    xTrial[j] = x[j]! + wa1[j]!;
    wa3[j] = diag[j]! * wa1[j]!;
  }
  const pnorm = enorm(wa3);
  if (s.njev === 1 && s.iter === 0) s.delta = Math.min(s.delta, pnorm);
  problem.residuals(xTrial, wa4);
  s.nfev++;
  const feasible = allFinite(wa4);
  const fnorm1 = feasible ? enorm(wa4) : Infinity;
  const fnorm = s.fnorm;
  let actred = -1;
  if (0.1 * fnorm1 < fnorm) actred = 1 - (fnorm1 / fnorm) ** 2;
  // Scaled predicted reduction and directional derivative.
  for (let j = 0; j < n; j++) {
    wa3[j] = 0;
    const temp = wa1[ipvt[j]!]!;
    for (let i = 0; i <= j; i++) wa3[i] = wa3[i]! + r[j * n + i]! * temp;
  }
  const temp1 = enorm(wa3) / fnorm;
  const temp2 = (Math.sqrt(s.par) * pnorm) / fnorm;
  const prered = temp1 * temp1 + (temp2 * temp2) / 0.5;
  const dirder = -(temp1 * temp1 + temp2 * temp2);
  const ratio = prered !== 0 && feasible ? actred / prered : 0;

  if (ratio <= 0.25) {
    let t = actred >= 0 ? 0.5 : (0.5 * dirder) / (dirder + 0.5 * actred);
    if (0.1 * fnorm1 >= fnorm || t < 0.1 || !Number.isFinite(t)) t = 0.1;
    s.delta = t * Math.min(s.delta, pnorm / 0.1);
    s.par = s.par / t;
  } else if (s.par === 0 || ratio >= 0.75) {
    s.delta = pnorm / 0.5;
    s.par = 0.5 * s.par;
  }
  if (ratio >= 1e-4) {
    x.set(xTrial);
    for (let j = 0; j < n; j++) wa2[j] = diag[j]! * x[j]!;
    s.fvec.set(wa4);
    s.xnorm = enorm(wa2);
    s.fnorm = fnorm1;
    s.iter++;
  }
  const fOk = Math.abs(actred) <= o.ftol && prered <= o.ftol && 0.5 * ratio <= 1;
  const xOk = s.delta <= o.xtol * s.xnorm;
  if (fOk && xOk) return 'ftol+xtol';
  if (fOk) return 'ftol';
  if (xOk) return 'xtol';
  if (s.fnorm === 0) return 'ftol';
  if (s.nfev >= o.maxEvaluations) return 'max-evaluations';
  if (Math.abs(actred) <= EPS && prered <= EPS && 0.5 * ratio <= 1) return 'ftol-machine';
  if (s.delta <= EPS * s.xnorm) return 'xtol-machine';
  if (s.gnorm <= EPS) return 'gtol-machine';
  return ratio >= 1e-4 ? 'accepted' : 'retry';
}

/** Minimise ‖r(x)‖² from x0 with MINPACK's lmder (mode 1: scaling from Jacobian column norms). */
export function levenbergMarquardt(
  problem: LmProblem,
  x0: ArrayLike<number>,
  opts: Partial<LmOptions> = {},
): LmResult {
  const o: LmOptions = { ...LM_DEFAULTS, ...opts };
  const s = workspace(problem.m, problem.n, x0);
  const { n, x, fvec, fjac, diag, acnorm, wa3 } = s;
  problem.residuals(x, fvec);
  const done = (stop: LmStop): LmResult => {
    const converged = !stop.startsWith('max') && !stop.startsWith('nonfinite');
    if (o.polish > 0 && converged && s.fnorm > 0 && s.m > n) polish(s, problem, o);
    return {
      x,
      r: fvec,
      rnorm: enorm(fvec),
      stop,
      gnorm: s.gnorm,
      iterations: s.iter,
      evaluations: s.nfev,
      jacobianEvaluations: s.njev,
      polishSteps: s.polishSteps,
    };
  };
  if (!allFinite(fvec)) return done('nonfinite-start');
  s.fnorm = enorm(fvec);

  for (;;) {
    if (s.njev >= o.maxIterations) return done('max-iterations');
    problem.jacobian(x, fvec, fjac);
    s.njev++;
    if (!allFinite(fjac)) return done('nonfinite-jacobian');
    factorJacobian(s);
    if (s.njev === 1) {
      // Scaling from the first Jacobian's column norms; the trust region starts at factor·‖D·x0‖.
      for (let j = 0; j < n; j++) diag[j] = acnorm[j] === 0 ? 1 : acnorm[j]!;
      for (let j = 0; j < n; j++) wa3[j] = diag[j]! * x[j]!;
      s.xnorm = enorm(wa3);
      s.delta = o.factor * s.xnorm;
      if (s.delta === 0) s.delta = o.factor;
    }
    s.gnorm = gradientNorm(s);
    if (s.gnorm <= o.gtol) return done('gtol');
    for (let j = 0; j < n; j++) diag[j] = Math.max(diag[j]!, acnorm[j]!);
    // Inner loop: find an acceptable step.
    for (;;) {
      const next = trialStep(s, problem, o);
      if (next === 'accepted') break;
      if (next !== 'retry') return done(next);
    }
  }
}
