// One open notebook: cells in order with their views and outputs, add/move/delete/rename cells,
// undo/redo, run one cell or all (stoppable), and autosave (debounced notebooks:save with the
// revision it started from; a conflict shows a banner offering to reload).
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useReducer,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { Api } from '../../../../shared/api/client';
import type { Progress } from '../../../../shared/api/contract';
import { QuireError } from '../../../../shared/api/errors';
import type { CellTypeInfo, NotebookWithStatus } from '../../../../shared/api/notebook-contract';
import {
  newId,
  type Cell,
  type CellStatus,
  type Notebook,
} from '../../../../shared/notebook/model';
import { Icon } from '../../components/Icon';
import { cellViewFor, rendersOwnOutputs } from './cellViews';
import { docReducer, initDoc } from './docState';
import { Outputs } from './Outputs';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/useJob';

export const AUTOSAVE_MS = 800;

export type NotebookEditorHandle = {
  runAll(): void;
  stop(): void;
  setTitle(title: string): void;
};

type Props = {
  api: Api;
  id: string;
  cellTypes: CellTypeInfo[];
  openPaper(id: string): void;
  /** After every successful save (the list shows title, date and cell count). */
  onSaved(nb: Notebook): void;
  /** A cell to scroll to once loaded (a search hit). */
  focusCellId?: string | null;
};

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const isMod = (e: KeyboardEvent) => e.metaKey || e.ctrlKey;

/** Loads the notebook, and loads it again when a conflict is resolved by reloading. */
export const NotebookEditor = forwardRef<NotebookEditorHandle, Props>(
  function NotebookEditor(props, ref) {
    const { api, id } = props;
    const [loaded, setLoaded] = useState<
      { key: string; value: NotebookWithStatus } | { key: string; error: string } | null
    >(null);
    const [nonce, setNonce] = useState(0);
    const key = `${id}:${nonce}`;
    useEffect(() => {
      let live = true;
      api.call('notebooks:get', { id }).then(
        (value) => live && setLoaded({ key, value }),
        (err: unknown) => live && setLoaded({ key, error: message(err) }),
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

/** The run under way: which cell it runs now and that cell's own progress (a bootstrap's refits). */
type Running = { cellId: string | null; current: string | null; progress: Progress | null };
type SaveState = { saving: boolean; error: string | null };
const RUN_PHASES = new Set(['running', 'done', 'stopped']);

const STATUS_LABEL: Record<CellStatus, string> = {
  fresh: 'fresh',
  stale: 'stale',
  'never-run': 'not run',
  'not-computable': '',
};

const Doc = forwardRef<
  NotebookEditorHandle,
  Props & { loaded: NotebookWithStatus; onReload(): void }
>(function Doc({ api, id, cellTypes, openPaper, onSaved, focusCellId, loaded, onReload }, ref) {
  const [state, dispatch] = useReducer(docReducer, loaded, initDoc);
  const [savedVersion, setSavedVersion] = useState(0);
  const [save, setSave] = useState<SaveState>({ saving: false, error: null });
  const [conflict, setConflict] = useState<number | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // An export (HTML with math, many cells) shows its progress with Cancel in place of the menu.
  const exportJob = useJob();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [insertAt, setInsertAt] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(focusCellId ?? null);

  const stateRef = useRef(state);
  const baseRev = useRef(loaded.notebook.revision);
  const savedVersionRef = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  /** The run in progress (Stop aborts it). */
  const runCtl = useRef<AbortController | null>(null);
  /** While a run is in flight the file is the runner's: saves wait (its revision moves on). */
  const blockSaves = useRef(false);
  const conflictRef = useRef(false);
  const onSavedRef = useRef(onSaved);
  const cellEls = useRef(new Map<string, HTMLElement>());
  useEffect(() => {
    stateRef.current = state;
    onSavedRef.current = onSaved;
  });

  const typeInfo = useCallback(
    (type: string) => cellTypes.find((t) => t.type === type),
    [cellTypes],
  );

  // ---------- saving ----------

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
        } else setSave({ saving: false, error: message(err) });
      }
    },
    [api],
  );

  /** Saves now (after any save in flight); `unloading` starts the request at once, keepalive. */
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
  useEffect(() => {
    const now = () => void saveNow(true);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onVisibility);
      void saveNow();
    };
  }, [saveNow]);

  const keepMine = () => {
    if (conflict === null) return;
    baseRev.current = conflict;
    conflictRef.current = false;
    setConflict(null);
    void saveNow();
  };

  // ---------- running ----------

  const adoptLatest = useCallback(async () => {
    try {
      const res = await api.call('notebooks:get', { id });
      baseRev.current = res.notebook.revision;
      dispatch({ type: 'adopt', server: res });
    } catch {
      // The next save reports any real problem.
    }
  }, [api, id]);

  const run = useCallback(
    async (cellId: string | null) => {
      if (runCtl.current) return;
      const controller = new AbortController();
      runCtl.current = controller;
      setRunning({ cellId, current: cellId, progress: null });
      setNotice(null);
      try {
        // Save first: the run reads the file. Saves then wait until the run is over.
        await saveNow();
        if (conflictRef.current) return;
        if (controller.signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
        blockSaves.current = true;
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
        baseRev.current = res.notebook.revision;
        dispatch({ type: 'adopt', server: res });
        if (res.stopped) setNotice('Run stopped. Cells that finished kept their outputs.');
      } catch (err) {
        const cancelled = err instanceof QuireError && err.code === 'cancelled';
        setNotice(
          cancelled
            ? 'Run stopped. Cells that finished kept their outputs.'
            : `Could not run: ${message(err)}`,
        );
        // Cells that finished before the stop were stored (and the revision moved on).
        await adoptLatest();
      } finally {
        blockSaves.current = false;
        runCtl.current = null;
        setRunning(null);
        if (stateRef.current.version !== savedVersionRef.current) void saveNow();
      }
    },
    [api, id, saveNow, adoptLatest],
  );

  const stop = useCallback(() => runCtl.current?.abort(), []);

  // ---------- editing ----------

  const setCells = useCallback(
    (cells: Cell[], key?: string) => dispatch({ type: 'edit', cells, key, at: Date.now() }),
    [],
  );

  const addCell = (type: string, index: number) => {
    const info = typeInfo(type);
    const defaults = info ? structuredClone(info.defaults) : {};
    const cell: Cell = {
      id: newId(),
      type,
      ...defaults,
      outputs: [],
      inputsHash: null,
      ranAt: null,
    };
    const cells = [...state.nb.cells];
    cells.splice(index, 0, cell);
    setCells(cells);
    setInsertAt(null);
    setFocusId(cell.id);
  };

  const move = (cellId: string, d: -1 | 1) => {
    const i = state.nb.cells.findIndex((c) => c.id === cellId);
    const j = i + d;
    if (i < 0 || j < 0 || j >= state.nb.cells.length) return;
    const cells = [...state.nb.cells];
    const [c] = cells.splice(i, 1);
    if (c) cells.splice(j, 0, c);
    setCells(cells);
    setFocusId(cellId);
  };

  const remove = (cellId: string) => setCells(state.nb.cells.filter((c) => c.id !== cellId));

  const change = (next: Cell, key = `cell:${next.id}`) =>
    setCells(
      state.nb.cells.map((c) => (c.id === next.id ? next : c)),
      key,
    );

  const rename = (cell: Cell, name: string) => {
    const next: Cell = { ...cell, name: name.trim() ? name.slice(0, 100) : undefined };
    if (!next.name) delete next.name;
    change(next, `name:${cell.id}`);
  };

  useImperativeHandle(
    ref,
    () => ({
      runAll: () => void run(null),
      stop,
      setTitle: (title: string) => dispatch({ type: 'title', title }),
    }),
    [run, stop],
  );

  // Focus (and show) a cell that was just added or moved, or a search hit.
  useEffect(() => {
    if (!focusId) return;
    const el = cellEls.current.get(focusId);
    if (!el) return;
    el.scrollIntoView?.({ block: 'nearest' });
    const field = el.querySelector<HTMLElement>(
      '.nb-cell-body :is(textarea, input:not([type=checkbox]), select)',
    );
    (field ?? el).focus({ preventScroll: true });
    const t = setTimeout(() => setFocusId(null), 0);
    return () => clearTimeout(t);
  }, [focusId, state.nb.cells]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = e.key.toLowerCase();
    const active = state.nb.cells.find((c) => c.id === activeId);
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (isMod(e) && key === 'z' && !e.altKey) {
      handled();
      dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
    } else if (isMod(e) && key === 'y') {
      handled();
      dispatch({ type: 'redo' });
    } else if (e.key === 'Enter' && isMod(e) && e.shiftKey) {
      handled();
      void run(null);
    } else if (e.key === 'Enter' && (e.shiftKey || isMod(e)) && active) {
      if (typeInfo(active.type)?.computable) {
        handled();
        void run(active.id);
      }
    } else if (e.key === 'Enter' && e.altKey && active) {
      handled();
      addCell(active.type, state.nb.cells.indexOf(active) + 1);
    } else if (isMod(e) && e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && active) {
      handled();
      move(active.id, e.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const exportAs = async (format: 'md' | 'html' | 'ipynb') => {
    try {
      await saveNow();
      const job = await exportJob.run((signal, onProgress) =>
        api.call('notebooks:export', { id, format }, { signal, onProgress }),
      );
      if (job.cancelled) {
        setNotice('Export cancelled: no file was saved.');
        return;
      }
      const res = job.value;
      const mime =
        format === 'html' ? 'text/html' : format === 'ipynb' ? 'application/json' : 'text/markdown';
      const url = URL.createObjectURL(new Blob([res.content], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = res.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setNotice(`Export failed: ${message(err)}`);
    }
  };

  const dirty = state.version !== savedVersion;
  const saveLabel =
    conflict !== null
      ? 'Not saved (conflict)'
      : save.error
        ? 'Not saved'
        : save.saving || dirty
          ? 'Saving…'
          : 'Saved';
  const nb = state.nb;

  const addBar = (index: number, end: boolean) => (
    <div className={`nb-add ${end ? 'nb-add-end' : ''}`}>
      {end || insertAt === index ? (
        <div className="nb-add-menu" role="group" aria-label="Add a cell">
          {end && <span className="muted small">Add</span>}
          {cellTypes.map((t) => (
            <button
              key={t.type}
              type="button"
              className="button small"
              data-testid={end ? `cell-add-${t.type}` : `cell-insert-${t.type}`}
              onClick={() => addCell(t.type, index)}
            >
              + {t.label}
            </button>
          ))}
          {!end && (
            <button type="button" className="link-button small" onClick={() => setInsertAt(null)}>
              Cancel
            </button>
          )}
        </div>
      ) : (
        <button
          type="button"
          className="nb-add-between"
          aria-label="Insert a cell here"
          title="Insert a cell here"
          onClick={() => setInsertAt(index)}
        >
          +
        </button>
      )}
    </div>
  );

  return (
    <div className="nb-editor" onKeyDown={onKeyDown}>
      <div className="nb-editor-bar">
        {/* A one-line textarea, not an input: a long title wraps instead of being cut. */}
        <textarea
          className="nb-title-input"
          data-testid="notebook-title-input"
          aria-label="Notebook title"
          rows={1}
          value={nb.title}
          maxLength={300}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.currentTarget.blur();
            }
          }}
          onChange={(e) =>
            dispatch({ type: 'title', title: e.target.value.replace(/[\r\n]+/g, ' ') })
          }
          onBlur={(e) => {
            if (!e.target.value.trim()) dispatch({ type: 'title', title: 'Untitled notebook' });
          }}
        />
        {/* The tools move below the title as one group when the title needs the width. */}
        <div className="nb-tools">
          <span
            className={`nb-save-status ${save.error || conflict !== null ? 'error' : ''}`}
            data-testid="save-status"
            title={save.error ?? undefined}
          >
            {saveLabel}
          </span>
          <button
            type="button"
            className="button small"
            data-testid="undo"
            disabled={state.past.length === 0}
            onClick={() => dispatch({ type: 'undo' })}
            title="Undo (Ctrl+Z)"
          >
            Undo
          </button>
          <button
            type="button"
            className="button small"
            data-testid="redo"
            disabled={state.future.length === 0}
            onClick={() => dispatch({ type: 'redo' })}
            title="Redo (Ctrl+Shift+Z)"
          >
            Redo
          </button>
          {exportJob.running ? (
            <JobProgress
              progress={exportJob.progress}
              onCancel={exportJob.cancel}
              testId="notebook-export-progress"
            />
          ) : (
            <select
              className="select nb-export"
              aria-label="Export notebook"
              value=""
              onChange={(e) => {
                const f = e.target.value as 'md' | 'html' | 'ipynb';
                if (f) void exportAs(f);
              }}
            >
              <option value="">Export…</option>
              <option value="md">Markdown</option>
              <option value="html">HTML</option>
              <option value="ipynb">Jupyter (.ipynb)</option>
            </select>
          )}
          {running ? (
            <button type="button" className="button small danger" data-testid="stop" onClick={stop}>
              Stop
            </button>
          ) : (
            <button
              type="button"
              className="button small primary"
              data-testid="run-all"
              onClick={() => void run(null)}
              title="Run all (Ctrl+Shift+Enter)"
            >
              Run all
            </button>
          )}
        </div>
      </div>
      {conflict !== null && (
        <div className="banner banner-error nb-banner" data-testid="save-conflict" role="alert">
          <span>
            This notebook was changed elsewhere (another window?) since it was opened here. Your
            latest edits are not saved.
          </span>
          <span className="toolbar-spacer" />
          <button type="button" className="button small" onClick={onReload}>
            Reload theirs
          </button>
          <button type="button" className="button small danger" onClick={keepMine}>
            Overwrite with mine
          </button>
        </div>
      )}
      {save.error && conflict === null && (
        <div className="banner banner-error nb-banner" role="alert">
          Could not save: {save.error}
          <span className="toolbar-spacer" />
          <button type="button" className="button small" onClick={() => void saveNow()}>
            Try again
          </button>
        </div>
      )}
      {notice && (
        <div className="banner nb-notice nb-banner" data-testid="run-notice" role="status">
          {notice}
          <span className="toolbar-spacer" />
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => setNotice(null)}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
      <div className="nb-cells">
        {nb.cells.length === 0 && (
          <p className="nb-empty-cells muted">
            An empty notebook. Add text with math and paper references, a table of numbers, a plot
            of it, or JavaScript that computes with them.
          </p>
        )}
        {nb.cells.map((cell, i) => {
          const info = typeInfo(cell.type);
          // Types the service does not know are shown read-only (and kept as they are).
          const View = cellViewFor(info || cellTypes.length === 0 ? cell.type : '');
          const status =
            state.status[cell.id] ?? (info?.computable ? 'never-run' : 'not-computable');
          const isRunning = running !== null && running.current === cell.id;
          return (
            <div key={cell.id}>
              {i > 0 && addBar(i, false)}
              <section
                ref={(el) => {
                  if (el) cellEls.current.set(cell.id, el);
                  else cellEls.current.delete(cell.id);
                }}
                tabIndex={-1}
                className={`nb-cell ${activeId === cell.id ? 'active' : ''} ${isRunning ? 'running' : ''}`}
                data-testid="cell"
                data-cell-type={cell.type}
                data-cell-id={cell.id}
                onFocus={() => setActiveId(cell.id)}
              >
                <header className="nb-cell-head">
                  <span className="nb-cell-type">{info?.label ?? cell.type}</span>
                  <input
                    className="nb-cell-name"
                    data-testid="cell-name"
                    placeholder="name"
                    aria-label="Cell name (used by table('name'))"
                    title="Other cells refer to this one by name: table('name'), plot and fit sources"
                    value={cell.name ?? ''}
                    maxLength={100}
                    onChange={(e) => rename(cell, e.target.value)}
                  />
                  {status !== 'not-computable' && (
                    <span className={`nb-status nb-status-${status}`} data-testid="cell-status">
                      {isRunning ? 'running…' : STATUS_LABEL[status]}
                    </span>
                  )}
                  <span className="toolbar-spacer" />
                  {info?.computable && (
                    <button
                      type="button"
                      className="button small"
                      data-testid="cell-run"
                      disabled={running !== null}
                      onClick={() => void run(cell.id)}
                      title="Run (Shift+Enter)"
                    >
                      ▶ Run
                    </button>
                  )}
                  <button
                    type="button"
                    className="icon-button nb-cell-tool"
                    aria-label="Move cell up"
                    title="Move up (Ctrl+Alt+↑)"
                    disabled={i === 0}
                    onClick={() => move(cell.id, -1)}
                  >
                    <Icon name="up" size={14} />
                  </button>
                  <button
                    type="button"
                    className="icon-button nb-cell-tool"
                    aria-label="Move cell down"
                    title="Move down (Ctrl+Alt+↓)"
                    disabled={i === nb.cells.length - 1}
                    onClick={() => move(cell.id, 1)}
                  >
                    <Icon name="down" size={14} />
                  </button>
                  <button
                    type="button"
                    className="icon-button nb-cell-tool"
                    aria-label="Delete cell"
                    title="Delete cell (Ctrl+Z brings it back)"
                    data-testid="cell-delete"
                    onClick={() => remove(cell.id)}
                  >
                    <Icon name="close" size={14} />
                  </button>
                </header>
                <div className="nb-cell-body">
                  <View
                    api={api}
                    notebook={nb}
                    cell={cell}
                    status={status}
                    onChange={(next) => change(next)}
                    onRun={() => run(cell.id)}
                    openPaper={openPaper}
                    {...(isRunning ? { job: { progress: running.progress, cancel: stop } } : {})}
                  />
                </div>
                <Outputs
                  outputs={
                    rendersOwnOutputs(cell.type)
                      ? cell.outputs.filter((o) => o.kind === 'error')
                      : cell.outputs
                  }
                />
              </section>
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
});
