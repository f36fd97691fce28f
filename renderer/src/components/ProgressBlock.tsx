// A labelled progress bar for a job's Progress events: phase and message on the left, the count
// ("1,200 / 5,000") on the right, the bar below (indeterminate while the total is unknown).
import type { ReactElement } from 'react';
import type { Progress } from '@shared/api/contract';
import { ProgressBar } from './ProgressBar';

export function ProgressBlock(props: {
  progress: Progress | null;
  /** The phase shown before the first event arrives. */
  idle: string;
  testId: string;
  label?: string;
}): ReactElement {
  const p = props.progress;
  return (
    <div className="progress-block" data-testid={props.testId}>
      <div className="progress-label">
        <span>
          {p?.phase ?? props.idle}
          {p?.message ? ` — ${p.message}` : ''}
        </span>
        <span>
          {p
            ? p.total
              ? `${p.done.toLocaleString()} / ${p.total.toLocaleString()}`
              : p.done.toLocaleString()
            : ''}
        </span>
      </div>
      <ProgressBar fraction={p && p.total ? p.done / p.total : null} label={props.label} />
    </div>
  );
}
