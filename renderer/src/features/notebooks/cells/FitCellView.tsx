// Fit cell view: picks the table (a table cell, or any cell with a table output), the x column(s),
// y and optional σ columns, and the model — a preset of shared/fit or a typed formula whose
// parameters are detected as you type — with optional start values and bounds. "Fit" saves the
// spec (props.onChange) and runs the cell (props.onRun): the host runs shared/fit and stores the
// parameters and a status line as the cell's outputs (shared/notebook/cells/fit.ts), so results
// persist with the notebook and show after a reload without refitting. What the outputs do not
// hold (curve, residuals, AIC/BIC, the extrapolation band) is derived here from the stored
// parameters and the same model (./fit/fitMath.ts) — deterministic, no refit. Optional residual
// bootstrap intervals (stored by the run), a comparison of the fit cells on the same table and y,
// and a link to the source paper of the table.
import { useEffect, useId, useMemo, useState, type ReactElement } from 'react';
import { detectParams, PRESET_NAMES, PRESETS, type Model } from '../../../../../shared/fit/index';
import {
  FitCellDataSchema,
  fitSourcePaperId,
  type FitCellData,
} from '../../../../../shared/notebook/cells/fit';
import { LOG_LOG_MODELS } from '../../../../../shared/notebook/cells/fit-chart';
import type { Cell, Notebook } from '../../../../../shared/notebook/model';
import { tableOfCell } from '../../../../../shared/notebook/tables';
import { TexText } from '../../../components/TexText';
import {
  extrapolate,
  fitPoints,
  fitStats,
  modelOf,
  paramVector,
  predict,
  readFitOutputs,
  type FitPoints,
  type FitStats,
} from './fit/fitMath';
import { formatNumber, SvgChart, type ChartSeries } from './fit/SvgChart';
import { JobProgress } from '../../../components/JobProgress';
import type { CellViewProps } from './types';
import './fit/fit.css';

const FORMULA = '__formula';
const DEFAULT_DATA: FitCellData = { source: '', x: 'x', y: 'y', model: 'power-law' };
/** Stored for an open side of a bound (JSON has no Infinity). */
const OPEN = 1e300;

const isPreset = (m: string) => Object.hasOwn(PRESETS, m.trim());

function withoutUndefined(d: FitCellData): FitCellData {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as FitCellData;
}

/** A number input with a text draft: commits parsed numbers, blank as undefined. */
function NumberField(props: {
  value: number | undefined;
  onCommit(v: number | undefined): void;
  label: string;
  testId?: string;
  placeholder?: string;
}): ReactElement {
  const shown =
    props.value === undefined || Math.abs(props.value) >= OPEN ? '' : String(props.value);
  const [draft, setDraft] = useState(shown);
  const [prevShown, setPrevShown] = useState(shown);
  if (prevShown !== shown) {
    setPrevShown(shown);
    setDraft(shown);
  }
  return (
    <input
      className="fit-number"
      aria-label={props.label}
      data-testid={props.testId}
      inputMode="decimal"
      placeholder={props.placeholder}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        const t = draft.trim();
        const v = t === '' ? undefined : Number(t);
        if (v === undefined || Number.isFinite(v)) props.onCommit(v);
        else setDraft(shown);
      }}
    />
  );
}

const modelCache = new Map<string, Model | null>();
/** The compiled model of a spec (formulas compile once; a few dozen kept). */
function cachedModel(data: FitCellData): Model | null {
  const key = `${data.model}\n${(data.variables ?? []).join(',')}`;
  let m = modelCache.get(key);
  if (m === undefined) {
    m = modelOf(data);
    if (modelCache.size > 50) modelCache.clear();
    modelCache.set(key, m);
  }
  return m;
}

/** The data + fit plot series (band, curve, extrapolated point) and the residual series. */
export type CompareRow = {
  cellId: string;
  label: string;
  model: string;
  nParams: number;
  rss: number;
  r2: number | null;
  aic: number;
  bic: number;
  deltaAic: number;
  status: string;
};

/** The fit cells on the same table and y that have stored results, with ΔAIC to the best. */
export function compareRows(notebook: Pick<Notebook, 'cells'>, data: FitCellData): CompareRow[] {
  const rows: Omit<CompareRow, 'deltaAic'>[] = [];
  notebook.cells.forEach((c: Cell, i) => {
    if (c.type !== 'fit') return;
    const d = FitCellDataSchema.safeParse(c.data);
    if (!d.success || d.data.source !== data.source || d.data.y !== data.y) return;
    const st = readFitOutputs(c.outputs);
    if (!st || st.params.length === 0) return;
    const m = cachedModel(d.data);
    const bv = m ? paramVector(m, st.params) : null;
    const pts = bv ? fitPoints(notebook, d.data) : null;
    const fs = m && bv && pts && pts.y.length > 0 ? fitStats(m, bv, pts) : null;
    rows.push({
      cellId: c.id,
      label: c.name ?? `fit cell ${i + 1}`,
      model: d.data.model,
      nParams: st.params.length,
      rss: st.rss ?? fs?.rss ?? NaN,
      r2: st.r2,
      aic: fs?.aic ?? NaN,
      bic: fs?.bic ?? NaN,
      status: st.status ?? '—',
    });
  });
  const best = Math.min(...rows.map((r) => r.aic).filter(Number.isFinite));
  return rows.map((r) => ({ ...r, deltaAic: r.aic - best }));
}

function buildChart(a: {
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

/**
 * A table-column picker. With `emptyLabel` the first choice is "no column" (''); without it a value
 * that is not a column of the table (e.g. the table changed) stays visible rather than silently
 * switching to another column.
 */
function ColumnSelect(props: {
  testId: string;
  columns: string[];
  value: string;
  onChange(value: string): void;
  emptyLabel?: string;
}) {
  const { testId, columns, value, onChange, emptyLabel } = props;
  return (
    <select
      className="select"
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {emptyLabel !== undefined ? (
        <option value="">{emptyLabel}</option>
      ) : (
        !columns.includes(value) && <option value={value}>{value || '—'}</option>
      )}
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

export function FitCellView(props: CellViewProps): ReactElement {
  const { cell, notebook } = props;
  const uid = useId();
  const parsed = FitCellDataSchema.safeParse(cell.data);
  const data: FitCellData = parsed.success ? parsed.data : DEFAULT_DATA;
  const preset = isPreset(data.model) ? PRESETS[data.model.trim()]! : null;
  const [formula, setFormula] = useState(preset ? '' : data.model);
  const [variablesText, setVariablesText] = useState((data.variables ?? ['x']).join(', '));
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const [logLog, setLogLog] = useState<boolean>(LOG_LOG_MODELS.has(data.model.trim()));
  const [extraX, setExtraX] = useState<string[]>([]);
  const paperId = fitSourcePaperId(notebook, data);
  const [paper, setPaper] = useState<{ id: string; title: string | null } | null>(null);
  useEffect(() => {
    if (!paperId) return;
    let live = true;
    props.api.call('library:get', { id: paperId }).then(
      (p) => live && setPaper({ id: paperId, title: p.title || null }),
      () => live && setPaper({ id: paperId, title: null }),
    );
    return () => {
      live = false;
    };
  }, [paperId, props.api]);
  const paperTitle = paper && paper.id === paperId ? paper.title : null;

  // A formula changed from outside (undo, another window) replaces the draft.
  const [prevModel, setPrevModel] = useState(data.model);
  if (prevModel !== data.model) {
    setPrevModel(data.model);
    if (!isPreset(data.model)) setFormula(data.model);
  }

  const update = (patch: Partial<FitCellData>) =>
    props.onChange({ ...cell, data: withoutUndefined({ ...data, ...patch }) });

  // Tables other cells offer: table cells and cells with a table output.
  const sources = notebook.cells
    .map((c, i) => ({ cell: c, index: i, table: c.id === cell.id ? undefined : tableOfCell(c) }))
    .filter((s) => s.table !== undefined);
  const sourceCell = sources.find(
    (s) => s.cell.id === data.source || (s.cell.name !== undefined && s.cell.name === data.source),
  );
  const columns = sourceCell?.table?.columns ?? [];

  const variables = preset
    ? [...preset.variables]
    : variablesText
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
  const xCols = [data.x].flat();
  const detected = useMemo((): { params: string[] } | { error: string } => {
    if (preset) return { params: [...preset.params] };
    const vars = variablesText
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    try {
      return { params: detectParams(formula, vars.length ? vars : ['x']) };
    } catch (err) {
      return { error: (err as Error).message.replace(/^formula:\s*/, '') };
    }
  }, [preset, formula, variablesText]);
  const paramNames = 'params' in detected ? detected.params : [];

  const chooseSource = (value: string) => {
    const s = sources.find((x) => (x.cell.name ?? x.cell.id) === value);
    const cols = s?.table?.columns ?? [];
    const keepX = xCols.every((c) => cols.includes(c));
    const n = Math.max(1, variables.length);
    update({
      source: value,
      x: keepX ? data.x : n === 1 ? (cols[0] ?? 'x') : cols.slice(0, n),
      y: cols.includes(data.y) ? data.y : (cols[n] ?? cols[cols.length - 1] ?? 'y'),
      sigma: data.sigma && cols.includes(data.sigma) ? data.sigma : undefined,
    });
  };

  const chooseModel = (value: string) => {
    if (value === FORMULA) {
      const text = preset && !preset.formula.includes('=') ? preset.formula : 'A * x^(-alpha)';
      setFormula(text);
      update({ model: text, variables: variables.length ? variables : ['x'] });
      return;
    }
    const p = PRESETS[value]!;
    const n = p.variables.length;
    const x =
      n === 1
        ? (xCols[0] ?? 'x')
        : Array.from({ length: n }, (_, i) => xCols[i] ?? columns[i] ?? `x${i + 1}`);
    setLogLog(LOG_LOG_MODELS.has(value));
    update({ model: value, variables: undefined, x, start: undefined, bounds: undefined });
  };

  const setX = (i: number, col: string) => {
    const next = [...xCols];
    next[i] = col;
    update({ x: next.length === 1 ? next[0]! : next });
  };

  const commitFormula = () => {
    const text = formula.trim();
    const vars = variablesText
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (!text) return;
    const n = Math.max(1, vars.length);
    const x =
      n === 1
        ? (xCols[0] ?? 'x')
        : Array.from({ length: n }, (_, i) => xCols[i] ?? columns[i] ?? `x${i + 1}`);
    update({ model: text, variables: vars.length ? vars : ['x'], x });
  };

  const setStart = (name: string, v: number | undefined) => {
    const start = { ...(data.start ?? {}) };
    if (v === undefined) delete start[name];
    else start[name] = v;
    update({ start: Object.keys(start).length ? start : undefined });
  };
  const setBound = (name: string, side: 0 | 1, v: number | undefined) => {
    const bounds = { ...(data.bounds ?? {}) };
    const cur: [number, number] = bounds[name] ? [...bounds[name]] : [-OPEN, OPEN];
    cur[side] = v ?? (side === 0 ? -OPEN : OPEN);
    if (cur[0] <= -OPEN && cur[1] >= OPEN) delete bounds[name];
    else bounds[name] = cur;
    update({ bounds: Object.keys(bounds).length ? bounds : undefined });
  };

  const canFit =
    !running && sourceCell !== undefined && 'params' in detected && paramNames.length > 0;
  const runFit = async () => {
    setRunError(null);
    setRunning(true);
    try {
      const next = withoutUndefined(data);
      if (JSON.stringify(next) !== JSON.stringify(cell.data))
        props.onChange({ ...cell, data: next });
      await props.onRun();
    } catch (err) {
      setRunError((err as Error).message);
    } finally {
      setRunning(false);
    }
  };

  // Results: the stored outputs plus what the view derives from them.
  const stored = readFitOutputs(cell.outputs);
  const model = cachedModel(data);
  const points = fitPoints(notebook, data);
  const b = model && stored ? paramVector(model, stored.params) : null;
  const stats = model && b && points && points.y.length > 0 ? fitStats(model, b, points) : null;
  const nVars = model?.variables.length ?? 1;
  const extraPoint = Array.from({ length: nVars }, (_, i) => Number(extraX[i] ?? ''));
  const hasExtra =
    extraX.length > 0 &&
    extraX.slice(0, nVars).every((s) => s.trim() !== '') &&
    extraPoint.every(Number.isFinite);
  const extra = model && b && hasExtra ? extrapolate(model, b, extraPoint, stats) : null;
  const chart =
    model && points && points.y.length > 0
      ? buildChart({ model, points, b, stats, logLog, extraPoint: extra ? extraPoint : null })
      : null;

  const statusText = running
    ? 'fitting…'
    : stored?.status
      ? `${stored.status}${stored.reason ? ` (${stored.reason})` : ''}${stored.error ? `: ${stored.error}` : ''}`
      : 'not fitted yet';
  const statusClass = stored?.status === 'converged' ? 'is-ok' : stored?.status ? 'is-warn' : '';
  const xLabel = xCols[0] ?? 'x';
  const boot = stored?.bootstrap ?? null;
  const bootByName = new Map((boot?.params ?? []).map((p) => [p.name, p]));
  const comparison = stored ? compareRows(notebook, data) : [];

  return (
    <div className="fit-cell" data-testid="fit-cell" data-cell-id={cell.id}>
      <div className="fit-form">
        <label>
          <span>Table</span>
          <select
            className="select"
            data-testid="fit-source"
            value={sourceCell ? (sourceCell.cell.name ?? sourceCell.cell.id) : ''}
            onChange={(e) => chooseSource(e.target.value)}
          >
            <option value="" disabled>
              {sources.length ? 'Choose a table…' : 'No table in this notebook'}
            </option>
            {sources.map((s) => (
              <option key={s.cell.id} value={s.cell.name ?? s.cell.id}>
                {s.cell.name ?? `${s.cell.type} cell ${s.index + 1}`} ({s.table!.columns.join(', ')}
                )
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Model</span>
          <select
            className="select"
            data-testid="fit-model"
            value={preset ? data.model.trim() : FORMULA}
            onChange={(e) => chooseModel(e.target.value)}
          >
            {PRESET_NAMES.map((n) => (
              <option key={n} value={n}>
                {n}: {PRESETS[n]!.formula}
              </option>
            ))}
            <option value={FORMULA}>Formula…</option>
          </select>
        </label>
        {!preset && (
          <>
            <label className="fit-wide">
              <span>Formula</span>
              <input
                data-testid="fit-formula"
                className="fit-formula"
                spellCheck={false}
                value={formula}
                onChange={(e) => setFormula(e.target.value)}
                onBlur={commitFormula}
                onKeyDown={(e) => e.key === 'Enter' && commitFormula()}
              />
            </label>
            <label>
              <span>Variables</span>
              <input
                data-testid="fit-variables"
                className="fit-number"
                value={variablesText}
                onChange={(e) => setVariablesText(e.target.value)}
                onBlur={commitFormula}
              />
            </label>
            <div className="fit-detected fit-wide" data-testid="fit-detected" aria-live="polite">
              {'error' in detected ? (
                <span className="fit-error">{detected.error}</span>
              ) : (
                <>
                  Parameters:{' '}
                  {detected.params.length ? (
                    detected.params.map((p) => (
                      <code key={p} className="fit-chip">
                        {p}
                      </code>
                    ))
                  ) : (
                    <em>none</em>
                  )}
                </>
              )}
            </div>
          </>
        )}
        {Array.from({ length: Math.max(1, variables.length) }, (_, i) => (
          <label key={i}>
            <span>{variables.length > 1 ? `x: ${variables[i]}` : 'x'}</span>
            <ColumnSelect
              testId={i === 0 ? 'fit-x' : `fit-x-${i + 1}`}
              columns={columns}
              value={xCols[i] ?? ''}
              onChange={(v) => setX(i, v)}
            />
          </label>
        ))}
        <label>
          <span>y</span>
          <ColumnSelect
            testId="fit-y"
            columns={columns}
            value={data.y}
            onChange={(v) => update({ y: v })}
          />
        </label>
        <label>
          <span>σ (optional)</span>
          <ColumnSelect
            testId="fit-sigma"
            columns={columns}
            value={data.sigma ?? ''}
            onChange={(v) => update({ sigma: v || undefined })}
            emptyLabel="none"
          />
        </label>
      </div>
      {paramNames.length > 0 && (
        <details className="fit-start">
          <summary>Start values and bounds</summary>
          <table>
            <thead>
              <tr>
                <th>Parameter</th>
                <th>Start</th>
                <th>Lower</th>
                <th>Upper</th>
              </tr>
            </thead>
            <tbody>
              {paramNames.map((p) => (
                <tr key={p}>
                  <td>
                    <code>{p}</code>
                  </td>
                  <td>
                    <NumberField
                      label={`start ${p}`}
                      testId={`fit-start-${p}`}
                      placeholder="auto"
                      value={data.start?.[p]}
                      onCommit={(v) => setStart(p, v)}
                    />
                  </td>
                  <td>
                    <NumberField
                      label={`lower bound ${p}`}
                      placeholder="−∞"
                      value={data.bounds?.[p]?.[0]}
                      onCommit={(v) => setBound(p, 0, v)}
                    />
                  </td>
                  <td>
                    <NumberField
                      label={`upper bound ${p}`}
                      placeholder="+∞"
                      value={data.bounds?.[p]?.[1]}
                      onCommit={(v) => setBound(p, 1, v)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <div className="fit-bootstrap">
        <label>
          <input
            type="checkbox"
            data-testid="fit-bootstrap"
            checked={data.bootstrap !== undefined}
            onChange={(e) =>
              update({
                bootstrap: e.target.checked ? { samples: 1000, seed: 1 } : undefined,
              })
            }
          />{' '}
          Bootstrap
        </label>
        {data.bootstrap && (
          <>
            <label>
              <span>n</span>
              <NumberField
                label="bootstrap samples"
                testId="fit-bootstrap-samples"
                placeholder="1000"
                value={data.bootstrap.samples}
                onCommit={(v) =>
                  update({
                    bootstrap: {
                      samples: Math.min(10000, Math.max(1, Math.round(v ?? 1000))),
                      seed: data.bootstrap?.seed ?? 1,
                    },
                  })
                }
              />
            </label>
            <label>
              <span>seed</span>
              <NumberField
                label="bootstrap seed"
                testId="fit-bootstrap-seed"
                placeholder="1"
                value={data.bootstrap.seed}
                onCommit={(v) =>
                  update({
                    bootstrap: {
                      samples: data.bootstrap?.samples ?? 1000,
                      seed: Math.round(v ?? 1),
                    },
                  })
                }
              />
            </label>
          </>
        )}
      </div>
      <div className="fit-actions">
        <button
          type="button"
          className="button primary"
          data-testid="fit-run"
          disabled={!canFit}
          onClick={() => void runFit()}
        >
          {running ? 'Fitting…' : 'Fit'}
        </button>
        <span
          className={`fit-status ${statusClass}`}
          data-testid="fit-status"
          data-status={stored?.status ?? 'none'}
        >
          {statusText}
        </span>
        {props.status === 'stale' && stored && !running && (
          <span className="fit-stale">The data or the model changed since this fit.</span>
        )}
        {runError && <span className="fit-error">{runError}</span>}
      </div>
      {running && props.job && (
        <JobProgress
          progress={props.job.progress}
          onCancel={props.job.cancel}
          testId="fit-progress"
        />
      )}
      {stored && stored.params.length > 0 && (
        <div className="fit-results">
          {paperId && (
            <p className="fit-source-paper" data-testid="fit-source-paper">
              Data from{' '}
              <button type="button" className="fit-link" onClick={() => props.openPaper(paperId)}>
                {paperTitle ? <TexText text={paperTitle} /> : paperId}
              </button>
            </p>
          )}
          <table className="fit-params" data-testid="fit-params">
            <thead>
              <tr>
                <th>Parameter</th>
                <th>Value ± std. error</th>
                <th>95 % CI</th>
                {boot && (
                  <th data-testid="fit-bootstrap-header">
                    95 % CI (bootstrap
                    {boot.successful !== null ? `, ${boot.successful}/${boot.samples}` : ''})
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {stored.params.map((p) => (
                <tr
                  key={p.name}
                  data-testid="fit-param-row"
                  data-param={p.name}
                  data-value={p.value}
                  data-std-error={p.stdError}
                >
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>
                    {formatNumber(p.value, 5)} ± {formatNumber(p.stdError, 3)}
                  </td>
                  <td>
                    [{formatNumber(p.ciLower, 4)}, {formatNumber(p.ciUpper, 4)}]
                  </td>
                  {boot && (
                    <td data-testid="fit-bootstrap-ci">
                      {bootByName.has(p.name)
                        ? `[${formatNumber(bootByName.get(p.name)!.ciLower, 4)}, ${formatNumber(bootByName.get(p.name)!.ciUpper, 4)}] (SE ${formatNumber(bootByName.get(p.name)!.stdError, 3)})`
                        : '—'}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="fit-stats" data-testid="fit-stats">
            <div>
              <dt>RSS</dt>
              <dd>{formatNumber(stored.rss ?? stats?.rss ?? NaN, 5)}</dd>
            </div>
            <div>
              <dt>R²</dt>
              <dd>{stored.r2 === null ? '—' : formatNumber(stored.r2, 6)}</dd>
            </div>
            <div>
              <dt>AIC</dt>
              <dd>{stats ? formatNumber(stats.aic, 5) : '—'}</dd>
            </div>
            <div>
              <dt>BIC</dt>
              <dd>{stats ? formatNumber(stats.bic, 5) : '—'}</dd>
            </div>
            <div>
              <dt>n</dt>
              <dd>{stats?.n ?? '—'}</dd>
            </div>
          </dl>
          {comparison.length > 1 && (
            <table className="fit-compare" data-testid="fit-compare">
              <caption>Compare models</caption>
              <thead>
                <tr>
                  <th>Model</th>
                  <th>Parameters</th>
                  <th>RSS</th>
                  <th>R²</th>
                  <th>AIC</th>
                  <th>BIC</th>
                  <th>ΔAIC</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {comparison.map((r) => (
                  <tr
                    key={r.cellId}
                    data-testid="fit-compare-row"
                    data-cell={r.cellId}
                    data-delta-aic={r.deltaAic}
                    className={r.cellId === cell.id ? 'is-current' : undefined}
                  >
                    <td>
                      <code>{r.model}</code>
                    </td>
                    <td>{r.nParams}</td>
                    <td>{formatNumber(r.rss, 5)}</td>
                    <td>{r.r2 === null ? '—' : formatNumber(r.r2, 6)}</td>
                    <td>{formatNumber(r.aic, 5)}</td>
                    <td>{formatNumber(r.bic, 5)}</td>
                    <td>{formatNumber(r.deltaAic, 3)}</td>
                    <td>{r.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {chart && (
        <div className="fit-plots">
          <div className="fit-plot-bar">
            <label>
              <input
                type="checkbox"
                data-testid="fit-loglog"
                checked={logLog}
                onChange={(e) => setLogLog(e.target.checked)}
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
                    placeholder={model?.variables[i] ?? 'x'}
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
                    {data.y} = {formatNumber(extra.value, 5)}
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
            title={`${data.y} against ${xLabel} with the fitted model`}
            series={chart.series}
            logX={logLog}
            logY={logLog}
            xLabel={xLabel}
            yLabel={data.y}
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
              yLabel={model?.response === 'log' ? `residual of log ${data.y}` : 'residual'}
            />
          )}
        </div>
      )}
    </div>
  );
}
