// @vitest-environment jsdom
// Models panel over a fake transport: the list with the Active badge, Use with progress, download
// progress in MB with cancel, and the service's error text shown as is.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import type { CallOptions } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { EmbeddingStatus, ModelInfo } from '@shared/api/schemas';
import { fakeApi } from '../../testing/fakeApi';
import { ApiContext } from '../../apiContext';
import { ModelsPanel } from './ModelsPanel';

afterEach(cleanup);

const BUNDLED: ModelInfo = {
  id: 'quire-glove-100d',
  source: 'bundled',
  dims: 100,
  sizeBytes: 39 * 1024 * 1024,
  active: true,
  description: 'Bundled with Quire: works offline.',
};
const MINILM: ModelInfo = {
  id: 'Xenova/all-MiniLM-L6-v2',
  source: 'downloaded',
  dims: 384,
  sizeBytes: 90 * 1024 * 1024,
  active: false,
  description: 'Downloaded from huggingface.co',
};

/** A long call that reports progress, then waits for the test to finish it (or for abort). */
function pending<T>(progress: Parameters<NonNullable<CallOptions['onProgress']>>[0]) {
  let finish: (v: T) => void = () => {};
  const handler = (_input: unknown, opts: CallOptions) =>
    new Promise<T>((ok, fail) => {
      opts.onProgress?.(progress);
      finish = ok;
      opts.signal?.addEventListener('abort', () => fail(new QuireError('cancelled', 'Cancelled.')));
    });
  return { handler, finish: (v: T) => finish(v) };
}

function renderPanel(api: Api) {
  render(
    <ApiContext.Provider value={api}>
      <ModelsPanel />
    </ApiContext.Provider>,
  );
}

describe('ModelsPanel', () => {
  it('lists models with source, dims, size and the Active badge', async () => {
    const { api } = fakeApi({ 'models:list': () => [BUNDLED, MINILM] });
    renderPanel(api);
    const rows = await screen.findAllByTestId('model-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Active')).toBeTruthy();
    expect(rows[0]!.textContent).toMatch(/quire-glove-100d.*Bundled.*100.*39\.0 MB/);
    expect(rows[1]!.textContent).toMatch(/all-MiniLM-L6-v2.*Downloaded.*384.*90\.0 MB/);
    const uses = screen.getAllByTestId('model-use') as HTMLButtonElement[];
    expect(uses[0]!.disabled).toBe(true);
    expect(uses[1]!.disabled).toBe(false);
  });

  it('Use switches the model with progress, then shows the status and reloads', async () => {
    let active = BUNDLED.id;
    const use = pending<EmbeddingStatus>({ phase: 'embedding', done: 50, total: 200 });
    const { api, calls } = fakeApi({
      'models:list': () => [
        { ...BUNDLED, active: active === BUNDLED.id },
        { ...MINILM, active: active === MINILM.id },
      ],
      'models:use': use.handler,
    });
    renderPanel(api);
    await screen.findAllByTestId('model-row');
    fireEvent.click(screen.getAllByTestId('model-use')[1]!);
    const progress = await screen.findByTestId('model-progress');
    expect(progress.textContent).toMatch(
      /Switching to Xenova\/all-MiniLM-L6-v2.*embedding.*50 \/ 200/,
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');

    active = MINILM.id;
    use.finish({
      model: MINILM.id,
      dims: 384,
      embedded: 200,
      total: 200,
      missing: 0,
      searchModel: MINILM.id,
      busy: null,
    });
    await waitFor(() => expect(screen.queryByTestId('model-progress')).toBeNull());
    expect(screen.getByTestId('model-notice').textContent).toMatch(/Now using .*200 of 200/);
    expect(calls.filter((c) => c.method === 'models:use')[0]?.input).toEqual({ id: MINILM.id });
    await waitFor(() =>
      expect(within(screen.getAllByTestId('model-row')[1]!).queryByText('Active')).toBeTruthy(),
    );
  });

  it('download shows progress in MB and cancel stops it', async () => {
    const dl = pending<ModelInfo>({
      phase: 'download',
      done: 12 * 1024 * 1024,
      total: 48 * 1024 * 1024,
      message: 'onnx/model.onnx',
    });
    const { api, calls } = fakeApi({
      'models:list': () => [BUNDLED],
      'models:download': dl.handler,
    });
    renderPanel(api);
    await screen.findAllByTestId('model-row');
    fireEvent.change(screen.getByTestId('model-download-input'), {
      target: { value: 'Xenova/bge-small-en-v1.5' },
    });
    fireEvent.click(screen.getByTestId('model-download-button'));
    const progress = await screen.findByTestId('model-progress');
    expect(progress.textContent).toMatch(
      /Downloading Xenova\/bge-small-en-v1\.5.*onnx\/model\.onnx/,
    );
    expect(progress.textContent).toMatch(/12\.0 \/ 48\.0 MB/);
    expect(calls.find((c) => c.method === 'models:download')?.input).toEqual({
      id: 'Xenova/bge-small-en-v1.5',
      revision: 'main',
    });

    fireEvent.click(screen.getByTestId('model-cancel'));
    await waitFor(() => expect(screen.queryByTestId('model-progress')).toBeNull());
    expect(screen.getByTestId('model-notice').textContent).toMatch(/cancelled.*resumes/);
    expect(screen.queryByTestId('model-error')).toBeNull();
  });

  it('shows the service error text (offline) and rejects malformed ids locally', async () => {
    const offline =
      'Cannot reach the model hub at https://huggingface.co: connection refused. Quire works offline with the bundled model; downloads need a network connection.';
    const { api, calls } = fakeApi({
      'models:list': () => [BUNDLED],
      'models:download': () => {
        throw new QuireError('unavailable', offline);
      },
    });
    renderPanel(api);
    await screen.findAllByTestId('model-row');
    const input = screen.getByTestId('model-download-input');

    fireEvent.change(input, { target: { value: 'not a/valid/id' } });
    fireEvent.click(screen.getByTestId('model-download-button'));
    expect((await screen.findByTestId('model-error')).textContent).toMatch(/owner\/name/);
    expect(calls.some((c) => c.method === 'models:download')).toBe(false);

    fireEvent.change(input, { target: { value: 'Xenova/all-MiniLM-L6-v2' } });
    fireEvent.click(screen.getByTestId('model-download-button'));
    await waitFor(() => expect(screen.getByTestId('model-error').textContent).toBe(offline));
  });

  it('a finished download reloads the list', async () => {
    let installed = [BUNDLED];
    const { api } = fakeApi({
      'models:list': () => installed,
      'models:download': () => {
        installed = [BUNDLED, MINILM];
        return MINILM;
      },
    });
    renderPanel(api);
    await screen.findAllByTestId('model-row');
    fireEvent.change(screen.getByTestId('model-download-input'), {
      target: { value: MINILM.id },
    });
    fireEvent.click(screen.getByTestId('model-download-button'));
    await waitFor(() => expect(screen.getAllByTestId('model-row')).toHaveLength(2));
    expect(screen.getByTestId('model-notice').textContent).toMatch(
      /Downloaded Xenova\/all-MiniLM-L6-v2/,
    );
  });
});
