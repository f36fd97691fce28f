// The Map view's state: the persisted map (map:get), the "Compute map" job with progress and cancel,
// the legend's edits (rename, merge) and the "Name with LLM" job.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from '@shared/api/contract';
import { QuireError, errorMessage } from '@shared/api/errors';
import type { MapMethod, MapStatus } from '@shared/api/map-contract';
import { useApi } from '../../apiContext';

export type ComputeOptions = { method: MapMethod; k?: number };

export function useTopicMap(version: number) {
  const api = useApi();
  const [status, setStatus] = useState<MapStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    try {
      setStatus(await api.call('map:get', {}));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [api]);

  useEffect(() => {
    let live = true;
    api.call('map:get', {}).then(
      (s) => live && setStatus(s),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  /** Runs a map job (compute or name) with progress and cancel; its result becomes the status. */
  const job = useCallback(
    async (first: Progress, call: (ctx: { signal: AbortSignal }) => Promise<MapStatus>) => {
      const ctrl = new AbortController();
      abort.current = ctrl;
      setRunning(true);
      setProgress(first);
      setError(null);
      try {
        setStatus(await call({ signal: ctrl.signal }));
      } catch (err) {
        // A cancel is the user's choice, not an error; the saved map is untouched.
        if (!(err instanceof QuireError && err.code === 'cancelled')) setError(errorMessage(err));
      } finally {
        setRunning(false);
        setProgress(null);
        abort.current = null;
      }
    },
    [],
  );

  const compute = useCallback(
    (opts: ComputeOptions) =>
      job({ phase: 'vectors', done: 0, total: null }, ({ signal }) =>
        api.call('map:compute', opts, { signal, onProgress: setProgress }),
      ),
    [api, job],
  );

  /** Asks the configured LLM for a name per cluster (the user's names are kept). */
  const nameClusters = useCallback(
    () =>
      job({ phase: 'name', done: 0, total: null }, ({ signal }) =>
        api.call('map:nameClusters', {}, { signal, onProgress: setProgress }),
      ),
    [api, job],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);

  const rename = useCallback(
    async (clusterId: string, label: string) => {
      try {
        setStatus(await api.call('map:renameCluster', { clusterId, label }));
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [api],
  );

  const merge = useCallback(
    async (into: string, from: string) => {
      try {
        setStatus(await api.call('map:mergeClusters', { into, from: [from] }));
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [api],
  );

  return {
    status,
    error,
    progress,
    running,
    compute,
    nameClusters,
    cancel,
    rename,
    merge,
    reload,
  };
}
