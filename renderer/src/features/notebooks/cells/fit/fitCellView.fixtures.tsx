// Fixtures of the fit cell view tests: a scaling-law table, a notebook holding it and a fit cell,
// a stateful host that runs the real fit cell type on Fit, and the API context the view reads
// (the notebook and the run come from shared/notebook/cells/fit.fixtures).
import { render } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { notebookWith, runFitCell } from '@shared/notebook/cells/fit.fixtures';
import type { Cell, Notebook } from '@shared/notebook/model';
import type { Api } from '@shared/api/client';
import { ApiContext } from '../../../../apiContext';
import { fakeApi } from '../../../../testing/fakeApi';
import { FitCellView } from './FitCellView';

/** The element under an API provider (cell views read the API from the context). */
export function withApi(api: Api, el: ReactElement): ReactElement {
  return <ApiContext.Provider value={api}>{el}</ApiContext.Provider>;
}

/** A stateful host: edits change its notebook; Fit runs the real fit cell type on it. */
export function Host(props: { initial: Notebook; onRun?: () => void }) {
  const [nb, setNb] = useState(props.initial);
  const cell = nb.cells[1]!;
  return withApi(
    fakeApi({}).api,
    <FitCellView
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
        const outputs = await runFitCell(current, c);
        setNb((cur) => ({
          ...cur,
          cells: cur.cells.map((x) => (x.id === c.id ? { ...x, outputs, inputsHash: 'h' } : x)),
        }));
      }}
      openPaper={() => {}}
    />,
  );
}

export { notebookWith, runFitCell };

/** The view of the notebook's fit cell, as fresh, under an API provider. */
export function renderFit(nb: Notebook, api: Api, openPaper: (id: string) => void = () => {}) {
  return render(
    withApi(
      api,
      <FitCellView
        notebook={nb}
        cell={nb.cells[1]!}
        status="fresh"
        onChange={() => {}}
        onRun={async () => {}}
        openPaper={openPaper}
      />,
    ),
  );
}

/** A stored parameter table of the power law with offset. */
export const STORED_PARAMS: Cell['outputs'][number] = {
  kind: 'table',
  columns: ['parameter', 'value', 'stdError', 'ciLower', 'ciUpper'],
  rows: [
    ['E', 1.7, 0.01, 1.68, 1.72],
    ['A', 400, 20, 350, 450],
    ['alpha', 0.3, 0.002, 0.295, 0.305],
  ],
};

/** The Host on the runs table and the offset power law with these stored outputs. */
export function renderStored(outputs: Cell['outputs']) {
  return render(
    <Host
      initial={notebookWith(
        { source: 'runs', x: 'compute', y: 'loss', model: 'power-law-offset' },
        outputs,
      )}
    />,
  );
}
