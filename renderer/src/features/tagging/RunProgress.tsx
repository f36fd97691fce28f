// The progress of a suggestion run.
import type { Progress } from '@shared/api/contract';
import { ProgressBlock } from '../../components/ProgressBlock';

export function RunProgress({ progress }: { progress: Progress | null }) {
  return (
    <ProgressBlock
      progress={progress}
      idle="Starting"
      testId="run-progress"
      label="Suggestion progress"
    />
  );
}
