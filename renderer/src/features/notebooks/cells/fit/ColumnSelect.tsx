// A table-column picker of the fit form (x, y and σ columns).
import type { ReactElement } from 'react';

/**
 * With `emptyLabel` the first choice is "no column" (''); without it a value that is not a column
 * of the table (e.g. the table changed) stays visible rather than silently switching to another.
 */
export function ColumnSelect(props: {
  testId: string;
  columns: string[];
  value: string;
  onChange(value: string): void;
  emptyLabel?: string;
}): ReactElement {
  const { testId, columns, value, onChange, emptyLabel } = props;
  return (
    <select
      className="select"
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {emptyLabel !== undefined ? (
        <option value="">{emptyLabel}</option>
      ) : (
        !columns.includes(value) && <option value={value}>{value || '—'}</option>
      )}
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}
