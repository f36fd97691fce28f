// Table cell: typed columns and rows. Paste CSV/TSV (parsed by parseDelimited, papaparse), edit a
// value by clicking it, add or remove rows and columns, and name the paper the numbers come from.
// The parts live in ./table.
import { useState } from 'react';
import type { TableCellData } from '@shared/notebook/tables';
import { ColumnHead } from './table/ColumnHead';
import { GridCell } from './table/GridCell';
import { PasteBox, usePasteText } from './table/PasteBox';
import { dataOf, parseValue } from './table/tableData';
import { TableTools } from './table/TableTools';
import type { CellViewProps } from './types';

const MAX_SHOWN_ROWS = 500;

export function TableCellView({ cell, onChange, openPaper }: CellViewProps) {
  const d = dataOf(cell.data);
  const [pasting, setPasting] = useState(d.rows.length === 0);
  const paste = usePasteText();
  const [editing, setEditing] = useState<{ r: number; c: number } | null>(null);

  const set = (next: Partial<TableCellData>) => {
    const merged = { ...d, ...next };
    if (!merged.sourcePaperId) delete merged.sourcePaperId;
    onChange({ ...cell, data: merged });
  };

  const commit = (r: number, c: number, text: string, move?: 'down' | 'right') => {
    const type = d.columns[c]?.type ?? 'string';
    const rows = d.rows.map((row, i) =>
      i === r
        ? d.columns.map((_, j) => (j === c ? parseValue(text, type) : (row[j] ?? null)))
        : row,
    );
    set({ rows });
    if (move === 'down') setEditing(r + 1 < d.rows.length ? { r: r + 1, c } : null);
    else if (move === 'right') setEditing(c + 1 < d.columns.length ? { r, c: c + 1 } : null);
    else setEditing(null);
  };

  return (
    <div className="nb-table">
      <TableTools
        d={d}
        set={set}
        pasting={pasting}
        togglePaste={() => setPasting((p) => !p)}
        openPaper={openPaper}
      />
      {pasting && (
        <PasteBox
          paste={paste}
          onTable={(table) => {
            set(table);
            setPasting(false);
          }}
        />
      )}
      <div className="nb-grid-wrap">
        <table className="nb-grid" data-testid="table-grid">
          <thead>
            <tr>
              {d.columns.map((_, c) => (
                <ColumnHead key={c} d={d} c={c} set={set} />
              ))}
              <th className="nb-grid-gutter" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {d.rows.slice(0, MAX_SHOWN_ROWS).map((row, r) => (
              <tr key={r}>
                {d.columns.map((col, c) => (
                  <GridCell
                    key={c}
                    v={row[c] ?? null}
                    numeric={col.type === 'number'}
                    editing={editing?.r === r && editing.c === c}
                    startEditing={() => setEditing({ r, c })}
                    commit={(text, move) => commit(r, c, text, move)}
                    cancel={() => setEditing(null)}
                  />
                ))}
                <td className="nb-grid-gutter">
                  <button
                    type="button"
                    className="nb-x"
                    aria-label={`Remove row ${r + 1}`}
                    title="Remove row"
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditing(null);
                      set({ rows: d.rows.filter((_, i) => i !== r) });
                    }}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.rows.length > MAX_SHOWN_ROWS && (
          <div className="muted small">
            Showing {MAX_SHOWN_ROWS} of {d.rows.length} rows.
          </div>
        )}
      </div>
    </div>
  );
}
