// The Notebooks view: the list of notebooks (create, rename in place, duplicate, delete with
// Undo, search titles and contents) on the left, the open notebook's editor on the right.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Api } from '../../../../shared/api/client';
import type { CellTypeInfo, NotebookSearchHit } from '../../../../shared/api/notebook-contract';
import type { NotebookSummary } from '../../../../shared/notebook/model';
import { Icon } from '../../components/Icon';
import type { ToastMessage } from '../../components/Toast';
import { NotebookEditor, type NotebookEditorHandle } from './NotebookEditor';
import './notebooks.css';

export const NOTEBOOK_SEARCH_DEBOUNCE_MS = 200;
export const OPEN_KEY = 'quire.notebook.open';

export type NotebooksHandle = {
  create(): void;
  runAll(): void;
  stop(): void;
};

type Props = {
  api: Api;
  openPaper(id: string): void;
  showToast(t: Omit<ToastMessage, 'id'>): void;
};

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function readOpen(): string | null {
  try {
    return localStorage.getItem(OPEN_KEY);
  } catch {
    return null;
  }
}

function useNotebookSearch(api: Api, query: string): NotebookSearchHit[] | null {
  const [answer, setAnswer] = useState<{ q: string; hits: NotebookSearchHit[] } | null>(null);
  const q = query.trim();
  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.call('notebooks:search', { query: q, limit: 50 }, { signal: controller.signal }).then(
        (hits) => !controller.signal.aborted && setAnswer({ q, hits }),
        () => !controller.signal.aborted && setAnswer({ q, hits: [] }),
      );
    }, NOTEBOOK_SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, q]);
  return q && answer?.q === q ? answer.hits : null;
}

export const NotebooksView = forwardRef<NotebooksHandle, Props>(function NotebooksView(
  { api, openPaper, showToast },
  ref,
) {
  const [list, setList] = useState<NotebookSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(readOpen);
  const [focusCell, setFocusCell] = useState<string | null>(null);
  const [cellTypes, setCellTypes] = useState<CellTypeInfo[]>([]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const hits = useNotebookSearch(api, query);
  const editor = useRef<NotebookEditorHandle>(null);

  const refresh = useCallback(() => {
    api.call('notebooks:list', {}).then(
      (l) => {
        setList(l);
        setListError(null);
        setOpenId((id) => (id && l.some((n) => n.id === id) ? id : null));
      },
      (err: unknown) => setListError(message(err)),
    );
  }, [api]);
  useEffect(refresh, [refresh]);

  useEffect(() => {
    api
      .call('notebooks:cellTypes', {})
      .then(setCellTypes, (err: unknown) =>
        showToast({ text: `Could not load cell types: ${message(err)}`, tone: 'error' }),
      );
  }, [api, showToast]);

  useEffect(() => {
    try {
      if (openId) localStorage.setItem(OPEN_KEY, openId);
      else localStorage.removeItem(OPEN_KEY);
    } catch {
      // Remembering the open notebook is a convenience.
    }
  }, [openId]);

  const open = (id: string, cellId: string | null = null) => {
    setOpenId(id);
    setFocusCell(cellId);
  };

  const create = useCallback(async () => {
    try {
      const res = await api.call('notebooks:create', { title: 'Untitled notebook' });
      const nb = res.notebook;
      setList((l) => [
        {
          id: nb.id,
          title: nb.title,
          createdAt: nb.createdAt,
          updatedAt: nb.updatedAt,
          revision: nb.revision,
          cellCount: nb.cells.length,
        },
        ...(l ?? []),
      ]);
      setQuery('');
      setOpenId(nb.id);
      setFocusCell(null);
    } catch (err) {
      showToast({ text: `Could not create a notebook: ${message(err)}`, tone: 'error' });
    }
  }, [api, showToast]);

  useImperativeHandle(
    ref,
    () => ({
      create: () => void create(),
      runAll: () => editor.current?.runAll(),
      stop: () => editor.current?.stop(),
    }),
    [create],
  );

  const rename = async (id: string, title: string) => {
    setRenaming(null);
    const t = title.trim();
    const current = list?.find((n) => n.id === id);
    if (!t || t === current?.title) return;
    // The open notebook's title goes through its autosave (one writer per file).
    if (id === openId && editor.current) {
      editor.current.setTitle(t);
      setList((l) => l?.map((n) => (n.id === id ? { ...n, title: t } : n)) ?? l);
      return;
    }
    try {
      const s = await api.call('notebooks:rename', { id, title: t });
      setList((l) => l?.map((n) => (n.id === id ? s : n)) ?? l);
    } catch (err) {
      showToast({ text: `Could not rename: ${message(err)}`, tone: 'error' });
    }
  };

  const duplicate = async (id: string) => {
    try {
      const s = await api.call('notebooks:duplicate', { id });
      setList((l) => [s, ...(l ?? [])]);
      setOpenId(s.id);
      showToast({ text: `Duplicated as “${s.title}”` });
    } catch (err) {
      showToast({ text: `Could not duplicate: ${message(err)}`, tone: 'error' });
    }
  };

  const remove = async (id: string) => {
    const title = list?.find((n) => n.id === id)?.title ?? 'notebook';
    try {
      const res = await api.call('notebooks:delete', { id });
      setList((l) => l?.filter((n) => n.id !== id) ?? l);
      if (openId === id) setOpenId(null);
      showToast({
        text: `Deleted “${title}”`,
        action: {
          label: 'Undo',
          testId: 'toast-undo',
          run: () => {
            api.call('notebooks:undoDelete', { undoToken: res.undoToken }).then(
              (r) => {
                refresh();
                setOpenId(r.restored.id);
              },
              (err: unknown) =>
                showToast({ text: `Could not undo: ${message(err)}`, tone: 'error' }),
            );
          },
        },
      });
    } catch (err) {
      showToast({ text: `Could not delete: ${message(err)}`, tone: 'error' });
    }
  };

  const onSaved = useCallback(
    (nb: { id: string; title: string; updatedAt: string; revision: number; cells: unknown[] }) => {
      setList(
        (l) =>
          l?.map((n) =>
            n.id === nb.id
              ? {
                  ...n,
                  title: nb.title,
                  updatedAt: nb.updatedAt,
                  revision: nb.revision,
                  cellCount: nb.cells.length,
                }
              : n,
          ) ?? l,
      );
    },
    [],
  );

  const empty = list !== null && list.length === 0;

  return (
    <div className="nb-view" data-testid="notebooks-view">
      <aside className="nb-list-pane">
        <div className="nb-list-head">
          <h2>Notebooks</h2>
          <button
            type="button"
            className="button small primary"
            data-testid="notebook-new"
            onClick={() => void create()}
          >
            + New
          </button>
        </div>
        <div className="filter-box nb-search">
          <Icon name="search" />
          <input
            type="search"
            className="filter-input"
            placeholder="Search notebooks…"
            data-testid="notebook-search"
            aria-label="Search notebooks by title and content"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        {listError && <div className="banner banner-error">{listError}</div>}
        {query.trim() ? (
          <ul className="nb-list" data-testid="notebook-search-results">
            {hits === null && <li className="muted small nb-list-note">Searching…</li>}
            {hits?.length === 0 && (
              <li className="muted small nb-list-note">No notebook matches.</li>
            )}
            {hits?.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  className={`nb-list-item ${h.id === openId ? 'selected' : ''}`}
                  data-testid="notebook-search-hit"
                  onClick={() => open(h.id, h.matches.find((m) => m.cellId)?.cellId ?? null)}
                >
                  <span className="nb-list-title">{h.title}</span>
                  {h.matches.slice(0, 3).map((m, i) => (
                    <span key={i} className="nb-snippet">
                      {m.snippet}
                    </span>
                  ))}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="nb-list">
            {list?.map((n) => (
              <li key={n.id} className="nb-list-row">
                {renaming === n.id ? (
                  <input
                    className="nb-rename"
                    data-testid="notebook-rename-input"
                    defaultValue={n.title}
                    autoFocus
                    aria-label="Notebook title"
                    onBlur={(e) => void rename(n.id, e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') void rename(n.id, e.currentTarget.value);
                      if (e.key === 'Escape') setRenaming(null);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    className={`nb-list-item ${n.id === openId ? 'selected' : ''}`}
                    data-testid="notebook-list-item"
                    aria-current={n.id === openId ? 'true' : undefined}
                    onClick={() => open(n.id)}
                    onDoubleClick={() => setRenaming(n.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'F2') setRenaming(n.id);
                    }}
                  >
                    <span className="nb-list-title">{n.title}</span>
                    <span className="nb-list-meta">
                      {when(n.updatedAt)} · {n.cellCount} {n.cellCount === 1 ? 'cell' : 'cells'}
                    </span>
                  </button>
                )}
                <span className="nb-list-actions">
                  <button
                    type="button"
                    className="icon-button"
                    title="Rename (F2)"
                    aria-label={`Rename ${n.title}`}
                    data-testid="notebook-rename"
                    onClick={() => setRenaming(n.id)}
                  >
                    <Icon name="edit" size={14} />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    title="Duplicate"
                    aria-label={`Duplicate ${n.title}`}
                    data-testid="notebook-duplicate"
                    onClick={() => void duplicate(n.id)}
                  >
                    <Icon name="copy" size={14} />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    title="Delete"
                    aria-label={`Delete ${n.title}`}
                    data-testid="notebook-delete"
                    onClick={() => void remove(n.id)}
                  >
                    <Icon name="trash" size={14} />
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <section className="nb-main">
        {openId ? (
          <NotebookEditor
            key={openId}
            ref={editor}
            api={api}
            id={openId}
            cellTypes={cellTypes}
            openPaper={openPaper}
            onSaved={onSaved}
            focusCellId={focusCell}
          />
        ) : (
          <div className="empty-state" data-testid="notebooks-empty">
            <div className="empty-mark" aria-hidden="true">
              <Icon name="notebook" size={40} />
            </div>
            <h2>{empty ? 'No notebooks yet' : 'Open a notebook'}</h2>
            <p>
              A notebook is where reading turns into results: text with math ($E = mc^2$) and
              references to papers in your library, tables of numbers pasted from a paper, plots of
              them, curve fits and JavaScript that computes with them. Everything runs and stays on
              this machine, and exports to Markdown, HTML or Jupyter.
            </p>
            <button type="button" className="button primary large" onClick={() => void create()}>
              <Icon name="notebook" /> New notebook
            </button>
            {!empty && <p className="hint">Or pick one from the list.</p>}
          </div>
        )}
      </section>
    </div>
  );
});
