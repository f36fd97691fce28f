// @vitest-environment jsdom
// The Library's embeddings banner over a fake transport: when `embeddings:status` says papers have no
// vectors it starts `embeddings:update` by itself (with progress and cancel), only once per library
// version, and disappears when the library is complete.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOptions } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { EmbeddingStatus } from '@shared/api/schemas';
import { ApiContext } from '../../apiContext';
import { fakeApi, type FakeHandlers } from '../../testing/fakeApi';
import { EmbeddingsBanner } from './EmbeddingsBanner';

afterEach(cleanup);

const status = (embedded: number, total = 3_000): EmbeddingStatus => ({
  model: 'quire-glove-100d',
  dims: 100,
  embedded,
  total,
  missing: total - embedded,
  searchModel: 'quire-glove-100d',
  busy: null,
});

function renderBanner(handlers: FakeHandlers, version = 0) {
  const fake = fakeApi(handlers);
  const view = render(
    <ApiContext.Provider value={fake.api}>
      <EmbeddingsBanner version={version} />
    </ApiContext.Provider>,
  );
  return { fake, view };
}

describe('EmbeddingsBanner', () => {
  it('resumes embedding on open, shows progress, and hides once complete', async () => {
    let embedded = 1_024;
    let finish!: () => void;
    const { fake } = renderBanner({
      'embeddings:status': () => status(embedded),
      'embeddings:update': (_i, opts: CallOptions) =>
        new Promise((resolve) => {
          opts.onProgress?.({ phase: 'embed', done: 500, total: 1_976 });
          finish = () => {
            embedded = 3_000;
            resolve(status(embedded));
          };
        }),
    });
    const line = await screen.findByTestId('embeddings-status');
    expect(line.textContent).toMatch(/1,976 of 3,000 papers have no vectors yet/);
    await waitFor(() =>
      expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25'),
    );
    expect(fake.calls.filter((c) => c.method === 'embeddings:update')).toHaveLength(1);
    finish();
    await waitFor(() => expect(screen.queryByTestId('embeddings-status')).toBeNull());
  });

  it('does not restart after the user cancels', async () => {
    const { fake } = renderBanner({
      'embeddings:status': () => status(0),
      'embeddings:update': (_i, opts: CallOptions) =>
        new Promise((_resolve, reject) => {
          opts.signal?.addEventListener('abort', () =>
            reject(new QuireError('cancelled', 'Cancelled.')),
          );
        }),
    });
    fireEvent.click(await screen.findByTestId('embeddings-cancel'));
    await screen.findByText(/Embedding cancelled; the papers embedded so far are kept\./);
    expect(screen.getByTestId('embeddings-run')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'embeddings:update')).toHaveLength(1);
  });

  it('starts no job of its own while an import will embed the papers, and resumes if it does not', async () => {
    let busy: EmbeddingStatus['busy'] = 'importing';
    let looks = 0;
    let updates = 0;
    const handlers: FakeHandlers = {
      'embeddings:status': () => {
        looks++;
        return { ...status(1_000), busy };
      },
      'embeddings:update': () => {
        updates++;
        return new Promise(() => {});
      },
    };
    const { view } = renderBanner(handlers);
    const line = await screen.findByTestId('embeddings-status');
    expect(line.textContent).toMatch(
      /2,000 of 3,000 papers have no vectors yet.*the import embeds them\./,
    );
    expect(screen.queryByTestId('embeddings-run')).toBeNull();
    // Going to another view and back (a remount) during the import starts nothing either.
    view.unmount();
    renderBanner(handlers);
    await waitFor(() => expect(looks).toBe(2));
    await screen.findByTestId('embeddings-status');
    expect(updates).toBe(0);
    // The import stopped short (cancelled, killed): the next look resumes the job.
    busy = null;
    cleanup();
    renderBanner(handlers, 1);
    await screen.findByTestId('embeddings-cancel');
    expect(updates).toBe(1);
  });

  it('re-trains an index an earlier version trained, though every paper has its vector', async () => {
    let outdated = true;
    let finish!: () => void;
    const { fake } = renderBanner({
      'embeddings:status': () => ({
        ...status(3_000),
        ...(outdated ? { indexOutdated: true } : {}),
      }),
      'embeddings:update': (_i, opts: CallOptions) =>
        new Promise((resolve) => {
          opts.onProgress?.({ phase: 'embed', done: 0, total: 0 });
          finish = () => {
            outdated = false;
            resolve(status(3_000));
          };
        }),
    });
    await screen.findByTestId('embeddings-cancel');
    expect(screen.getByTestId('embeddings-status').textContent).toMatch(
      /Rebuilding the search index of 3,000 papers, once after an upgrade/,
    );
    expect(fake.calls.filter((c) => c.method === 'embeddings:update')).toHaveLength(1);
    finish();
    await waitFor(() => expect(screen.queryByTestId('embeddings-status')).toBeNull());
  });

  it('offers to rebuild an outdated index after the user cancels the rebuild', async () => {
    renderBanner({
      'embeddings:status': () => ({ ...status(3_000), indexOutdated: true }),
      'embeddings:update': (_i, opts: CallOptions) =>
        new Promise((_resolve, reject) => {
          opts.signal?.addEventListener('abort', () =>
            reject(new QuireError('cancelled', 'Cancelled.')),
          );
        }),
    });
    fireEvent.click(await screen.findByTestId('embeddings-cancel'));
    await screen.findByText('Rebuilding the index cancelled; the earlier index still serves.');
    const button = await screen.findByTestId('embeddings-run');
    expect(button.textContent).toBe('Rebuild the index');
    expect(screen.getByTestId('embeddings-status').textContent).toMatch(
      /built by an earlier version; semantic search is slower until it is rebuilt/,
    );
  });

  it('shows nothing when every paper has its vector', async () => {
    const { fake } = renderBanner({ 'embeddings:status': () => status(3_000) });
    await waitFor(() =>
      expect(fake.calls.some((c) => c.method === 'embeddings:status')).toBe(true),
    );
    expect(screen.queryByTestId('embeddings-status')).toBeNull();
    expect(fake.calls.some((c) => c.method === 'embeddings:update')).toBe(false);
  });
});
