// Fit engine types: the data, options, defaults and result of a fit (shared/fit/engine.ts), kept
// apart so the engine's parts (inputs, problem, bootstrap, stats) can share them without cycles.

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

export const FIT_DEFAULTS: FitOptions = {
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
/** Callbacks of a long fit (kept out of FitOptions, which cross the worker boundary as data). */
export type FitHooks = {
  /** Refits done of a residual bootstrap (thousands of refits take seconds to minutes). */
  onBootstrap?: (done: number, total: number) => void;
};
