// The fit cell's spec and the tables it can draw on: the parsed data, `update` (saved through the
// editor's onChange), the candidate source tables and the choice of table and x columns.
import { PRESETS } from '@shared/fit/index';
import { FitCellDataSchema, type FitCellData } from '@shared/notebook/cells/fit';
import type { Cell, Notebook } from '@shared/notebook/model';
import { tableOfCell } from '@shared/notebook/tables';
import { DEFAULT_DATA, isPreset, withoutUndefined } from './spec';

export type FitSource = { cell: Cell; index: number; table: ReturnType<typeof tableOfCell> };

export function useFitSpec(cell: Cell, notebook: Notebook, onChange: (next: Cell) => void) {
  const parsed = FitCellDataSchema.safeParse(cell.data);
  const data: FitCellData = parsed.success ? parsed.data : DEFAULT_DATA;
  const preset = isPreset(data.model) ? PRESETS[data.model.trim()]! : null;
  const update = (patch: Partial<FitCellData>) =>
    onChange({ ...cell, data: withoutUndefined({ ...data, ...patch }) });

  // Tables other cells offer: table cells and cells with a table output.
  const sources: FitSource[] = notebook.cells
    .map((c, i) => ({ cell: c, index: i, table: c.id === cell.id ? undefined : tableOfCell(c) }))
    .filter((s) => s.table !== undefined);
  const sourceCell = sources.find(
    (s) => s.cell.id === data.source || (s.cell.name !== undefined && s.cell.name === data.source),
  );
  const columns = sourceCell?.table?.columns ?? [];
  const xCols = [data.x].flat();

  /** Picks a table, keeping the columns it also has and guessing the others. */
  const chooseSource = (value: string, nVariables: number) => {
    const s = sources.find((x) => (x.cell.name ?? x.cell.id) === value);
    const cols = s?.table?.columns ?? [];
    const keepX = xCols.every((c) => cols.includes(c));
    const n = Math.max(1, nVariables);
    update({
      source: value,
      x: keepX ? data.x : n === 1 ? (cols[0] ?? 'x') : cols.slice(0, n),
      y: cols.includes(data.y) ? data.y : (cols[n] ?? cols[cols.length - 1] ?? 'y'),
      sigma: data.sigma && cols.includes(data.sigma) ? data.sigma : undefined,
    });
  };

  const setX = (i: number, col: string) => {
    const next = [...xCols];
    next[i] = col;
    update({ x: next.length === 1 ? next[0]! : next });
  };

  /** x columns for n variables: the chosen ones first, then the table's, then placeholders. */
  const xFor = (n: number): FitCellData['x'] =>
    n === 1
      ? (xCols[0] ?? 'x')
      : Array.from({ length: n }, (_, i) => xCols[i] ?? columns[i] ?? `x${i + 1}`);

  return { data, preset, update, sources, sourceCell, columns, xCols, chooseSource, setX, xFor };
}

export type FitSpec = ReturnType<typeof useFitSpec>;
