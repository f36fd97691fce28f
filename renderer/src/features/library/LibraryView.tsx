// The Library view: toolbar (filter, tag, import, export), the virtualised table and the paper pane.
import {
  TagSelect,
  clusterValue,
  liveTagValue,
  parseTagFilter,
  type ClusterOption,
} from '../../components/TagSelect';
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import type { ExportFormat, TagCount } from '../../../../shared/api/schemas';
import { useApi } from '../../apiContext';
import { Icon } from '../../components/Icon';
import type { LibraryPreset } from '../../navigation/requests';
import { useRequests } from '../../navigation/useRequests';
import { KindFilter } from '../annotations/KindFilter';
import { useKinds } from '../annotations/useKinds';
import { EmbeddingsBanner } from '../search/EmbeddingsBanner';
import { EmptyState } from './EmptyState';
import { ExportMenu } from './ExportMenu';
import { PaperTable, type PaperTableHandle } from './PaperTable';
import { usePaperPages, type SortKey } from './usePaperPages';

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

/** Keystrokes settle for this long before the list is refetched. */
export const FILTER_DEBOUNCE_MS = 150;

/** Dates and years read best newest-first; names read best A→Z. */
const FIRST_DIR: Record<SortKey, 'asc' | 'desc'> = {
  title: 'asc',
  authors: 'asc',
  venue: 'asc',
  year: 'desc',
  addedAt: 'desc',
};

export function LibraryView(props: Props) {
  const { version, tags, selectedId, onSelect, onOpen, onDelete, onImport, onExport, pane } = props;
  const { suggestedTags, clusters } = props;
  const api = useApi();
  const [filterInput, setFilterInput] = useState('');
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  // '' (no filter), `*` (any kind) or a kind id: papers with such a highlight.
  const [annotationKind, setAnnotationKind] = useState('');
  const kinds = useKinds(api, version);
  const [sort, setSort] = useState<SortKey>('addedAt');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [selection, setSelection] = useState<{ ids: string[]; label: string } | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  // A preset from the map replaces the filters.
  const applyPreset = (preset: LibraryPreset) => {
    setFilterInput('');
    setText('');
    if ('cluster' in preset) {
      setTag(clusterValue(preset.cluster));
      setSelection(null);
    } else {
      setTag('');
      setSelection({ ids: preset.ids, label: preset.label });
    }
  };
  const tableRef = useRef<PaperTableHandle>(null);

  useEffect(() => {
    const t = setTimeout(() => setText(filterInput.trim()), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [filterInput]);

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
    else if (request.kind === 'preset') applyPreset(request.preset);
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

  const toggleSort = (key: SortKey) => {
    if (key === sort) setDir((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(key);
      setDir(FIRST_DIR[key]);
    }
  };

  return (
    <div className="library-view">
      <div className="toolbar">
        <div className="filter-box">
          <Icon name="search" />
          <input
            ref={filterRef}
            type="search"
            className="filter-input"
            placeholder="Filter by title, author, abstract, notes…"
            aria-label="Filter papers"
            data-testid="filter-input"
            value={filterInput}
            onChange={(e) => setFilterInput(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && filterInput) {
                e.stopPropagation();
                setFilterInput('');
              } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault();
                tableRef.current?.focus();
              }
            }}
          />
          <kbd className="filter-kbd" aria-hidden="true">
            /
          </kbd>
        </div>
        <TagSelect
          tags={tags}
          suggested={suggestedTags}
          clusters={clusters}
          value={activeTag}
          onChange={setTag}
          label="Filter by tag"
          testId="tag-filter"
        />
        <KindFilter kinds={kinds.kinds} value={annotationKind} onChange={setAnnotationKind} />
        {selection && (
          <span className="chip" data-testid="library-selection-chip">
            {selection.label} ({selection.ids.length.toLocaleString()})
            <button
              type="button"
              className="chip-remove"
              aria-label="Show all papers again"
              onClick={() => setSelection(null)}
            >
              ×
            </button>
          </span>
        )}
        <span className="count" data-testid="library-count" aria-live="polite">
          {count === null
            ? 'Loading…'
            : `${count.toLocaleString()} ${count === 1 ? 'paper' : 'papers'}`}
        </span>
        <div className="toolbar-spacer" />
        <ExportMenu onExport={onExport} disabled={isEmptyLibrary} job={props.exportJob} />
        <button
          type="button"
          className="button primary"
          data-testid="import-button"
          onClick={onImport}
        >
          <Icon name="import" /> Import
        </button>
      </div>
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
                onSort={toggleSort}
                selectedId={selectedId}
                onSelect={onSelect}
                onOpen={onOpen}
                onDelete={onDelete}
              />
              {pages.total === 0 && filtered && (
                <div className="no-match">
                  No papers match {text ? <strong>“{text}”</strong> : null}
                  {text && activeTag ? ' with ' : null}
                  {tagFilter.tag ? 'tag ' : tagFilter.suggestedTag ? 'suggested tag ' : null}
                  {tagFilter.cluster ? 'in cluster ' : null}
                  {activeTag ? (
                    <strong>
                      {tagFilter.tag ??
                        tagFilter.suggestedTag ??
                        clusters?.find((c) => c.id === tagFilter.cluster)?.label}
                    </strong>
                  ) : null}
                  {selection ? ` in ${selection.label}` : null}
                  {annotationKind === '*' ? ' with highlights' : null}
                  {annotationKind && annotationKind !== '*' ? (
                    <>
                      {' with '}
                      <strong>{kinds.labelOf(annotationKind).toLowerCase()}</strong> highlights
                    </>
                  ) : null}
                  .{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setFilterInput('');
                      setText('');
                      setTag('');
                      setSelection(null);
                      setAnnotationKind('');
                    }}
                  >
                    Clear filters
                  </button>
                </div>
              )}
            </>
          )}
        </div>
        {pane}
      </div>
    </div>
  );
}
