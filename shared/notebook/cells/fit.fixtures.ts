// Fixtures of the fit cell tests (shared and renderer): a scaling-law table, a notebook holding it
// and one fit cell, and a run of the real fit cell type on it (what the host does).
import { fit } from '../../fit/index';
import type { Cell, CellOutput, Notebook } from '../model';
import { fitCell } from './fit';

/** loss = 1.7 + 400·C^-0.3 with ±0.001 % deterministic noise (the power term is only 1e-2…2e-4). */
export function scalingRows(): number[][] {
  return Array.from({ length: 10 }, (_, i) => {
    const c = 10 ** (15 + (6 * i) / 9);
    const noise = 1 + 1e-5 * Math.sin(7 * i + 1);
    return [c, (1.7 + 400 * c ** -0.3) * noise];
  });
}

/** A notebook of the table `runs` (compute, loss) and the fit cell `fit1` with these data. */
export function notebookWith(fitData: unknown, outputs: Cell['outputs'] = []): Notebook {
  return {
    id: 'nb',
    title: 'Scaling',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
    cells: [
      {
        id: 'tbl',
        type: 'table',
        name: 'runs',
        data: {
          columns: [
            { name: 'compute', type: 'number' },
            { name: 'loss', type: 'number' },
          ],
          rows: scalingRows(),
        },
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      { id: 'fit1', type: 'fit', data: fitData, outputs, inputsHash: null, ranAt: null },
    ],
  };
}

/** Runs a fit cell on a notebook (what the host does) and returns the outputs. */
export async function runFitCell(nb: Notebook, cell: Cell): Promise<CellOutput[]> {
  return fitCell.run!(cell, {
    notebook: nb,
    signal: new AbortController().signal,
    runJavaScript: async () => [],
    fit: async (model, data, options) => fit(model, data, options),
  });
}
