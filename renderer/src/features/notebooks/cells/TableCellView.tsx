// Table cell: typed columns and rows. Paste CSV/TSV (parsed by parseDelimited, papaparse), edit a
// value by clicking it, add or remove rows and columns, and name the paper the numbers come from.
import { useEffect, useState } from 'react';
import type { Paper } from '../../../../../shared/api/schemas';
import { TexText } from '../../../components/TexText';
import {
  COLUMN_TYPES,
  parseDelimited,
  type ColumnType,
  type TableCellData,
} from '../../../../../shared/notebook/tables';
import { PaperPicker } from '../PaperSuggest';
import type { CellViewProps } from './types';

const MAX_SHOWN_ROWS = 500;
type Value = TableCellData['rows'][number][number];

function dataOf(data: unknown): TableCellData {
  const d = (data ?? {}) as Partial<TableCellData>;
  const columns = Array.isArray(d.columns) && d.columns.length ? d.columns : [];
  return {
    columns: columns.length ? columns : [{ name: 'x', type: 'number' }],
    rows: Array.isArray(d.rows) ? d.rows : [],
    ...(d.sourcePaperId ? { sourcePaperId: d.sourcePaperId } : {}),
  };
}

/** What the user typed, as the column's type stores it. */
function parseValue(text: string, type: ColumnType): Value {
  const t = text.trim();
  if (t === '') return null;
  if (type === 'number') {
    const n = Number(t);
    return Number.isFinite(n) ? n : t;
  }
  return t;
}

function convert(v: Value, type: ColumnType): Value {
  return v === null ? null : parseValue(String(v), type);
}

function uniqueName(columns: TableCellData['columns'], base: string): string {
  let name = base;
  for (let i = 2; columns.some((c) => c.name === name); i++) name = `${base} ${i}`;
  return name;
}

function SourcePaper({
  api,
  id,
  onChange,
  openPaper,
}: {
  api: CellViewProps['api'];
  id: string | undefined;
  onChange(id: string | undefined): void;
  openPaper(id: string): void;
}) {
  const [title, setTitle] = useState<{ id: string; title: string } | null>(null);
  const [picking, setPicking] = useState(false);
  useEffect(() => {
    if (!id) return;
    let live = true;
    api.call('library:get', { id }).then(
      (p) => live && setTitle({ id, title: p.title }),
      () => live && setTitle({ id, title: `${id} (not in this library)` }),
    );
    return () => {
      live = false;
    };
  }, [api, id]);
  if (picking)
    return (
      <div className="nb-table-source">
        <span className="muted small">Source:</span>
        <PaperPicker
          api={api}
          autoFocus
          testId="table-source-picker"
          onPick={(p: Paper) => {
            setPicking(false);
            onChange(p.id);
          }}
        />
        <button type="button" className="button small" onClick={() => setPicking(false)}>
          Cancel
        </button>
      </div>
    );
  return (
    <div className="nb-table-source small">
      {id ? (
        <>
          <span className="muted">Source:</span>
          <button type="button" className="link-button" onClick={() => openPaper(id)}>
            {title?.id === id ? <TexText text={title.title} /> : id}
          </button>
          <button type="button" className="link-button muted" onClick={() => onChange(undefined)}>
            remove
          </button>
        </>
      ) : (
        <button type="button" className="link-button" onClick={() => setPicking(true)}>
          + Source paper
        </button>
      )}
    </div>
  );
}

export function TableCellView({ api, cell, onChange, openPaper }: CellViewProps) {
  const d = dataOf(cell.data);
  const [pasting, setPasting] = useState(d.rows.length === 0);
  const [pasteText, setPasteText] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ r: number; c: number } | null>(null);

  const set = (next: Partial<TableCellData>) => {
    const merged = { ...d, ...next };
    if (!merged.sourcePaperId) delete merged.sourcePaperId;
    onChange({ ...cell, data: merged });
  };

  const usePaste = () => {
    try {
      const parsed = parseDelimited(pasteText);
      set({ columns: parsed.columns, rows: parsed.rows });
      setPasting(false);
      setPasteText('');
      setPasteError(null);
    } catch (err) {
      setPasteError(err instanceof Error ? err.message : String(err));
    }
  };

  const setValue = (r: number, c: number, text: string) => {
    const type = d.columns[c]?.type ?? 'string';
    const rows = d.rows.map((row, i) =>
      i === r
        ? d.columns.map((_, j) => (j === c ? parseValue(text, type) : (row[j] ?? null)))
        : row,
    );
    set({ rows });
  };

  const commit = (r: number, c: number, text: string, move?: 'down' | 'right') => {
    setValue(r, c, text);
    if (move === 'down') setEditing(r + 1 < d.rows.length ? { r: r + 1, c } : null);
    else if (move === 'right') setEditing(c + 1 < d.columns.length ? { r, c: c + 1 } : null);
    else setEditing(null);
  };

  return (
    <div className="nb-table">
      <div className="nb-table-tools">
        <button
          type="button"
          className="button small"
          onClick={() => setPasting((p) => !p)}
          aria-expanded={pasting}
        >
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
          api={api}
          id={d.sourcePaperId}
          onChange={(id) => set({ sourcePaperId: id })}
          openPaper={openPaper}
        />
      </div>
      {pasting && (
        <div className="nb-paste">
          <textarea
            className="nb-code"
            data-testid="table-paste"
            rows={5}
            value={pasteText}
            placeholder={'Paste CSV or TSV with a header row, e.g.\ncompute,loss\n1e18,3.2'}
            onChange={(e) => setPasteText(e.target.value)}
          />
          <div className="nb-paste-actions">
            <button
              type="button"
              className="button small primary"
              disabled={!pasteText.trim()}
              onClick={usePaste}
              data-testid="table-paste-apply"
            >
              Replace table
            </button>
            {pasteError && <span className="field-error">{pasteError}</span>}
          </div>
        </div>
      )}
      <div className="nb-grid-wrap">
        <table className="nb-grid" data-testid="table-grid">
          <thead>
            <tr>
              {d.columns.map((col, c) => (
                <th key={c}>
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
                          rows: d.rows.map((r) =>
                            r.map((v, j) => (j === c ? convert(v, type) : v)),
                          ),
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
              ))}
              <th className="nb-grid-gutter" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {d.rows.slice(0, MAX_SHOWN_ROWS).map((row, r) => (
              <tr key={r}>
                {d.columns.map((col, c) => {
                  const v = row[c] ?? null;
                  const isEditing = editing?.r === r && editing.c === c;
                  return (
                    <td
                      key={c}
                      className={col.type === 'number' ? 'num' : undefined}
                      onClick={() => setEditing({ r, c })}
                    >
                      {isEditing ? (
                        <input
                          className="nb-grid-input"
                          autoFocus
                          defaultValue={v === null ? '' : String(v)}
                          data-testid="table-cell-input"
                          onBlur={(e) => commit(r, c, e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') {
                              e.preventDefault();
                              commit(r, c, e.currentTarget.value, 'down');
                            } else if (e.key === 'Tab') {
                              e.preventDefault();
                              commit(r, c, e.currentTarget.value, 'right');
                            } else if (e.key === 'Escape') {
                              e.preventDefault();
                              setEditing(null);
                            }
                          }}
                        />
                      ) : (
                        <span className={v === null ? 'nb-null' : undefined}>
                          {v === null ? '·' : String(v)}
                        </span>
                      )}
                    </td>
                  );
                })}
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
