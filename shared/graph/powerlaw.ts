// Power-law fit of discrete data (e.g. a degree sequence) by Clauset, Shalizi & Newman 2009,
// "Power-law distributions in empirical data", SIAM Review 51(4): for each candidate xmin (every
// distinct value with at least `minTail` observations ≥ it) alpha maximises the discrete
// likelihood L(α) = −n ln ζ(α, xmin) − α Σ ln xᵢ (root of the score by bisection; L is concave),
// and the xmin with the smallest Kolmogorov–Smirnov distance wins (the first on ties). The KS
// distance is the supremum over all integers x ≥ xmin of |S(x) − P(x)|, evaluated exactly at
// each data value and the integer just below it (between data values S is flat and P rises).
// ζ(s, q) is the Hurwitz zeta function, summed directly up to q + N ≥ 20 and finished by the
// Euler–Maclaurin formula with 10 Bernoulli terms (relative error < 1e-16 for s > 1).
import { graphFail } from './errors';

export type PowerLawOptions = {
  /** Fix xmin instead of scanning (must be ≥ 1). */
  xmin?: number;
  /** Smallest tail a candidate xmin may leave. */
  minTail: number;
  /** Search interval for alpha (exclusive of 1). */
  alphaMin: number;
  alphaMax: number;
  /** Relative bisection width at which alpha stops. */
  tolerance: number;
  /** Keep the per-candidate scan in the result. */
  keepScan: boolean;
};

export const POWERLAW_DEFAULTS: PowerLawOptions = {
  minTail: 2,
  alphaMin: 1 + 1e-9,
  alphaMax: 30,
  tolerance: 1e-15,
  keepScan: false,
};

export type PowerLawCandidate = { xmin: number; nTail: number; alpha: number; ks: number };

export type PowerLawFit = {
  alpha: number;
  xmin: number;
  /** Kolmogorov–Smirnov distance of the tail from the fitted law. */
  ks: number;
  nTail: number;
  nTotal: number;
  logLikelihood: number;
  /** 1/√(n·d²ln ζ/dα²): the Fisher-information standard error of alpha. */
  alphaStdError: number;
  /** (α − 1)/√n, CSN eq. 3.2's large-n approximation. */
  alphaStdErrorApprox: number;
  scan?: PowerLawCandidate[];
};

function fail(msg: string): never {
  graphFail(`power law: ${msg}`);
}

// B_2j / (2j)! for j = 1..10.
const BERNOULLI_OVER_FACTORIAL = [
  1 / 6 / 2,
  -1 / 30 / 24,
  1 / 42 / 720,
  -1 / 30 / 40320,
  5 / 66 / 3628800,
  -691 / 2730 / 479001600,
  7 / 6 / 87178291200,
  -3617 / 510 / 20922789888000,
  43867 / 798 / 6402373705728000,
  -174611 / 330 / 2432902008176640000,
];

/** Hurwitz zeta ζ(s, q) = Σ_{k≥0} (q + k)^−s for s > 1, q > 0. */
export function hurwitzZeta(s: number, q: number): number {
  return hurwitzZetaWithDerivative(s, q)[0];
}

/** [ζ(s, q), ∂ζ/∂s]: the Euler–Maclaurin sum and its term-by-term derivative in s. */
export function hurwitzZetaWithDerivative(s: number, q: number): [number, number] {
  if (!(s > 1)) fail(`hurwitzZeta needs s > 1, got ${s}`);
  if (!(q > 0)) fail(`hurwitzZeta needs q > 0, got ${q}`);
  const N = Math.max(0, Math.ceil(20 - q));
  const a = q + N;
  const la = Math.log(a);
  // Euler–Maclaurin tail: a^(1−s)/(s−1) + a^−s/2 + Σ B_2j/(2j)! · s(s+1)…(s+2j−2) · a^(−s−2j+1).
  const a1s = a ** (1 - s);
  let tail = a1s / (s - 1) + 0.5 * a ** -s;
  let dtail = (-la * a1s) / (s - 1) - a1s / ((s - 1) * (s - 1)) - 0.5 * la * a ** -s;
  let rising = s; // s(s+1)…(s+2j−2)
  let dRisingRatio = 1 / s; // d ln(rising)/ds
  let pow = a ** (-s - 1);
  const inv2 = 1 / (a * a);
  for (let j = 0; j < BERNOULLI_OVER_FACTORIAL.length; j++) {
    const term = BERNOULLI_OVER_FACTORIAL[j]! * rising * pow;
    tail += term;
    dtail += term * (dRisingRatio - la);
    if (Math.abs(term) < 1e-18 * tail) break;
    rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
    dRisingRatio += 1 / (s + 2 * j + 1) + 1 / (s + 2 * j + 2);
    pow *= inv2;
  }
  let head = 0;
  let dhead = 0;
  for (let k = N - 1; k >= 0; k--) {
    const t = (q + k) ** -s;
    head += t;
    dhead -= Math.log(q + k) * t;
  }
  return [head + tail, dhead + dtail];
}

/**
 * Maximum-likelihood alpha of the discrete power law on a tail x ≥ xmin (Σ ln x given): the root
 * of the score −n ζ'(α, xmin)/ζ(α, xmin) − Σ ln x, which falls monotonically in α (ln ζ is convex),
 * found by bisection to the last bit; the result maximises L(α).
 */
export function discreteAlphaMle(
  nTail: number,
  sumLog: number,
  xmin: number,
  options: Partial<PowerLawOptions> = {},
): { alpha: number; logLikelihood: number } {
  const o = { ...POWERLAW_DEFAULTS, ...options };
  const score = (a: number) => {
    const [z, dz] = hurwitzZetaWithDerivative(a, xmin);
    return (-nTail * dz) / z - sumLog;
  };
  let lo = o.alphaMin;
  let hi = o.alphaMax;
  let alpha: number;
  if (score(hi) >= 0) alpha = hi;
  else if (score(lo) <= 0) alpha = lo;
  else {
    while (hi - lo > o.tolerance * hi) {
      const mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) break;
      if (score(mid) > 0) lo = mid;
      else hi = mid;
    }
    alpha = 0.5 * (lo + hi);
  }
  return { alpha, logLikelihood: -nTail * Math.log(hurwitzZeta(alpha, xmin)) - alpha * sumLog };
}

/** KS distance between the tail's empirical CDF and the fitted discrete power law. */
export function discreteKs(sortedTail: readonly number[], alpha: number, xmin: number): number {
  const n = sortedTail.length;
  const z0 = hurwitzZeta(alpha, xmin);
  const cdf = (x: number) => (x < xmin ? 0 : 1 - hurwitzZeta(alpha, x + 1) / z0);
  let d = 0;
  let below = 0; // S just below the current value
  for (let i = 0; i < n;) {
    const v = sortedTail[i]!;
    let j = i;
    while (j < n && sortedTail[j] === v) j++;
    const sAt = j / n;
    d = Math.max(d, Math.abs(below - cdf(v - 1)), Math.abs(sAt - cdf(v)));
    below = sAt;
    i = j;
  }
  return d;
}

/** Fits a discrete power law to positive integer data (CSN 2009). */
export function fitPowerLaw(
  data: ArrayLike<number>,
  options: Partial<PowerLawOptions> = {},
): PowerLawFit {
  const o = { ...POWERLAW_DEFAULTS, ...options };
  const xs: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const x = data[i]!;
    if (!Number.isInteger(x) || x < 1) fail(`value ${i + 1} (${x}) is not a positive integer`);
    xs.push(x);
  }
  xs.sort((a, b) => a - b);
  const n = xs.length;
  if (n < 2) fail(`needs at least 2 values, got ${n}`);
  // Suffix sums of ln x for every start index.
  const suffixLog = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffixLog[i] = suffixLog[i + 1]! + Math.log(xs[i]!);
  const candidates: number[] = [];
  if (o.xmin !== undefined) {
    if (!(o.xmin >= 1) || !Number.isInteger(o.xmin))
      fail(`xmin must be a positive integer, got ${o.xmin}`);
    candidates.push(o.xmin);
  } else
    for (let i = 0; i < n; i++)
      if (i === 0 || xs[i] !== xs[i - 1]) if (n - i >= o.minTail) candidates.push(xs[i]!);
  if (candidates.length === 0) fail(`no xmin leaves a tail of ${o.minTail} values`);
  const firstAtLeast = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const scan: PowerLawCandidate[] = [];
  let best: (PowerLawCandidate & { logLikelihood: number }) | null = null;
  for (const xmin of candidates) {
    const start = firstAtLeast(xmin);
    const nTail = n - start;
    if (nTail < 1) fail(`xmin ${xmin} leaves no data`);
    const { alpha, logLikelihood } = discreteAlphaMle(nTail, suffixLog[start]!, xmin, o);
    const ks = discreteKs(xs.slice(start), alpha, xmin);
    const cand = { xmin, nTail, alpha, ks };
    if (o.keepScan) scan.push(cand);
    if (!best || ks < best.ks) best = { ...cand, logLikelihood };
  }
  const b = best!;
  const h = 1e-4;
  const lz = (a: number) => Math.log(hurwitzZeta(a, b.xmin));
  const info = (lz(b.alpha + h) - 2 * lz(b.alpha) + lz(b.alpha - h)) / (h * h);
  const fit: PowerLawFit = {
    alpha: b.alpha,
    xmin: b.xmin,
    ks: b.ks,
    nTail: b.nTail,
    nTotal: n,
    logLikelihood: b.logLikelihood,
    alphaStdError: info > 0 ? 1 / Math.sqrt(b.nTail * info) : NaN,
    alphaStdErrorApprox: (b.alpha - 1) / Math.sqrt(b.nTail),
  };
  if (o.keepScan) fit.scan = scan;
  return fit;
}
