// How much of the library the search model covers, and a job to embed the rest (progress, cancel).
// While papers are missing it polls, so an embedding run by an import shows up as it advances; with
// `autoResume` it starts the job itself (once per library version), so vectors left missing by an
// import that was killed or cancelled — here or in another process — are made on open, and an index
// trained by an earlier version is re-trained.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { QuireError, errorMessage } from '@shared/api/errors';
import type { EmbeddingStatus } from '@shared/api/schemas';
import { useLatest } from '../../lib/useLatest';

export const EMBEDDINGS_POLL_MS = 3000;

/**
 * Whether the embedding job would only re-train the index: every paper has its vector, but the index
 * was trained by an earlier version (for another distance).
 */
export function onlyReindexes(status: EmbeddingStatus | null): boolean {
  return status?.missing === 0 && status.indexOutdated === true;
}

export type Embeddings = {
  status: EmbeddingStatus | null;
  error: string | null;
  /**
   * True while our own `embeddings:update` runs, the count grew since the last look, or the library
   * says an import or an embedding job elsewhere will fill the gap (`status.busy`).
   */
  embedding: boolean;
  job: { progress: Progress | null } | null;
  run(): void;
  cancel(): void;
  /** A message after the job ended (cancelled, failed). */
  note: string | null;
};

/**
 * `active`: fetch and poll only while the view showing it is visible. `version` refetches after
 * imports and deletes. `onUpdated` runs when our job added vectors (to re-run a search).
 */
export function useEmbeddings(
  api: Api,
  active: boolean,
  version: number,
  onUpdated?: () => void,
  opts: { autoResume?: boolean } = {},
): Embeddings {
  const [status, setStatus] = useState<EmbeddingStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [growing, setGrowing] = useState(false);
  const [job, setJob] = useState<{ progress: Progress | null } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const last = useRef<number | null>(null);
  const live = useRef(true);
  const onUpdatedRef = useLatest(onUpdated);
  const statusRef = useLatest(status);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      abort.current?.abort();
    };
  }, []);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    api.call('embeddings:status', {}).then(
      (s) => {
        if (cancelled) return;
        setGrowing(last.current !== null && s.embedded > last.current && s.embedded < s.total);
        last.current = s.embedded;
        setStatus(s);
        setError(null);
      },
      (err: unknown) => !cancelled && setError(errorMessage(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [api, active, version, tick]);

  // Poll while papers are missing vectors and nobody here is embedding them.
  const incomplete = status !== null && status.missing > 0;
  // An index trained for an earlier version's distance is re-trained on open too, by the same job.
  const outdated = status?.indexOutdated === true;
  useEffect(() => {
    if (!active || !incomplete || job) return;
    const t = setInterval(() => setTick((n) => n + 1), EMBEDDINGS_POLL_MS);
    return () => clearInterval(t);
  }, [active, incomplete, job]);

  const run = useCallback(() => {
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setJob({ progress: null });
    setNote(null);
    api
      .call(
        'embeddings:update',
        {},
        {
          signal: controller.signal,
          onProgress: (p) => live.current && setJob({ progress: p }),
        },
      )
      .then(
        (s) => {
          if (!live.current) return;
          last.current = s.embedded;
          setStatus(s);
          setError(null);
          onUpdatedRef.current?.();
        },
        (err: unknown) => {
          if (!live.current) return;
          const rebuild = onlyReindexes(statusRef.current);
          setNote(
            err instanceof QuireError && err.code === 'cancelled'
              ? rebuild
                ? 'Rebuilding the index cancelled; the earlier index still serves.'
                : 'Embedding cancelled; the papers embedded so far are kept.'
              : `${rebuild ? 'Rebuilding the index' : 'Embedding'} failed: ${errorMessage(err)}`,
          );
          setTick((n) => n + 1);
          onUpdatedRef.current?.();
        },
      )
      .finally(() => {
        abort.current = null;
        if (live.current) setJob(null);
      });
  }, [onUpdatedRef, statusRef, api]);

  const cancel = useCallback(() => abort.current?.abort(), []);

  // Resume once per library version: not again after a cancel or a failure until something changes.
  // Not while someone else is at it (an import embeds what it wrote): a second job would only queue
  // behind theirs. The poll looks again, and resumes if they stop short (killed, cancelled).
  const resumedFor = useRef<number | null>(null);
  const autoResume = opts.autoResume === true;
  const othersAtWork = growing || (status?.busy ?? null) !== null;
  useEffect(() => {
    if (!autoResume || !active || !(incomplete || outdated) || job || othersAtWork) return;
    if (resumedFor.current === version) return;
    resumedFor.current = version;
    run();
  }, [autoResume, active, incomplete, outdated, job, othersAtWork, version, run]);

  return { status, error, embedding: job !== null || othersAtWork, job, run, cancel, note };
}

export function progressPercent(p: Progress | null): number | null {
  return p && p.total ? Math.min(100, Math.round((100 * p.done) / p.total)) : null;
}
