// "Experiment" mode of the graph cell: a parameter sweep run as a `graph:experiment` job — the giant
// component of G(n, p) against the mean degree, or robustness (random vs targeted node removal) of
// the cell's current graph source. Run shows a progress bar and Cancel (the job's AbortController);
// the result table is stored as the cell's table output, which a plot cell can pick as its source
// (plot cells read any cell's first table output: shared/notebook/tables.ts `tableOfCell`). The
// settings live in the cell's data under `experiment` (GraphCellDataSchema does not know the key;
// the view keeps it when it updates the data).
import { useRef, useState, type ReactElement } from 'react';
import { z } from 'zod';
import type { Api } from '../../../../../../shared/api/client';
import type { Progress } from '../../../../../../shared/api/contract';
import type { GraphSource } from '../../../../../../shared/api/graph-contract';
import type { CellOutput } from '../../../../../../shared/notebook/model';

export const ExperimentSettingsSchema = z.object({
  kind: z.enum(['giant-component', 'robustness']).default('giant-component'),
  n: z.number().int().min(2).max(1_000_000).default(2000),
  /** Mean degrees, as typed: numbers separated by commas or spaces. */
  meanDegrees: z.string().max(10_000).default('0.5, 1, 1.5, 2, 3, 4'),
  repeats: z.number().int().min(1).max(1000).default(5),
  steps: z.number().int().min(1).max(10_000).default(20),
});
export type ExperimentSettings = z.output<typeof ExperimentSettingsSchema>;

export const parseMeanDegrees = (s: string): number[] =>
  s
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter((v) => Number.isFinite(v) && v >= 0);

/** True when a cell's table output is an experiment table (not the metrics summary). */
export const isExperimentTable = (columns: readonly string[]): boolean =>
  columns[0] === 'mean_degree' || columns[0] === 'fraction_removed';

const clampInt = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

export function ExperimentPanel(props: {
  api: Api;
  settings: ExperimentSettings;
  seed: number;
  /** The cell's current graph as a contract source (robustness); throws when it cannot be made. */
  graphSource(signal: AbortSignal): Promise<GraphSource>;
  onSettings(s: ExperimentSettings): void;
  onTable(outputs: CellOutput[]): void;
  table: { columns: string[]; rows: unknown[][] } | undefined;
}): ReactElement {
  const { settings: s } = props;
  const [job, setJob] = useState<AbortController | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const jobRef = useRef<AbortController | null>(null);
  const set = (patch: Partial<ExperimentSettings>) => props.onSettings({ ...s, ...patch });

  const run = async () => {
    const ac = new AbortController();
    jobRef.current = ac;
    setJob(ac);
    setError(null);
    setProgress(null);
    try {
      const onProgress = (p: Progress) => {
        if (jobRef.current === ac) setProgress(p);
      };
      const table =
        s.kind === 'giant-component'
          ? await props.api.call(
              'graph:experiment',
              {
                kind: 'giant-component',
                n: s.n,
                meanDegrees: parseMeanDegrees(s.meanDegrees),
                repeats: s.repeats,
                seed: props.seed,
              },
              { signal: ac.signal, onProgress },
            )
          : await props.api.call(
              'graph:experiment',
              {
                kind: 'robustness',
                graph: await props.graphSource(ac.signal),
                steps: s.steps,
                repeats: s.repeats,
                seed: props.seed,
              },
              { signal: ac.signal, onProgress },
            );
      props.onTable([{ kind: 'table', columns: table.columns, rows: table.rows }]);
    } catch (err) {
      setError(ac.signal.aborted ? 'Cancelled.' : (err as Error).message);
    } finally {
      if (jobRef.current === ac) {
        jobRef.current = null;
        setJob(null);
      }
    }
  };

  const fraction =
    progress && progress.total ? Math.min(1, progress.done / Math.max(1, progress.total)) : null;

  return (
    <div className="graph-experiment" data-testid="graph-experiment">
      <div className="graph-form">
        <label>
          <span>Sweep</span>
          <select
            className="select"
            data-testid="graph-experiment-kind"
            value={s.kind}
            onChange={(e) => set({ kind: e.target.value as ExperimentSettings['kind'] })}
          >
            <option value="giant-component">Giant component of G(n, p) vs mean degree</option>
            <option value="robustness">Robustness of this graph: random vs targeted removal</option>
          </select>
        </label>
        {s.kind === 'giant-component' && (
          <>
            <label>
              <span>n</span>
              <input
                type="number"
                className="graph-number"
                data-testid="graph-experiment-n"
                value={s.n}
                min={2}
                onChange={(e) => {
                  const v = e.target.valueAsNumber;
                  if (Number.isFinite(v)) set({ n: clampInt(v, 2, 1_000_000) });
                }}
              />
            </label>
            <label>
              <span>mean degrees</span>
              <input
                type="text"
                className="graph-text"
                data-testid="graph-experiment-degrees"
                value={s.meanDegrees}
                onChange={(e) => set({ meanDegrees: e.target.value })}
              />
            </label>
          </>
        )}
        {s.kind === 'robustness' && (
          <label>
            <span>steps</span>
            <input
              type="number"
              className="graph-number"
              data-testid="graph-experiment-steps"
              value={s.steps}
              min={1}
              onChange={(e) => {
                const v = e.target.valueAsNumber;
                if (Number.isFinite(v)) set({ steps: clampInt(v, 1, 10_000) });
              }}
            />
          </label>
        )}
        <label>
          <span>repeats</span>
          <input
            type="number"
            className="graph-number"
            data-testid="graph-experiment-repeats"
            value={s.repeats}
            min={1}
            onChange={(e) => {
              const v = e.target.valueAsNumber;
              if (Number.isFinite(v)) set({ repeats: clampInt(v, 1, 1000) });
            }}
          />
        </label>
        <button
          type="button"
          className="button primary"
          data-testid="graph-experiment-run"
          disabled={
            job !== null ||
            (s.kind === 'giant-component' && parseMeanDegrees(s.meanDegrees).length === 0)
          }
          onClick={() => void run()}
        >
          {job ? 'Running…' : 'Run sweep'}
        </button>
        {job && (
          <button
            type="button"
            className="button"
            data-testid="graph-experiment-cancel"
            onClick={() => job.abort()}
          >
            Cancel
          </button>
        )}
      </div>
      {job && (
        <div className="progress-block" data-testid="graph-experiment-progress">
          <div className="progress-label">
            <span>{progress?.phase ?? 'starting'}</span>
            <span>
              {progress ? `${progress.done}${progress.total ? ` / ${progress.total}` : ''}` : ''}
            </span>
          </div>
          <div
            className={`progress${fraction === null ? ' indeterminate' : ''}`}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
          >
            <div className="progress-fill" style={{ width: `${(fraction ?? 0.3) * 100}%` }} />
          </div>
        </div>
      )}
      {error && (
        <p className="graph-error" role="alert" data-testid="graph-experiment-error">
          {error}
        </p>
      )}
      {props.table && (
        <table className="graph-metrics" data-testid="graph-experiment-table">
          <thead>
            <tr>
              {props.table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (
                  <td key={j}>
                    {typeof v === 'number' && !Number.isInteger(v)
                      ? String(Number(v.toPrecision(4)))
                      : String(v ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
