// Fit inputs: checks the data, start values and bounds a fit is given and turns them into the
// engine's arrays; every problem is a `fit: …` error naming the offending input.
import { resolveModel } from './models';
import type { Model } from './models';
import { makeTransform } from './transforms';
import type { FitData, FitOptions } from './types';

export function fail(msg: string): never {
  throw new Error(`fit: ${msg}`);
}

export function toFloat64(name: string, v: ArrayLike<number>): Float64Array {
  if (v == null || typeof v !== 'object' || typeof v.length !== 'number')
    fail(`${name} must be an array of numbers`);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const t = v[i];
    if (typeof t !== 'number' || !Number.isFinite(t))
      fail(`${name}[${i}] is not a finite number (${String(t)})`);
    out[i] = t;
  }
  return out;
}

export function isNumberArray(v: unknown): v is ArrayLike<number> {
  if (ArrayBuffer.isView(v)) return true;
  return Array.isArray(v) && (v.length === 0 || typeof v[0] !== 'object');
}

export function columnsFor(model: Model, x: FitData['x']): Float64Array[] {
  const vars = model.variables;
  if (x == null || typeof x !== 'object') fail('x is missing');
  if (isNumberArray(x)) {
    if (vars.length !== 1)
      fail(`the model has ${vars.length} variables (${vars.join(', ')}) but x is a single column`);
    return [toFloat64('x', x)];
  }
  if (Array.isArray(x)) {
    const cols = x as ReadonlyArray<ArrayLike<number>>;
    if (cols.length !== vars.length)
      fail(
        `the model has ${vars.length} variables (${vars.join(', ')}) but x has ${cols.length} columns`,
      );
    return cols.map((c, k) => toFloat64(vars[k]!, c));
  }
  const rec = x as Readonly<Record<string, ArrayLike<number>>>;
  return vars.map((v) => {
    const c = Object.hasOwn(rec, v) ? rec[v] : undefined;
    if (!c) fail(`x has no column for variable '${v}'`);
    return toFloat64(v, c);
  });
}

export function startFor(
  model: Model,
  start: FitOptions['start'],
  columns: Float64Array[],
  y: Float64Array,
  warnings: string[],
): Float64Array {
  const p = model.params.length;
  if (start != null) {
    if (isNumberArray(start)) {
      if (start.length !== p)
        fail(
          `start has ${start.length} values but the model has ${p} parameters (${model.params.join(', ')})`,
        );
      return toFloat64('start', start);
    }
    const rec = start as Readonly<Record<string, number>>;
    for (const k of Object.keys(rec))
      if (!model.params.includes(k))
        fail(`start names '${k}', which is not a parameter (${model.params.join(', ')})`);
    const guess = model.params.every((n) => Object.hasOwn(rec, n))
      ? null
      : safeGuess(model, columns, y, warnings);
    return toFloat64(
      'start',
      model.params.map((n, k) => (Object.hasOwn(rec, n) ? rec[n]! : guess![k]!)),
    );
  }
  return toFloat64('start', safeGuess(model, columns, y, warnings));
}

function safeGuess(
  model: Model,
  columns: Float64Array[],
  y: Float64Array,
  warnings: string[],
): number[] {
  if (model.guess) {
    try {
      const g = model.guess(columns, y);
      if (g.length === model.params.length && g.every(Number.isFinite)) return g;
    } catch {
      // fall through to the default
    }
    warnings.push('automatic starting values failed; starting from 1 for every parameter');
  } else warnings.push('no starting values given; starting from 1 for every parameter');
  return model.params.map(() => 1);
}

/** Lower and upper bounds per parameter: the model's defaults, overridden by name. */
export function boundsFor(
  model: Model,
  bounds: FitOptions['bounds'],
): { lower: Float64Array; upper: Float64Array } {
  const p = model.params.length;
  const lower = new Float64Array(p).fill(-Infinity);
  const upper = new Float64Array(p).fill(Infinity);
  model.lower?.forEach((v, k) => (lower[k] = v));
  model.upper?.forEach((v, k) => (upper[k] = v));
  if (bounds) {
    for (const [name, bnd] of Object.entries(bounds)) {
      const k = model.params.indexOf(name);
      if (k < 0)
        fail(`bounds name '${name}', which is not a parameter (${model.params.join(', ')})`);
      const [lo, hi] = bnd;
      if (Number.isNaN(lo) || Number.isNaN(hi) || !(lo < hi))
        fail(`bounds for '${name}' must satisfy lower < upper (got [${lo}, ${hi}])`);
      lower[k] = lo;
      upper[k] = hi;
    }
  }
  return { lower, upper };
}

/** Moves starting values strictly inside finite bounds (the bounds transforms need it). */
export function moveInside(
  model: Model,
  start: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  userStart: boolean,
  warnings: string[],
): void {
  for (let k = 0; k < start.length; k++) {
    const lo = lower[k]!;
    const hi = upper[k]!;
    if (!makeTransform(lo, hi)) continue;
    const width = Number.isFinite(hi - lo) ? hi - lo : Math.max(1, Math.abs(start[k]!));
    const margin = 1e-6 * width;
    const clipped = Math.min(hi - margin, Math.max(lo + margin, start[k]!));
    if (clipped !== start[k]) {
      if (userStart && (start[k]! < lo || start[k]! > hi))
        warnings.push(`start for '${model.params[k]}' was outside its bounds and was moved inside`);
      start[k] = clipped;
    }
  }
}

/**
 * The starting values `fit` begins from for these inputs (the user's, else the model's guess, moved
 * inside the bounds). Exporters hand them to another fitter (SciPy) so it starts where we did.
 */
export function startingValues(
  modelSpec: string | Model,
  data: FitData,
  options: Partial<Pick<FitOptions, 'start' | 'bounds' | 'variables' | 'params' | 'response'>> = {},
): { model: Model; start: number[]; lower: number[]; upper: number[] } {
  const model = resolveModel(modelSpec, {
    variables: options.variables,
    params: options.params,
    response: options.response,
  });
  const columns = columnsFor(model, data.x);
  let y = toFloat64('y', data.y);
  if (model.response === 'log') y = y.map((v) => Math.log(v));
  const { lower, upper } = boundsFor(model, options.bounds);
  const start = startFor(model, options.start, columns, y, []);
  moveInside(model, start, lower, upper, options.start != null, []);
  return { model, start: Array.from(start), lower: Array.from(lower), upper: Array.from(upper) };
}
