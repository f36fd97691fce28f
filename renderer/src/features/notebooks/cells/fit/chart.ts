// The fit cell's plot series from the stored parameters: data points, the fitted curve (or fitted
// points for several variables), the 95 % band of the mean, an extrapolated point, and residuals.
import type { Model } from '@shared/fit/index';
import { extrapolate, predict, type FitPoints, type FitStats } from './fitMath';
import type { ChartSeries } from './SvgChart';

/** The data + fit plot series (band, curve, extrapolated point) and the residual series. */
export function buildChart(a: {
  model: Model;
  points: FitPoints;
  b: number[] | null;
  stats: FitStats | null;
  logLog: boolean;
  extraPoint: number[] | null;
}): { series: ChartSeries[]; residuals: ChartSeries[] } {
  const { model, points, b, stats } = a;
  const x0 = points.xs[0]!;
  const series: ChartSeries[] = [
    {
      kind: 'points',
      data: x0.map((x, i) => [x, points.y[i]!]),
      label: 'data',
      className: 'is-data',
    },
  ];
  const residuals: ChartSeries[] = [];
  if (!b) return { series, residuals };
  if (model.variables.length === 1) {
    let lo = Math.min(...x0);
    let hi = Math.max(...x0);
    if (a.extraPoint) {
      lo = Math.min(lo, a.extraPoint[0]!);
      hi = Math.max(hi, a.extraPoint[0]!);
    }
    const useLog = a.logLog && lo > 0;
    const n = 160;
    const grid = Array.from({ length: n }, (_, i) =>
      useLog ? lo * (hi / lo) ** (i / (n - 1)) : lo + ((hi - lo) * i) / (n - 1),
    );
    if (stats?.covariance) {
      const band = grid.map((x): [number, number, number] => {
        const e = extrapolate(model, b, [x], stats);
        return [x, e.lower ?? NaN, e.upper ?? NaN];
      });
      if (band.every(([, l, u]) => Number.isFinite(l) && Number.isFinite(u)))
        series.unshift({ kind: 'band', data: band, label: '95 % band' });
    }
    series.push({ kind: 'line', data: grid.map((x) => [x, predict(model, b, [x])]), label: 'fit' });
  } else {
    series.push({
      kind: 'points',
      data: x0.map((x, i) => [
        x,
        predict(
          model,
          b,
          points.xs.map((c) => c[i]!),
        ),
      ]),
      label: 'fitted',
      className: 'is-fitted',
    });
  }
  if (a.extraPoint) {
    const v = predict(model, b, a.extraPoint);
    if (Number.isFinite(v))
      series.push({
        kind: 'points',
        data: [[a.extraPoint[0]!, v]],
        label: 'extrapolation',
        className: 'is-extra',
      });
  }
  if (stats)
    residuals.push({
      kind: 'points',
      data: x0.map((x, i) => [x, stats.residuals[i]!]),
      label: 'residual',
      className: 'is-data',
    });
  return { series, residuals };
}
