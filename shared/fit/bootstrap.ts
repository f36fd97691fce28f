// Fit residual bootstrap (Efron & Tibshirani 1993, ch. 9; Davison & Hinkley 1997, §6.3): resample
// the standardised residuals (weighted, centred, inflated by √(m/dof) for the leverage deflation)
// with replacement, add them to the fitted values and refit from the solution. Huber fits keep
// their final IRLS weights fixed. Percentile intervals; standard errors are the sample SDs.
import { mulberry32 } from '../random';
import { fail } from './inputs';
import { describeStop, runLm, type Problem } from './problem';
import type { Transform } from './transforms';
import {
  BOOTSTRAP_DEFAULT_SAMPLES,
  BOOTSTRAP_MAX_SAMPLES,
  type BootstrapOptions,
  type FitBootstrap,
  type FitOptions,
} from './types';

/** Quantile of sorted values by linear interpolation (R's type 7). */
function quantileSorted(s: Float64Array, q: number): number {
  const n = s.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

export function checkBootstrap(bs: BootstrapOptions): { samples: number; seed: number } {
  if (bs == null || typeof bs !== 'object') fail('bootstrap must be { samples, seed }');
  const samples = bs.samples ?? BOOTSTRAP_DEFAULT_SAMPLES;
  const seed = bs.seed ?? 0;
  if (!Number.isInteger(samples) || samples < 1 || samples > BOOTSTRAP_MAX_SAMPLES)
    fail(`bootstrap samples must be an integer from 1 to ${BOOTSTRAP_MAX_SAMPLES}, got ${samples}`);
  if (!Number.isFinite(seed)) fail(`bootstrap seed must be a finite number, got ${seed}`);
  return { samples, seed };
}

export function residualBootstrap(
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
