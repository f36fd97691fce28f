// Tabular data inside notebooks: the table cell's data shape, pasted CSV/TSV parsing (papaparse),
// and reading rows from a table cell or from a cell's table output (what plots, fits and the
// sandbox's `table()` consume).
import Papa from 'papaparse';
import { z } from 'zod';
import { findCell, type Cell, type Notebook } from './model';

export const COLUMN_TYPES = ['number', 'string', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const TableCellDataSchema = z.object({
  columns: z
    .array(z.object({ name: z.string().min(1).max(200), type: z.enum(COLUMN_TYPES) }))
    .min(1)
    .max(1_000),
  /** One array per row, in column order; numbers as numbers, dates as ISO strings, blanks null. */
  rows: z.array(z.array(z.union([z.number(), z.string().max(100_000), z.null()]))).max(1_000_000),
  /** The paper the numbers come from, if any. */
  sourcePaperId: z.string().min(1).max(200).optional(),
});
export type TableCellData = z.infer<typeof TableCellDataSchema>;

/** Rows as records, the shape `table()` returns inside the sandbox and plots read. */
export type TableData = { columns: string[]; rows: Record<string, unknown>[] };

const DATE_RE = /^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses pasted CSV or TSV (delimiter detected by papaparse) with a header row into table-cell
 * data; a column is `number` when every non-blank value parses as one, `date` when every one is
 * an ISO date, else `string`.
 */
export function parseDelimited(text: string): TableCellData {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' });
  const [header, ...body] = parsed.data;
  if (!header || header.length === 0) throw new Error('table: nothing to paste (no header row)');
  const names = header.map((h, i) => h.trim() || `column ${i + 1}`);
  const types: ColumnType[] = names.map((_, i) => {
    const vals = body.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
    if (vals.length === 0) return 'string';
    if (vals.every((v) => Number.isFinite(Number(v)))) return 'number';
    if (vals.every((v) => DATE_RE.test(v))) return 'date';
    return 'string';
  });
  const rows = body.map((r) =>
    names.map((_, i) => {
      const v = (r[i] ?? '').trim();
      if (v === '') return null;
      return types[i] === 'number' ? Number(v) : v;
    }),
  );
  return { columns: names.map((name, i) => ({ name, type: types[i] ?? 'string' })), rows };
}

function fromTableCell(cell: Cell): TableData | undefined {
  const r = TableCellDataSchema.safeParse(cell.data);
  if (!r.success) return undefined;
  const columns = r.data.columns.map((c) => c.name);
  return {
    columns,
    rows: r.data.rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))),
  };
}

/** The table a cell holds (table cell) or produced (its first `table` output). */
export function tableOfCell(cell: Cell): TableData | undefined {
  if (cell.type === 'table') return fromTableCell(cell);
  const out = cell.outputs.find((o) => o.kind === 'table');
  if (!out || out.kind !== 'table') return undefined;
  return {
    columns: out.columns,
    rows: out.rows.map((row) => Object.fromEntries(out.columns.map((c, i) => [c, row[i] ?? null]))),
  };
}

export function tableOf(nb: Pick<Notebook, 'cells'>, idOrName: string): TableData | undefined {
  const cell = findCell(nb, idOrName);
  return cell ? tableOfCell(cell) : undefined;
}

/** A column as numbers (non-numbers become NaN, which plots and fits skip or reject). */
export function numericColumn(t: TableData, column: string): number[] {
  return t.rows.map((r) => {
    const v = r[column];
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '') {
      const n = Number(v);
      return Number.isFinite(n) ? n : DATE_RE.test(v) ? Date.parse(v) : NaN;
    }
    return NaN;
  });
}
