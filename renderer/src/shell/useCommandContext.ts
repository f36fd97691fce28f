// The palette's, the shortcuts' and the menu's view of the app: what a command may do, and when.
import { useMemo } from 'react';
import type { Api } from '@shared/api/client';
import { errorMessage } from '@shared/api/errors';
import type { ExportFormat } from '@shared/api/schemas';
import type { CommandContext } from '../features/commands/registry';
import type { TaggingTab } from '../features/tagging/TaggingView';
import type { RequestBus } from '../navigation/requests';
import type { View } from '../views';
import type { useOpenPapers } from './useOpenPapers';
import type { ShowToast } from './useToast';
import type { UndoState } from './useUndo';

/** The shell's basics. */
export type ShellDeps = {
  api: Api;
  bus: RequestBus;
  view: View;
  go(view: View): void;
  openImport(): void;
  toggleTheme(): void;
  showToast: ShowToast;
};

/** What the commands act on, from the shell's other hooks. */
export type CommandDeps = {
  papers: ReturnType<typeof useOpenPapers>;
  undo: UndoState;
  exportAs(format: ExportFormat): Promise<void>;
  notebooks: { newNotebook(): void; runNotebook(): void; stopNotebook(): void };
  openTagging(tab: TaggingTab, action?: 'run' | 'new'): void;
};

export function useCommandContext(shell: ShellDeps, d: CommandDeps): CommandContext {
  const { api, bus, view, go, openImport, toggleTheme, showToast } = shell;
  const { exportAs, openTagging } = d;
  const { selectedId, searchPaperId, deletePaper, moreLikeThis } = d.papers;
  const { canUndo, undo } = d.undo;
  const { newNotebook, runNotebook, stopNotebook } = d.notebooks;
  const openId = view === 'search' ? searchPaperId : selectedId;
  return useMemo(
    () => ({
      go,
      openImport,
      exportAs: (f) => void exportAs(f),
      toggleTheme,
      focusFilter: () => {
        go('library');
        bus.send('library', { kind: 'focusFilter' });
      },
      deleteSelected: () => {
        if (selectedId) void deletePaper(selectedId);
      },
      undoDelete: () => void undo(),
      focusSearch: () => {
        go('search');
        bus.send('search', { kind: 'focus' });
      },
      moreLikeThis: () => {
        if (!openId) return;
        api
          .call('library:get', { id: openId })
          .then(moreLikeThis, (err: unknown) =>
            showToast({ text: errorMessage(err), tone: 'error' }),
          );
      },
      newNotebook,
      runNotebook,
      stopNotebook,
      openTagging,
      hasSelection: selectedId !== null,
      hasOpenPaper: openId !== null,
      canUndo,
      view,
    }),
    [
      api,
      bus,
      view,
      go,
      openImport,
      exportAs,
      toggleTheme,
      selectedId,
      openId,
      deletePaper,
      canUndo,
      undo,
      moreLikeThis,
      newNotebook,
      runNotebook,
      stopNotebook,
      openTagging,
      showToast,
    ],
  );
}
