// Fit MINPACK kernels: the pivoted Householder QR (qrfac), the damped least-squares solve by
// Givens rotations (qrsolv) and the Levenberg parameter search (lmpar) of MINPACK's lmder, ported
// to TypeScript (Moré 1978; Moré, Garbow & Hillstrom 1980). Matrices are column-major.
import { enorm, EPS } from './linalg';

const DWARF = 2.2250738585072014e-308;

/** Householder QR with column pivoting (MINPACK qrfac); a is m×n column-major, overwritten. */
export function qrfac(
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
export function lmpar(
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
