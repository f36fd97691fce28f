// A table column's head: its name, its type (changing it converts the values) and remove.
import { COLUMN_TYPES, type ColumnType, type TableCellData } from '@shared/notebook/tables';
import { convert } from './tableData';

type Props = {
  d: TableCellData;
  c: number;
  set(next: Partial<TableCellData>): void;
};

export function ColumnHead({ d, c, set }: Props) {
  const col = d.columns[c];
  if (!col) return null;
  return (
    <th>
      <div className="nb-col-head">
        <input
          className="nb-col-name"
          value={col.name}
          aria-label={`Column ${c + 1} name`}
          onChange={(e) =>
            set({
              columns: d.columns.map((x, j) =>
                j === c ? { ...x, name: e.target.value || ' ' } : x,
              ),
            })
          }
        />
        <select
          className="nb-col-type"
          value={col.type}
          aria-label={`Column ${col.name} type`}
          onChange={(e) => {
            const type = e.target.value as ColumnType;
            set({
              columns: d.columns.map((x, j) => (j === c ? { ...x, type } : x)),
              rows: d.rows.map((r) => r.map((v, j) => (j === c ? convert(v, type) : v))),
            });
          }}
        >
          {COLUMN_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {d.columns.length > 1 && (
          <button
            type="button"
            className="nb-x"
            aria-label={`Remove column ${col.name}`}
            title="Remove column"
            onClick={() =>
              set({
                columns: d.columns.filter((_, j) => j !== c),
                rows: d.rows.map((r) => r.filter((_, j) => j !== c)),
              })
            }
          >
            ×
          </button>
        )}
      </div>
    </th>
  );
}
