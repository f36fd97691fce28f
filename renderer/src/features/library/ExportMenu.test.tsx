// @vitest-environment jsdom
// The Export menu while an export runs: its progress (papers written) with Cancel in place of the
// menu; Cancel aborts the export's signal and the menu comes back; the next export completes.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { ExportFormat } from '@shared/api/schemas';
import { useJob } from '../../components/useJob';
import { ExportMenu } from './ExportMenu';

afterEach(cleanup);

/** An export the test drives by hand: it reports progress when told and ends when told. */
type Driven = {
  format: ExportFormat;
  signal: AbortSignal;
  progress(p: Progress): void;
  finish(): void;
};

function Host(props: { exports: Driven[] }) {
  const job = useJob();
  const [outcome, setOutcome] = useState('');
  const onExport = (format: ExportFormat) => {
    void job
      .run(
        (signal, onProgress) =>
          new Promise<string>((resolve, reject) => {
            signal.addEventListener('abort', () =>
              reject(new QuireError('cancelled', 'Cancelled.')),
            );
            props.exports.push({
              format,
              signal,
              progress: onProgress,
              finish: () => resolve('ok'),
            });
          }),
      )
      .then((r) => setOutcome(r.cancelled ? 'cancelled' : `saved ${r.value}`));
  };
  return (
    <>
      <ExportMenu onExport={onExport} job={job} />
      <output data-testid="outcome">{outcome}</output>
    </>
  );
}

const startExport = (format: ExportFormat) => {
  fireEvent.click(screen.getByTestId('export-button'));
  fireEvent.click(screen.getByTestId(`export-${format}`));
};

describe('ExportMenu with an export under way', () => {
  it('shows papers written with Cancel; Cancel aborts it and brings the menu back', async () => {
    const exports: Driven[] = [];
    render(<Host exports={exports} />);
    startExport('bibtex');
    const progress = await screen.findByTestId('library-export-progress');
    expect(screen.queryByTestId('export-button')).toBeNull();
    expect(exports).toHaveLength(1);

    act(() => exports[0]!.progress({ phase: 'papers', done: 4000, total: 10000 }));
    expect(progress.textContent).toContain('papers written');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');

    fireEvent.click(screen.getByTestId('library-export-progress-cancel'));
    expect(exports[0]!.signal.aborted).toBe(true);
    await waitFor(() => expect(screen.getByTestId('outcome').textContent).toBe('cancelled'));
    expect(screen.queryByTestId('library-export-progress')).toBeNull();
    expect(screen.getByTestId('export-button')).toBeTruthy();

    // The next export runs to its end and the menu returns.
    startExport('csv');
    await screen.findByTestId('library-export-progress');
    act(() => exports[1]!.finish());
    await waitFor(() => expect(screen.getByTestId('outcome').textContent).toBe('saved ok'));
    expect(exports[1]!.format).toBe('csv');
    expect(exports[1]!.signal.aborted).toBe(false);
    expect(screen.getByTestId('export-button')).toBeTruthy();
  });
});
