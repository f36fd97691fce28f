// What the fit cell view reads from a stored fit (parameter tables and the typed summary in the
// cell's outputs) and derives from it and its data without refitting: the fitted curve, residuals,
// and the 95 % confidence band of the mean prediction by the delta method, g(x)ᵀ·Cov·g(x) with
// Cov = (JᵀJ)⁻¹·RSS/dof from the Jacobian at the stored parameters (what the engine computes too).
import { resolveModel, studentTQuantile, type Model } from '@shared/fit/index';
import { gramPseudoInverse } from '@shared/fit/linalg';
import type { FitCellData } from '@shared/notebook/cells/fit';
import { readFitSummary, type FitSummary } from '@shared/notebook/cells/fit-summary';
import type { CellOutput, Notebook } from '@shared/notebook/model';
import { numericColumn, tableOf } from '@shared/notebook/tables';

export type StoredParam = {
  name: string;
  value: number;
  stdError: number;
  ciLower: number;
  ciUpper: number;
};
export type StoredBootstrap = {
  /** Per parameter: bootstrap standard error and 95 % percentile interval. */
  params: { name: string; stdError: number; ciLower: number; ciUpper: number }[];
  /** Refits drawn and converged (null for outputs stored before the typed summary). */
  samples: number | null;
  successful: number | null;
};
export type StoredFit = {
  params: StoredParam[];
  bootstrap: StoredBootstrap | null;
  /** The run's statistics as the engine computed them (null before the typed summary existed). */
  summary: FitSummary | null;
  /** The status sentence as stored: shown as it is when there is no summary (older notebooks). */
  statusLine: string | null;
  error: string | null;
};

const num = (v: unknown): number => (typeof v === 'number' ? v : v === null ? NaN : Number(v));

/** A parameter or bootstrap table's rows as named columns. */
function tableRows(o: Extract<CellOutput, { kind: 'table' }>, first: string): StoredParam[] {
  const at = (c: string) => o.columns.indexOf(c);
  return o.rows.map((r) => ({
    name: String(r[at(first)]),
    value: num(r[at('value')]),
    stdError: num(r[at('stdError')]),
    ciLower: num(r[at('ciLower')]),
    ciUpper: num(r[at('ciUpper')]),
  }));
}

/** Reads what the fit cell's run stored (shared/notebook/cells/fit.ts), or null if it never ran. */
export function readFitOutputs(outputs: readonly CellOutput[]): StoredFit | null {
  if (outputs.length === 0) return null;
  const summary = readFitSummary(outputs);
  const res: StoredFit = { params: [], bootstrap: null, summary, statusLine: null, error: null };
  for (const o of outputs) {
    if (o.kind === 'table' && o.columns[0] === 'parameter') res.params = tableRows(o, 'parameter');
    else if (o.kind === 'table' && o.columns[0] === 'bootstrap')
      res.bootstrap = {
        params: tableRows(o, 'bootstrap').map(({ value: _value, ...p }) => p),
        samples: summary?.bootstrap?.samples ?? null,
        successful: summary?.bootstrap?.successful ?? null,
      };
    else if (o.kind === 'text' && res.statusLine === null && !o.text.startsWith('bootstrap:'))
      res.statusLine = o.text;
    else if (o.kind === 'error') res.error = o.message;
  }
  return res;
}

/** The model a fit cell uses, with the variables it is fitted on (null if the formula is invalid). */
export function modelOf(data: Pick<FitCellData, 'model' | 'variables'>): Model | null {
  try {
    return resolveModel(data.model, data.variables ? { variables: data.variables } : {});
  } catch {
    return null;
  }
}

export type FitPoints = {
  /** One column per model variable. */
  xs: number[][];
  y: number[];
  sigma: number[] | null;
};

/** The rows of the source table the fit uses (rows with a non-finite value are left out). */
export function fitPoints(nb: Pick<Notebook, 'cells'>, data: FitCellData): FitPoints | null {
  const t = tableOf(nb, data.source);
  if (!t) return null;
  const xcols = [data.x].flat();
  if (![...xcols, data.y].every((c) => t.columns.includes(c))) return null;
  const xs = xcols.map((c) => numericColumn(t, c));
  const y = numericColumn(t, data.y);
  const sigma = data.sigma && t.columns.includes(data.sigma) ? numericColumn(t, data.sigma) : null;
  const keep = y.map(
    (v, i) =>
      Number.isFinite(v) &&
      xs.every((c) => Number.isFinite(c[i]!)) &&
      (!sigma || Number.isFinite(sigma[i]!)),
  );
  const pick = (a: number[]) => a.filter((_, i) => keep[i]);
  return { xs: xs.map(pick), y: pick(y), sigma: sigma ? pick(sigma) : null };
}

/** Model value at one point on the y scale (log-response models are exponentiated). */
export function predict(model: Model, b: ArrayLike<number>, point: ArrayLike<number>): number {
  const v = model.f(b, point);
  return model.response === 'log' ? Math.exp(v) : v;
}

/** The stored values in the model's parameter order (null if a parameter is missing). */
export function paramVector(model: Model, params: readonly StoredParam[]): number[] | null {
  const byName = new Map(params.map((p) => [p.name, p.value]));
  const b = model.params.map((n) => byName.get(n));
  return b.every((v): v is number => typeof v === 'number' && Number.isFinite(v))
    ? (b as number[])
    : null;
}

export type FitStats = {
  /** y − f on the model's response scale (log for log-response models). */
  residuals: number[];
  dof: number;
  /** Parameter covariance (p×p), null if it cannot be formed. */
  covariance: number[][] | null;
};

function gradientAt(model: Model, b: readonly number[], point: ArrayLike<number>): number[] {
  return b.map((v, k) => {
    const h = Math.cbrt(2.220446049250313e-16) * Math.max(Math.abs(v), 1e-8);
    const up = [...b];
    const dn = [...b];
    up[k] = v + h;
    dn[k] = v - h;
    return (model.f(up, point) - model.f(dn, point)) / (2 * h);
  });
}

const pointAt = (xs: number[][], i: number) => xs.map((c) => c[i]!);

/**
 * Residuals and covariance at the stored parameters, for the residual plot and the band (the
 * statistics — RSS, AIC, BIC — are the engine's, read from the stored summary).
 */
export function fitStats(model: Model, b: readonly number[], pts: FitPoints): FitStats {
  const m = pts.y.length;
  const p = b.length;
  const residuals: number[] = [];
  let rss = 0;
  const jac = new Float64Array(m * p);
  for (let i = 0; i < m; i++) {
    const point = pointAt(pts.xs, i);
    const yv = model.response === 'log' ? Math.log(pts.y[i]!) : pts.y[i]!;
    const r = yv - model.f(b, point);
    const sw = pts.sigma ? 1 / pts.sigma[i]! : 1;
    residuals.push(r);
    rss += (r * sw) ** 2;
    gradientAt(model, b, point).forEach((g, k) => (jac[k * m + i] = g * sw));
  }
  const dof = m - p;
  let covariance: number[][] | null = null;
  if (dof > 0 && jac.every(Number.isFinite)) {
    const g = gramPseudoInverse(jac, m, p);
    if (g.rank === p) {
      const s2 = rss / dof;
      covariance = Array.from({ length: p }, (_, r) =>
        Array.from({ length: p }, (__, c) => g.inv[c * p + r]! * s2),
      );
    }
  }
  return { residuals, dof, covariance };
}

/** Prediction at a point with its 95 % confidence band of the mean (null band without covariance). */
export function extrapolate(
  model: Model,
  b: readonly number[],
  point: readonly number[],
  stats: Pick<FitStats, 'covariance' | 'dof'> | null,
  level = 0.95,
): { value: number; lower: number | null; upper: number | null } {
  const value = predict(model, b, point);
  const cov = stats?.covariance;
  if (!cov || !(stats.dof > 0)) return { value, lower: null, upper: null };
  const g = gradientAt(model, b, point);
  let v = 0;
  for (let r = 0; r < g.length; r++)
    for (let c = 0; c < g.length; c++) v += g[r]! * cov[r]![c]! * g[c]!;
  if (!(v >= 0)) return { value, lower: null, upper: null };
  const half = studentTQuantile(0.5 + level / 2, stats.dof) * Math.sqrt(v);
  const f = model.f(b, point);
  if (model.response === 'log')
    return { value, lower: Math.exp(f - half), upper: Math.exp(f + half) };
  return { value, lower: f - half, upper: f + half };
}
