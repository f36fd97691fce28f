// "Experiment" mode of the graph cell: a parameter sweep run as a `graph:experiment` job — the giant
// component of G(n, p) against the mean degree, or robustness (random vs targeted node removal) of
// the cell's current graph source. Run shows a progress bar and Cancel (useJob's AbortController);
// the result table is stored as the cell's table output, which a plot cell can pick as its source
// (plot cells read any cell's first table output: shared/notebook/tables.ts `tableOfCell`). The
// settings live in the cell's data under `experiment` (./experimentSettings.ts).
import { useState, type ReactElement } from 'react';
import { useApi } from '../../../../apiContext';
import { ProgressBar } from '../../../../components/ProgressBar';
import { useJob } from '../../../../components/useJob';
import { errorMessage } from '@shared/api/errors';
import type { Progress } from '@shared/api/contract';
import type { GraphSource } from '@shared/api/graph-contract';
import type { CellOutput } from '@shared/notebook/model';
import { ExperimentForm } from './ExperimentForm';
import { parseMeanDegrees, type ExperimentSettings } from './experimentSettings';
import { ExperimentTable } from './ExperimentTable';

export function ExperimentPanel(props: {
  settings: ExperimentSettings;
  seed: number;
  /** The cell's current graph as a contract source (robustness); throws when it cannot be made. */
  graphSource(signal: AbortSignal): Promise<GraphSource>;
  onSettings(s: ExperimentSettings): void;
  onTable(outputs: CellOutput[]): void;
  table: { columns: string[]; rows: unknown[][] } | undefined;
}): ReactElement {
  const api = useApi();
  const { settings: s } = props;
  const job = useJob();
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    const outcome = await job
      .run(async (signal, onProgress) => {
        const opts = { signal, onProgress };
        const table =
          s.kind === 'giant-component'
            ? await api.call(
                'graph:experiment',
                {
                  kind: 'giant-component',
                  n: s.n,
                  meanDegrees: parseMeanDegrees(s.meanDegrees),
                  repeats: s.repeats,
                  seed: props.seed,
                },
                opts,
              )
            : await api.call(
                'graph:experiment',
                {
                  kind: 'robustness',
                  graph: await props.graphSource(signal),
                  steps: s.steps,
                  repeats: s.repeats,
                  seed: props.seed,
                },
                opts,
              );
        props.onTable([{ kind: 'table', columns: table.columns, rows: table.rows }]);
      })
      .catch((err: unknown) => {
        setError(errorMessage(err));
        return null;
      });
    if (outcome?.cancelled) setError('Cancelled.');
  };

  return (
    <div className="graph-experiment" data-testid="graph-experiment">
      <ExperimentForm
        settings={s}
        running={job.running}
        onSettings={props.onSettings}
        onRun={() => void run()}
        onCancel={job.cancel}
      />
      {job.running && <ExperimentProgress progress={job.progress} />}
      {error && (
        <p className="graph-error" role="alert" data-testid="graph-experiment-error">
          {error}
        </p>
      )}
      {props.table && <ExperimentTable table={props.table} />}
    </div>
  );
}

/** The sweep's phase, its steps done (of how many) and the bar. */
function ExperimentProgress({ progress }: { progress: Progress | null }): ReactElement {
  const fraction =
    progress && progress.total ? Math.min(1, progress.done / Math.max(1, progress.total)) : null;
  return (
    <div className="progress-block" data-testid="graph-experiment-progress">
      <div className="progress-label">
        <span>{progress?.phase ?? 'starting'}</span>
        <span>
          {progress ? `${progress.done}${progress.total ? ` / ${progress.total}` : ''}` : ''}
        </span>
      </div>
      <ProgressBar fraction={fraction} />
    </div>
  );
}
