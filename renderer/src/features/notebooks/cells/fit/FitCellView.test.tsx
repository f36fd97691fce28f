// @vitest-environment jsdom
// The fit cell view over a stateful host: choosing the table and model, live parameter detection
// of a typed formula, Fit → onChange + onRun (running the real fit cell), and the results drawn
// from the stored outputs alone (typed summary, and older outputs without it).
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cell } from '@shared/notebook/model';
import { Host, notebookWith, renderStored, STORED_PARAMS } from './fitCellView.fixtures';

afterEach(cleanup);

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
      STORED_PARAMS,
      {
        kind: 'text',
        text: 'converged (relative reduction ≤ ftol); R² = 0.999, RSS = 0.001, residual SD = 0.01',
      },
    ];
    renderStored(outputs);
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

  it('shows the statistics the run stored as typed data, not recomputed ones', () => {
    const outputs: Cell['outputs'] = [
      STORED_PARAMS,
      { kind: 'text', text: 'converged (gtol); R² = 0.5, RSS = 7, residual SD = 1' },
      {
        kind: 'json',
        value: {
          fitSummary: {
            status: 'stalled',
            reason: 'no further improvement possible',
            n: 10,
            dof: 7,
            rss: 0.00123,
            r2: 0.987654,
            adjustedR2: 0.98,
            residualStdDev: 0.0133,
            logLikelihood: 12.5,
            aic: -17.25,
            bic: -16.03,
          },
        },
      },
    ];
    renderStored(outputs);
    const status = screen.getByTestId('fit-status');
    expect(status.textContent).toBe('stalled (no further improvement possible)');
    expect(status.getAttribute('data-status')).toBe('stalled');
    const stats = screen.getByTestId('fit-stats').textContent;
    expect(stats).toBe('RSS0.00123R²0.987654AIC-17.25BIC-16.03n10');
  });

  it('still shows outputs stored before the typed summary (older notebooks)', () => {
    const outputs: Cell['outputs'] = [
      STORED_PARAMS,
      { kind: 'text', text: 'converged (gtol); R² = 0.999, RSS = 0.001, residual SD = 0.01' },
      {
        kind: 'table',
        columns: ['bootstrap', 'stdError', 'ciLower', 'ciUpper'],
        rows: [
          ['E', 0.02, 1.66, 1.74],
          ['A', 30, 340, 460],
          ['alpha', 0.003, 0.294, 0.306],
        ],
      },
      {
        kind: 'text',
        text: 'bootstrap: 99 of 100 refits converged (seed 1); 95 % percentile intervals',
      },
    ];
    renderStored(outputs);
    expect(screen.getAllByTestId('fit-param-row')).toHaveLength(3);
    expect(screen.getByTestId('fit-status').textContent).toBe(
      'converged (gtol); R² = 0.999, RSS = 0.001, residual SD = 0.01',
    );
    expect(screen.getAllByTestId('fit-bootstrap-ci')[0]!.textContent).toBe(
      '[1.66, 1.74] (SE 0.02)',
    );
    expect(screen.getByTestId('fit-stats').textContent).toBe('RSS—R²—AIC—BIC—n—');
    expect(screen.getByTestId('fit-plot').querySelector('.fit-chart-line')).not.toBeNull();
    expect(screen.getByTestId('fit-residuals')).toBeTruthy();
  });
});
