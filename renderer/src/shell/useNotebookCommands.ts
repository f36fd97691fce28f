// Palette commands for the Notebooks view (new, run all, stop), through NotebooksView's handle.
// "New notebook" may come from another view: it waits until Notebooks has mounted.
import { useCallback, useRef } from 'react';
import type { NotebooksHandle } from '../features/notebooks/NotebooksView';

export function useNotebookCommands(show: () => void) {
  const handle = useRef<NotebooksHandle | null>(null);
  const createWhenMounted = useRef(false);
  /** The ref NotebooksView gets: a notebook asked for before it mounted is created now. */
  const ref = useCallback((h: NotebooksHandle | null) => {
    handle.current = h;
    if (h && createWhenMounted.current) {
      createWhenMounted.current = false;
      h.create();
    }
  }, []);
  const newNotebook = useCallback(() => {
    if (handle.current) handle.current.create();
    else createWhenMounted.current = true;
    show();
  }, [show]);
  const runNotebook = useCallback(() => handle.current?.runAll(), []);
  const stopNotebook = useCallback(() => handle.current?.stop(), []);
  return { ref, newNotebook, runNotebook, stopNotebook };
}
