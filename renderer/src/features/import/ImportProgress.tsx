// The progress of a running preview or import: phase, message, count and bar.
import type { Progress } from '@shared/api/contract';
import { ProgressBar } from '../../components/ProgressBar';
import type { Stage } from './useImport';

export function ImportProgress({ progress, stage }: { progress: Progress | null; stage: Stage }) {
  return (
    <div className="progress-block" data-testid="import-progress">
      <div className="progress-label">
        <span>
          {progress?.phase ?? (stage === 'previewing' ? 'Reading' : 'Importing')}
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
      <ProgressBar fraction={progress && progress.total ? progress.done / progress.total : null} />
    </div>
  );
}
