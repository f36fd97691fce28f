// One value in a table cell's grid: shown as text, edited in place on click (Enter moves down,
// Tab moves right, Escape cancels).
import type { Value } from './tableData';

type Props = {
  v: Value;
  numeric: boolean;
  editing: boolean;
  startEditing(): void;
  commit(text: string, move?: 'down' | 'right'): void;
  cancel(): void;
};

export function GridCell({ v, numeric, editing, startEditing, commit, cancel }: Props) {
  return (
    <td className={numeric ? 'num' : undefined} onClick={startEditing}>
      {editing ? (
        <input
          className="nb-grid-input"
          autoFocus
          defaultValue={v === null ? '' : String(v)}
          data-testid="table-cell-input"
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(e.currentTarget.value, 'down');
            } else if (e.key === 'Tab') {
              e.preventDefault();
              commit(e.currentTarget.value, 'right');
            } else if (e.key === 'Escape') {
              e.preventDefault();
              cancel();
            }
          }}
        />
      ) : (
        <span className={v === null ? 'nb-null' : undefined}>{v === null ? '·' : String(v)}</span>
      )}
    </td>
  );
}
