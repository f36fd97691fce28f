// @vitest-environment jsdom
// The graph cell's Experiment mode over a fake transport answering with the real (time-sliced) graph
// engine: a giant-component sweep stores its table as the cell's table output (what a plot cell
// reads), a robustness sweep uses the cell's current graph source, and Cancel aborts the job.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOptions } from '@shared/api/contract';
import { graphMethods } from '@shared/api/graph-contract';
import { runGraphOp } from '@shared/graph/ops';
import { tableOf } from '@shared/notebook/tables';
import { GraphCellHost, probe } from './graphCell.fixtures';

afterEach(cleanup);

function Host(props: { data: unknown }) {
  return (
    <GraphCellHost
      data={props.data}
      handlers={() => ({
        'graph:experiment': (input, opts: CallOptions) =>
          runGraphOp('graph:experiment', graphMethods['graph:experiment'].input.parse(input), {
            signal: opts.signal ?? new AbortController().signal,
            onProgress: opts.onProgress ?? (() => {}),
          }),
      })}
    />
  );
}

const karate = { source: { kind: 'generator', model: 'karate' }, seed: 0 };

describe('GraphCellView experiment mode', () => {
  it('runs a giant-component sweep and stores the table as the cell output', async () => {
    render(<Host data={karate} />);
    fireEvent.change(screen.getByTestId('graph-mode-select'), { target: { value: 'experiment' } });
    expect(screen.getByTestId('graph-experiment')).toBeTruthy();
    fireEvent.change(screen.getByTestId('graph-experiment-n'), { target: { value: '200' } });
    fireEvent.change(screen.getByTestId('graph-experiment-degrees'), {
      target: { value: '0.5, 2, 4' },
    });
    fireEvent.click(screen.getByTestId('graph-experiment-run'));
    await waitFor(() => expect(screen.getByTestId('graph-experiment-table')).toBeTruthy());
    expect(screen.getByTestId('graph-experiment-table').querySelectorAll('tbody tr')).toHaveLength(
      3,
    );
    expect(probe.calls.at(-1)?.input).toMatchObject({
      kind: 'giant-component',
      n: 200,
      meanDegrees: [0.5, 2, 4],
    });
    // A plot cell reads it by the cell's id: the first table output.
    const t = tableOf(probe.nb!, 'g1')!;
    expect(t.columns).toEqual([
      'mean_degree',
      'p',
      'giant_fraction',
      'giant_fraction_sd',
      'theory',
    ]);
    expect(t.rows.map((r) => r.mean_degree)).toEqual([0.5, 2, 4]);
    expect(screen.queryByTestId('graph-metrics')).toBeNull();
  });

  it('robustness uses the current graph source', async () => {
    render(
      <Host
        data={{ ...karate, mode: 'experiment', experiment: { kind: 'robustness', steps: 4 } }}
      />,
    );
    fireEvent.click(screen.getByTestId('graph-experiment-run'));
    await waitFor(() => expect(screen.getByTestId('graph-experiment-table')).toBeTruthy());
    const input = probe.calls.at(-1)?.input as { graph: unknown; steps: number };
    expect(input.graph).toEqual({ kind: 'karate' });
    const t = tableOf(probe.nb!, 'g1')!;
    expect(t.columns[0]).toBe('fraction_removed');
    expect(t.rows).toHaveLength(5);
  });

  it('shows progress and Cancel aborts the job', async () => {
    render(
      <Host
        data={{
          ...karate,
          mode: 'experiment',
          experiment: { n: 3000, meanDegrees: '1 2 3 4 5 6 7 8', repeats: 50 },
        }}
      />,
    );
    fireEvent.click(screen.getByTestId('graph-experiment-run'));
    await waitFor(() =>
      expect(screen.getByTestId('graph-experiment-progress').textContent).toMatch(/\/ 400/),
    );
    fireEvent.click(screen.getByTestId('graph-experiment-cancel'));
    await waitFor(() =>
      expect(screen.getByTestId('graph-experiment-error').textContent).toBe('Cancelled.'),
    );
    expect(screen.queryByTestId('graph-experiment-cancel')).toBeNull();
    expect(screen.queryByTestId('graph-experiment-table')).toBeNull();
  });
});
