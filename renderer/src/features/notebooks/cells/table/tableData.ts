// A table cell's data as the view edits it: read defensively from the cell, values parsed as the
// column's type stores them, and fresh column names that do not clash.
import type { ColumnType, TableCellData } from '@shared/notebook/tables';

export type Value = TableCellData['rows'][number][number];

export function dataOf(data: unknown): TableCellData {
  const d = (data ?? {}) as Partial<TableCellData>;
  const columns = Array.isArray(d.columns) && d.columns.length ? d.columns : [];
  return {
    columns: columns.length ? columns : [{ name: 'x', type: 'number' }],
    rows: Array.isArray(d.rows) ? d.rows : [],
    ...(d.sourcePaperId ? { sourcePaperId: d.sourcePaperId } : {}),
  };
}

/** What the user typed, as the column's type stores it. */
export function parseValue(text: string, type: ColumnType): Value {
  const t = text.trim();
  if (t === '') return null;
  if (type === 'number') {
    const n = Number(t);
    return Number.isFinite(n) ? n : t;
  }
  return t;
}

export function convert(v: Value, type: ColumnType): Value {
  return v === null ? null : parseValue(String(v), type);
}

export function uniqueName(columns: TableCellData['columns'], base: string): string {
  let name = base;
  for (let i = 2; columns.some((c) => c.name === name); i++) name = `${base} ${i}`;
  return name;
}
