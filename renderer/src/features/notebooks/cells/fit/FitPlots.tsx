// The fit's plots: data with the fitted curve and band, the residuals, the log-log switch and
// extrapolation to a point typed by the user (its value and 95 % band).
import { useId, useState, type ReactElement } from 'react';
import type { Model } from '@shared/fit/index';
import { buildChart } from './chart';
import { extrapolate, type FitPoints, type FitStats } from './fitMath';
import { formatNumber, SvgChart } from './SvgChart';

export function FitPlots(props: {
  model: Model;
  points: FitPoints;
  b: number[] | null;
  stats: FitStats | null;
  logLog: boolean;
  setLogLog(on: boolean): void;
  xLabel: string;
  yLabel: string;
}): ReactElement {
  const { model, b, stats, logLog, xLabel, yLabel } = props;
  const uid = useId();
  const [extraX, setExtraX] = useState<string[]>([]);
  const nVars = model.variables.length;
  const extraPoint = Array.from({ length: nVars }, (_, i) => Number(extraX[i] ?? ''));
  const hasExtra =
    extraX.length > 0 &&
    extraX.slice(0, nVars).every((s) => s.trim() !== '') &&
    extraPoint.every(Number.isFinite);
  const extra = b && hasExtra ? extrapolate(model, b, extraPoint, stats) : null;
  const chart = buildChart({
    model,
    points: props.points,
    b,
    stats,
    logLog,
    extraPoint: extra ? extraPoint : null,
  });
  return (
    <div className="fit-plots">
      <div className="fit-plot-bar">
        <label>
          <input
            type="checkbox"
            data-testid="fit-loglog"
            checked={logLog}
            onChange={(e) => props.setLogLog(e.target.checked)}
          />{' '}
          log-log
        </label>
        {b && (
          <span className="fit-extra">
            <span id={`${uid}-extra`}>Extrapolate to</span>
            {Array.from({ length: nVars }, (_, i) => (
              <input
                key={i}
                className="fit-number"
                aria-labelledby={`${uid}-extra`}
                data-testid={i === 0 ? 'fit-extrapolate-x' : `fit-extrapolate-x-${i + 1}`}
                placeholder={model.variables[i] ?? 'x'}
                value={extraX[i] ?? ''}
                onChange={(e) => {
                  const next = [...extraX];
                  next[i] = e.target.value;
                  setExtraX(next);
                }}
              />
            ))}
            {extra && (
              <output data-testid="fit-extrapolation">
                {yLabel} = {formatNumber(extra.value, 5)}
                {extra.lower !== null && extra.upper !== null
                  ? ` (95 % band ${formatNumber(extra.lower, 4)} … ${formatNumber(extra.upper, 4)})`
                  : ''}
              </output>
            )}
          </span>
        )}
      </div>
      <SvgChart
        testId="fit-plot"
        title={`${yLabel} against ${xLabel} with the fitted model`}
        series={chart.series}
        logX={logLog}
        logY={logLog}
        xLabel={xLabel}
        yLabel={yLabel}
      />
      {chart.residuals.length > 0 && (
        <SvgChart
          testId="fit-residuals"
          title="Residuals"
          series={chart.residuals}
          logX={logLog}
          height={150}
          hline={0}
          xLabel={xLabel}
          yLabel={model.response === 'log' ? `residual of log ${yLabel}` : 'residual'}
        />
      )}
    </div>
  );
}
