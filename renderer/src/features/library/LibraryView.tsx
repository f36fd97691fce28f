// The Library view: toolbar (filter, tag, import, export), the virtualised table and the paper pane.
import { liveTagValue, parseTagFilter, type ClusterOption } from '../../components/TagSelect';
import { useRef, type ComponentProps, type ReactNode } from 'react';
import type { ExportFormat, TagCount } from '@shared/api/schemas';
import { useApi } from '../../apiContext';
import { useRequests } from '../../navigation/useRequests';
import { useKinds } from '../annotations/useKinds';
import { EmbeddingsBanner } from '../search/EmbeddingsBanner';
import { EmptyState } from './EmptyState';
import type { ExportMenu } from './ExportMenu';
import { LibraryToolbar } from './LibraryToolbar';
import { PaperTable, type PaperTableHandle } from './PaperTable';
import { NoMatch } from './NoMatch';
import { useLibraryFilters } from './useLibraryFilters';
import { usePaperPages } from './usePaperPages';
import './library.css';

type Props = {
  version: number;
  tags: TagCount[];
  /** Tags with suggestions waiting for review, offered as "suggested: X" in the tag filter. */
  suggestedTags?: TagCount[];
  /** Clusters of the topic map, offered in the tag filter. */
  clusters?: ClusterOption[];
  selectedId: string | null;
  /** Null when the selected paper was deleted and had no neighbour. */
  onSelect(id: string | null): void;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onImport(): void;
  onExport(format: ExportFormat): void;
  /** The library export under way, shown in place of the Export menu with Cancel. */
  exportJob?: ComponentProps<typeof ExportMenu>['job'];
  pane: ReactNode;
};

export { FILTER_DEBOUNCE_MS } from './useLibraryFilters';

export function LibraryView(props: Props) {
  const { version, tags, selectedId, onSelect, onOpen, onDelete, onImport, onExport, pane } = props;
  const { suggestedTags, clusters } = props;
  const api = useApi();
  const f = useLibraryFilters();
  const { filterInput, text, tag, annotationKind, sort, dir, selection } = f;
  const kinds = useKinds(api, version);
  const filterRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<PaperTableHandle>(null);

  // A tag that no paper carries any more (after edits or deletes) would filter to nothing.
  const activeTag = liveTagValue(tag, tags, suggestedTags, clusters);
  const tagFilter = parseTagFilter(activeTag);
  const pages = usePaperPages(
    api,
    {
      text,
      tag: tagFilter.tag ?? '',
      suggestedTag: tagFilter.suggestedTag ?? '',
      cluster: tagFilter.cluster ?? '',
      ...(selection ? { ids: selection.ids } : {}),
      annotationKind,
      sort,
      dir,
    },
    version,
  );

  useRequests('library', (request) => {
    if (request.kind === 'focusFilter') {
      filterRef.current?.focus();
      filterRef.current?.select();
    } else if (request.kind === 'focusTable') tableRef.current?.focus();
    else if (request.kind === 'preset') f.applyPreset(request.preset);
    else if (request.kind === 'patch') pages.patch(request.paper);
    else if (request.kind === 'deleted' && request.id === selectedId) {
      // The rows still hold the deleted paper until the refetch answers: its neighbour is known.
      const i = pages.indexOf(request.id);
      onSelect(i < 0 ? null : (pages.getRow(i + 1)?.id ?? pages.getRow(i - 1)?.id ?? null));
    }
  });

  const filtered = text !== '' || activeTag !== '' || selection !== null || annotationKind !== '';
  const isEmptyLibrary = pages.total === 0 && !filtered && filterInput === '';
  const count = pages.total;

  return (
    <div className="library-view">
      <LibraryToolbar
        filters={f}
        filterRef={filterRef}
        onFilterDone={() => tableRef.current?.focus()}
        tagSelect={{ tags, suggested: suggestedTags, clusters, value: activeTag }}
        kinds={kinds.kinds}
        count={count}
        exportMenu={{ onExport, disabled: isEmptyLibrary, job: props.exportJob }}
        onImport={onImport}
      />
      <EmbeddingsBanner version={version} />
      {pages.error && (
        <div className="banner banner-error" role="alert">
          Could not load the library: {pages.error}
          <button type="button" className="button small" onClick={pages.retry}>
            Retry
          </button>
        </div>
      )}
      <div className="library-split">
        <div className="library-main">
          {isEmptyLibrary ? (
            <EmptyState onImport={onImport} />
          ) : (
            <>
              <PaperTable
                ref={tableRef}
                pages={pages}
                sort={sort}
                dir={dir}
                onSort={f.toggleSort}
                selectedId={selectedId}
                onSelect={onSelect}
                onOpen={onOpen}
                onDelete={onDelete}
              />
              {pages.total === 0 && filtered && (
                <NoMatch
                  text={text}
                  activeTag={activeTag}
                  tagFilter={tagFilter}
                  clusterLabel={clusters?.find((c) => c.id === tagFilter.cluster)?.label}
                  selectionLabel={selection?.label ?? null}
                  annotationKind={annotationKind}
                  kindLabel={annotationKind ? kinds.labelOf(annotationKind) : ''}
                  onClear={f.clearAll}
                />
              )}
            </>
          )}
        </div>
        {pane}
      </div>
    </div>
  );
}
