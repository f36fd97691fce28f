// @vitest-environment jsdom
// The fit cell view over a stateful host: choosing the table and model, live parameter detection
// of a typed formula, Fit → onChange + onRun (running the real fit cell), and the results drawn
// from the stored outputs alone.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fit } from '../../../../../shared/fit/index';
import { fitCell } from '../../../../../shared/notebook/cells/fit';
import type { Cell, Notebook } from '../../../../../shared/notebook/model';
import type { ExportContext } from '../../../../../shared/notebook/registry';
import { fakeApi, makePaper } from '../../../testing/fakeApi';
import { FitCellView } from './FitCellView';

afterEach(cleanup);

/** loss = 1.7 + 400·C^-0.3 with ±0.001 % deterministic noise (the power term is only 1e-2…2e-4). */
function scalingRows(): number[][] {
  return Array.from({ length: 10 }, (_, i) => {
    const c = 10 ** (15 + (6 * i) / 9);
    const noise = 1 + 1e-5 * Math.sin(7 * i + 1);
    return [c, (1.7 + 400 * c ** -0.3) * noise];
  });
}

function notebookWith(fitData: unknown, outputs: Cell['outputs'] = []): Notebook {
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

function Host(props: { initial: Notebook; onRun?: () => void }) {
  const [nb, setNb] = useState(props.initial);
  const cell = nb.cells[1]!;
  return (
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
    />
  );
}

describe('FitCellView', () => {
  it('fits a power law with offset chosen in the form and shows parameters and plots', async () => {
    const onRun = vi.fn();
    render(
      <Host
        initial={notebookWith({ source: '', x: 'x', y: 'y', model: 'power-law' })}
        onRun={onRun}
      />,
    );
    fireEvent.change(screen.getByTestId('fit-source'), { target: { value: 'runs' } });
    expect((screen.getByTestId('fit-x') as HTMLSelectElement).value).toBe('compute');
    expect((screen.getByTestId('fit-y') as HTMLSelectElement).value).toBe('loss');
    fireEvent.change(screen.getByTestId('fit-model'), { target: { value: 'power-law-offset' } });
    expect(screen.getByTestId('fit-status')).toHaveProperty('textContent', 'not fitted yet');

    fireEvent.click(screen.getByTestId('fit-run'));
    await waitFor(() => expect(screen.getAllByTestId('fit-param-row')).toHaveLength(3));
    expect(onRun).toHaveBeenCalledTimes(1);
    const alpha = screen
      .getAllByTestId('fit-param-row')
      .find((r) => r.getAttribute('data-param') === 'alpha')!;
    expect(Number(alpha.getAttribute('data-value'))).toBeCloseTo(0.3, 2);
    expect(within(alpha).getByText(/±/)).toBeTruthy();
    expect(screen.getByTestId('fit-status').textContent).toMatch(/^converged/);
    expect(screen.getByTestId('fit-stats').textContent).toMatch(/AIC/);
    const plot = screen.getByTestId('fit-plot');
    expect(plot.getAttribute('data-log-x')).toBe('true');
    expect(plot.querySelectorAll('circle')).toHaveLength(10);
    expect(plot.querySelector('.fit-chart-line')).not.toBeNull();
    expect(screen.getByTestId('fit-residuals')).toBeTruthy();

    fireEvent.click(screen.getByTestId('fit-loglog'));
    expect(screen.getByTestId('fit-plot').getAttribute('data-log-x')).toBe('false');

    fireEvent.change(screen.getByTestId('fit-extrapolate-x'), { target: { value: '1e24' } });
    const ex = screen.getByTestId('fit-extrapolation').textContent ?? '';
    const expected = 1.7 + 400 * 1e24 ** -0.3;
    expect(Number(/loss = ([\d.e+-]+)/.exec(ex)?.[1])).toBeCloseTo(expected, 1);
    expect(ex).toMatch(/95 % band/);
  });

  it('shows stored results without running (after a reload)', () => {
    const outputs: Cell['outputs'] = [
      {
        kind: 'table',
        columns: ['parameter', 'value', 'stdError', 'ciLower', 'ciUpper'],
        rows: [
          ['E', 1.7, 0.01, 1.68, 1.72],
          ['A', 400, 20, 350, 450],
          ['alpha', 0.3, 0.002, 0.295, 0.305],
        ],
      },
      {
        kind: 'text',
        text: 'converged (relative reduction ≤ ftol); R² = 0.999, RSS = 0.001, residual SD = 0.01',
      },
    ];
    render(
      <Host
        initial={notebookWith(
          { source: 'runs', x: 'compute', y: 'loss', model: 'power-law-offset' },
          outputs,
        )}
      />,
    );
    expect(screen.getAllByTestId('fit-param-row')).toHaveLength(3);
    expect(screen.getByTestId('fit-status').textContent).toMatch(/converged \(relative/);
    expect(screen.getByTestId('fit-plot').querySelector('.fit-chart-line')).not.toBeNull();
  });

  it('detects the parameters of a typed formula as you type', () => {
    render(
      <Host initial={notebookWith({ source: 'runs', x: 'compute', y: 'loss', model: 'linear' })} />,
    );
    fireEvent.change(screen.getByTestId('fit-model'), { target: { value: '__formula' } });
    const input = screen.getByTestId('fit-formula');
    fireEvent.change(input, { target: { value: 'c0 + k * exp(-lam * x)' } });
    expect(screen.getByTestId('fit-detected').textContent).toBe('Parameters: c0klam');
    fireEvent.change(input, { target: { value: 'a * (x' } });
    expect(screen.getByTestId('fit-detected').querySelector('.fit-error')).not.toBeNull();
  });
});

/** Runs a fit cell on a notebook (what the host does) and returns the outputs. */
async function runFitCell(nb: Notebook, cell: Cell): Promise<Cell['outputs']> {
  return fitCell.run!(cell, {
    notebook: nb,
    signal: new AbortController().signal,
    runJavaScript: async () => [],
    fit: async (model, data, options) => fit(model, data, options),
  });
}

describe('FitCellView: bootstrap, model comparison, source paper', () => {
  it('runs a residual bootstrap on request and shows its intervals in an extra column', async () => {
    render(
      <Host
        initial={notebookWith({
          source: 'runs',
          x: 'compute',
          y: 'loss',
          model: 'power-law-offset',
        })}
      />,
    );
    fireEvent.click(screen.getByTestId('fit-bootstrap'));
    const samples = screen.getByTestId('fit-bootstrap-samples');
    expect((samples as HTMLInputElement).value).toBe('1000');
    fireEvent.change(samples, { target: { value: '100' } });
    fireEvent.blur(samples);
    fireEvent.click(screen.getByTestId('fit-run'));
    await waitFor(() => expect(screen.getAllByTestId('fit-bootstrap-ci')).toHaveLength(3));
    expect(screen.getByTestId('fit-bootstrap-header').textContent).toMatch(
      /95 % CI \(bootstrap, \d+\/100\)/,
    );
    expect(screen.getAllByTestId('fit-param-row')).toHaveLength(3);
    expect(screen.getAllByTestId('fit-bootstrap-ci')[0]!.textContent).toMatch(/^\[.*\] \(SE /);
  });

  it('stores the bootstrap in the run outputs, reproducibly by seed', async () => {
    const nb = notebookWith({
      source: 'runs',
      x: 'compute',
      y: 'loss',
      model: 'power-law-offset',
      bootstrap: { samples: 50, seed: 5 },
    });
    const a = await runFitCell(nb, nb.cells[1]!);
    const b = await runFitCell(nb, nb.cells[1]!);
    expect(a).toEqual(b);
    const table = a.find((o) => o.kind === 'table' && o.columns[0] === 'bootstrap');
    expect(table && table.kind === 'table' && table.rows.map((r) => r[0])).toEqual([
      'E',
      'A',
      'alpha',
    ]);
    expect(a.some((o) => o.kind === 'text' && /^bootstrap: \d+ of 50 refits/.test(o.text))).toBe(
      true,
    );
    expect(a[0]).toMatchObject({
      kind: 'table',
      columns: ['parameter', 'value', 'stdError', 'ciLower', 'ciUpper'],
    });
  });

  it('compares the fit cells on the same table and y', async () => {
    const nb = notebookWith({ source: 'runs', x: 'compute', y: 'loss', model: 'power-law-offset' });
    const second: Cell = {
      id: 'fit2',
      type: 'fit',
      data: { source: 'runs', x: 'compute', y: 'loss', model: 'power-law' },
      outputs: [],
      inputsHash: null,
      ranAt: null,
    };
    const other: Cell = {
      ...second,
      id: 'fit3',
      data: { source: 'runs', x: 'loss', y: 'compute', model: 'linear' },
    };
    nb.cells.push(second, other);
    for (const c of nb.cells.slice(1)) c.outputs = await runFitCell(nb, c);
    render(
      <FitCellView
        api={fakeApi({}).api}
        notebook={nb}
        cell={nb.cells[1]!}
        status="fresh"
        onChange={() => {}}
        onRun={async () => {}}
        openPaper={() => {}}
      />,
    );
    const table = screen.getByTestId('fit-compare');
    expect(table.textContent).toMatch(/Compare models/);
    const rows = within(table).getAllByTestId('fit-compare-row');
    expect(rows.map((r) => r.getAttribute('data-cell'))).toEqual(['fit1', 'fit2']);
    const deltas = rows.map((r) => Number(r.getAttribute('data-delta-aic')));
    expect(Math.min(...deltas)).toBe(0);
    // The offset model fits the offset data far better.
    expect(deltas[0]).toBe(0);
    expect(deltas[1]).toBeGreaterThan(10);
    expect(rows[0]!.textContent).toMatch(/power-law-offset3/);
  });

  it('links the source paper of the table and names it in the export', async () => {
    const nb = notebookWith({ source: 'runs', x: 'compute', y: 'loss', model: 'power-law' });
    (nb.cells[0]!.data as Record<string, unknown>).sourcePaperId = 'p1';
    nb.cells[1]!.outputs = await runFitCell(nb, nb.cells[1]!);
    const openPaper = vi.fn();
    const { api, calls } = fakeApi({ 'library:get': () => makePaper(1) });
    render(
      <FitCellView
        api={api}
        notebook={nb}
        cell={nb.cells[1]!}
        status="fresh"
        onChange={() => {}}
        onRun={async () => {}}
        openPaper={openPaper}
      />,
    );
    const link = await screen.findByText('Paper 0001');
    expect(screen.getByTestId('fit-source-paper').textContent).toBe('Data from Paper 0001');
    expect(calls).toContainEqual({ method: 'library:get', input: { id: 'p1' } });
    fireEvent.click(link);
    expect(openPaper).toHaveBeenCalledWith('p1');

    const ctx = (known: boolean): ExportContext => ({
      notebook: nb,
      paper: (id) => (known && id === 'p1' ? makePaper(1) : undefined),
      table: () => undefined,
      citations: [],
    });
    // Exports cite the source paper (the reference list is written by the notebook exporter).
    expect(fitCell.exporters.markdown(nb.cells[1]!, ctx(true))).toContain(
      'Data: Paper 0001 [[1]](#ref-1)',
    );
    expect(fitCell.exporters.markdown(nb.cells[1]!, ctx(false))).toContain('Data: p1\n');
    const html = fitCell.exporters.html(nb.cells[1]!, ctx(true));
    expect(html).toMatch(/class="fit-source"/);
    expect(html).toContain('Paper 0001');
  });
});
