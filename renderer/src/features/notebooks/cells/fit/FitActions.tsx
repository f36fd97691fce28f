// The fit cell's action bar: the Fit button, the stored status (the typed summary's status and
// reason; older notebooks show their stored status line as it is), staleness and the run's error.
import type { ReactElement } from 'react';
import type { StoredFit } from './fitMath';

function statusOf(stored: StoredFit | null, running: boolean): { text: string; status: string } {
  const s = stored?.summary;
  const shown = s
    ? { text: `${s.status}${s.reason ? ` (${s.reason})` : ''}`, status: s.status }
    : stored?.error
      ? { text: `failed: ${stored.error}`, status: 'failed' }
      : { text: stored?.statusLine ?? 'not fitted yet', status: 'none' };
  return running ? { ...shown, text: 'fitting…' } : shown;
}

export function FitActions(props: {
  stored: StoredFit | null;
  running: boolean;
  canFit: boolean;
  stale: boolean;
  runError: string | null;
  onFit(): void;
}): ReactElement {
  const { stored, running } = props;
  const { text, status } = statusOf(stored, running);
  const statusClass = status === 'converged' ? 'is-ok' : status !== 'none' ? 'is-warn' : '';
  return (
    <div className="fit-actions">
      <button
        type="button"
        className="button primary"
        data-testid="fit-run"
        disabled={!props.canFit}
        onClick={props.onFit}
      >
        {running ? 'Fitting…' : 'Fit'}
      </button>
      <span className={`fit-status ${statusClass}`} data-testid="fit-status" data-status={status}>
        {text}
      </span>
      {props.stale && stored && !running && (
        <span className="fit-stale">The data or the model changed since this fit.</span>
      )}
      {props.runError && <span className="fit-error">{props.runError}</span>}
    </div>
  );
}
