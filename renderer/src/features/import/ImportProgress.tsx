// The progress of a running preview or import.
import type { Progress } from '@shared/api/contract';
import { ProgressBlock } from '../../components/ProgressBlock';
import type { Stage } from './useImport';

export function ImportProgress({ progress, stage }: { progress: Progress | null; stage: Stage }) {
  return (
    <ProgressBlock
      progress={progress}
      idle={stage === 'previewing' ? 'Reading' : 'Importing'}
      testId="import-progress"
    />
  );
}
