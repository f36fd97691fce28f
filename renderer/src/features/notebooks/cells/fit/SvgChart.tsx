// A small SVG chart for the fit and plot cells: scatter points, lines and a shaded band on linear
// or log axes, ticks from shared/notebook/export/ticks (as the exported SVG), margins sized to the
// tick labels so none is cut. Colours come from app.css unless a series names its own.
import type { ReactElement } from 'react';
import { axisTicks, labelWidth, tickLabels } from '@shared/notebook/export/ticks';

export type ChartSeries =
  | { kind: 'points'; data: [number, number][]; label: string; className?: string; color?: string }
  | {
      kind: 'line';
      data: [number, number][];
      label: string;
      className?: string;
      dashed?: boolean;
      color?: string;
    }
  | { kind: 'band'; data: [number, number, number][]; label: string };

export type SvgChartProps = {
  series: ChartSeries[];
  logX?: boolean;
  logY?: boolean;
  width?: number;
  height?: number;
  xLabel?: string;
  yLabel?: string;
  /** A horizontal reference line (e.g. zero for residuals). */
  hline?: number;
  testId?: string;
  title: string;
};

/** Room for the axis titles below and left of the tick labels, and half a label line of slack. */
const TITLE = 18;
const TICK_GAP = 6;

export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1).replace('e+', 'e');
  return String(Number(v.toPrecision(digits)));
}

/** The domain of the finite values on the axis scale, padded a little. */
function domain(values: number[], log: boolean): [number, number] {
  const vs = values
    .filter((v) => Number.isFinite(v) && (!log || v > 0))
    .map((v) => (log ? Math.log10(v) : v));
  if (vs.length === 0) return [0, 1];
  let lo = Math.min(...vs);
  let hi = Math.max(...vs);
  if (hi - lo < 1e-12) {
    lo -= log ? 0.5 : Math.abs(lo) * 0.1 || 1;
    hi += log ? 0.5 : Math.abs(hi) * 0.1 || 1;
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** Scales, ticks and margins of a chart: everything its marks are placed with. */
function chartLayout(props: SvgChartProps) {
  const width = props.width ?? 560;
  const height = props.height ?? 300;
  const logX = props.logX ?? false;
  const logY = props.logY ?? false;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of props.series)
    for (const d of s.data) {
      xs.push(d[0]);
      ys.push(d[1]);
      if (s.kind === 'band') ys.push((d as [number, number, number])[2]);
    }
  if (props.hline !== undefined) ys.push(props.hline);
  const [x0, x1] = domain(xs, logX);
  const [y0, y1] = domain(ys, logY);
  // Ticks in data units; the domain is on the axis scale (log10 on log axes).
  const unscale = (v: number, log: boolean) => (log ? 10 ** v : v);
  const xt = axisTicks(unscale(x0, logX), unscale(x1, logX), logX);
  const yt = axisTicks(unscale(y0, logY), unscale(y1, logY), logY);
  const xl = tickLabels(xt);
  const yl = tickLabels(yt);
  const M = {
    top: 12,
    right: Math.max(16, labelWidth(xl[xl.length - 1] ?? '') / 2 + 4),
    bottom: 22 + (props.xLabel ? TITLE : 0),
    left: Math.max(...yl.map((l) => labelWidth(l)), 12) + TICK_GAP + 4 + (props.yLabel ? TITLE : 0),
  };
  const pw = width - M.left - M.right;
  const ph = height - M.top - M.bottom;
  const sx = (v: number) => M.left + (((logX ? Math.log10(v) : v) - x0) / (x1 - x0)) * pw;
  const sy = (v: number) => M.top + ph - (((logY ? Math.log10(v) : v) - y0) / (y1 - y0)) * ph;
  const ok = (x: number, y: number) =>
    Number.isFinite(x) && Number.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
  const path = (pts: [number, number][]) => {
    let d = '';
    let pen = false;
    for (const [x, y] of pts) {
      if (!ok(x, y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${sx(x).toFixed(2)},${sy(y).toFixed(2)}`;
      pen = true;
    }
    return d;
  };
  return { width, height, logX, logY, x0, x1, y0, y1, xt, yt, xl, yl, M, pw, ph, sx, sy, ok, path };
}

type Layout = ReturnType<typeof chartLayout>;

/** Grid lines and tick labels of both axes. */
function ChartGrid({ l }: { l: Layout }): ReactElement {
  const { M, pw, ph, x0, x1, y0, y1, logX, logY } = l;
  const scale = (v: number, log: boolean) => (log ? Math.log10(v) : v);
  return (
    <g className="fit-chart-grid">
      {l.xt.map((t, i) => {
        const x = M.left + ((scale(t, logX) - x0) / (x1 - x0)) * pw;
        return (
          <g key={`x${t}`}>
            <line x1={x} x2={x} y1={M.top} y2={M.top + ph} />
            <text className="tick-x" x={x} y={M.top + ph + 16} textAnchor="middle">
              {l.xl[i]}
            </text>
          </g>
        );
      })}
      {l.yt.map((t, i) => {
        const y = M.top + ph - ((scale(t, logY) - y0) / (y1 - y0)) * ph;
        return (
          <g key={`y${t}`}>
            <line x1={M.left} x2={M.left + pw} y1={y} y2={y} />
            <text className="tick-y" x={M.left - TICK_GAP} y={y + 4} textAnchor="end">
              {l.yl[i]}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** One series: a shaded band, a line or scatter points (each with its value as a tooltip). */
function SeriesMark({ s, l }: { s: ChartSeries; l: Layout }): ReactElement | null {
  const { ok, path, sx, sy } = l;
  if (s.kind === 'band') {
    const upper = s.data.map(([x, , hi]) => [x, hi] as [number, number]);
    const lower = s.data.map(([x, lo]) => [x, lo] as [number, number]).reverse();
    const good = [...upper, ...lower].every(([x, y]) => ok(x, y));
    if (!good || s.data.length < 2) return null;
    return <path className="fit-chart-band" d={`${path(upper)}L${path(lower).slice(1)}Z`} />;
  }
  if (s.kind === 'line')
    return (
      <path
        className={`fit-chart-line ${s.className ?? ''}`}
        d={path(s.data)}
        style={s.color ? { stroke: s.color } : undefined}
        strokeDasharray={s.dashed ? '5 4' : undefined}
      />
    );
  return (
    <g
      className={`fit-chart-points ${s.className ?? ''}`}
      style={s.color ? { fill: s.color } : undefined}
    >
      {s.data
        .filter(([x, y]) => ok(x, y))
        .map(([x, y], j) => (
          <circle key={j} cx={sx(x)} cy={sy(y)} r={3.5}>
            <title>{`${s.label}: (${formatNumber(x)}, ${formatNumber(y)})`}</title>
          </circle>
        ))}
    </g>
  );
}

export function SvgChart(props: SvgChartProps): ReactElement {
  const l = chartLayout(props);
  const { width, height, M, pw, ph } = l;
  const clip = `clip-${props.testId ?? 'chart'}`;
  return (
    <svg
      className="fit-chart"
      data-testid={props.testId}
      data-log-x={String(l.logX)}
      data-log-y={String(l.logY)}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={props.title}
    >
      <title>{props.title}</title>
      <defs>
        <clipPath id={clip}>
          <rect x={M.left} y={M.top} width={pw} height={ph} />
        </clipPath>
      </defs>
      <ChartGrid l={l} />
      <rect className="fit-chart-frame" x={M.left} y={M.top} width={pw} height={ph} />
      <g clipPath={`url(#${clip})`}>
        {props.hline !== undefined && l.ok(1, props.hline) && (
          <line
            className="fit-chart-hline"
            x1={M.left}
            x2={M.left + pw}
            y1={l.sy(props.hline)}
            y2={l.sy(props.hline)}
          />
        )}
        {props.series.map((s, i) => (
          <SeriesMark key={i} s={s} l={l} />
        ))}
      </g>
      {props.xLabel && (
        <text className="fit-chart-label" x={M.left + pw / 2} y={height - 6} textAnchor="middle">
          {props.xLabel}
        </text>
      )}
      {props.yLabel && (
        <text
          className="fit-chart-label"
          transform={`translate(14 ${M.top + ph / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {props.yLabel}
        </text>
      )}
    </svg>
  );
}
