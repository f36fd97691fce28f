// Plot cell: pick a table (a table cell or a cell's table output), x and y columns, line or
// scatter, log axes; drawn as SVG with the fit cell's chart (DOM text, so tick labels are themed,
// measurable and never cut). Exports draw their own static SVG (shared/notebook/export/svg-plot).
import type { Notebook } from '@shared/notebook/model';
import { numericColumn, tableOfCell, type TableData } from '@shared/notebook/tables';
import { SvgChart, type ChartSeries } from './fit/SvgChart';
import type { CellViewProps } from './types';
import './fit/fit.css';

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

/** One series per y column: finite points only, and only positive values on a log axis. */
function chartSeries(t: TableData, d: PlotData): ChartSeries[] {
  const xs = numericColumn(t, d.x);
  const ok = (v: number, log: boolean) => Number.isFinite(v) && (!log || v > 0);
  return d.y.map((col, k): ChartSeries => {
    const ys = numericColumn(t, col);
    const data = xs
      .map((x, i): [number, number] => [x, ys[i] ?? NaN])
      .filter(([x, y]) => ok(x, d.logX) && ok(y, d.logY))
      .sort((a, b) => a[0] - b[0]);
    const color = COLORS[k % COLORS.length] ?? '#4f46e5';
    return { kind: d.kind === 'line' ? 'line' : 'points', data, label: col, color };
  });
}

/** The chart (the fit cell's SVG chart: labelled ticks on both axes, themed by CSS). */
function Chart({ t, d }: { t: TableData; d: PlotData }) {
  const series = chartSeries(t, d);
  if (series.every((s) => s.data.length === 0))
    return <p className="muted small">No numeric points to plot in “{d.x}”.</p>;
  // A line plot also marks its points, as before.
  const drawn: ChartSeries[] =
    d.kind === 'line'
      ? series.flatMap((s) => [
          s,
          { ...s, kind: 'points' as const, data: s.data as [number, number][] },
        ])
      : series;
  return (
    <figure className="nb-plot">
      {d.title && <figcaption className="nb-plot-title">{d.title}</figcaption>}
      <SvgChart
        testId="plot-chart"
        title={d.title ?? `${d.y.join(', ')} against ${d.x}`}
        series={drawn}
        logX={d.logX}
        logY={d.logY}
        xLabel={d.xLabel ?? d.x}
        yLabel={d.yLabel ?? (d.y.length === 1 ? d.y[0] : undefined)}
      />
      {d.y.length > 1 && (
        <ul className="nb-plot-legend" data-testid="plot-legend">
          {d.y.map((col, k) => (
            <li key={col}>
              <span
                className="nb-plot-swatch"
                style={{ background: COLORS[k % COLORS.length] ?? '#4f46e5' }}
              />
              {col}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
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
        <Chart t={src.t} d={d} />
      )}
    </div>
  );
}
