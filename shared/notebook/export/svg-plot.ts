// Static SVG for plot cells (HTML, Markdown and .ipynb exports): scales from d3-scale, the line
// path from d3-shape; axes and markers are a few SVG elements written here (d3-axis needs a DOM).
import { scaleLinear, scaleLog } from 'd3-scale';
import { line as d3line } from 'd3-shape';
import { escapeHtml } from './markup';

export type SvgSeries = { label: string; points: [number, number][] };
export type SvgPlotSpec = {
  kind: 'line' | 'scatter';
  series: SvgSeries[];
  logX: boolean;
  logY: boolean;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
};

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

function fmt(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3
    ? v.toExponential(1).replace('e+', 'e')
    : String(Number(v.toPrecision(4)));
}

export function renderSvgPlot(spec: SvgPlotSpec): string {
  const W = spec.width ?? 560;
  const H = spec.height ?? 360;
  const m = { top: spec.title ? 32 : 16, right: 16, bottom: 48, left: 64 };
  // Points a log axis cannot show (≤ 0) and non-finite ones are dropped, not clamped.
  const usable = (p: [number, number]) =>
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    (!spec.logX || p[0] > 0) &&
    (!spec.logY || p[1] > 0);
  const series = spec.series.map((s) => ({ ...s, points: s.points.filter(usable) }));
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const extent = (v: number[], log: boolean): [number, number] => {
    if (v.length === 0) return log ? [1, 10] : [0, 1];
    let lo = Math.min(...v);
    let hi = Math.max(...v);
    if (lo === hi) {
      lo = log ? lo / 2 : lo - 1;
      hi = log ? hi * 2 : hi + 1;
    }
    return [lo, hi];
  };
  const x = (spec.logX ? scaleLog() : scaleLinear())
    .domain(extent(xs, spec.logX))
    .range([m.left, W - m.right]);
  const y = (spec.logY ? scaleLog() : scaleLinear())
    .domain(extent(ys, spec.logY))
    .range([H - m.bottom, m.top]);
  if (!spec.logX) x.nice();
  if (!spec.logY) y.nice();
  const xTicks = spec.logX ? x.ticks(5).filter((t) => Math.log10(t) % 1 === 0) : x.ticks(6);
  const yTicks = spec.logY ? y.ticks(5).filter((t) => Math.log10(t) % 1 === 0) : y.ticks(6);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
  );
  if (spec.title)
    parts.push(
      `<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${escapeHtml(spec.title)}</text>`,
    );
  parts.push(
    `<g stroke="#888" fill="none"><line x1="${m.left}" y1="${H - m.bottom}" x2="${W - m.right}" y2="${H - m.bottom}"/><line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${H - m.bottom}"/></g>`,
  );
  for (const t of xTicks) {
    const px = x(t).toFixed(1);
    parts.push(
      `<line x1="${px}" y1="${H - m.bottom}" x2="${px}" y2="${H - m.bottom + 4}" stroke="#888"/><text x="${px}" y="${H - m.bottom + 16}" text-anchor="middle">${fmt(t)}</text>`,
    );
  }
  for (const t of yTicks) {
    const py = y(t).toFixed(1);
    parts.push(
      `<line x1="${m.left - 4}" y1="${py}" x2="${m.left}" y2="${py}" stroke="#888"/><text x="${m.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${fmt(t)}</text>`,
    );
  }
  if (spec.xLabel)
    parts.push(
      `<text x="${(m.left + W - m.right) / 2}" y="${H - 10}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text>`,
    );
  if (spec.yLabel)
    parts.push(
      `<text transform="translate(14 ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(spec.yLabel)}</text>`,
    );
  const path = d3line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length] ?? '#000';
    const pts = [...s.points].sort((a, b) => a[0] - b[0]);
    if (spec.kind === 'line' && pts.length > 1)
      parts.push(`<path d="${path(pts) ?? ''}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    parts.push(
      `<g fill="${color}">` +
        pts
          .map(
            (p) =>
              `<circle cx="${x(p[0]).toFixed(1)}" cy="${y(p[1]).toFixed(1)}" r="${spec.kind === 'line' ? 2 : 3}"/>`,
          )
          .join('') +
        '</g>',
    );
    if (series.length > 1)
      parts.push(
        `<text x="${W - m.right - 4}" y="${m.top + 12 + 14 * i}" text-anchor="end" fill="${color}">${escapeHtml(s.label)}</text>`,
      );
  });
  parts.push('</svg>');
  return parts.join('');
}
