// Fit linear algebra: overflow-safe norms, a one-sided Jacobi SVD (Hestenes 1958; Demmel &
// Veselić 1992 for its high relative accuracy after column scaling) and a small SVD-based linear
// least-squares solver used for starting values. Matrices are column-major Float64Arrays.

export const EPS = 2.220446049250313e-16;

/** Euclidean norm of v[offset .. offset+len), safe against overflow and underflow. */
export function enorm(v: ArrayLike<number>, offset = 0, len = v.length - offset): number {
  let sum = 0;
  for (let i = offset; i < offset + len; i++) {
    const t = v[i]!;
    sum += t * t;
  }
  if (sum > 1e-290 && sum < 1e290) return Math.sqrt(sum);
  let scale = 0;
  for (let i = offset; i < offset + len; i++) scale = Math.max(scale, Math.abs(v[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  sum = 0;
  for (let i = offset; i < offset + len; i++) {
    const t = v[i]! / scale;
    sum += t * t;
  }
  return scale * Math.sqrt(sum);
}

export type Svd = {
  /** Singular values, in column order (not sorted). */
  s: Float64Array;
  /** Right singular vectors, n×n column-major: column k belongs to s[k]. */
  v: Float64Array;
  /** A·V, m×n column-major: column k is s[k] times the k-th left singular vector. */
  us: Float64Array;
};

/**
 * One-sided Jacobi SVD of an m×n column-major matrix (m ≥ n is the useful case). The input is
 * not modified. Accurate to high relative precision for well column-scaled matrices.
 */
export function svdJacobi(aIn: ArrayLike<number>, m: number, n: number): Svd {
  const a = Float64Array.from(aIn);
  const v = new Float64Array(n * n);
  for (let j = 0; j < n; j++) v[j * n + j] = 1;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        const op = p * m;
        const oq = q * m;
        for (let i = 0; i < m; i++) {
          const x = a[op + i]!;
          const y = a[oq + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || alpha === 0 || beta === 0) continue;
        if (Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = a[op + i]!;
          const y = a[oq + i]!;
          a[op + i] = c * x - s * y;
          a[oq + i] = s * x + c * y;
        }
        const vp = p * n;
        const vq = q * n;
        for (let i = 0; i < n; i++) {
          const x = v[vp + i]!;
          const y = v[vq + i]!;
          v[vp + i] = c * x - s * y;
          v[vq + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) s[j] = enorm(a, j * m, m);
  return { s, v, us: a };
}

export type PseudoInverseGram = {
  /** (JᵀJ)⁺, n×n column-major. */
  inv: Float64Array;
  /** Numerical rank of J. */
  rank: number;
  /** Condition number of the column-scaled J (Infinity when rank deficient). */
  condition: number;
};

/**
 * (JᵀJ)⁺ from the SVD of J with its columns scaled to unit norm first, so that bad parameter
 * scaling does not masquerade as ill-conditioning. Singular values below
 * max(m,n)·eps·s_max are treated as zero (pseudo-inverse).
 */
export function gramPseudoInverse(j: ArrayLike<number>, m: number, n: number): PseudoInverseGram {
  const d = new Float64Array(n);
  const js = new Float64Array(m * n);
  for (let c = 0; c < n; c++) {
    const norm = enorm(j, c * m, m);
    d[c] = norm > 0 ? norm : 1;
    for (let i = 0; i < m; i++) js[c * m + i] = j[c * m + i]! / d[c]!;
  }
  const { s, v } = svdJacobi(js, m, n);
  let smax = 0;
  let smin = Infinity;
  for (let k = 0; k < n; k++) {
    smax = Math.max(smax, s[k]!);
    smin = Math.min(smin, s[k]!);
  }
  const tol = Math.max(m, n) * EPS * smax;
  const inv = new Float64Array(n * n);
  let rank = 0;
  for (let k = 0; k < n; k++) {
    const sk = s[k]!;
    if (!(sk > tol)) continue;
    rank++;
    const w = 1 / (sk * sk);
    for (let c = 0; c < n; c++) {
      const vc = v[k * n + c]! * w;
      for (let r = 0; r < n; r++) inv[c * n + r] = inv[c * n + r]! + v[k * n + r]! * vc;
    }
  }
  for (let c = 0; c < n; c++)
    for (let r = 0; r < n; r++) inv[c * n + r] = inv[c * n + r]! / (d[r]! * d[c]!);
  return { inv, rank, condition: rank < n ? Infinity : smax / smin };
}

/**
 * Minimum-norm least-squares solution of A·x ≈ b (A m×n column-major) via the SVD, with optional
 * row weights. Returns x and the residual sum of squares. Used for starting values.
 */
export function linearLeastSquares(
  a: ArrayLike<number>,
  m: number,
  n: number,
  b: ArrayLike<number>,
): { x: Float64Array; rss: number } {
  const d = new Float64Array(n);
  const as = new Float64Array(m * n);
  for (let c = 0; c < n; c++) {
    const norm = enorm(a, c * m, m);
    d[c] = norm > 0 ? norm : 1;
    for (let i = 0; i < m; i++) as[c * m + i] = a[c * m + i]! / d[c]!;
  }
  const { s, v, us } = svdJacobi(as, m, n);
  // x_s = V diag(1/s) Uᵀ b, with U s = A_s V available column by column.
  let smax = 0;
  for (let k = 0; k < n; k++) smax = Math.max(smax, s[k]!);
  const tol = Math.max(m, n) * EPS * smax * 16;
  const xs = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const sk = s[k]!;
    if (!(sk > tol)) continue;
    let proj = 0;
    for (let i = 0; i < m; i++) proj += us[k * m + i]! * b[i]!;
    proj /= sk * sk;
    for (let c = 0; c < n; c++) xs[c] = xs[c]! + v[k * n + c]! * proj;
  }
  const x = new Float64Array(n);
  for (let c = 0; c < n; c++) x[c] = xs[c]! / d[c]!;
  let rss = 0;
  for (let i = 0; i < m; i++) {
    let f = 0;
    for (let c = 0; c < n; c++) f += a[c * m + i]! * x[c]!;
    rss += (b[i]! - f) ** 2;
  }
  return { x, rss };
}
