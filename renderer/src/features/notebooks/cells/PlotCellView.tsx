// Plot cell: pick a table (a table cell or a cell's table output), x and y columns, line or
// scatter, log axes; drawn with uPlot (canvas, loaded on first use). Exports draw their own SVG.
import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { Notebook } from '../../../../../shared/notebook/model';
import { numericColumn, tableOfCell, type TableData } from '../../../../../shared/notebook/tables';
import type { CellViewProps } from './types';

type PlotData = {
  kind: 'line' | 'scatter';
  source: string;
  x: string;
  y: string[];
  logX: boolean;
  logY: boolean;
  title?: string;
  xLabel?: string;
  yLabel?: string;
};

const COLORS = ['#4f46e5', '#e5484d', '#12a594', '#f76b15', '#8e4ec6', '#0090ff', '#ad7f58'];

function dataOf(data: unknown): PlotData {
  const d = (data ?? {}) as Partial<PlotData>;
  return {
    kind: d.kind === 'line' ? 'line' : 'scatter',
    source: typeof d.source === 'string' ? d.source : '',
    x: typeof d.x === 'string' ? d.x : '',
    y: Array.isArray(d.y) && d.y.length ? d.y : [''],
    logX: d.logX === true,
    logY: d.logY === true,
    ...(d.title ? { title: d.title } : {}),
    ...(d.xLabel ? { xLabel: d.xLabel } : {}),
    ...(d.yLabel ? { yLabel: d.yLabel } : {}),
  };
}

/** Cells with a table to plot, labelled by name when they have one. */
function tableSources(nb: Notebook, self: string): { key: string; label: string; t: TableData }[] {
  const out: { key: string; label: string; t: TableData }[] = [];
  nb.cells.forEach((c, i) => {
    if (c.id === self) return;
    const t = tableOfCell(c);
    if (t) out.push({ key: c.name ?? c.id, label: c.name ?? `cell ${i + 1} (${c.type})`, t });
  });
  return out;
}

/** Columns as uPlot wants them: x ascending, invalid or non-positive-on-log values as null. */
function series(t: TableData, d: PlotData): uPlot.AlignedData | null {
  const xs = numericColumn(t, d.x);
  const ys = d.y.map((c) => numericColumn(t, c));
  const ok = (v: number, log: boolean) => Number.isFinite(v) && (!log || v > 0);
  const order = xs
    .map((_, i) => i)
    .filter((i) => ok(xs[i] ?? NaN, d.logX))
    .sort((a, b) => (xs[a] ?? 0) - (xs[b] ?? 0));
  if (order.length === 0) return null;
  return [
    order.map((i) => xs[i] ?? 0),
    ...ys.map((col) =>
      order.map((i) => {
        const v = col[i] ?? NaN;
        return ok(v, d.logY) ? v : null;
      }),
    ),
  ];
}

/** A theme colour resolved to rgb(): canvas cannot parse `var()` or `light-dark()`. */
function themeColor(el: Element, name: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name}, ${fallback})`;
  el.append(probe);
  const color = getComputedStyle(probe).color || fallback;
  probe.remove();
  return color;
}

/** `spec` is the JSON of `{t, d}`: one string, so the chart is redrawn only when it changes. */
function Chart({ spec }: { spec: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  // Canvas colours are resolved once per draw: redraw when the theme changes.
  const [theme, setTheme] = useState(0);
  useEffect(() => {
    const mo = new MutationObserver(() => setTheme((t) => t + 1));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => mo.disconnect();
  }, []);
  const { d, data } = useMemo(() => {
    const { t, d } = JSON.parse(spec) as { t: TableData; d: PlotData };
    return { d, data: series(t, d) };
  }, [spec]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.floor(el.clientWidth)));
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || !data || width === 0) return;
    let plot: uPlot | null = null;
    let live = true;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([mod]) => {
      if (!live) return;
      const UPlot = mod.default;
      const axis = themeColor(el, '--text-muted', '#666');
      const grid = themeColor(el, '--border', '#ddd');
      const axisOpts = { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
      plot = new UPlot(
        {
          width,
          height: 300,
          title: d.title,
          scales: {
            x: { time: false, distr: d.logX ? 3 : 1 },
            y: { distr: d.logY ? 3 : 1 },
          },
          axes: [
            { ...axisOpts, label: d.xLabel ?? d.x },
            { ...axisOpts, label: d.yLabel ?? (d.y.length === 1 ? d.y[0] : undefined) },
          ],
          legend: { show: d.y.length > 1 },
          cursor: { drag: { x: false, y: false } },
          series: [
            { label: d.x },
            ...d.y.map((col, i) => {
              const color = COLORS[i % COLORS.length] ?? '#4f46e5';
              return {
                label: col,
                stroke: color,
                width: d.kind === 'line' ? 2 : 0,
                spanGaps: true,
                ...(d.kind === 'scatter' ? { paths: () => null } : {}),
                points: {
                  show: true,
                  size: d.kind === 'scatter' ? 7 : 5,
                  fill: color,
                  stroke: color,
                },
              };
            }),
          ],
        },
        data,
        el,
      );
      plot.root.setAttribute('data-testid', 'plot-canvas');
    });
    return () => {
      live = false;
      plot?.destroy();
    };
  }, [data, d, width, theme]);

  if (!data) return <p className="muted small">No numeric points to plot in “{d.x}”.</p>;
  return <div className="nb-plot" ref={box} />;
}

export function PlotCellView({ notebook, cell, onChange }: CellViewProps) {
  const d = dataOf(cell.data);
  const sources = tableSources(notebook, cell.id);
  const src = sources.find((s) => s.key === d.source);
  const columns = src?.t.columns ?? [];
  const set = (next: Partial<PlotData>) => onChange({ ...cell, data: { ...d, ...next } });

  const pickSource = (key: string) => {
    const s = sources.find((x) => x.key === key);
    const cols = s?.t.columns ?? [];
    set({ source: key, x: cols[0] ?? '', y: [cols[1] ?? cols[0] ?? ''] });
  };

  const missing = src ? [d.x, ...d.y].filter((c) => !columns.includes(c)) : [];
  return (
    <div className="nb-plot-cell">
      <div className="nb-plot-controls">
        <label>
          Table{' '}
          <select
            className="select"
            value={src ? d.source : ''}
            data-testid="plot-source"
            onChange={(e) => pickSource(e.target.value)}
          >
            <option value="">{sources.length ? 'Choose…' : 'No tables yet'}</option>
            {sources.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          x{' '}
          <select
            className="select"
            value={d.x}
            data-testid="plot-x"
            disabled={!src}
            onChange={(e) => set({ x: e.target.value })}
          >
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <fieldset className="nb-plot-y" disabled={!src}>
          <legend>y</legend>
          {columns
            .filter((c) => c !== d.x)
            .map((c) => (
              <label key={c} className="nb-check">
                <input
                  type="checkbox"
                  checked={d.y.includes(c)}
                  data-testid={`plot-y-${c}`}
                  onChange={(e) => {
                    const y = e.target.checked
                      ? [...d.y.filter((v) => columns.includes(v)), c]
                      : d.y.filter((v) => v !== c);
                    if (y.length) set({ y });
                  }}
                />
                {c}
              </label>
            ))}
        </fieldset>
        <div className="segmented" role="group" aria-label="Plot kind">
          {(['scatter', 'line'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={d.kind === k ? 'active' : undefined}
              aria-pressed={d.kind === k}
              onClick={() => set({ kind: k })}
            >
              {k === 'line' ? 'Line' : 'Scatter'}
            </button>
          ))}
        </div>
        <label className="nb-check">
          <input
            type="checkbox"
            checked={d.logX}
            onChange={(e) => set({ logX: e.target.checked })}
          />
          log x
        </label>
        <label className="nb-check">
          <input
            type="checkbox"
            checked={d.logY}
            onChange={(e) => set({ logY: e.target.checked })}
          />
          log y
        </label>
      </div>
      {!src ? (
        <p className="muted small">
          {d.source
            ? `No table “${d.source}” in this notebook (run the cell that makes it?).`
            : 'Choose a table cell, or a cell whose output is a table. Name a cell to refer to it by name.'}
        </p>
      ) : missing.length ? (
        <p className="muted small">Choose the columns to plot.</p>
      ) : (
        <Chart spec={JSON.stringify({ t: src.t, d })} />
      )}
    </div>
  );
}
