// @vitest-environment jsdom
// The fit cell view's results: residual bootstrap intervals (stored by the run, reproducible by
// seed), the comparison of the fit cells on one table and y, and the source paper link.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitCell } from '@shared/notebook/cells/fit';
import type { Cell } from '@shared/notebook/model';
import type { ExportContext } from '@shared/notebook/registry';
import { fakeApi, makePaper } from '../../../../testing/fakeApi';
import { Host, notebookWith, renderFit, runFitCell } from './fitCellView.fixtures';

afterEach(cleanup);

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
    renderFit(nb, fakeApi({}).api);
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
    renderFit(nb, api, openPaper);
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
