// The tools above a table cell's grid: paste, add a row or a column, the row count, the source paper.
import type { TableCellData } from '@shared/notebook/tables';
import { SourcePaper } from './SourcePaper';
import { uniqueName } from './tableData';

type Props = {
  d: TableCellData;
  set(next: Partial<TableCellData>): void;
  pasting: boolean;
  togglePaste(): void;
  openPaper(id: string): void;
};

export function TableTools({ d, set, pasting, togglePaste, openPaper }: Props) {
  return (
    <div className="nb-table-tools">
      <button type="button" className="button small" onClick={togglePaste} aria-expanded={pasting}>
        Paste CSV/TSV
      </button>
      <button
        type="button"
        className="button small"
        onClick={() => set({ rows: [...d.rows, d.columns.map(() => null)] })}
      >
        + Row
      </button>
      <button
        type="button"
        className="button small"
        onClick={() =>
          set({
            columns: [...d.columns, { name: uniqueName(d.columns, 'column'), type: 'number' }],
            rows: d.rows.map((r) => [...r, null]),
          })
        }
      >
        + Column
      </button>
      <span className="muted small">
        {d.rows.length} {d.rows.length === 1 ? 'row' : 'rows'}
      </span>
      <span className="toolbar-spacer" />
      <SourcePaper
        id={d.sourcePaperId}
        onChange={(id) => set({ sourcePaperId: id })}
        openPaper={openPaper}
      />
    </div>
  );
}
