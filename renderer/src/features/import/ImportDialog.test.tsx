// @vitest-environment jsdom
// Import dialog: pasted text → preview counts and sample; import → progress bar, cancel, summary.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOptions, Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { ImportPreview, ImportResult } from '@shared/api/schemas';
import { ApiContext } from '../../apiContext';
import { fakeApi } from '../../testing/fakeApi';
import { ImportDialog } from './ImportDialog';

const PREVIEW: ImportPreview = {
  format: 'feed',
  total: 3,
  newCount: 2,
  duplicateCount: 1,
  duplicates: [{ title: 'Old paper', match: 'title', existingId: 'p9', index: 2 }],
  distinctCount: 0,
  distinct: [],
  skipped: [{ at: 'line 7', reason: 'no title' }],
  warnings: [],
  sample: [
    {
      title: 'Scaling laws for lighthouses',
      abstract: '',
      authors: [],
      year: null,
      venue: '',
      doi: '',
      arxivId: '',
      url: '',
      notes: '',
      tags: [],
    },
  ],
};

const RESULT: ImportResult = {
  format: 'feed',
  imported: 2,
  duplicateCount: 1,
  mergedCount: 0,
  duplicates: [],
  distinctCount: 0,
  distinct: [],
  skipped: [],
  warnings: [],
  cancelled: false,
};

/** An import:run that reports progress, then waits for the test to let it finish (or abort). */
function controllableRun() {
  let finish: () => void = () => {};
  const run = (_input: unknown, opts: CallOptions) =>
    new Promise<ImportResult>((ok, fail) => {
      const p: Progress = { phase: 'saving', done: 1, total: 2 };
      opts.onProgress?.(p);
      finish = () => ok(RESULT);
      opts.signal?.addEventListener('abort', () => fail(new QuireError('cancelled', 'Cancelled.')));
    });
  return { run, finish: () => finish() };
}

function renderDialog(run: ReturnType<typeof controllableRun>['run']) {
  let imported = 0;
  const fake = fakeApi({ 'import:preview': () => PREVIEW, 'import:run': run });
  render(
    <ApiContext.Provider value={fake.api}>
      <ImportDialog onClose={() => {}} onImported={() => imported++} />
    </ApiContext.Provider>,
  );
  return { fake, imported: () => imported };
}

async function pasteAndPreview() {
  fireEvent.click(screen.getByRole('tab', { name: 'Paste text' }));
  fireEvent.change(screen.getByTestId('import-paste'), {
    target: { value: 'Scaling laws for lighthouses\nAn abstract.' },
  });
  fireEvent.click(screen.getByTestId('import-preview-button'));
  await screen.findByTestId('import-preview');
}

describe('ImportDialog', () => {
  afterEach(cleanup);

  it('previews pasted text: counts, skipped records and a sample', async () => {
    const { fake } = renderDialog(controllableRun().run);
    await pasteAndPreview();
    expect(screen.getByTestId('preview-new').textContent).toBe('2');
    expect(screen.getByTestId('preview-duplicates').textContent).toBe('1');
    expect(screen.getByText('no title')).toBeTruthy();
    expect(screen.getByText('Scaling laws for lighthouses')).toBeTruthy();
    expect(fake.calls[0]).toEqual({
      method: 'import:preview',
      input: {
        source: {
          kind: 'text',
          name: 'pasted text',
          text: 'Scaling laws for lighthouses\nAn abstract.',
        },
      },
    });
  });

  it('imports with a progress bar, then shows the summary', async () => {
    const job = controllableRun();
    const { imported } = renderDialog(job.run);
    await pasteAndPreview();
    fireEvent.click(screen.getByTestId('import-run-button'));
    const progress = await screen.findByTestId('import-progress');
    await waitFor(() => expect(progress.textContent).toContain('1 / 2'));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    job.finish();
    expect((await screen.findByTestId('import-summary')).textContent).toContain(
      'Imported 2 papers · 1 duplicate',
    );
    expect(imported()).toBe(1);
  });

  it('cancels a running import', async () => {
    renderDialog(controllableRun().run);
    await pasteAndPreview();
    fireEvent.click(screen.getByTestId('import-run-button'));
    fireEvent.click(await screen.findByTestId('import-cancel'));
    expect((await screen.findByTestId('import-error')).textContent).toContain('cancelled');
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('shows a service error in the dialog', async () => {
    const fake = fakeApi({
      'import:preview': () => {
        throw new QuireError('invalid_file', 'pasted.txt: not BibTeX (line 1).');
      },
    });
    render(
      <ApiContext.Provider value={fake.api}>
        <ImportDialog onClose={() => {}} onImported={() => {}} />
      </ApiContext.Provider>,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Paste text' }));
    fireEvent.change(screen.getByTestId('import-paste'), { target: { value: 'junk' } });
    fireEvent.click(screen.getByTestId('import-preview-button'));
    expect((await screen.findByTestId('import-error')).textContent).toBe(
      'pasted.txt: not BibTeX (line 1).',
    );
  });

  it('lists different works kept despite the same title, and sends a merge override', async () => {
    const preview: ImportPreview = {
      ...PREVIEW,
      distinctCount: 1,
      distinct: [
        {
          title: 'Exercise and mental health',
          index: 0,
          otherId: 'p1',
          reason: { field: 'year', ours: '2017', theirs: '1990' },
        },
      ],
    };
    const fake = fakeApi({ 'import:preview': () => preview, 'import:run': () => RESULT });
    render(
      <ApiContext.Provider value={fake.api}>
        <ImportDialog onClose={() => {}} onImported={() => {}} />
      </ApiContext.Provider>,
    );
    await pasteAndPreview();
    expect(screen.getByTestId('import-distinct').textContent).toContain(
      'Exercise and mental health — year 2017, not 1990',
    );
    const run = screen.getByTestId('import-run-button');
    expect(run.textContent).toBe('Import 2 papers');
    fireEvent.click(screen.getByTestId('keep-separate-2'));
    expect(run.textContent).toBe('Import 3 papers');
    fireEvent.click(run);
    await screen.findByTestId('import-summary');
    expect(fake.calls.at(-1)).toEqual({
      method: 'import:run',
      input: {
        source: {
          kind: 'text',
          name: 'pasted text',
          text: 'Scaling laws for lighthouses\nAn abstract.',
        },
        keepSeparate: [2],
      },
    });
  });
});
