// The lasso selection's "Add to notebook" row: pick a notebook (or a new one) and append a paper
// card per selected paper (./addToNotebook.ts), with a note saying what happened.
import { useEffect, useState } from 'react';
import type { NotebookSummary } from '@shared/notebook/model';
import { useApi } from '../../apiContext';
import { addToNewNotebook, addToNotebook } from './addToNotebook';

const NEW = '';

export function SelectionToNotebook({ ids }: { ids: readonly string[] }) {
  const api = useApi();
  const [notebooks, setNotebooks] = useState<NotebookSummary[] | null>(null);
  const [target, setTarget] = useState(NEW);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    api.call('notebooks:list', {}).then(
      (list) => live && setNotebooks(list),
      () => live && setNotebooks([]),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const add = async () => {
    setBusy(true);
    setNote(null);
    try {
      const r =
        target === NEW
          ? await addToNewNotebook(
              api,
              ids,
              `Map selection (${ids.length} ${ids.length === 1 ? 'paper' : 'papers'})`,
            )
          : await addToNotebook(api, target, ids);
      const already = r.present > 0 ? ` (${r.present} already there)` : '';
      setNote({
        text: `Added ${r.added} ${r.added === 1 ? 'paper' : 'papers'} to “${r.title}”${already}.`,
        error: false,
      });
      // A new notebook joins the list, picked for the next addition.
      setNotebooks(await api.call('notebooks:list', {}));
      setTarget(r.notebookId);
    } catch (err) {
      setNote({ text: (err as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="map-tag-row">
        <select
          className="select"
          aria-label="Notebook to add the selection to"
          data-testid="map-notebook-select"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          disabled={notebooks === null}
        >
          <option value={NEW}>New notebook</option>
          {(notebooks ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.title}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={() => void add()}
          disabled={busy || ids.length === 0 || notebooks === null}
          data-testid="map-notebook-add"
        >
          Add to notebook
        </button>
      </div>
      {note && (
        <p
          className={`map-hint ${note.error ? 'map-error-note' : ''}`}
          role={note.error ? 'alert' : 'status'}
          data-testid="map-notebook-note"
        >
          {note.text}
        </p>
      )}
    </>
  );
}
