// Fit cell view: picks the table (a table cell, or any cell with a table output), the x column(s),
// y and optional σ columns, and the model — a preset of shared/fit or a typed formula whose
// parameters are detected as you type — with optional start values and bounds. "Fit" saves the
// spec (props.onChange) and runs the cell (props.onRun): the host runs shared/fit and stores the
// parameters, a status line and the statistics as typed data (shared/notebook/cells/fit.ts), so
// results persist with the notebook and show after a reload without refitting. What the outputs
// do not hold (curve, residuals, the extrapolation band) is derived here from the stored
// parameters and the same model (./fitMath.ts) — deterministic, no refit. Optional residual
// bootstrap intervals (stored by the run), a comparison of the fit cells on the same table and y,
// and a link to the source paper of the table.
import { useState, type ReactElement } from 'react';
import { fitSourcePaperId } from '@shared/notebook/cells/fit';
import { LOG_LOG_MODELS } from '@shared/notebook/cells/fit-chart';
import { JobProgress } from '../../../../components/JobProgress';
import type { CellViewProps } from '../types';
import { BootstrapOptions } from './BootstrapOptions';
import { compareRows } from './compare';
import { FitActions } from './FitActions';
import { FitForm } from './FitForm';
import { fitPoints, fitStats, paramVector, readFitOutputs } from './fitMath';
import { FitPlots } from './FitPlots';
import { FitResults } from './FitResults';
import { cachedModel } from './spec';
import { StartBoundsEditor } from './StartBoundsEditor';
import { useFitRun } from './useFitRun';
import { useFitSpec } from './useFitSpec';
import { useFormula } from './useFormula';
import { useSourcePaper } from './useSourcePaper';
import './fit.css';

export function FitCellView(props: CellViewProps): ReactElement {
  const { cell, notebook } = props;
  const spec = useFitSpec(cell, notebook, props.onChange);
  const { data } = spec;
  const [logLog, setLogLog] = useState<boolean>(LOG_LOG_MODELS.has(data.model.trim()));
  const f = useFormula(spec, setLogLog);
  const { running, runError, runFit } = useFitRun(cell, data, props.onChange, props.onRun);
  const paperId = fitSourcePaperId(notebook, data);
  const paperTitle = useSourcePaper(paperId);
  const canFit =
    !running && spec.sourceCell !== undefined && 'params' in f.detected && f.paramNames.length > 0;

  // Results: the stored outputs plus what the view derives from them.
  const stored = readFitOutputs(cell.outputs);
  const model = cachedModel(data);
  const points = fitPoints(notebook, data);
  const b = model && stored ? paramVector(model, stored.params) : null;
  const stats = model && b && points && points.y.length > 0 ? fitStats(model, b, points) : null;

  return (
    <div className="fit-cell" data-testid="fit-cell" data-cell-id={cell.id}>
      <FitForm spec={spec} f={f} />
      {f.paramNames.length > 0 && (
        <StartBoundsEditor paramNames={f.paramNames} data={data} update={spec.update} />
      )}
      <BootstrapOptions data={data} update={spec.update} />
      <FitActions
        stored={stored}
        running={running}
        canFit={canFit}
        stale={props.status === 'stale'}
        runError={runError}
        onFit={() => void runFit()}
      />
      {running && props.job && (
        <JobProgress
          progress={props.job.progress}
          onCancel={props.job.cancel}
          testId="fit-progress"
        />
      )}
      {stored && stored.params.length > 0 && (
        <FitResults
          stored={stored}
          comparison={compareRows(notebook, data)}
          cellId={cell.id}
          paperId={paperId}
          paperTitle={paperTitle}
          openPaper={props.openPaper}
        />
      )}
      {model && points && points.y.length > 0 && (
        <FitPlots
          model={model}
          points={points}
          b={b}
          stats={stats}
          logLog={logLog}
          setLogLog={setLogLog}
          xLabel={spec.xCols[0] ?? 'x'}
          yLabel={data.y}
        />
      )}
    </div>
  );
}
