// The graph cell view's test host: a notebook holding one graph cell `g1` (after any extra cells),
// the API a fake transport whose handlers the test gives (answering with the real engine), and a
// probe of what the host last rendered.
import { useLayoutEffect, useState, type ReactElement } from 'react';
import type { Cell, Notebook } from '@shared/notebook/model';
import { ApiContext } from '../../../../apiContext';
import { fakeApi } from '../../../../testing/fakeApi';
import { GraphCellView } from './GraphCellView';

type FakeHandlers = Parameters<typeof fakeApi>[0];

/** What the host last rendered, for the assertions. */
export const probe: { nb?: Notebook; cell?: Cell; calls: { method: string; input: unknown }[] } = {
  calls: [],
};

export function GraphCellHost(props: {
  data: unknown;
  extraCells?: Cell[];
  /** Called once, on the first render. */
  handlers(): FakeHandlers;
}): ReactElement {
  const [{ api, calls }] = useState(() => fakeApi(props.handlers()));
  const [nb, setNb] = useState<Notebook>({
    id: 'nb',
    title: 'Graphs',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
    cells: [
      ...(props.extraCells ?? []),
      { id: 'g1', type: 'graph', data: props.data, outputs: [], inputsHash: null, ranAt: null },
    ],
  });
  const cell = nb.cells.find((c) => c.id === 'g1')!;
  // A layout effect runs in the same commit as the DOM it rendered: an assertion that waited for
  // the DOM then reads the probe of that same render (a passive effect may not have run yet).
  useLayoutEffect(() => {
    probe.calls = calls;
    probe.cell = cell;
    probe.nb = nb;
  });
  return (
    <ApiContext.Provider value={api}>
      <GraphCellView
        notebook={nb}
        cell={cell}
        status="not-computable"
        onChange={(next) =>
          setNb((cur) => ({ ...cur, cells: cur.cells.map((c) => (c.id === next.id ? next : c)) }))
        }
        onRun={async () => {}}
        openPaper={() => {}}
      />
    </ApiContext.Provider>
  );
}
