// Running the open notebook: one cell or all, saved first, one run at a time, stoppable, with the
// cell being computed and its own progress (a bootstrap's refits) for the view to show.
import { useCallback, useRef, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { errorMessage, QuireError } from '@shared/api/errors';
import type { SaveControl } from './useNotebookSave';

/** The run under way: which cell it runs now and that cell's own progress (a bootstrap's refits). */
export type Running = { cellId: string | null; current: string | null; progress: Progress | null };

const RUN_PHASES = new Set(['running', 'done', 'stopped']);
const STOPPED = 'Run stopped. Cells that finished kept their outputs.';

export type NotebookRun = {
  running: Running | null;
  /** Runs one cell, or all of them with null; a second run while one is under way is ignored. */
  run(cellId: string | null): Promise<void>;
  stop(): void;
};

export function useNotebookRun(
  api: Api,
  id: string,
  saver: SaveControl,
  setNotice: (notice: string | null) => void,
): NotebookRun {
  const [running, setRunning] = useState<Running | null>(null);
  /** The run in progress (Stop aborts it). */
  const runCtl = useRef<AbortController | null>(null);

  const adoptLatest = useCallback(async () => {
    try {
      saver.adopt(await api.call('notebooks:get', { id }));
    } catch {
      // The next save reports any real problem.
    }
  }, [api, id, saver]);

  const run = useCallback(
    async (cellId: string | null) => {
      if (runCtl.current) return;
      const controller = new AbortController();
      runCtl.current = controller;
      setRunning({ cellId, current: cellId, progress: null });
      setNotice(null);
      try {
        // Save first: the run reads the file. Saves then wait until the run is over.
        await saver.saveNow();
        if (saver.inConflict()) return;
        if (controller.signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
        saver.hold(true);
        const opts = {
          signal: controller.signal,
          onProgress: (p: Progress) =>
            setRunning((r) => ({
              cellId,
              current: p.message ?? r?.current ?? cellId,
              // The run's own phases move between cells; any other phase is the cell's work.
              progress: RUN_PHASES.has(p.phase) ? null : p,
            })),
        };
        const res = cellId
          ? await api.call('notebooks:runCell', { id, cellId }, opts)
          : await api.call('notebooks:runAll', { id, onlyStale: false }, opts);
        saver.adopt(res);
        if (res.stopped) setNotice(STOPPED);
      } catch (err) {
        const cancelled = err instanceof QuireError && err.code === 'cancelled';
        setNotice(cancelled ? STOPPED : `Could not run: ${errorMessage(err)}`);
        // Cells that finished before the stop were stored (and the revision moved on).
        await adoptLatest();
      } finally {
        saver.hold(false);
        runCtl.current = null;
        setRunning(null);
        saver.saveIfDirty();
      }
    },
    [api, id, saver, setNotice, adoptLatest],
  );

  const stop = useCallback(() => runCtl.current?.abort(), []);

  return { running, run, stop };
}
