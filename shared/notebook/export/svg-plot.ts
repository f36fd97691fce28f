// Static SVG for plot and fit cells (HTML, Markdown and .ipynb exports): scales from d3-scale, the
// line path from d3-shape, ticks and labels from ./ticks (as the app's charts); axes and markers
// are a few SVG elements written here (d3-axis needs a DOM). Margins fit the tick labels.
import { scaleLinear, scaleLog } from 'd3-scale';
import { line as d3line } from 'd3-shape';
import { escapeHtml } from './markup';
import { axisTicks, labelWidth, tickLabels } from './ticks';

/** `style` overrides the plot's kind for one series (a fit: data as points, the model as a line). */
export type SvgSeries = {
  label: string;
  points: [number, number][];
  style?: 'line' | 'scatter' | 'curve';
};
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

/** An SVG as a data: URL for a Markdown image; parentheses are escaped too, since an unbalanced
 * or nested `(` would end the Markdown link destination early. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg).replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
}

export function renderSvgPlot(spec: SvgPlotSpec): string {
  const W = spec.width ?? 560;
  const H = spec.height ?? 360;
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
    // 5 % of the span (of the log span on log axes) either side: no marker sits on the frame.
    if (log) {
      const f = (hi / lo) ** 0.05;
      return [lo / f, hi * f];
    }
    const pad = (hi - lo) * 0.05;
    return [lo - pad, hi + pad];
  };
  const [dx0, dx1] = extent(xs, spec.logX);
  const [dy0, dy1] = extent(ys, spec.logY);
  const xTicks = axisTicks(dx0, dx1, spec.logX, 6);
  const yTicks = axisTicks(dy0, dy1, spec.logY, 6);
  const xLabels = tickLabels(xTicks);
  const yLabels = tickLabels(yTicks);
  const m = {
    top: spec.title ? 32 : 16,
    right: Math.max(16, labelWidth(xLabels[xLabels.length - 1] ?? '') / 2 + 4),
    bottom: 48,
    left: Math.max(...yLabels.map((l) => labelWidth(l)), 12) + 10 + (spec.yLabel ? 22 : 0),
  };
  const x = (spec.logX ? scaleLog() : scaleLinear())
    .domain([dx0, dx1])
    .range([m.left, W - m.right]);
  const y = (spec.logY ? scaleLog() : scaleLinear())
    .domain([dy0, dy1])
    .range([H - m.bottom, m.top]);
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
  xTicks.forEach((t, i) => {
    const px = x(t).toFixed(1);
    parts.push(
      `<line x1="${px}" y1="${H - m.bottom}" x2="${px}" y2="${H - m.bottom + 4}" stroke="#888"/><text x="${px}" y="${H - m.bottom + 16}" text-anchor="middle" class="tick-x">${xLabels[i] ?? ''}</text>`,
    );
  });
  yTicks.forEach((t, i) => {
    const py = y(t).toFixed(1);
    parts.push(
      `<line x1="${m.left - 4}" y1="${py}" x2="${m.left}" y2="${py}" stroke="#888"/><text x="${m.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle" class="tick-y">${yLabels[i] ?? ''}</text>`,
    );
  });
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
    const style = s.style ?? spec.kind;
    if (style !== 'scatter' && pts.length > 1)
      parts.push(
        `<path d="${path(pts) ?? ''}" fill="none" stroke="${color}" stroke-width="1.5" class="series-${style}"/>`,
      );
    // A curve (a fitted model) is a line without markers.
    if (style !== 'curve')
      parts.push(
        `<g fill="${color}">` +
          pts
            .map(
              (p) =>
                `<circle cx="${x(p[0]).toFixed(1)}" cy="${y(p[1]).toFixed(1)}" r="${style === 'line' ? 2 : 3}"/>`,
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
