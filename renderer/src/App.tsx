// The app shell: sidebar, views, dialogs and toasts. Each concern lives in its hook under shell/;
// views ask each other for things through the request bus (navigation/).
import { useCallback, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { Paper } from '@shared/api/schemas';
import { ApiContext } from './apiContext';
import { GateScreen, NoTokenScreen } from './components/GateScreen';
import { Sidebar } from './components/Sidebar';
import { Toast } from './components/Toast';
import { CommandPalette } from './features/commands/CommandPalette';
import { ImportDialog } from './features/import/ImportDialog';
import type { TaggingRequest, TaggingTab } from './features/tagging/TaggingView';
import { useTheme } from './features/theme/useTheme';
import { RequestBus, type LibraryPreset } from './navigation/requests';
import { NavigationContext } from './navigation/useRequests';
import { ShellViews } from './shell/ShellViews';
import { useCommandContext } from './shell/useCommandContext';
import { useGate } from './shell/useGate';
import { useLibraryData } from './shell/useLibraryData';
import { useLibraryExport } from './shell/useLibraryExport';
import { useMenuCommands, type OnMenuCommand } from './shell/useMenuCommands';
import { useNotebookCommands } from './shell/useNotebookCommands';
import { useOpenPapers } from './shell/useOpenPapers';
import { useShortcuts } from './shell/useShortcuts';
import { useToast } from './shell/useToast';
import { useUndo } from './shell/useUndo';
import { useViews } from './shell/useViews';

type AppProps = {
  api: Api;
  /** Menu commands from the desktop app's menu (absent in browser mode). */
  onMenuCommand?: OnMenuCommand;
};

export function App({ api, onMenuCommand }: AppProps) {
  const [bus] = useState(() => new RequestBus());
  return (
    <ApiContext.Provider value={api}>
      <NavigationContext.Provider value={bus}>
        <Shell api={api} bus={bus} onMenuCommand={onMenuCommand} />
      </NavigationContext.Provider>
    </ApiContext.Provider>
  );
}

function Shell({ api, bus, onMenuCommand }: AppProps & { bus: RequestBus }) {
  const { theme, choice, setChoice, toggle } = useTheme();
  const { gate, checkServer } = useGate(api);
  const { view, go, searchVisited, tagsVisited } = useViews();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const { toast, showToast, dismiss } = useToast();
  const undo = useUndo(showToast);
  const data = useLibraryData(api, gate === 'ok');
  const { bump } = data;
  const papers = useOpenPapers({ api, bus, go, bump, showToast, offerUndo: undo.offer });
  const libraryExport = useLibraryExport(api, showToast);
  const notebooks = useNotebookCommands(useCallback(() => go('notebooks'), [go]));
  const [taggingRequest, setTaggingRequest] = useState<TaggingRequest | null>(null);
  const openTagging = useCallback(
    (tab: TaggingTab, action?: 'run' | 'new') => {
      go('tags');
      // TaggingView (tagging's) applies a request once per nonce.
      setTaggingRequest((r) => ({ tab, action, nonce: (r?.nonce ?? 0) + 1 }));
    },
    [go],
  );
  const openImport = useCallback(() => setImportOpen(true), []);
  const ctx = useCommandContext(
    { api, bus, view, go, openImport, toggleTheme: toggle, showToast },
    {
      papers,
      undo,
      exportAs: libraryExport.exportAs,
      notebooks,
      openTagging,
    },
  );
  const togglePalette = useCallback(() => setPaletteOpen((o) => !o), []);
  useShortcuts({ ctx, modalOpen: paletteOpen || importOpen, importOpen, togglePalette });
  useMenuCommands(onMenuCommand, ctx);

  const { setSelectedId, setSearchPaperId } = papers;
  const onPaperChanged = useCallback(
    (paper: Paper) => bus.send('library', { kind: 'patch', paper }),
    [bus],
  );
  const closeLibraryPane = useCallback(() => {
    setSelectedId(null);
    bus.send('library', { kind: 'focusTable' });
  }, [bus, setSelectedId]);
  const closeSearchPane = useCallback(() => {
    setSearchPaperId(null);
    bus.send('search', { kind: 'focus' });
  }, [bus, setSearchPaperId]);
  const openInLibrary = useCallback(
    (preset: LibraryPreset) => {
      bus.send('library', { kind: 'preset', preset });
      go('library');
    },
    [bus, go],
  );
  const onImported = useCallback(() => {
    bump();
    go('library');
  }, [bump, go]);

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
      <ShellViews
        ready={gate === 'ok'}
        view={view}
        visited={{ search: searchVisited, tags: tagsVisited }}
        data={data}
        papers={papers}
        exportJob={libraryExport.job}
        exportAs={(f) => void libraryExport.exportAs(f)}
        openImport={openImport}
        notebooksRef={notebooks.ref}
        showToast={showToast}
        taggingRequest={taggingRequest}
        offerUndo={undo.offerUndoable}
        openInLibrary={openInLibrary}
        onPaperChanged={onPaperChanged}
        closeLibraryPane={closeLibraryPane}
        closeSearchPane={closeSearchPane}
        theme={{ dark: theme === 'dark', themeChoice: choice, onThemeChoice: setChoice }}
      />
      {paletteOpen && <CommandPalette ctx={ctx} onClose={() => setPaletteOpen(false)} />}
      {importOpen && <ImportDialog onClose={() => setImportOpen(false)} onImported={onImported} />}
      <Toast toast={toast} onDismiss={dismiss} />
    </div>
  );
}
