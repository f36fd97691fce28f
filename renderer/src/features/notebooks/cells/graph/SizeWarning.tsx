// The warning a library graph shows before it starts when the library's size makes it slow: how
// long the cost model expects (graph:libraryPlan) and a cheaper setting, or run it anyway.
import type { ReactElement } from 'react';
import type { LibraryGraphPlan } from '@shared/api/graph-contract';
import { formatSeconds } from '../../../../components/JobProgress';

export function SizeWarning(props: {
  plan: LibraryGraphPlan;
  k: number;
  onRunAnyway(): void;
  onCheaper(setting: { k: number; sample: number | null }): void;
  onDismiss(): void;
}): ReactElement {
  const { plan } = props;
  const cheaper = plan.cheaper;
  return (
    <div className="graph-size-warning" role="alert" data-testid="graph-size-warning">
      <p>
        A graph of {plan.nodes.toLocaleString('en')} papers with {props.k} neighbours each is
        expected to take about <strong>{formatSeconds(plan.seconds)}</strong>.
      </p>
      <div className="graph-size-actions">
        {cheaper && (
          <button
            type="button"
            className="button primary"
            data-testid="graph-run-cheaper"
            onClick={() => props.onCheaper({ k: cheaper.k, sample: cheaper.sample })}
          >
            {cheaper.sample === null
              ? `Use ${cheaper.k} neighbours`
              : `Use a sample of ${cheaper.sample.toLocaleString('en')} papers, ${cheaper.k} neighbours`}{' '}
            (about {formatSeconds(cheaper.seconds)})
          </button>
        )}
        <button
          type="button"
          className="button"
          data-testid="graph-run-anyway"
          onClick={props.onRunAnyway}
        >
          Run anyway
        </button>
        <button type="button" className="button" onClick={props.onDismiss}>
          Not now
        </button>
      </div>
    </div>
  );
}
