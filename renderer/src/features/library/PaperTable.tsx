// The library table: virtualised rows (10k papers stay smooth), sortable headers, keyboard selection.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Paper } from '../../../../shared/api/schemas';
import { TexText } from '../../components/TexText';
import type { PaperPages, SortKey } from './usePaperPages';

type Column = { id: string; label: string; sort?: SortKey; className: string };

const COLUMNS: readonly Column[] = [
  { id: 'title', label: 'Title', sort: 'title', className: 'col-title' },
  { id: 'authors', label: 'Authors', sort: 'authors', className: 'col-authors' },
  { id: 'year', label: 'Year', sort: 'year', className: 'col-year' },
  { id: 'venue', label: 'Venue', sort: 'venue', className: 'col-venue' },
  { id: 'tags', label: 'Tags', className: 'col-tags' },
  { id: 'added', label: 'Added', sort: 'addedAt', className: 'col-added' },
];

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

export function formatAuthors(authors: string[]): string {
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

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(total - 1, index));
    const row = pages.getRow(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
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
      case 'Delete':
      case 'Backspace':
        if (selectedId) onDelete(selectedId);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div className="paper-table" role="grid" aria-rowcount={total + 1} aria-label="Papers">
      <div className="table-head" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => {
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
  selected: boolean;
  onSelect(id: string): void;
  onOpen(id: string): void;
};

function Row({ index, start, paper, selected, onSelect, onOpen }: RowProps) {
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
      <div role="gridcell" className="cell col-authors" title={paper.authors.join('; ')}>
        {formatAuthors(paper.authors)}
      </div>
      <div role="gridcell" className="cell col-year">
        {paper.year ?? ''}
      </div>
      <div role="gridcell" className="cell col-venue" title={paper.venue}>
        {paper.venue}
      </div>
      <div role="gridcell" className="cell col-tags">
        {paper.tags.map((t) => (
          <span key={t} className="chip chip-small">
            {t}
          </span>
        ))}
      </div>
      <div role="gridcell" className="cell col-added">
        {formatDate(paper.addedAt)}
      </div>
    </div>
  );
}
