// The progress block of a suggestion run: phase, message, counts and the shared progress bar.
import type { Progress } from '@shared/api/contract';
import { ProgressBar } from '../../components/ProgressBar';

export function RunProgress({ progress }: { progress: Progress | null }) {
  const fraction = progress && progress.total ? progress.done / progress.total : null;
  return (
    <div className="progress-block" data-testid="run-progress">
      <div className="progress-label">
        <span>
          {progress?.phase ?? 'Starting'}
          {progress?.message ? ` — ${progress.message}` : ''}
        </span>
        <span>
          {progress
            ? progress.total
              ? `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`
              : progress.done.toLocaleString()
            : ''}
        </span>
      </div>
      <ProgressBar fraction={fraction} label="Suggestion progress" />
    </div>
  );
}
