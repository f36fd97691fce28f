// The app shell: sidebar, views, dialogs, toasts and global shortcuts; owns selection and undo.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Api } from '../../shared/api/client';
import { QuireError } from '../../shared/api/errors';
import type { ExportFormat, Paper, TagCount } from '../../shared/api/schemas';
import { ApiContext } from './apiContext';
import { GateScreen, NoTokenScreen } from './components/GateScreen';
import { Sidebar } from './components/Sidebar';
import { Toast, type ToastMessage } from './components/Toast';
import { CommandPalette } from './features/commands/CommandPalette';
import { EXPORT_LABELS, type CommandContext } from './features/commands/registry';
import { ImportDialog } from './features/import/ImportDialog';
import {
  LibraryView,
  type LibraryHandle,
  type LibraryPreset,
} from './features/library/LibraryView';
import { useLibraryRevision } from './features/library/useLibraryRevision';
import { NotebooksView, type NotebooksHandle } from './features/notebooks/NotebooksView';
import { MapView } from './features/map/MapView';
import { useMapClusters } from './features/map/useMapClusters';
import { PaperPane, type PaperPaneHandle } from './features/paper/PaperPane';
import { SearchView, type SimilarTo } from './features/search/SearchView';
import { SettingsView } from './features/settings/SettingsView';
import type { Undoable } from './features/tagging/ReviewQueue';
import { TaggingView, type TaggingRequest, type TaggingTab } from './features/tagging/TaggingView';
import { useVocabulary } from './features/tagging/useVocabulary';
import { useJob } from './components/useJob';
import { useTheme } from './features/theme/useTheme';
import { VIEWS, type View } from './views';

export function App({ api }: { api: Api }) {
  return (
    <ApiContext.Provider value={api}>
      <Shell api={api} />
    </ApiContext.Provider>
  );
}

type Gate = 'checking' | 'ok' | 'unauthorized' | { unavailable: string };
/** The last undoable action (a paper or tag deleted, a bulk accept): Mod+Z or the toast's Undo. */
type Undo = { run(): Promise<void> };

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

let toastIds = 0;

function Shell({ api }: { api: Api }) {
  const { theme, choice, setChoice, toggle } = useTheme();
  const [gate, setGate] = useState<Gate>('checking');
  const [view, setView] = useState<View>('library');
  const [version, setVersion] = useState(0);
  const [tags, setTags] = useState<TagCount[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [focusFilterNonce, setFocusFilterNonce] = useState(0);
  // Search is mounted on first visit and then kept (hidden), so its query survives view switches.
  const [searchVisited, setSearchVisited] = useState(false);
  const [searchPaperId, setSearchPaperId] = useState<string | null>(null);
  const [similarTo, setSimilarTo] = useState<SimilarTo | null>(null);
  const [focusSearchNonce, setFocusSearchNonce] = useState(0);
  // Tags, like Search, is kept mounted after the first visit (its queue, a running job).
  const [tagsVisited, setTagsVisited] = useState(false);
  const [taggingRequest, setTaggingRequest] = useState<TaggingRequest | null>(null);
  const library = useRef<LibraryHandle>(null);
  const pane = useRef<PaperPaneHandle>(null);
  const notebooks = useRef<NotebooksHandle>(null);
  // "New notebook" may come from another view: switch first, create once Notebooks is mounted.
  const [newNotebookNonce, setNewNotebookNonce] = useState(0);

  const go = useCallback((v: View) => {
    if (v === 'search') setSearchVisited(true);
    if (v === 'tags') setTagsVisited(true);
    setView(v);
  }, []);

  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const showToast = useCallback(
    (t: Omit<ToastMessage, 'id'>) => setToast({ ...t, id: ++toastIds }),
    [],
  );
  const dismissToast = useCallback(() => setToast(null), []);

  const checkServer = useCallback(() => {
    api.call('app:info', {}).then(
      () => setGate('ok'),
      (err: unknown) => {
        if (err instanceof QuireError && err.code === 'unauthorized') {
          try {
            sessionStorage.removeItem('quire.token');
          } catch {
            // Nothing to forget.
          }
          setGate('unauthorized');
        } else setGate({ unavailable: message(err) });
      },
    );
  }, [api]);
  useEffect(checkServer, [checkServer]);

  const refreshTags = useCallback(() => {
    api.call('library:tags', {}).then(setTags, () => {
      // The tag filter is a convenience; the table reports load errors itself.
    });
  }, [api]);
  useEffect(() => {
    if (gate === 'ok') refreshTags();
  }, [gate, version, refreshTags]);

  // "Focus filter" may come from another view: switch first, focus once Library is visible.
  useEffect(() => {
    if (focusFilterNonce) library.current?.focusFilter();
  }, [focusFilterNonce]);

  const undoDelete = useCallback(async () => {
    if (!undo) return;
    setUndo(null);
    await undo.run();
  }, [undo]);

  const restorePapers = useCallback(
    async (token: string, ids: string[]) => {
      try {
        const res = await api.call('library:undoDelete', { undoToken: token });
        bump();
        setSelectedId(ids[0] ?? null);
        showToast({ text: `Restored ${res.restored} ${res.restored === 1 ? 'paper' : 'papers'}` });
      } catch (err) {
        showToast({ text: `Could not undo: ${message(err)}`, tone: 'error' });
      }
    },
    [api, bump, showToast],
  );

  // The toast's Undo outlives the render that made it; always run the latest undo.
  const undoRef = useRef(undoDelete);
  useEffect(() => {
    undoRef.current = undoDelete;
  }, [undoDelete]);

  const deletePaper = useCallback(
    async (id: string) => {
      const next = library.current?.neighbourOf(id) ?? null;
      try {
        const res = await api.call('library:delete', { ids: [id] });
        setUndo({ run: () => restorePapers(res.undoToken, [id]) });
        setSelectedId((sel) => (sel === id ? next : sel));
        setSearchPaperId((sel) => (sel === id ? null : sel));
        setSimilarTo((s) => (s?.id === id ? null : s));
        bump();
        showToast({
          text: `Deleted ${res.deleted} ${res.deleted === 1 ? 'paper' : 'papers'}`,
          action: { label: 'Undo', run: () => undoRef.current(), testId: 'toast-undo' },
        });
      } catch (err) {
        showToast({ text: `Could not delete: ${message(err)}`, tone: 'error' });
      }
    },
    [api, bump, showToast, restorePapers],
  );

  /** Offers Undo (toast and Mod+Z) for an action of another view, e.g. deleting a tag. */
  const offerUndo = useCallback(
    (u: Undoable) => {
      setUndo({
        run: async () => {
          try {
            showToast({ text: await u.undo() });
          } catch (err) {
            showToast({ text: `Could not undo: ${message(err)}`, tone: 'error' });
          }
        },
      });
      showToast({
        text: u.text,
        action: { label: 'Undo', run: () => undoRef.current(), testId: 'toast-undo' },
      });
    },
    [showToast],
  );

  const vocabulary = useVocabulary(api, gate === 'ok', version);
  // Papers imported by the CLI or another window show without a reload.
  useLibraryRevision(api, gate === 'ok', version, bump);
  const suggestedTags = useMemo(
    () =>
      (vocabulary.tags ?? [])
        .filter((t) => t.pendingCount > 0)
        .map((t) => ({ tag: t.name, count: t.pendingCount })),
    [vocabulary.tags],
  );
  const reloadVocabulary = vocabulary.reload;
  // The map's clusters filter Library and Search; "Open in library" from the map sets a preset.
  const mapClusters = useMapClusters(api, gate === 'ok');
  const [libraryPreset, setLibraryPreset] = useState<LibraryPreset | undefined>(undefined);
  const openInLibrary = useCallback(
    (f: { cluster: string } | { ids: string[]; label: string }) => {
      setLibraryPreset((p) => ({ ...f, nonce: (p?.nonce ?? 0) + 1 }));
      go('library');
    },
    [go],
  );
  const onTagsChanged = useCallback(() => {
    refreshTags();
    reloadVocabulary();
  }, [refreshTags, reloadVocabulary]);

  const openTagging = useCallback(
    (tab: TaggingTab, action?: 'run' | 'new') => {
      go('tags');
      setTaggingRequest((r) => ({ tab, action, nonce: (r?.nonce ?? 0) + 1 }));
    },
    [go],
  );

  // A 10k-paper export takes a while: the Export menu shows its progress with Cancel meanwhile.
  const libraryExport = useJob();
  const runExport = libraryExport.run;
  const exportAs = useCallback(
    async (format: ExportFormat) => {
      try {
        const job = await runExport((signal, onProgress) =>
          api.call('export:library', { format }, { signal, onProgress }),
        );
        if (job.cancelled) {
          showToast({ text: 'Export cancelled: no file was saved.' });
          return;
        }
        const res = job.value;
        const url = URL.createObjectURL(new Blob([res.content], { type: res.mime }));
        const a = document.createElement('a');
        a.href = url;
        a.download = res.filename;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        showToast({
          text: `Exported ${res.count} ${res.count === 1 ? 'paper' : 'papers'} as ${EXPORT_LABELS[format]}`,
        });
      } catch (err) {
        showToast({ text: `Export failed: ${message(err)}`, tone: 'error' });
      }
    },
    [api, showToast, runExport],
  );

  const openPaper = useCallback((id: string) => {
    setSelectedId(id);
    pane.current?.focusNotes();
  }, []);

  const openPaperFromNotebook = useCallback((id: string) => {
    setSelectedId(id);
    setView('library');
  }, []);

  useEffect(() => {
    if (newNotebookNonce) notebooks.current?.create();
  }, [newNotebookNonce]);

  const focusSearch = useCallback(() => {
    go('search');
    setFocusSearchNonce((n) => n + 1);
  }, [go]);

  const moreLikeThis = useCallback(
    (paper: Pick<Paper, 'id' | 'title'>) => {
      setSimilarTo({ id: paper.id, title: paper.title });
      setSearchPaperId(paper.id);
      go('search');
    },
    [go],
  );

  const ctx: CommandContext = useMemo(
    () => ({
      go,
      openImport: () => setImportOpen(true),
      exportAs: (f) => void exportAs(f),
      toggleTheme: toggle,
      focusFilter: () => {
        setView('library');
        setFocusFilterNonce((n) => n + 1);
      },
      deleteSelected: () => {
        if (selectedId) void deletePaper(selectedId);
      },
      undoDelete: () => void undoDelete(),
      focusSearch,
      moreLikeThis: () => {
        const id = view === 'search' ? searchPaperId : selectedId;
        if (!id) return;
        api
          .call('library:get', { id })
          .then(moreLikeThis, (err: unknown) => showToast({ text: message(err), tone: 'error' }));
      },
      newNotebook: () => {
        setView('notebooks');
        setNewNotebookNonce((n) => n + 1);
      },
      runNotebook: () => notebooks.current?.runAll(),
      stopNotebook: () => notebooks.current?.stop(),
      openTagging,
      hasSelection: selectedId !== null,
      hasOpenPaper: (view === 'search' ? searchPaperId : selectedId) !== null,
      canUndo: undo !== null,
      view,
    }),
    [
      api,
      go,
      exportAs,
      toggle,
      selectedId,
      deletePaper,
      undoDelete,
      undo,
      focusSearch,
      moreLikeThis,
      view,
      searchPaperId,
      showToast,
      openTagging,
    ],
  );

  const ctxRef = useRef(ctx);
  useEffect(() => {
    ctxRef.current = ctx;
  }, [ctx]);
  const modalOpen = paletteOpen || importOpen;
  const modalRef = useRef(modalOpen);
  useEffect(() => {
    modalRef.current = modalOpen;
  }, [modalOpen]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'k') {
        e.preventDefault();
        if (!importOpen) setPaletteOpen((o) => !o);
        return;
      }
      if (modalRef.current) return;
      const c = ctxRef.current;
      if (mod && key === 'i') {
        e.preventDefault();
        c.openImport();
      } else if (mod && !e.shiftKey && !e.altKey && /^[1-9]$/.test(e.key)) {
        const v = VIEWS[Number(e.key) - 1];
        if (v) {
          e.preventDefault();
          c.go(v);
        }
      } else if (isEditable(e.target)) {
        return;
      } else if (e.key === '/' && !mod) {
        // In Library `/` filters the table; everywhere else it goes to Search.
        e.preventDefault();
        if (c.view === 'library') c.focusFilter();
        else c.focusSearch?.();
      } else if (mod && key === 'z' && !e.shiftKey && c.canUndo) {
        e.preventDefault();
        c.undoDelete();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [importOpen]);

  const onPaperChanged = useCallback(
    (p: Parameters<LibraryHandle['patch']>[0]) => library.current?.patch(p),
    [],
  );
  const closePane = useCallback(() => {
    setSelectedId(null);
    library.current?.focusTable();
  }, []);
  const onImported = useCallback(() => {
    bump();
    setView('library');
  }, [bump]);
  const closeSearchPane = useCallback(() => {
    setSearchPaperId(null);
    setFocusSearchNonce((n) => n + 1);
  }, []);
  const exitSimilar = useCallback(() => setSimilarTo(null), []);
  const openImport = useCallback(() => setImportOpen(true), []);

  if (gate === 'unauthorized') return <NoTokenScreen rejected />;
  if (typeof gate === 'object') {
    return (
      <GateScreen title="Cannot reach the library">
        <p>{gate.unavailable}</p>
        <button type="button" className="button primary" onClick={checkServer}>
          Try again
        </button>
      </GateScreen>
    );
  }

  return (
    <div className="app">
      <Sidebar
        view={view}
        onView={go}
        onPalette={() => setPaletteOpen(true)}
        theme={theme}
        onToggleTheme={toggle}
      />
      <main className="content">
        {gate === 'ok' && (
          <div className="view" hidden={view !== 'library'}>
            <LibraryView
              ref={library}
              version={version}
              tags={tags}
              suggestedTags={suggestedTags}
              clusters={mapClusters.clusters}
              preset={libraryPreset}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onOpen={openPaper}
              onDelete={(id) => void deletePaper(id)}
              onImport={() => setImportOpen(true)}
              onExport={(f) => void exportAs(f)}
              exportJob={libraryExport}
              pane={
                // One paper pane at a time: the hidden view's pane is unmounted (saving its notes).
                view === 'library' &&
                selectedId && (
                  <PaperPane
                    ref={pane}
                    id={selectedId}
                    version={version}
                    tagSuggestions={tags.map((t) => t.tag)}
                    onChanged={onPaperChanged}
                    onTagsChanged={onTagsChanged}
                    onDelete={(id) => void deletePaper(id)}
                    onClose={closePane}
                    onMoreLikeThis={moreLikeThis}
                  />
                )
              }
            />
          </div>
        )}
        {gate === 'ok' && searchVisited && (
          <div className="view" hidden={view !== 'search'}>
            <SearchView
              active={view === 'search'}
              version={version}
              tags={tags}
              suggestedTags={suggestedTags}
              clusters={mapClusters.clusters}
              openId={searchPaperId}
              onOpen={setSearchPaperId}
              similarTo={similarTo}
              onExitSimilar={exitSimilar}
              focusNonce={focusSearchNonce}
              onImport={openImport}
              pane={
                view === 'search' &&
                searchPaperId && (
                  <PaperPane
                    id={searchPaperId}
                    version={version}
                    tagSuggestions={tags.map((t) => t.tag)}
                    onChanged={onPaperChanged}
                    onTagsChanged={onTagsChanged}
                    onDelete={(id) => void deletePaper(id)}
                    onClose={closeSearchPane}
                    onMoreLikeThis={moreLikeThis}
                  />
                )
              }
            />
          </div>
        )}
        {gate === 'ok' && view === 'notebooks' && (
          <div className="view">
            <NotebooksView
              ref={notebooks}
              openPaper={openPaperFromNotebook}
              showToast={showToast}
            />
          </div>
        )}
        {gate === 'ok' && tagsVisited && (
          <div className="view" hidden={view !== 'tags'}>
            <TaggingView
              active={view === 'tags'}
              version={version}
              vocabulary={vocabulary}
              request={taggingRequest}
              onChanged={bump}
              onOpenPaper={openPaperFromNotebook}
              onUndoable={offerUndo}
            />
          </div>
        )}
        {gate === 'ok' && view === 'map' && (
          <div className="view">
            <MapView
              version={version}
              dark={theme === 'dark'}
              onPapersChanged={() => void refreshTags()}
              onMapShown={mapClusters.report}
              onOpenInLibrary={openInLibrary}
              renderPane={(id, close) => (
                <PaperPane
                  id={id}
                  version={version}
                  tagSuggestions={tags.map((t) => t.tag)}
                  onChanged={onPaperChanged}
                  onTagsChanged={refreshTags}
                  onDelete={(pid) => void deletePaper(pid)}
                  onClose={close}
                  onMoreLikeThis={moreLikeThis}
                />
              )}
            />
          </div>
        )}
        {view === 'settings' && (
          <div className="view">
            <SettingsView version={version} themeChoice={choice} onThemeChoice={setChoice} />
          </div>
        )}
      </main>
      {paletteOpen && <CommandPalette ctx={ctx} onClose={() => setPaletteOpen(false)} />}
      {importOpen && <ImportDialog onClose={() => setImportOpen(false)} onImported={onImported} />}
      <Toast toast={toast} onDismiss={dismissToast} />
    </div>
  );
}
