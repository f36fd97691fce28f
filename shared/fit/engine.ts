// Fit engine: nonlinear least squares for fit cells. Minimises Σ w_i (f(x_i; b) − y_i)² / σ_i²
// with the MINPACK Levenberg–Marquardt port in ./lm (Moré 1978, "The Levenberg-Marquardt
// algorithm: implementation and theory"); parameter bounds through the MINUIT/lmfit smooth
// transforms (./transforms); Jacobian and restarts in ./problem; Huber loss by iteratively
// reweighted least squares (here); residual bootstrap in ./bootstrap.
// Standard errors: sqrt(diag((JᵀJ)⁺)·RSS/dof) from a column-scaled Jacobi SVD of J at the solution;
// confidence intervals with the Student t quantile; AIC/BIC follow R's logLik for nls (./stats).

import { checkBootstrap, residualBootstrap } from './bootstrap';
import { boundsFor, columnsFor, fail, moveInside, startFor, toFloat64 } from './inputs';
import { enorm } from './linalg';
import { resolveModel } from './models';
import type { Model } from './models';
import { describeStop, evalModel, median, modelJacobian, runLm } from './problem';
import type { Problem, RunOutcome } from './problem';
import { covarianceOf, goodnessOfFit, studentTQuantile } from './stats';
import { makeTransform, type Transform } from './transforms';
import { FIT_DEFAULTS } from './types';
import type { FitBootstrap, FitData, FitHooks, FitOptions, FitParam, FitResult } from './types';

export { startingValues } from './inputs';
export { BOOTSTRAP_DEFAULT_SAMPLES, BOOTSTRAP_MAX_SAMPLES, FIT_DEFAULTS } from './types';
export type {
  BootstrapOptions,
  FitBootstrap,
  FitData,
  FitHooks,
  FitOptions,
  FitParam,
  FitResult,
  FitStatus,
} from './types';

/** The defaults with the given options over them, checked (the data's presence first). */
function optionsOf(options: Partial<FitOptions>, data: FitData): FitOptions {
  const o: FitOptions = { ...FIT_DEFAULTS };
  for (const [k, v] of Object.entries(options))
    if (v !== undefined) (o as Record<string, unknown>)[k] = v;
  if (data == null || typeof data !== 'object') fail('data is missing');
  if (!(o.confidence > 0 && o.confidence < 1))
    fail(`confidence must be in (0, 1), got ${o.confidence}`);
  if (o.loss !== 'linear' && o.loss !== 'huber') fail(`unknown loss '${String(o.loss)}'`);
  if (!(o.maxIterations >= 1)) fail(`maxIterations must be at least 1, got ${o.maxIterations}`);
  return o;
}

function modelOf(modelSpec: string | Model, o: FitOptions): Model {
  try {
    return resolveModel(modelSpec, {
      variables: o.variables,
      params: o.params,
      response: o.response,
    });
  } catch (e) {
    const msg = (e as Error).message;
    throw new Error(msg.startsWith('formula:') ? `fit: ${msg}` : msg);
  }
}

/** The checked response (log for log-response models) and σ of the data. */
function responseOf(
  model: Model,
  data: FitData,
  columns: Float64Array[],
  warnings: string[],
): { y: Float64Array; sigma: Float64Array | null } {
  const p = model.params.length;
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
  return { y, sigma };
}

type Prepared = {
  pr: Problem;
  start: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  transforms: (Transform | null)[];
  sigma: Float64Array | null;
  /** 1/σ per point, before any IRLS weights. */
  baseSw: Float64Array;
};

/** The problem a fit solves: checked data, bounds, start values inside them, weights. */
function prepare(model: Model, data: FitData, o: FitOptions, warnings: string[]): Prepared {
  const p = model.params.length;
  const columns = columnsFor(model, data.x);
  const { y, sigma } = responseOf(model, data, columns, warnings);
  const m = y.length;
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
  return { pr, start, lower, upper, transforms, sigma, baseSw };
}

/**
 * Huber loss by IRLS: reweights with the Huber weights at the robust residual scale (MAD/0.6745)
 * and refits from the last solution until the parameters stop moving or the budget runs out.
 */
function huberRefits(prep: Prepared, first: RunOutcome, o: FitOptions): RunOutcome {
  const { pr, baseSw, transforms } = prep;
  const { m, p, y, typical } = pr;
  let run = first;
  let { iterations, evaluations } = first;
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
      pr.sw[i] = baseSw[i]! * Math.sqrt(a <= c ? 1 : c / a);
    }
    const remaining = {
      iterations: o.maxIterations - iterations,
      evaluations: o.maxEvaluations - evaluations,
    };
    if (remaining.iterations < 1 || remaining.evaluations < 2) break;
    const next = runLm(pr, run.b, transforms, { ...o, restarts: 0 }, remaining);
    iterations += next.iterations;
    evaluations += next.evaluations;
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
  return { ...run, iterations, evaluations };
}

/** Values, standard errors and t intervals per parameter; warns about parameters at a bound. */
function paramsOf(
  prep: Prepared,
  values: number[],
  stdErrors: number[],
  tq: number,
  warnings: string[],
): FitParam[] {
  const { pr, lower, upper } = prep;
  return pr.model.params.map((name, k) => {
    const v = values[k]!;
    const tol = 1e-8 * Math.max(Math.abs(v), pr.typical[k]!);
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
}

/** The weighted Jacobian at the solution (null for a failed fit: no covariance then). */
function weightedJacobian(pr: Problem, b: Float64Array, fitted: Float64Array): Float64Array {
  const { m, p, sw } = pr;
  const jac = new Float64Array(m * p);
  modelJacobian(pr, b, fitted, jac);
  for (let k = 0; k < p; k++) for (let i = 0; i < m; i++) jac[k * m + i] = jac[k * m + i]! * sw[i]!;
  return jac;
}

/**
 * Fit a model (preset name, mathjs formula or Model) to data.
 * Throws `fit: …` errors for bad input; numerical trouble is reported through `status`.
 */
export function fit(
  modelSpec: string | Model,
  data: FitData,
  options: Partial<FitOptions> = {},
  hooks: FitHooks = {},
): FitResult {
  const o = optionsOf(options, data);
  const bootstrapOpts = o.bootstrap !== undefined ? checkBootstrap(o.bootstrap) : null;
  const model = modelOf(modelSpec, o);
  const warnings: string[] = [];
  const prep = prepare(model, data, o, warnings);
  const { pr, start, transforms, sigma } = prep;
  const { m, p, y } = pr;

  const budget = { iterations: o.maxIterations, evaluations: o.maxEvaluations };
  let run = runLm(pr, start, transforms, o, budget);
  if (o.loss === 'huber' && run.lm.stop !== 'nonfinite-start') run = huberRefits(prep, run, o);

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
  const gof = goodnessOfFit(y, residuals, pr.sw, p);
  const dof = m - p;
  const s2 = o.absoluteSigma && sigma ? 1 : dof > 0 ? gof.rss / dof : NaN;
  const jac = status !== 'failed' ? weightedJacobian(pr, b, fitted) : null;
  const { covariance, rank, condition, ...cov } = covarianceOf(jac, m, p, s2);
  warnings.push(...cov.warnings);
  const stdErrors = covariance.map((row, k) => Math.sqrt(row[k]!));
  const correlation = covariance.map((row, r) =>
    row.map((v, c) => v / (stdErrors[r]! * stdErrors[c]!)),
  );
  const tq = dof > 0 ? studentTQuantile(0.5 + o.confidence / 2, dof) : NaN;
  const values = Array.from(b);
  const params = paramsOf(prep, values, stdErrors, tq, warnings);
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
    confidence: o.confidence,
    tQuantile: tq,
    covariance,
    correlation,
    ...gof,
    residualStdDev: dof > 0 ? Math.sqrt(gof.rss / dof) : NaN,
    residuals: Array.from(residuals),
    fitted: Array.from(fitted),
    n: m,
    dof,
    iterations: run.iterations,
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
