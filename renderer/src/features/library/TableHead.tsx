// The library table's header row: column labels, and sort buttons on the sortable ones.
import type { Column } from './columns';
import type { SortKey } from './usePaperPages';

type Props = {
  columns: Column[];
  sort: SortKey;
  dir: 'asc' | 'desc';
  onSort(sort: SortKey): void;
};

export function TableHead({ columns, sort, dir, onSort }: Props) {
  return (
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
  );
}
