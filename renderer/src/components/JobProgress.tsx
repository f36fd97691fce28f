// The progress bar with Cancel that every long computation shows (graph, fit with bootstrap,
// exports): the job's phase, how far it is, and the estimate it started with. Runs come from useJob.
import type { ReactElement } from 'react';
import type { Progress } from '@shared/api/contract';
import { ProgressBar } from './ProgressBar';
import './job-progress.css';

/** Words for the phases the services report (others are shown as they come). */
const PHASES: Record<string, string> = {
  neighbours: 'finding each paper’s neighbours',
  metrics: 'computing metrics',
  fit: 'fitting',
  bootstrap: 'bootstrap resamples',
  papers: 'papers written',
  cells: 'cells exported',
};

export function formatSeconds(s: number): string {
  if (s < 1) return 'under a second';
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function JobProgress(props: {
  progress: Progress | null;
  onCancel(): void;
  testId: string;
  /** Expected seconds, when the view had an estimate before it started. */
  estimateSeconds?: number;
}): ReactElement {
  const p = props.progress;
  const fraction = p && p.total ? Math.min(1, p.done / Math.max(1, p.total)) : null;
  const phase = p ? (PHASES[p.phase] ?? p.phase) : 'starting';
  const detail = p?.message ? ` · ${p.message}` : '';
  return (
    <div className="job-progress" data-testid={props.testId} data-phase={p?.phase ?? 'starting'}>
      <div className="progress-block">
        <div className="progress-label">
          <span>
            {phase}
            {detail}
          </span>
          <span>
            {fraction !== null ? `${Math.round(fraction * 100)} %` : ''}
            {props.estimateSeconds !== undefined
              ? ` · about ${formatSeconds(props.estimateSeconds)} in all`
              : ''}
          </span>
        </div>
        <ProgressBar fraction={fraction} />
      </div>
      <button
        type="button"
        className="button"
        data-testid={`${props.testId}-cancel`}
        onClick={props.onCancel}
      >
        Cancel
      </button>
    </div>
  );
}
