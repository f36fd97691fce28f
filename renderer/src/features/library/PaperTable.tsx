// The library table: virtualised rows (10k papers stay smooth), sortable headers, keyboard selection,
// and columns that hide when the whole library leaves them empty (the column menu shows them).
import { displayName } from '../../../../shared/papers/names';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type CSSProperties, type Ref } from 'react';
import type { Paper } from '../../../../shared/api/schemas';
import { TexText } from '../../components/TexText';
import { ColumnMenu } from './ColumnMenu';
import { gridTemplate, visibleColumns, type ColumnId } from './columns';
import { useColumnPrefs } from './useColumnPrefs';
import type { PaperPages, SortKey } from './usePaperPages';

export const ROW_HEIGHT = 36;

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

export function formatAuthors(stored: string[]): string {
  const authors = stored.map(displayName);
  if (authors.length <= 2) return authors.join(', ');
  return `${authors.slice(0, 2).join(', ')} +${authors.length - 2}`;
}

export type PaperTableHandle = { focus(): void };

type Props = {
  pages: PaperPages;
  sort: SortKey;
  dir: 'asc' | 'desc';
  onSort(sort: SortKey): void;
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
  onDelete(id: string): void;
  ref?: Ref<PaperTableHandle>;
};

export function PaperTable({
  pages,
  sort,
  dir,
  onSort,
  selectedId,
  onSelect,
  onOpen,
  onDelete,
  ref,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  const [prefs, setPrefs] = useColumnPrefs();
  const columns = visibleColumns(pages.filled, prefs);
  const shown = new Set(columns.map((c) => c.id));
  const gridStyle = { '--cols': gridTemplate(columns) } as CSSProperties;

  // The library can hold tens of thousands of rows: only the visible ones are in the DOM.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const { ensureRange } = pages;
  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

  const selectedIndex = selectedId ? pages.indexOf(selectedId) : -1;

  // A row the keyboard moved to before its page had loaded (End in a large library): selected
  // as soon as it arrives, so the key selects as well as scrolls.
  const pendingRow = useRef<number | null>(null);
  useEffect(() => {
    const i = pendingRow.current;
    if (i === null) return;
    const row = pages.getRow(i);
    if (row) {
      pendingRow.current = null;
      onSelect(row.id);
    }
  });

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(total - 1, index));
    const row = pages.getRow(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    pendingRow.current = row ? null : i;
    if (row) onSelect(row.id);
    else ensureRange(i, i);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (total === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(selectedIndex < 0 ? first : selectedIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(selectedIndex < 0 ? first : selectedIndex - 1);
        break;
      case 'PageDown':
        moveTo(Math.max(selectedIndex, 0) + page);
        break;
      case 'PageUp':
        moveTo(Math.max(selectedIndex, 0) - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
        if (selectedId) onOpen(selectedId);
        break;
      // Delete only: Backspace is "go back" in file managers and too easy to hit by accident.
      case 'Delete':
        if (selectedId) onDelete(selectedId);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div
      className="paper-table"
      role="grid"
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-label="Papers"
      style={gridStyle}
    >
      <div className="table-head" role="row" aria-rowindex={1}>
        {columns.map((c) => {
          const active = c.sort !== undefined && c.sort === sort;
          return (
            <div
              key={c.id}
              role="columnheader"
              className={`cell ${c.className}`}
              aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {c.sort ? (
                <button
                  type="button"
                  className={`sort-button ${active ? 'active' : ''}`}
                  data-testid={`sort-${c.id}`}
                  onClick={() => c.sort && onSort(c.sort)}
                >
                  {c.label}
                  <span className="sort-arrow" aria-hidden="true">
                    {active ? (dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                <span className="head-label">{c.label}</span>
              )}
            </div>
          );
        })}
      </div>
      {/* Over the header's last (empty) track: the header clips overflow, which would cut the menu. */}
      <ColumnMenu visible={columns} filled={pages.filled} prefs={prefs} onChange={setPrefs} />
      <div
        ref={scrollRef}
        className="table-body"
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="paper-table"
        aria-activedescendant={selectedId ? `row-${selectedId}` : undefined}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const paper = pages.getRow(v.index);
            return (
              <Row
                key={v.key}
                index={v.index}
                start={v.start}
                paper={paper}
                shown={shown}
                selected={paper !== undefined && paper.id === selectedId}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

type RowProps = {
  index: number;
  start: number;
  paper: Paper | undefined;
  shown: ReadonlySet<ColumnId>;
  selected: boolean;
  onSelect(id: string): void;
  onOpen(id: string): void;
};

function Row({ index, start, paper, shown, selected, onSelect, onOpen }: RowProps) {
  const style = { transform: `translateY(${start}px)`, height: ROW_HEIGHT };
  if (!paper) {
    return (
      <div className="row row-loading" role="row" aria-rowindex={index + 2} style={style}>
        <div className="cell col-title">
          <span className="skeleton" />
        </div>
      </div>
    );
  }
  return (
    <div
      id={`row-${paper.id}`}
      className={`row ${selected ? 'selected' : ''} ${index % 2 ? 'odd' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="paper-row"
      data-paper-id={paper.id}
      style={style}
      onMouseDown={() => onSelect(paper.id)}
      onDoubleClick={() => onOpen(paper.id)}
    >
      <div role="gridcell" className="cell col-title" title={paper.title}>
        {paper.title ? <TexText text={paper.title} /> : <span className="muted">Untitled</span>}
      </div>
      {shown.has('authors') && (
        <div
          role="gridcell"
          className="cell col-authors"
          title={paper.authors.map(displayName).join('; ')}
        >
          {formatAuthors(paper.authors)}
        </div>
      )}
      {shown.has('year') && (
        <div role="gridcell" className="cell col-year">
          {paper.year ?? ''}
        </div>
      )}
      {shown.has('venue') && (
        <div role="gridcell" className="cell col-venue" title={paper.venue}>
          {paper.venue}
        </div>
      )}
      {shown.has('tags') && (
        <div role="gridcell" className="cell col-tags">
          {paper.tags.map((t) => (
            <span key={t} className="chip chip-small">
              {t}
            </span>
          ))}
        </div>
      )}
      {shown.has('added') && (
        <div role="gridcell" className="cell col-added">
          {formatDate(paper.addedAt)}
        </div>
      )}
    </div>
  );
}
