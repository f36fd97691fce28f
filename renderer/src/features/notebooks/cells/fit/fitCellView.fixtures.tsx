// Fixtures of the fit cell view tests: a scaling-law table, a notebook holding it and a fit cell,
// a stateful host that runs the real fit cell type on Fit, and the API context the view reads.
import { useState, type ReactElement } from 'react';
import { fit } from '../../../../../../shared/fit/index';
import { fitCell } from '../../../../../../shared/notebook/cells/fit';
import type { Cell, Notebook } from '../../../../../../shared/notebook/model';
import type { Api } from '../../../../../../shared/api/client';
import { ApiContext } from '../../../../apiContext';
import { fakeApi } from '../../../../testing/fakeApi';
import { FitCellView } from './FitCellView';

/** The element under an API provider (cell views read the API from the context). */
export function withApi(api: Api, el: ReactElement): ReactElement {
  return <ApiContext.Provider value={api}>{el}</ApiContext.Provider>;
}

/** loss = 1.7 + 400·C^-0.3 with ±0.001 % deterministic noise (the power term is only 1e-2…2e-4). */
function scalingRows(): number[][] {
  return Array.from({ length: 10 }, (_, i) => {
    const c = 10 ** (15 + (6 * i) / 9);
    const noise = 1 + 1e-5 * Math.sin(7 * i + 1);
    return [c, (1.7 + 400 * c ** -0.3) * noise];
  });
}

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

export function Host(props: { initial: Notebook; onRun?: () => void }) {
  const [nb, setNb] = useState(props.initial);
  const cell = nb.cells[1]!;
  return withApi(
    fakeApi({}).api,
    <FitCellView
      api={fakeApi({}).api}
      notebook={nb}
      cell={cell}
      status={cell.inputsHash ? 'fresh' : 'never-run'}
      onChange={(next) =>
        setNb((cur) => ({ ...cur, cells: cur.cells.map((c) => (c.id === next.id ? next : c)) }))
      }
      onRun={async () => {
        props.onRun?.();
        // What the host does: run the fit cell type on the saved notebook and store the outputs.
        const current = await new Promise<Notebook>((ok) => setNb((cur) => (ok(cur), cur)));
        const c = current.cells[1]!;
        const outputs = await fitCell.run!(c, {
          notebook: current,
          signal: new AbortController().signal,
          runJavaScript: async () => [],
          fit: async (model, data, options) => fit(model, data, options),
        });
        setNb((cur) => ({
          ...cur,
          cells: cur.cells.map((x) => (x.id === c.id ? { ...x, outputs, inputsHash: 'h' } : x)),
        }));
      }}
      openPaper={() => {}}
    />,
  );
}

/** Runs a fit cell on a notebook (what the host does) and returns the outputs. */
export async function runFitCell(nb: Notebook, cell: Cell): Promise<Cell['outputs']> {
  return fitCell.run!(cell, {
    notebook: nb,
    signal: new AbortController().signal,
    runJavaScript: async () => [],
    fit: async (model, data, options) => fit(model, data, options),
  });
}
