// The one progress bar: determinate when the fraction is known, an indeterminate sweep when not.
import type { ReactElement } from 'react';

export function ProgressBar(props: {
  /** 0..1, or null while the total is unknown. */
  fraction: number | null;
  label?: string;
  testId?: string;
}): ReactElement {
  const f = props.fraction === null ? null : Math.min(1, Math.max(0, props.fraction));
  return (
    <div
      className={`progress${f === null ? ' indeterminate' : ''}`}
      role="progressbar"
      aria-label={props.label}
      data-testid={props.testId}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={f === null ? undefined : Math.round(f * 100)}
    >
      <div className="progress-fill" style={{ width: `${(f ?? 0.3) * 100}%` }} />
    </div>
  );
}
