// Graph cell view. Sources: the library's similarity graph (kNN of paper embeddings, k and a
// cosine threshold), a seeded generator (G(n,p), Barabási–Albert, Watts–Strogatz, SBM, karate
// club), or an edge list in a table cell. How it runs (see shared/notebook/cells/graph.ts): the
// graph cell type has no host `run` — "Run" here calls the API itself (./useGraphRun.ts,
// ./graphRun.ts) and stores the metrics summary and the drawing as the cell's outputs through
// props.onChange, so they are saved with the notebook and drawn again after a reload without
// recomputing. The drawing is sigma.js (./SigmaGraph.tsx): colour = Louvain community (or, for the
// library graph, the topic map's cluster: graph-map-clusters.ts), size = degree or PageRank, labels
// on hover, a click on a paper node opens the paper. "Experiment" mode (./ExperimentPanel.tsx) runs
// a `graph:experiment` sweep instead and stores its table as the cell's table output (for a plot
// cell to plot). Long work is a job: the library graph asks `graph:libraryPlan` first and, when the
// library's size makes it slow, warns with the expected time and a cheaper setting
// (./SizeWarning.tsx); every run shows its progress with Cancel (components/JobProgress.tsx), which
// stops the compute worker.
import { useMemo, type ReactElement } from 'react';
import { drawingOf } from '@shared/notebook/cells/graph';
import { useApi } from '../../../../apiContext';
import { JobProgress } from '../../../../components/JobProgress';
import type { CellViewProps } from '../types';
import { graphCellModel, graphCellOutputs } from './cellModel';
import { ExperimentPanel } from './ExperimentPanel';
import { GraphForm } from './GraphForm';
import { graphSourceOf } from './graphRun';
import { GraphResults } from './GraphResults';
import { SigmaGraph } from './SigmaGraph';
import { SizeWarning } from './SizeWarning';
import { useGraphRun, withoutSample } from './useGraphRun';
import './graph.css';

export function GraphCellView(props: CellViewProps): ReactElement {
  const { cell, notebook, onChange } = props;
  const api = useApi();
  const model = graphCellModel(cell, onChange);
  const { data, src } = model;
  const run = useGraphRun({ api, cell, notebook, model, onChange });
  const { job, plan } = run;
  const drawing = useMemo(() => drawingOf(cell), [cell]);
  const { summary, experimentTable, warnings } = graphCellOutputs(cell);
  const ranAt = () => new Date().toISOString();

  return (
    <div className="graph-cell" data-testid="graph-cell" data-cell-id={cell.id}>
      <GraphForm
        model={model}
        notebook={notebook}
        cellId={cell.id}
        running={job.running}
        onRun={() => void run.start()}
      />
      {src.kind === 'library-knn' && src.sample !== undefined && (
        <p className="graph-sample" data-testid="graph-sample">
          A seeded sample of {src.sample.toLocaleString('en')} papers.{' '}
          <button
            type="button"
            className="button"
            onClick={() => model.update({ source: withoutSample(src) })}
          >
            Use all papers
          </button>
        </p>
      )}
      {plan && src.kind === 'library-knn' && (
        <SizeWarning
          plan={plan}
          k={src.k}
          onRunAnyway={() => void run.compute(undefined, plan.seconds)}
          onCheaper={(setting) => run.runCheaper(setting, plan.cheaper?.seconds ?? plan.seconds)}
          onDismiss={run.dismissPlan}
        />
      )}
      {job.running && (
        <JobProgress
          progress={job.progress}
          onCancel={job.cancel}
          testId="graph-progress"
          {...(run.estimate !== undefined ? { estimateSeconds: run.estimate } : {})}
        />
      )}
      {model.mode === 'experiment' && (
        <ExperimentPanel
          settings={model.experiment}
          seed={data.seed}
          graphSource={(signal) => graphSourceOf(src, { api, notebook, data, signal })}
          onSettings={(experiment) => model.update({ experiment })}
          onTable={(outputs) => onChange({ ...cell, outputs, ranAt: ranAt() })}
          table={experimentTable}
        />
      )}
      {run.error && (
        <p className="graph-error" role="alert" data-testid="graph-error">
          {run.error}
        </p>
      )}
      {summary && <GraphResults summary={summary} drawing={drawing} />}
      {warnings && <p className="graph-note">{warnings.text}</p>}
      {drawing && (
        <SigmaGraph
          cellId={cell.id}
          drawing={drawing}
          sizeBy={data.sizeBy}
          onOpenPaper={props.openPaper}
        />
      )}
    </div>
  );
}
