// The shell's views, side by side in <main>: Library always, Search and Tags kept once visited,
// the others mounted while shown. Each view that shows a paper gets the same paper pane.
import type { ComponentProps, Ref } from 'react';
import type { ExportFormat, Paper } from '@shared/api/schemas';
import { LibraryView } from '../features/library/LibraryView';
import { MapView } from '../features/map/MapView';
import { NotebooksView, type NotebooksHandle } from '../features/notebooks/NotebooksView';
import { PaperPane } from '../features/paper/PaperPane';
import { SearchView } from '../features/search/SearchView';
import { SettingsView } from '../features/settings/SettingsView';
import type { Undoable } from '../features/tagging/ReviewQueue';
import { TaggingView, type TaggingRequest } from '../features/tagging/TaggingView';
import type { LibraryPreset } from '../navigation/requests';
import type { View } from '../views';
import type { useLibraryData } from './useLibraryData';
import type { useOpenPapers } from './useOpenPapers';
import type { ShowToast } from './useToast';

type Props = {
  /** The library answered: the views may load (Settings shows meanwhile too). */
  ready: boolean;
  view: View;
  visited: { search: boolean; tags: boolean };
  data: ReturnType<typeof useLibraryData>;
  papers: ReturnType<typeof useOpenPapers>;
  exportJob: ComponentProps<typeof LibraryView>['exportJob'];
  exportAs(format: ExportFormat): void;
  openImport(): void;
  notebooksRef: Ref<NotebooksHandle>;
  showToast: ShowToast;
  taggingRequest: TaggingRequest | null;
  offerUndo(u: Undoable): void;
  openInLibrary(preset: LibraryPreset): void;
  onPaperChanged(paper: Paper): void;
  closeLibraryPane(): void;
  closeSearchPane(): void;
  theme: { dark: boolean } & Omit<ComponentProps<typeof SettingsView>, 'version'>;
};

export function ShellViews(props: Props) {
  const { ready, view, visited, data, papers, theme, notebooksRef, ...on } = props;
  const { version, tags, suggestedTags, mapClusters } = data;
  const deletePaper = (id: string) => void papers.deletePaper(id);
  const pane = (id: string, onClose: () => void, onTagsChanged = data.onTagsChanged) => (
    <PaperPane
      id={id}
      version={version}
      tagSuggestions={tags.map((t) => t.tag)}
      onChanged={on.onPaperChanged}
      onTagsChanged={onTagsChanged}
      onDelete={deletePaper}
      onClose={onClose}
      onMoreLikeThis={papers.moreLikeThis}
    />
  );
  return (
    <main className="content">
      {ready && (
        <div className="view" hidden={view !== 'library'}>
          <LibraryView
            version={version}
            tags={tags}
            suggestedTags={suggestedTags}
            clusters={mapClusters.clusters}
            selectedId={papers.selectedId}
            onSelect={papers.setSelectedId}
            onOpen={papers.openPaper}
            onDelete={deletePaper}
            onImport={on.openImport}
            onExport={on.exportAs}
            exportJob={on.exportJob}
            // One paper pane at a time: the hidden view's pane is unmounted (saving its notes).
            pane={
              view === 'library' &&
              papers.selectedId &&
              pane(papers.selectedId, on.closeLibraryPane)
            }
          />
        </div>
      )}
      {ready && visited.search && (
        <div className="view" hidden={view !== 'search'}>
          <SearchView
            active={view === 'search'}
            version={version}
            tags={tags}
            suggestedTags={suggestedTags}
            clusters={mapClusters.clusters}
            openId={papers.searchPaperId}
            onOpen={papers.setSearchPaperId}
            similarTo={papers.similarTo}
            onExitSimilar={papers.exitSimilar}
            onImport={on.openImport}
            pane={
              view === 'search' &&
              papers.searchPaperId &&
              pane(papers.searchPaperId, on.closeSearchPane)
            }
          />
        </div>
      )}
      {ready && view === 'notebooks' && (
        <div className="view">
          <NotebooksView
            ref={notebooksRef}
            openPaper={papers.showInLibrary}
            showToast={on.showToast}
          />
        </div>
      )}
      {ready && visited.tags && (
        <div className="view" hidden={view !== 'tags'}>
          <TaggingView
            active={view === 'tags'}
            version={version}
            vocabulary={data.vocabulary}
            request={on.taggingRequest}
            onChanged={data.bump}
            onOpenPaper={papers.showInLibrary}
            onUndoable={on.offerUndo}
          />
        </div>
      )}
      {ready && view === 'map' && (
        <div className="view">
          <MapView
            version={version}
            dark={theme.dark}
            onPapersChanged={() => void data.refreshTags()}
            onMapShown={mapClusters.report}
            onOpenInLibrary={on.openInLibrary}
            renderPane={(id, close) => pane(id, close, data.refreshTags)}
          />
        </div>
      )}
      {view === 'settings' && (
        <div className="view">
          <SettingsView
            version={version}
            themeChoice={theme.themeChoice}
            onThemeChoice={theme.onThemeChoice}
          />
        </div>
      )}
    </main>
  );
}
