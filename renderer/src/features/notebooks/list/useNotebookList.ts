// The list of notebooks and what changes it: create, rename, duplicate, delete with Undo, and the
// open notebook's saves (title, date and cell count); failures are reported as toasts.
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import { errorMessage } from '@shared/api/errors';
import { summaryOf, type Notebook, type NotebookSummary } from '@shared/notebook/model';
import { useApi } from '../../../apiContext';
import type { ToastMessage } from '../../../components/Toast';

type ShowToast = (t: Omit<ToastMessage, 'id'>) => void;

export function useNotebookList(
  showToast: ShowToast,
  setOpenId: Dispatch<SetStateAction<string | null>>,
) {
  const api = useApi();
  const [list, setList] = useState<NotebookSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const fail = useCallback(
    (what: string, err: unknown) =>
      showToast({ text: `${what}: ${errorMessage(err)}`, tone: 'error' }),
    [showToast],
  );
  const replace = (id: string, s: NotebookSummary) =>
    setList((l) => l?.map((n) => (n.id === id ? s : n)) ?? l);

  /** Bumped by every create, duplicate and delete answered here. */
  const edits = useRef(0);
  const edited = () => edits.current++;

  const refresh = useCallback(() => {
    const load = () => {
      const asked = edits.current;
      api.call('notebooks:list', {}).then(
        (l) => {
          // A notebook created (or deleted) while this list was on its way may be missing from it
          // (or still in it): ask again rather than show it, or close the notebook just opened.
          if (edits.current !== asked) return load();
          setList(l);
          setListError(null);
          setOpenId((id) => (id && l.some((n) => n.id === id) ? id : null));
        },
        (err: unknown) => setListError(errorMessage(err)),
      );
    };
    load();
  }, [api, setOpenId]);
  useEffect(refresh, [refresh]);

  /** Creates an untitled notebook at the top of the list; resolves with its id (null on failure). */
  const create = useCallback(async (): Promise<string | null> => {
    try {
      const { notebook } = await api.call('notebooks:create', { title: 'Untitled notebook' });
      edited();
      setList((l) => [summaryOf(notebook), ...(l ?? [])]);
      return notebook.id;
    } catch (err) {
      fail('Could not create a notebook', err);
      return null;
    }
  }, [api, fail]);

  /** A title changed by the open notebook's own autosave: the list only shows it. */
  const retitle = (id: string, title: string) =>
    setList((l) => l?.map((n) => (n.id === id ? { ...n, title } : n)) ?? l);

  const rename = async (id: string, title: string) => {
    try {
      replace(id, await api.call('notebooks:rename', { id, title }));
    } catch (err) {
      fail('Could not rename', err);
    }
  };

  const duplicate = async (id: string) => {
    try {
      const s = await api.call('notebooks:duplicate', { id });
      edited();
      setList((l) => [s, ...(l ?? [])]);
      setOpenId(s.id);
      showToast({ text: `Duplicated as “${s.title}”` });
    } catch (err) {
      fail('Could not duplicate', err);
    }
  };

  const undoDelete = (undoToken: string) =>
    api.call('notebooks:undoDelete', { undoToken }).then(
      (r) => {
        refresh();
        setOpenId(r.restored.id);
      },
      (err: unknown) => fail('Could not undo', err),
    );

  const remove = async (id: string) => {
    const title = list?.find((n) => n.id === id)?.title ?? 'notebook';
    try {
      const res = await api.call('notebooks:delete', { id });
      edited();
      setList((l) => l?.filter((n) => n.id !== id) ?? l);
      setOpenId((open) => (open === id ? null : open));
      showToast({
        text: `Deleted “${title}”`,
        action: { label: 'Undo', testId: 'toast-undo', run: () => void undoDelete(res.undoToken) },
      });
    } catch (err) {
      fail('Could not delete', err);
    }
  };

  const onSaved = useCallback((nb: Notebook) => {
    setList((l) => l?.map((n) => (n.id === nb.id ? { ...n, ...summaryOf(nb) } : n)) ?? l);
  }, []);

  return { list, listError, create, retitle, rename, duplicate, remove, onSaved };
}
