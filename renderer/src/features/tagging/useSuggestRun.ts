// The state of one tagging:suggest job: start, progress, result or error, cancel; safe after unmount.
import { useEffect, useRef, useState } from 'react';
import type { Progress } from '@shared/api/contract';
import { QuireError, errorMessage } from '@shared/api/errors';
import type { SuggestRunResult, TaggerName } from '@shared/api/tagging-contract';
import { useApi } from '../../apiContext';

export type Choice = 'auto' | TaggerName;

export function useSuggestRun(onDone: (result: SuggestRunResult | null) => void) {
  const api = useApi();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<SuggestRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Counts finished runs, so a test (or a screen reader) can tell a new result from the last one.
  const [runs, setRuns] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = async (tagger: Choice) => {
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setProgress(null);
    setResult(null);
    setError(null);
    let res: SuggestRunResult | null = null;
    try {
      res = await api.call(
        'tagging:suggest',
        { tagger },
        { signal: controller.signal, onProgress: (p) => live.current && setProgress(p) },
      );
      if (live.current) setResult(res);
    } catch (err) {
      if (!live.current) return;
      if (err instanceof QuireError && err.code === 'cancelled') setError('Cancelled.');
      else setError(errorMessage(err));
    } finally {
      abort.current = null;
      if (live.current) {
        setRunning(false);
        setRuns((n) => n + 1);
        onDone(res);
      }
    }
  };

  const cancel = () => abort.current?.abort();
  return { running, progress, result, error, runs, run, cancel };
}
