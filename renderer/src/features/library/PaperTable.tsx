// The library table: virtualised rows (10k papers stay smooth), sortable headers, keyboard selection,
// and columns that hide when the whole library leaves them empty (the column menu shows them).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type CSSProperties, type Ref } from 'react';
import { ColumnMenu } from './ColumnMenu';
import { gridTemplate, visibleColumns } from './columns';
import { ROW_HEIGHT, Row } from './PaperRow';
import { TableHead } from './TableHead';
import { useColumnPrefs } from './useColumnPrefs';
import type { PaperPages, SortKey } from './usePaperPages';
import { useTableKeys } from './useTableKeys';

export { ROW_HEIGHT, formatAuthors } from './PaperRow';

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

export function PaperTable(props: Props) {
  const { pages, sort, dir, onSort, selectedId, onSelect, onOpen, ref } = props;
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

  const onKeyDown = useTableKeys({ ...props, virtualizer, scrollRef, first });

  return (
    <div
      className="paper-table"
      role="grid"
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-label="Papers"
      style={gridStyle}
    >
      <TableHead columns={columns} sort={sort} dir={dir} onSort={onSort} />
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
