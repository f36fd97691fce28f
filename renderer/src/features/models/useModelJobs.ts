// The installed models and the one long job on them at a time (switch the active model, or download
// one from the hub), with progress, cancel, and an error or notice line for the panel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from '@shared/api/contract';
import { QuireError, errorMessage } from '@shared/api/errors';
import { ModelIdSchema, type ModelInfo } from '@shared/api/schemas';
import { useApi } from '../../apiContext';
import { formatSize } from './formatSize';

export type ModelJob = { kind: 'use' | 'download'; id: string; progress: Progress | null };

type CallOpts = { signal: AbortSignal; onProgress: (p: Progress) => void };

export function useModelJobs() {
  const api = useApi();
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [job, setJob] = useState<ModelJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  // Results that arrive after the panel closed are dropped; the job itself keeps running.
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // Bumped after a job so the list (sizes, Active badge) is read again.
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    api.call('models:list', {}).then(
      (list) => live.current && setModels(list),
      (err: unknown) => live.current && setError(errorMessage(err)),
    );
  }, [api, version]);

  /** Runs one long call with progress and cancel; only one at a time. */
  async function runJob<T>(
    kind: ModelJob['kind'],
    id: string,
    call: (opts: CallOpts) => Promise<T>,
  ): Promise<T | null> {
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    setNotice(null);
    setJob({ kind, id, progress: null });
    try {
      return await call({
        signal: controller.signal,
        onProgress: (p) => live.current && setJob((j) => (j ? { ...j, progress: p } : j)),
      });
    } catch (err) {
      if (!live.current) return null;
      if (err instanceof QuireError && err.code === 'cancelled')
        setNotice(
          kind === 'download'
            ? `Download of ${id} cancelled. Starting it again resumes where it stopped.`
            : `Switching to ${id} was cancelled.`,
        );
      else setError(errorMessage(err));
      return null;
    } finally {
      abortRef.current = null;
      if (live.current) setJob(null);
    }
  }

  async function use(id: string) {
    const status = await runJob('use', id, (opts) => api.call('models:use', { id }, opts));
    if (!status || !live.current) return;
    setNotice(
      `Now using ${status.model}: ${status.embedded.toLocaleString()} of ${status.total.toLocaleString()} papers embedded.`,
    );
    reload();
  }

  /** Downloads a hub model by id; true when it arrived (the form then clears its box). */
  async function download(hubId: string): Promise<boolean> {
    const parsed = ModelIdSchema.safeParse(hubId);
    if (!parsed.success) {
      setNotice(null);
      setError(parsed.error.issues[0]?.message ?? 'Not a model id.');
      return false;
    }
    const id = parsed.data;
    const info = await runJob('download', id, (opts) =>
      api.call('models:download', { id, revision: 'main' }, opts),
    );
    if (!info || !live.current) return false;
    setNotice(`Downloaded ${info.id} (${formatSize(info.sizeBytes)}). Press Use to switch to it.`);
    reload();
    return true;
  }

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  return { models, job, error, notice, use, download, cancel };
}
