// The fit cell's chart as static SVG for the exports: the data points and the fitted curve from
// the stored parameters (no refit), on log-log axes for the power-law family as the app shows it.
import { resolveModel, type Model } from '../../fit/models';
import { renderSvgPlot, type SvgSeries } from '../export/svg-plot';
import type { CellOutput } from '../model';
import type { ExportContext } from '../registry';
import { numericColumn } from '../tables';
import type { FitCellData } from './fit';

/** Presets the app opens on log-log axes (the fit cell view's default too). */
export const LOG_LOG_MODELS: ReadonlySet<string> = new Set([
  'power-law',
  'power-law-offset',
  'chinchilla',
  'log-log-linear',
]);

/** Parameter values from the cell's stored parameter table, by name. */
function storedParams(outputs: readonly CellOutput[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of outputs) {
    if (o.kind !== 'table' || o.columns[0] !== 'parameter') continue;
    const v = o.columns.indexOf('value');
    for (const r of o.rows) if (typeof r[v] === 'number') out.set(String(r[0]), r[v]);
  }
  return out;
}

/** The fit chart as SVG, or null when the cell has no data or no stored fit to draw. */
export function fitSvg(
  spec: FitCellData,
  outputs: readonly CellOutput[],
  ctx: Pick<ExportContext, 'table'>,
): string | null {
  const d = { data: spec };
  const t = ctx.table(d.data.source);
  const xcols = [d.data.x].flat();
  if (!t || ![...xcols, d.data.y].every((c) => t.columns.includes(c))) return null;
  let model: Model;
  try {
    model = resolveModel(d.data.model, d.data.variables ? { variables: d.data.variables } : {});
  } catch {
    return null;
  }
  const params = storedParams(outputs);
  const b = model.params.map((n) => params.get(n) ?? NaN);
  if (b.length === 0 || !b.every(Number.isFinite)) return null;
  const xs = xcols.map((c) => numericColumn(t, c));
  const x0 = xs[0] ?? [];
  const y = numericColumn(t, d.data.y);
  const rows = y
    .map((_, i) => i)
    .filter((i) => Number.isFinite(y[i]!) && xs.every((c) => Number.isFinite(c[i]!)));
  if (rows.length === 0) return null;
  const predict = (point: number[]) => {
    const v = model.f(b, point);
    return model.response === 'log' ? Math.exp(v) : v;
  };
  const data: [number, number][] = rows.map((i) => [x0[i]!, y[i]!]);
  const lo = Math.min(...data.map((p) => p[0]));
  const hi = Math.max(...data.map((p) => p[0]));
  const logLog =
    LOG_LOG_MODELS.has(d.data.model.trim()) && data.every(([px, py]) => px > 0 && py > 0);
  const series: SvgSeries[] = [{ label: 'data', points: data, style: 'scatter' }];
  if (model.variables.length === 1) {
    const n = 160;
    const grid = Array.from({ length: n }, (_, i) =>
      logLog ? lo * (hi / lo) ** (i / (n - 1)) : lo + ((hi - lo) * i) / (n - 1),
    );
    series.push({ label: 'fit', points: grid.map((x) => [x, predict([x])]), style: 'curve' });
  } else {
    // Several variables: the fitted value at each row, against the first variable.
    const fitted = rows.map((i): [number, number] => [x0[i]!, predict(xs.map((c) => c[i]!))]);
    series.push({ label: 'fitted', points: fitted, style: 'scatter' });
  }
  return renderSvgPlot({
    kind: 'scatter',
    series,
    logX: logLog,
    logY: logLog,
    xLabel: xcols.join(', '),
    yLabel: d.data.y,
  });
}
