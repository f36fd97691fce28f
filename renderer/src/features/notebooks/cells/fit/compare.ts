// Model comparison of the fit cell view: the fit cells on the same table and y with stored results,
// their statistics as the engine stored them (typed summary) and ΔAIC to the best.
import { FitCellDataSchema, type FitCellData } from '@shared/notebook/cells/fit';
import type { Cell, Notebook } from '@shared/notebook/model';
import { readFitOutputs } from './fitMath';

export type CompareRow = {
  cellId: string;
  label: string;
  model: string;
  nParams: number;
  /** null where the run stored no summary (notebooks saved before it existed). */
  rss: number | null;
  r2: number | null;
  aic: number | null;
  bic: number | null;
  deltaAic: number | null;
  status: string;
};

/** The fit cells on the same table and y that have stored results, with ΔAIC to the best. */
export function compareRows(notebook: Pick<Notebook, 'cells'>, data: FitCellData): CompareRow[] {
  const rows: Omit<CompareRow, 'deltaAic'>[] = [];
  notebook.cells.forEach((c: Cell, i) => {
    if (c.type !== 'fit') return;
    const d = FitCellDataSchema.safeParse(c.data);
    if (!d.success || d.data.source !== data.source || d.data.y !== data.y) return;
    const st = readFitOutputs(c.outputs);
    if (!st || st.params.length === 0) return;
    const s = st.summary;
    rows.push({
      cellId: c.id,
      label: c.name ?? `fit cell ${i + 1}`,
      model: d.data.model,
      nParams: st.params.length,
      rss: s?.rss ?? null,
      r2: s?.r2 ?? null,
      aic: s?.aic ?? null,
      bic: s?.bic ?? null,
      status: s?.status ?? (st.error ? 'failed' : '—'),
    });
  });
  const best = Math.min(...rows.map((r) => r.aic ?? NaN).filter(Number.isFinite));
  return rows.map((r) => ({ ...r, deltaAic: r.aic === null ? null : r.aic - best }));
}
