// The Library view: toolbar (filter, tag, import, export), the virtualised table and the paper pane.
import { TagSelect, liveTagValue, parseTagFilter } from '../../components/TagSelect';
import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import type { ExportFormat, Paper, TagCount } from '../../../../shared/api/schemas';
import { useApi } from '../../apiContext';
import { Icon } from '../../components/Icon';
import { EmbeddingsBanner } from '../search/EmbeddingsBanner';
import { EmptyState } from './EmptyState';
import { ExportMenu } from './ExportMenu';
import { PaperTable, type PaperTableHandle } from './PaperTable';
import { usePaperPages, type SortKey } from './usePaperPages';

export type LibraryHandle = {
  focusFilter(): void;
  focusTable(): void;
  /** The row after (else before) the given paper, to select after it is deleted. */
  neighbourOf(id: string): string | null;
  /** Shows an edited paper in its row without refetching. */
  patch(paper: Paper): void;
};

type Props = {
  version: number;
  tags: TagCount[];
  /** Tags with suggestions waiting for review, offered as "suggested: X" in the tag filter. */
  suggestedTags?: TagCount[];
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onImport(): void;
  onExport(format: ExportFormat): void;
  pane: ReactNode;
  ref?: Ref<LibraryHandle>;
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
  const { version, tags, selectedId, onSelect, onOpen, onDelete, onImport, onExport, pane, ref } =
    props;
  const { suggestedTags } = props;
  const api = useApi();
  const [filterInput, setFilterInput] = useState('');
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<SortKey>('addedAt');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const filterRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<PaperTableHandle>(null);

  useEffect(() => {
    const t = setTimeout(() => setText(filterInput.trim()), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [filterInput]);

  // A tag that no paper carries any more (after edits or deletes) would filter to nothing.
  const activeTag = liveTagValue(tag, tags, suggestedTags);
  const tagFilter = parseTagFilter(activeTag);
  const pages = usePaperPages(
    api,
    { text, tag: tagFilter.tag ?? '', suggestedTag: tagFilter.suggestedTag ?? '', sort, dir },
    version,
  );

  useImperativeHandle(
    ref,
    () => ({
      focusFilter: () => {
        filterRef.current?.focus();
        filterRef.current?.select();
      },
      focusTable: () => tableRef.current?.focus(),
      neighbourOf: (id) => {
        const i = pages.indexOf(id);
        if (i < 0) return null;
        return pages.getRow(i + 1)?.id ?? pages.getRow(i - 1)?.id ?? null;
      },
      patch: pages.patch,
    }),
    [pages],
  );

  const filtered = text !== '' || activeTag !== '';
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
          value={activeTag}
          onChange={setTag}
          label="Filter by tag"
          testId="tag-filter"
        />
        <span className="count" data-testid="library-count" aria-live="polite">
          {count === null
            ? 'Loading…'
            : `${count.toLocaleString()} ${count === 1 ? 'paper' : 'papers'}`}
        </span>
        <div className="toolbar-spacer" />
        <ExportMenu onExport={onExport} disabled={isEmptyLibrary} />
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
                  {activeTag ? (
                    <strong>{tagFilter.tag ?? tagFilter.suggestedTag}</strong>
                  ) : null}.{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setFilterInput('');
                      setText('');
                      setTag('');
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
