// One open notebook: cells in order with their views and outputs, add/move/delete/rename cells,
// undo/redo, run one cell or all (stoppable), and autosave (debounced notebooks:save with the
// revision it started from; a conflict shows a banner offering to reload). The concerns live in
// ./editor: useNotebookSave, useNotebookRun, useNotebookEditing, useNotebookExport.
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useReducer,
  useState,
} from 'react';
import { errorMessage } from '@shared/api/errors';
import type { CellTypeInfo, NotebookWithStatus } from '@shared/api/notebook-contract';
import type { Notebook } from '@shared/notebook/model';
import { useApi } from '../../apiContext';
import { cellViewFor } from './cellViews';
import { docReducer, initDoc } from './docState';
import { AddBar } from './editor/AddBar';
import { Banners } from './editor/Banners';
import { CellFrame } from './editor/CellFrame';
import { EditorBar } from './editor/EditorBar';
import { onEditorKey } from './editor/keys';
import { useNotebookEditing } from './editor/useNotebookEditing';
import { useNotebookExport } from './editor/useNotebookExport';
import { useNotebookRun } from './editor/useNotebookRun';
import { useNotebookSave } from './editor/useNotebookSave';

export { AUTOSAVE_MS } from './editor/useNotebookSave';

export type NotebookEditorHandle = {
  runAll(): void;
  stop(): void;
  setTitle(title: string): void;
};

type Props = {
  id: string;
  cellTypes: CellTypeInfo[];
  openPaper(id: string): void;
  /** After every successful save (the list shows title, date and cell count). */
  onSaved(nb: Notebook): void;
  /** A cell to scroll to once loaded (a search hit). */
  focusCellId?: string | null;
};

/** Loads the notebook, and loads it again when a conflict is resolved by reloading. */
export const NotebookEditor = forwardRef<NotebookEditorHandle, Props>(
  function NotebookEditor(props, ref) {
    const { id } = props;
    const api = useApi();
    const [loaded, setLoaded] = useState<
      { key: string; value: NotebookWithStatus } | { key: string; error: string } | null
    >(null);
    const [nonce, setNonce] = useState(0);
    const key = `${id}:${nonce}`;
    useEffect(() => {
      let live = true;
      api.call('notebooks:get', { id }).then(
        (value) => live && setLoaded({ key, value }),
        (err: unknown) => live && setLoaded({ key, error: errorMessage(err) }),
      );
      return () => {
        live = false;
      };
    }, [api, id, key]);

    if (!loaded || loaded.key !== key)
      return <div className="nb-editor-loading muted">Loading notebook…</div>;
    if ('error' in loaded)
      return (
        <div className="nb-editor-loading">
          <div className="banner banner-error">Could not open this notebook: {loaded.error}</div>
        </div>
      );
    return (
      <Doc
        key={key}
        {...props}
        ref={ref}
        loaded={loaded.value}
        onReload={() => setNonce((n) => n + 1)}
      />
    );
  },
);

const Doc = forwardRef<
  NotebookEditorHandle,
  Props & { loaded: NotebookWithStatus; onReload(): void }
>(function Doc({ id, cellTypes, openPaper, onSaved, focusCellId, loaded, onReload }, ref) {
  const api = useApi();
  const [state, dispatch] = useReducer(docReducer, loaded, initDoc);
  const [notice, setNotice] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const typeInfo = useCallback(
    (type: string) => cellTypes.find((t) => t.type === type),
    [cellTypes],
  );
  const save = useNotebookSave(api, state, dispatch, loaded, onSaved);
  const { running, run, stop } = useNotebookRun(api, id, save.control, setNotice);
  const exporter = useNotebookExport(api, id, save.control.saveNow, setNotice);
  const nb = state.nb;
  const editing = useNotebookEditing(nb.cells, dispatch, typeInfo, focusCellId);

  useImperativeHandle(
    ref,
    () => ({
      runAll: () => void run(null),
      stop,
      setTitle: (title: string) => dispatch({ type: 'title', title }),
    }),
    [run, stop],
  );

  const keyTargets = {
    cells: nb.cells,
    active: nb.cells.find((c) => c.id === activeId),
    dispatch,
    computable: (type: string) => Boolean(typeInfo(type)?.computable),
    run: (cellId: string | null) => void run(cellId),
    addCell: editing.addCell,
    move: editing.move,
  };

  return (
    <div className="nb-editor" onKeyDown={(e) => onEditorKey(e, keyTargets)}>
      <EditorBar
        state={state}
        dispatch={dispatch}
        save={save}
        exportJob={exporter.job}
        exportAs={(f) => void exporter.exportAs(f)}
        running={running !== null}
        runAll={() => void run(null)}
        stop={stop}
      />
      <Banners
        conflict={save.conflict}
        saveError={save.error}
        notice={notice}
        onReload={onReload}
        keepMine={save.keepMine}
        retrySave={() => void save.control.saveNow()}
        dismissNotice={() => setNotice(null)}
      />
      <div className="nb-cells">
        {nb.cells.length === 0 && (
          <p className="nb-empty-cells muted">
            An empty notebook. Add text with math and paper references, a table of numbers, a plot
            of it, or JavaScript that computes with them.
          </p>
        )}
        {nb.cells.map((cell, i) => {
          const info = typeInfo(cell.type);
          return (
            <div key={cell.id}>
              {i > 0 && addBar(i, false)}
              <CellFrame
                notebook={nb}
                cell={cell}
                index={i}
                info={info}
                // Types the service does not know are shown read-only (and kept as they are).
                View={cellViewFor(info || cellTypes.length === 0 ? cell.type : '')}
                status={
                  state.status[cell.id] ?? (info?.computable ? 'never-run' : 'not-computable')
                }
                running={running}
                active={activeId === cell.id}
                onFocus={() => setActiveId(cell.id)}
                editing={editing}
                run={run}
                stop={stop}
                openPaper={openPaper}
              />
            </div>
          );
        })}
        {addBar(nb.cells.length, true)}
        <p className="nb-keys muted small">
          <kbd>Shift+Enter</kbd> run cell · <kbd>Ctrl+Shift+Enter</kbd> run all ·{' '}
          <kbd>Alt+Enter</kbd> new cell below · <kbd>Ctrl+Alt+↑/↓</kbd> move · <kbd>Ctrl+Z</kbd>{' '}
          undo
        </p>
      </div>
    </div>
  );

  function addBar(index: number, end: boolean) {
    return (
      <AddBar
        index={index}
        end={end}
        cellTypes={cellTypes}
        open={editing.insertAt === index}
        setOpen={editing.setInsertAt}
        addCell={editing.addCell}
      />
    );
  }
});
