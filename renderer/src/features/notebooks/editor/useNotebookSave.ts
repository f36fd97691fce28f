// Autosave of the open notebook: debounced notebooks:save with the revision it started from, saves
// one at a time, a conflict held until the user picks a side, and the last edits sent on leaving.
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import type { Api } from '@shared/api/client';
import { errorMessage, QuireError } from '@shared/api/errors';
import type { NotebookWithStatus } from '@shared/api/notebook-contract';
import type { Notebook } from '@shared/notebook/model';
import { usePageHide } from '../../../lib/usePageHide';
import type { DocAction, DocState } from '../docState';

export const AUTOSAVE_MS = 800;

/** What a run needs from the saver: it saves first and holds saves while the runner owns the file. */
export type SaveControl = {
  /** Saves now (after any save in flight); `unloading` starts the request at once, keepalive. */
  saveNow(unloading?: boolean): Promise<void>;
  /** Saves when there are edits the last save did not carry. */
  saveIfDirty(): void;
  /** While a run is in flight the file is the runner's: saves wait (its revision moves on). */
  hold(on: boolean): void;
  inConflict(): boolean;
  /** A server answer for this notebook: its revision is the base of the next save. */
  adopt(res: NotebookWithStatus): void;
};

export type NotebookSave = {
  control: SaveControl;
  /** The revision on disk when a save was refused as a conflict. */
  conflict: number | null;
  error: string | null;
  /** What the save status in the bar says. */
  label: string;
  /** Overwrite with mine: the next save goes over the revision the conflict reported. */
  keepMine(): void;
};

type SaveState = { saving: boolean; error: string | null };

export function useNotebookSave(
  api: Api,
  state: DocState,
  dispatch: Dispatch<DocAction>,
  loaded: NotebookWithStatus,
  onSaved: (nb: Notebook) => void,
): NotebookSave {
  const [savedVersion, setSavedVersion] = useState(0);
  const [save, setSave] = useState<SaveState>({ saving: false, error: null });
  const [conflict, setConflict] = useState<number | null>(null);
  const stateRef = useRef(state);
  const baseRev = useRef(loaded.notebook.revision);
  const savedVersionRef = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const blockSaves = useRef(false);
  const conflictRef = useRef(false);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    stateRef.current = state;
    onSavedRef.current = onSaved;
  });

  const doSave = useCallback(
    async (unloading: boolean) => {
      const s = stateRef.current;
      if (blockSaves.current || conflictRef.current || s.version === savedVersionRef.current)
        return;
      const version = s.version;
      setSave({ saving: true, error: null });
      try {
        const base = baseRev.current;
        const res = await api.call(
          'notebooks:save',
          { notebook: { ...s.nb, revision: base }, baseRevision: base },
          unloading ? { keepalive: true } : {},
        );
        baseRev.current = res.notebook.revision;
        savedVersionRef.current = version;
        setSavedVersion(version);
        dispatch({ type: 'adopt', server: res });
        onSavedRef.current(res.notebook);
        setSave({ saving: false, error: null });
      } catch (err) {
        const details =
          err instanceof QuireError
            ? (err.details as { reason?: string; revision?: number } | undefined)
            : undefined;
        if (details?.reason === 'conflict') {
          conflictRef.current = true;
          setConflict(details.revision ?? baseRev.current);
          setSave({ saving: false, error: null });
        } else setSave({ saving: false, error: errorMessage(err) });
      }
    },
    [api, dispatch],
  );

  const saveNow = useCallback(
    (unloading = false): Promise<void> => {
      if (unloading) {
        const started = doSave(true);
        chain.current = chain.current.then(() => started);
        return started;
      }
      chain.current = chain.current.then(() => doSave(false));
      return chain.current;
    },
    [doSave],
  );

  useEffect(() => {
    if (state.version === savedVersionRef.current) return;
    const t = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [state.version, saveNow]);

  // Leaving the notebook or the page must not drop the last edits.
  usePageHide(useCallback(() => void saveNow(true), [saveNow]));
  useEffect(() => () => void saveNow(), [saveNow]);

  const control = useMemo<SaveControl>(
    () => ({
      saveNow,
      saveIfDirty: () => {
        if (stateRef.current.version !== savedVersionRef.current) void saveNow();
      },
      hold: (on) => {
        blockSaves.current = on;
      },
      inConflict: () => conflictRef.current,
      adopt: (res) => {
        baseRev.current = res.notebook.revision;
        dispatch({ type: 'adopt', server: res });
      },
    }),
    [saveNow, dispatch],
  );

  const keepMine = () => {
    if (conflict === null) return;
    baseRev.current = conflict;
    conflictRef.current = false;
    setConflict(null);
    void saveNow();
  };

  return { control, conflict, error: save.error, label: labelOf(), keepMine };

  function labelOf(): string {
    if (conflict !== null) return 'Not saved (conflict)';
    if (save.error) return 'Not saved';
    return save.saving || state.version !== savedVersion ? 'Saving…' : 'Saved';
  }
}
