// The Notebooks view: the list of notebooks (create, rename in place, duplicate, delete with
// Undo, search titles and contents) on the left, the open notebook's editor on the right. The list
// and its parts live in ./list.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { CellTypeInfo } from '@shared/api/notebook-contract';
import { useApi } from '../../apiContext';
import { Icon } from '../../components/Icon';
import type { ToastMessage } from '../../components/Toast';
import { NotebookRow } from './list/NotebookRow';
import { NotebooksEmpty } from './list/NotebooksEmpty';
import { SearchResults } from './list/SearchResults';
import { useNotebookList } from './list/useNotebookList';
import { useNotebookSearch } from './list/useNotebookSearch';
import { useOpenNotebook } from './list/useOpenNotebook';
import { NotebookEditor, type NotebookEditorHandle } from './NotebookEditor';
import './notebooks.css';

export type NotebooksHandle = {
  create(): void;
  runAll(): void;
  stop(): void;
};

type Props = {
  openPaper(id: string): void;
  showToast(t: Omit<ToastMessage, 'id'>): void;
};

export const NotebooksView = forwardRef<NotebooksHandle, Props>(function NotebooksView(
  { openPaper, showToast },
  ref,
) {
  const api = useApi();
  const { openId, setOpenId, focusCell, open } = useOpenNotebook();
  const notebooks = useNotebookList(showToast, setOpenId);
  const { list, create: createNotebook } = notebooks;
  const [cellTypes, setCellTypes] = useState<CellTypeInfo[]>([]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const hits = useNotebookSearch(query);
  const editor = useRef<NotebookEditorHandle>(null);

  useEffect(() => {
    api
      .call('notebooks:cellTypes', {})
      .then(setCellTypes, (err: unknown) =>
        showToast({ text: `Could not load cell types: ${errorMessage(err)}`, tone: 'error' }),
      );
  }, [api, showToast]);

  const create = useCallback(async () => {
    const id = await createNotebook();
    if (id === null) return;
    setQuery('');
    open(id);
  }, [createNotebook, open]);

  useImperativeHandle(
    ref,
    () => ({
      create: () => void create(),
      runAll: () => editor.current?.runAll(),
      stop: () => editor.current?.stop(),
    }),
    [create],
  );

  const rename = (id: string, title: string) => {
    setRenaming(null);
    const t = title.trim();
    if (!t || t === list?.find((n) => n.id === id)?.title) return;
    // The open notebook's title goes through its autosave (one writer per file).
    if (id === openId && editor.current) {
      editor.current.setTitle(t);
      notebooks.retitle(id, t);
    } else void notebooks.rename(id, t);
  };

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
        {notebooks.listError && <div className="banner banner-error">{notebooks.listError}</div>}
        {query.trim() ? (
          <SearchResults hits={hits} openId={openId} open={open} />
        ) : (
          <ul className="nb-list">
            {list?.map((n) => (
              <NotebookRow
                key={n.id}
                n={n}
                selected={n.id === openId}
                renaming={renaming === n.id}
                setRenaming={setRenaming}
                open={() => open(n.id)}
                rename={(title) => rename(n.id, title)}
                duplicate={() => void notebooks.duplicate(n.id)}
                remove={() => void notebooks.remove(n.id)}
              />
            ))}
          </ul>
        )}
      </aside>
      <section className="nb-main">
        {openId ? (
          <NotebookEditor
            key={openId}
            ref={editor}
            id={openId}
            cellTypes={cellTypes}
            openPaper={openPaper}
            onSaved={notebooks.onSaved}
            focusCellId={focusCell}
          />
        ) : (
          <NotebooksEmpty empty={list !== null && list.length === 0} create={() => void create()} />
        )}
      </section>
    </div>
  );
});
