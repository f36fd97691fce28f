// The table an Experiment sweep stored in the cell (what a plot cell plots), numbers to 4 digits.
import type { ReactElement } from 'react';

export function ExperimentTable(props: {
  table: { columns: string[]; rows: unknown[][] };
}): ReactElement {
  const { table } = props;
  return (
    <table className="graph-metrics" data-testid="graph-experiment-table">
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => (
          <tr key={i}>
            {r.map((v, j) => (
              <td key={j}>
                {typeof v === 'number' && !Number.isInteger(v)
                  ? String(Number(v.toPrecision(4)))
                  : String(v ?? '—')}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
