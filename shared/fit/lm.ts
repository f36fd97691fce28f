// Fit Levenberg–Marquardt core: a TypeScript port of MINPACK's lmder/lmpar/qrfac/qrsolv
// (Moré 1978, "The Levenberg-Marquardt algorithm: implementation and theory", Lecture Notes in
// Mathematics 630; Moré, Garbow & Hillstrom 1980, MINPACK-1). Column scaling from the Jacobian
// norms, a trust-region step computed from the pivoted QR of the Jacobian with the Levenberg
// parameter found by Moré's safeguarded Newton iteration (no normal equations are formed).
// Matrices are column-major Float64Arrays.

import { enorm, EPS } from './linalg';

const DWARF = 2.2250738585072014e-308;

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

/** Householder QR with column pivoting (MINPACK qrfac); a is m×n column-major, overwritten. */
function qrfac(
  m: number,
  n: number,
  a: Float64Array,
  ipvt: Int32Array,
  rdiag: Float64Array,
  acnorm: Float64Array,
  wa: Float64Array,
): void {
  for (let j = 0; j < n; j++) {
    acnorm[j] = enorm(a, j * m, m);
    rdiag[j] = acnorm[j]!;
    wa[j] = rdiag[j]!;
    ipvt[j] = j;
  }
  const minmn = Math.min(m, n);
  for (let j = 0; j < minmn; j++) {
    let kmax = j;
    for (let k = j; k < n; k++) if (rdiag[k]! > rdiag[kmax]!) kmax = k;
    if (kmax !== j) {
      for (let i = 0; i < m; i++) {
        const t = a[j * m + i]!;
        a[j * m + i] = a[kmax * m + i]!;
        a[kmax * m + i] = t;
      }
      rdiag[kmax] = rdiag[j]!;
      wa[kmax] = wa[j]!;
      const k = ipvt[j]!;
      ipvt[j] = ipvt[kmax]!;
      ipvt[kmax] = k;
    }
    const cj = j * m;
    let ajnorm = enorm(a, cj + j, m - j);
    if (ajnorm !== 0) {
      if (a[cj + j]! < 0) ajnorm = -ajnorm;
      for (let i = j; i < m; i++) a[cj + i] = a[cj + i]! / ajnorm;
      a[cj + j] = a[cj + j]! + 1;
      for (let k = j + 1; k < n; k++) {
        const ck = k * m;
        let sum = 0;
        for (let i = j; i < m; i++) sum += a[cj + i]! * a[ck + i]!;
        const temp = sum / a[cj + j]!;
        for (let i = j; i < m; i++) a[ck + i] = a[ck + i]! - temp * a[cj + i]!;
        if (rdiag[k] !== 0) {
          const t = a[ck + j]! / rdiag[k]!;
          rdiag[k] = rdiag[k]! * Math.sqrt(Math.max(0, 1 - t * t));
          if (0.05 * (rdiag[k]! / wa[k]!) ** 2 <= EPS) {
            rdiag[k] = enorm(a, ck + j + 1, m - j - 1);
            wa[k] = rdiag[k]!;
          }
        }
      }
    }
    rdiag[j] = -ajnorm;
  }
}

/**
 * MINPACK qrsolv: given R (n×n, upper triangle of r, column-major), the permutation and a
 * diagonal D, solve min ‖[R; D_p] z − [qtb; 0]‖ by Givens rotations. The strict lower triangle of
 * r receives Sᵀ (S upper triangular with PᵀDP folded in), sdiag its diagonal.
 */
function qrsolv(
  n: number,
  r: Float64Array,
  ipvt: Int32Array,
  diag: Float64Array,
  qtb: Float64Array,
  x: Float64Array,
  sdiag: Float64Array,
  wa: Float64Array,
): void {
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) r[j * n + i] = r[i * n + j]!;
    x[j] = r[j * n + j]!;
    wa[j] = qtb[j]!;
  }
  for (let j = 0; j < n; j++) {
    const l = ipvt[j]!;
    if (diag[l] !== 0) {
      for (let k = j; k < n; k++) sdiag[k] = 0;
      sdiag[j] = diag[l]!;
      let qtbpj = 0;
      for (let k = j; k < n; k++) {
        if (sdiag[k] === 0) continue;
        const rkk = r[k * n + k]!;
        let sin: number;
        let cos: number;
        if (Math.abs(rkk) < Math.abs(sdiag[k]!)) {
          const cotan = rkk / sdiag[k]!;
          sin = 0.5 / Math.sqrt(0.25 + 0.25 * cotan * cotan);
          cos = sin * cotan;
        } else {
          const tan = sdiag[k]! / rkk;
          cos = 0.5 / Math.sqrt(0.25 + 0.25 * tan * tan);
          sin = cos * tan;
        }
        r[k * n + k] = cos * rkk + sin * sdiag[k]!;
        const temp = cos * wa[k]! + sin * qtbpj;
        qtbpj = -sin * wa[k]! + cos * qtbpj;
        wa[k] = temp;
        for (let i = k + 1; i < n; i++) {
          const rik = r[k * n + i]!;
          const t = cos * rik + sin * sdiag[i]!;
          sdiag[i] = -sin * rik + cos * sdiag[i]!;
          r[k * n + i] = t;
        }
      }
    }
    sdiag[j] = r[j * n + j]!;
    r[j * n + j] = x[j]!;
  }
  let nsing = n;
  for (let j = 0; j < n; j++) {
    if (sdiag[j] === 0 && nsing === n) nsing = j;
    if (nsing < n) wa[j] = 0;
  }
  for (let k = nsing - 1; k >= 0; k--) {
    let sum = 0;
    for (let i = k + 1; i < nsing; i++) sum += r[k * n + i]! * wa[i]!;
    wa[k] = (wa[k]! - sum) / sdiag[k]!;
  }
  for (let j = 0; j < n; j++) x[ipvt[j]!] = wa[j]!;
}

/**
 * MINPACK lmpar: find the Levenberg parameter par ≥ 0 such that the solution x of
 * min ‖[J; √par·D] x − [r; 0]‖ has ‖D x‖ within 10 % of delta (or par = 0 if the Gauss–Newton
 * step is inside). Returns the new par; x receives the step (to be negated).
 */
function lmpar(
  n: number,
  r: Float64Array,
  ipvt: Int32Array,
  diag: Float64Array,
  qtb: Float64Array,
  delta: number,
  parIn: number,
  x: Float64Array,
  sdiag: Float64Array,
  wa1: Float64Array,
  wa2: Float64Array,
): number {
  let par = parIn;
  // Gauss–Newton direction (least squares if R is singular).
  let nsing = n;
  for (let j = 0; j < n; j++) {
    wa1[j] = qtb[j]!;
    if (r[j * n + j] === 0 && nsing === n) nsing = j;
    if (nsing < n) wa1[j] = 0;
  }
  for (let k = nsing - 1; k >= 0; k--) {
    wa1[k] = wa1[k]! / r[k * n + k]!;
    const temp = wa1[k]!;
    for (let i = 0; i < k; i++) wa1[i] = wa1[i]! - r[k * n + i]! * temp;
  }
  for (let j = 0; j < n; j++) x[ipvt[j]!] = wa1[j]!;

  let iter = 0;
  for (let j = 0; j < n; j++) wa2[j] = diag[j]! * x[j]!;
  let dxnorm = enorm(wa2);
  let fp = dxnorm - delta;
  if (fp <= 0.1 * delta) return 0;

  // Lower bound parl for the zero of φ.
  let parl = 0;
  if (nsing >= n) {
    for (let j = 0; j < n; j++) {
      const l = ipvt[j]!;
      wa1[j] = diag[l]! * (wa2[l]! / dxnorm);
    }
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < j; i++) sum += r[j * n + i]! * wa1[i]!;
      wa1[j] = (wa1[j]! - sum) / r[j * n + j]!;
    }
    const temp = enorm(wa1);
    parl = fp / delta / temp / temp;
  }
  // Upper bound paru.
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i <= j; i++) sum += r[j * n + i]! * qtb[i]!;
    wa1[j] = sum / diag[ipvt[j]!]!;
  }
  const gnorm = enorm(wa1);
  let paru = gnorm / delta;
  if (paru === 0) paru = DWARF / Math.min(delta, 0.1);

  par = Math.max(par, parl);
  par = Math.min(par, paru);
  if (par === 0) par = gnorm / dxnorm;

  for (;;) {
    iter++;
    if (par === 0) par = Math.max(DWARF, 0.001 * paru);
    const sq = Math.sqrt(par);
    for (let j = 0; j < n; j++) wa1[j] = sq * diag[j]!;
    qrsolv(n, r, ipvt, wa1, qtb, x, sdiag, wa2);
    for (let j = 0; j < n; j++) wa2[j] = diag[j]! * x[j]!;
    dxnorm = enorm(wa2);
    const prevFp = fp;
    fp = dxnorm - delta;
    if (Math.abs(fp) <= 0.1 * delta || (parl === 0 && fp <= prevFp && prevFp < 0) || iter === 10)
      break;
    // Newton correction.
    for (let j = 0; j < n; j++) {
      const l = ipvt[j]!;
      wa1[j] = diag[l]! * (wa2[l]! / dxnorm);
    }
    for (let j = 0; j < n; j++) {
      wa1[j] = wa1[j]! / sdiag[j]!;
      const temp = wa1[j]!;
      for (let i = j + 1; i < n; i++) wa1[i] = wa1[i]! - r[j * n + i]! * temp;
    }
    const temp = enorm(wa1);
    const parc = fp / delta / temp / temp;
    if (fp > 0) parl = Math.max(parl, par);
    if (fp < 0) paru = Math.min(paru, par);
    par = Math.max(parl, par + parc);
  }
  return iter === 0 ? 0 : par;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

/** Minimise ‖r(x)‖² from x0 with MINPACK's lmder (mode 1: scaling from Jacobian column norms). */
export function levenbergMarquardt(
  problem: LmProblem,
  x0: ArrayLike<number>,
  opts: Partial<LmOptions> = {},
): LmResult {
  const o: LmOptions = { ...LM_DEFAULTS, ...opts };
  const { m, n } = problem;
  const x = Float64Array.from(x0);
  const fvec = new Float64Array(m);
  const fjac = new Float64Array(m * n);
  const r = new Float64Array(n * n);
  const diag = new Float64Array(n);
  const qtf = new Float64Array(n);
  const ipvt = new Int32Array(n);
  const wa1 = new Float64Array(n);
  const wa2 = new Float64Array(n);
  const wa3 = new Float64Array(n);
  const wa4 = new Float64Array(m);
  const rdiag = new Float64Array(n);
  const acnorm = new Float64Array(n);
  const sdiag = new Float64Array(n);
  const xTrial = new Float64Array(n);

  let nfev = 1;
  let njev = 0;
  let iter = 0;
  let gnorm = NaN;
  let polishSteps = 0;
  problem.residuals(x, fvec);
  const result = (stop: LmStop): LmResult => ({
    x,
    r: fvec,
    rnorm: enorm(fvec),
    stop,
    gnorm,
    iterations: iter,
    evaluations: nfev,
    jacobianEvaluations: njev,
    polishSteps,
  });
  const polish = (): void => {
    let prevStep = Infinity;
    for (let step = 0; step < o.polish; step++) {
      if (njev >= o.maxIterations || nfev >= o.maxEvaluations) return;
      problem.jacobian(x, fvec, fjac);
      njev++;
      if (!allFinite(fjac)) return;
      qrfac(m, n, fjac, ipvt, rdiag, acnorm, wa2);
      wa4.set(fvec);
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
      // Gauss–Newton step R z = Qᵀr (zero components past a singular diagonal).
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
      if (!moved) return;
      problem.residuals(xTrial, wa4);
      nfev++;
      if (!allFinite(wa4)) return;
      const fnorm1 = enorm(wa4);
      if (!(fnorm1 <= fnorm * (1 + 8 * EPS) + (problem.noise ?? 0))) return;
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
      fnorm = fnorm1;
      iter++;
      polishSteps++;
      if (small) return;
    }
  };
  const done = (stop: LmStop): LmResult => {
    if (
      o.polish > 0 &&
      !stop.startsWith('max') &&
      !stop.startsWith('nonfinite') &&
      fnorm > 0 &&
      m > n
    )
      polish();
    return result(stop);
  };
  if (!allFinite(fvec)) return done('nonfinite-start');
  let fnorm = enorm(fvec);
  let par = 0;
  let delta = 0;
  let xnorm = 0;

  for (;;) {
    if (njev >= o.maxIterations) return done('max-iterations');
    problem.jacobian(x, fvec, fjac);
    njev++;
    if (!allFinite(fjac)) return done('nonfinite-jacobian');
    qrfac(m, n, fjac, ipvt, rdiag, acnorm, wa2);
    if (njev === 1) {
      for (let j = 0; j < n; j++) diag[j] = acnorm[j] === 0 ? 1 : acnorm[j]!;
      for (let j = 0; j < n; j++) wa3[j] = diag[j]! * x[j]!;
      xnorm = enorm(wa3);
      delta = o.factor * xnorm;
      if (delta === 0) delta = o.factor;
    }
    // Qᵀ·fvec → qtf; R → r (n×n, column-major).
    wa4.set(fvec);
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
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) r[j * n + i] = i <= j && i < m ? fjac[j * m + i]! : 0;

    // Scaled gradient norm (cosine of the angle between fvec and the Jacobian columns).
    gnorm = 0;
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
    if (gnorm <= o.gtol) return done('gtol');
    for (let j = 0; j < n; j++) diag[j] = Math.max(diag[j]!, acnorm[j]!);

    // Inner loop: find an acceptable step.
    for (;;) {
      par = lmpar(n, r, ipvt, diag, qtf, delta, par, wa1, sdiag, wa2, wa3);
      for (let j = 0; j < n; j++) {
        wa1[j] = -wa1[j]!;
        xTrial[j] = x[j]! + wa1[j]!;
        wa3[j] = diag[j]! * wa1[j]!;
      }
      const pnorm = enorm(wa3);
      if (njev === 1 && iter === 0) delta = Math.min(delta, pnorm);
      problem.residuals(xTrial, wa4);
      nfev++;
      const feasible = allFinite(wa4);
      const fnorm1 = feasible ? enorm(wa4) : Infinity;
      let actred = -1;
      if (0.1 * fnorm1 < fnorm) actred = 1 - (fnorm1 / fnorm) ** 2;
      // Scaled predicted reduction and directional derivative.
      for (let j = 0; j < n; j++) {
        wa3[j] = 0;
        const temp = wa1[ipvt[j]!]!;
        for (let i = 0; i <= j; i++) wa3[i] = wa3[i]! + r[j * n + i]! * temp;
      }
      const temp1 = enorm(wa3) / fnorm;
      const temp2 = (Math.sqrt(par) * pnorm) / fnorm;
      const prered = temp1 * temp1 + (temp2 * temp2) / 0.5;
      const dirder = -(temp1 * temp1 + temp2 * temp2);
      const ratio = prered !== 0 && feasible ? actred / prered : 0;

      if (ratio <= 0.25) {
        let t = actred >= 0 ? 0.5 : (0.5 * dirder) / (dirder + 0.5 * actred);
        if (0.1 * fnorm1 >= fnorm || t < 0.1 || !Number.isFinite(t)) t = 0.1;
        delta = t * Math.min(delta, pnorm / 0.1);
        par = par / t;
      } else if (par === 0 || ratio >= 0.75) {
        delta = pnorm / 0.5;
        par = 0.5 * par;
      }
      if (ratio >= 1e-4) {
        x.set(xTrial);
        for (let j = 0; j < n; j++) wa2[j] = diag[j]! * x[j]!;
        fvec.set(wa4);
        xnorm = enorm(wa2);
        fnorm = fnorm1;
        iter++;
      }
      const fOk = Math.abs(actred) <= o.ftol && prered <= o.ftol && 0.5 * ratio <= 1;
      const xOk = delta <= o.xtol * xnorm;
      if (fOk && xOk) return done('ftol+xtol');
      if (fOk) return done('ftol');
      if (xOk) return done('xtol');
      if (fnorm === 0) return done('ftol');
      if (nfev >= o.maxEvaluations) return done('max-evaluations');
      if (Math.abs(actred) <= EPS && prered <= EPS && 0.5 * ratio <= 1) return done('ftol-machine');
      if (delta <= EPS * xnorm) return done('xtol-machine');
      if (gnorm <= EPS) return done('gtol-machine');
      if (ratio >= 1e-4) break;
    }
  }
}
