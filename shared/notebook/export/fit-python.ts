// A fit cell as runnable Python for the .ipynb export: the cell's data embedded as NumPy arrays,
// the same model (presets and formulas translated from their mathjs tree), the same starting values
// and bounds as shared/fit began from, fitted with scipy.optimize.curve_fit, whose covariance
// (absolute_sigma=False) is the one our standard errors use: (JᵀJ)⁻¹·RSS/dof.
import { resolveModel, startingValues } from '../../fit/index';
import type { FitCellData } from '../cells/fit';
import { LOG_LOG_MODELS } from '../cells/fit-chart';
import type { ExportContext } from '../registry';
import { numericColumn } from '../tables';
import { formulaToPython, pyComment, pyIdent, pyList, pyNumber, pyString } from './python';

/** The Python variable a fit cell's parameters end up in: `fit_<cell id>` (a dict name → value). */
export function fitResultName(cellId: string): string {
  return pyIdent(`fit_${cellId}`);
}

const array = (values: readonly number[]) => `np.array(${pyList(values.map(pyNumber))})`;

/** The model's formula as an expression of its variables and parameters (RHS of `log(y) = …`). */
function expressionOf(formula: string): string {
  const eq = formula.indexOf('=');
  return eq >= 0 ? formula.slice(eq + 1).trim() : formula;
}

/**
 * Python source that refits the cell, or an explanation (as a Python comment block that still
 * runs) when the data or model cannot be read.
 */
export function fitPython(cellId: string, d: FitCellData, ctx: ExportContext): string {
  const t = ctx.table(d.source);
  const xCols = [d.x].flat();
  const missing = t
    ? [...xCols, d.y, ...(d.sigma ? [d.sigma] : [])].filter((c) => !t.columns.includes(c))
    : [];
  if (!t || missing.length > 0)
    return `# ${pyComment(`Fit of ${d.y}: the table "${d.source}" ${t ? `has no column ${missing.join(', ')}` : 'is missing'}, so there is nothing to refit.`)}\n`;
  const xs = xCols.map((c) => numericColumn(t, c));
  const y = numericColumn(t, d.y);
  const sigma = d.sigma ? numericColumn(t, d.sigma) : undefined;
  let init: ReturnType<typeof startingValues>;
  try {
    const model = resolveModel(d.model, { variables: d.variables });
    init = startingValues(model, { x: xs.length === 1 ? xs[0]! : xs, y, sigma }, d);
  } catch (err) {
    return `# ${pyComment(`Fit of ${d.y}: ${(err as Error).message}`)}\n`;
  }
  const { model, start, lower, upper } = init;
  const params = model.params.map(pyIdent);
  const vars = model.variables.map(pyIdent);
  const rename = new Map<string, string>([
    ...model.params.map((p, k): [string, string] => [p, params[k]!]),
    ...model.variables.map((v, k): [string, string] => [v, vars[k]!]),
  ]);
  let expr: string;
  try {
    expr = formulaToPython(expressionOf(model.formula), (s) => rename.get(s) ?? pyIdent(s));
  } catch (err) {
    return `# ${pyComment(`Fit of ${d.y} to ${model.formula}: ${(err as Error).message}`)}\n`;
  }
  const logResponse = model.response === 'log';
  const bounded = lower.some(Number.isFinite) || upper.some(Number.isFinite);
  const single = vars.length === 1;
  const lines: string[] = [
    `# ${pyComment(`Fit of ${d.y} against ${xCols.join(', ')} (table "${d.source}") to ${model.formula}:`)}`,
    '# the data, model and starting values Quire used, refitted with SciPy.',
    'import numpy as np',
    ...(expr.includes('sp.') ? ['import scipy.special as sp'] : []),
    'from scipy.optimize import curve_fit',
    '',
    ...xCols.map((c, k) => `${vars[k]} = ${array(xs[k]!)}  # ${pyComment(c)}`),
    `y = ${array(y)}  # ${pyComment(d.y)}`,
    ...(sigma ? [`sigma = ${array(sigma)}  # ${pyComment(d.sigma ?? '')}`] : []),
    '',
    `def model(${single ? vars[0] : 'X'}, ${params.join(', ')}):`,
    ...(single ? [] : [`    ${vars.join(', ')} = X`]),
    `    return ${expr}`,
    '',
    `p0 = ${pyList(start.map(pyNumber))}`,
    ...(bounded
      ? [`bounds = (${pyList(lower.map(pyNumber))}, ${pyList(upper.map(pyNumber))})`]
      : []),
    ...(logResponse ? ['# The model predicts log(y), as Quire fits it.'] : []),
    // A refit that fails prints why and leaves the rest of the notebook running.
    'try:',
    `    popt, pcov = curve_fit(model, ${single ? vars[0] : `np.vstack([${vars.join(', ')}])`}, ${logResponse ? 'np.log(y)' : 'y'}, p0=p0${sigma ? ', sigma=sigma, absolute_sigma=False' : ''}${bounded ? ', bounds=bounds' : ''}, maxfev=100000)`,
    'except (RuntimeError, ValueError) as err:  # no convergence, or data SciPy refuses',
    `    ${fitResultName(cellId)} = None`,
    '    print(f"SciPy could not refit: {err}")',
    'else:',
    '    perr = np.sqrt(np.diag(pcov))',
    `    names = ${pyList(model.params.map(pyString), 8, '        ')}`,
    `    ${fitResultName(cellId)} = dict(zip(names, popt))`,
    `    ${fitResultName(cellId)}_err = dict(zip(names, perr))`,
    '    for name, value, err in zip(names, popt, perr):',
    '        print(f"{name} = {value:.6g} ± {err:.2g}")',
  ];
  if (single)
    lines.push(
      ...chartPython(cellId, vars[0]!, d, logResponse, LOG_LOG_MODELS.has(d.model.trim())),
    );
  if (d.bootstrap)
    lines.push(
      `# Quire also ran a residual bootstrap (${d.bootstrap.samples} refits, seed ${d.bootstrap.seed}); it is not repeated here.`,
    );
  return lines.join('\n') + '\n';
}

/**
 * The data and the refitted curve with matplotlib, as Quire draws it (log-log axes for the power-law
 * family), so a re-run notebook still shows the chart; skipped with a note where matplotlib is absent.
 */
function chartPython(
  cellId: string,
  x: string,
  d: FitCellData,
  logResponse: boolean,
  logLog: boolean,
): string[] {
  const curve = logResponse ? `np.exp(model(grid, *popt))` : `model(grid, *popt)`;
  return [
    '',
    'try:',
    '    import matplotlib.pyplot as plt',
    'except ImportError:',
    '    plt = None',
    '    print("matplotlib is not installed: no chart")',
    `if plt is not None and ${fitResultName(cellId)} is not None:`,
    logLog
      ? `    grid = np.geomspace(${x}[${x} > 0].min(), ${x}.max(), 200)`
      : `    grid = np.linspace(${x}.min(), ${x}.max(), 200)`,
    '    fig, ax = plt.subplots(figsize=(6, 3.8))',
    `    ax.plot(${x}, y, "o", label="data")`,
    `    ax.plot(grid, ${curve}, "-", label="fit")`,
    ...(logLog ? ['    ax.set_xscale("log")', '    ax.set_yscale("log")'] : []),
    `    ax.set_xlabel(${pyString([d.x].flat()[0] ?? 'x')})`,
    `    ax.set_ylabel(${pyString(d.y)})`,
    '    ax.legend()',
    '    plt.show()',
  ];
}
