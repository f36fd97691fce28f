// What a computed cell produced, rendered without ever injecting its strings as HTML: text, JSON
// (pretty), tables, console lines, errors in red, SVG as an <img> data URL.
import type { CellOutput } from '@shared/notebook/model';

const MAX_ROWS = 200;

function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function OutputTable({ columns, rows }: { columns: string[]; rows: unknown[][] }) {
  return (
    <div className="nb-out-table-wrap">
      <table className="nb-out-table">
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((r, i) => (
            <tr key={i}>
              {columns.map((_, j) => (
                <td key={j} className={typeof r[j] === 'number' ? 'num' : undefined}>
                  {show(r[j])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && (
        <div className="muted small">… {rows.length - MAX_ROWS} more rows</div>
      )}
    </div>
  );
}

export function Output({ output }: { output: CellOutput }) {
  switch (output.kind) {
    case 'text':
      return <pre className="nb-out nb-out-text">{output.text}</pre>;
    case 'json':
      return (
        <pre className="nb-out nb-out-json">
          {JSON.stringify(output.value, null, 2) ?? 'undefined'}
        </pre>
      );
    case 'table':
      return <OutputTable columns={output.columns} rows={output.rows} />;
    case 'console':
      return <pre className={`nb-out nb-out-console nb-level-${output.level}`}>{output.text}</pre>;
    case 'error':
      return (
        <pre className="nb-out nb-out-error" role="alert">
          {output.name && output.name !== 'Error' ? `${output.name}: ` : ''}
          {output.message}
        </pre>
      );
    case 'svg':
      return (
        <img
          className="nb-out nb-out-svg"
          alt="Cell output"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(output.svg)}`}
        />
      );
  }
}

export function Outputs({ outputs }: { outputs: CellOutput[] }) {
  if (outputs.length === 0) return null;
  return (
    <div className="nb-outputs">
      {outputs.map((o, i) => (
        <div key={i} data-testid="cell-output" data-output-kind={o.kind}>
          <Output output={o} />
        </div>
      ))}
    </div>
  );
}
