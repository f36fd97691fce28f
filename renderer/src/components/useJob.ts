// A view's long call as a job: its AbortController, its latest progress and whether it runs, so
// every long computation (cells, exports) shows a progress bar with Cancel (JobProgress.tsx).
import { useCallback, useRef, useState } from 'react';
import type { Progress } from '@shared/api/contract';

export type Job = {
  running: boolean;
  progress: Progress | null;
  /**
   * Runs `work` with a fresh signal; resolves with its value, or with `cancelled: true` when Cancel
   * stopped it (the error a cancelled call throws is not an error to the user). Other errors throw.
   */
  run<T>(
    work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<T>,
  ): Promise<{ cancelled: false; value: T } | { cancelled: true }>;
  cancel(): void;
};

export function useJob(): Job {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const current = useRef<AbortController | null>(null);

  const run = useCallback(
    async <T>(work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<T>) => {
      const ac = new AbortController();
      current.current = ac;
      setRunning(true);
      setProgress(null);
      try {
        const value = await work(ac.signal, (p) => {
          if (current.current === ac) setProgress(p);
        });
        if (ac.signal.aborted) return { cancelled: true as const };
        return { cancelled: false as const, value };
      } catch (err) {
        if (ac.signal.aborted) return { cancelled: true as const };
        throw err;
      } finally {
        if (current.current === ac) {
          current.current = null;
          setRunning(false);
          setProgress(null);
        }
      }
    },
    [],
  );
  const cancel = useCallback(() => current.current?.abort(), []);
  return { running, progress, run, cancel };
}
