// @vitest-environment jsdom
// Settings → Tagging / LLM: saving a server on this machine, the explicit confirmation before a
// remote one (allowRemote), Check, and the transformers.js provider.
import { cleanup, fireEvent, render, screen, waitFor } from './tagging.fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import type { LlmSettings } from '@shared/api/tagging-contract';
import { ApiContext } from '../../apiContext';
import { fakeApi } from '../../testing/fakeApi';
import { fakeTagging } from '../../testing/fakeTagging';
import { LlmSettingsPanel } from './LlmSettingsPanel';

function setup(llm: Partial<LlmSettings> = {}) {
  const model = fakeTagging({ llm });
  const fake = fakeApi(model.handlers);
  render(
    <ApiContext.Provider value={fake.api}>
      <LlmSettingsPanel />
    </ApiContext.Provider>,
  );
  const sets = () => fake.calls.filter((c) => c.method === 'llm:set').map((c) => c.input);
  return { model, fake, sets };
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('LlmSettingsPanel', () => {
  afterEach(cleanup);

  it('saves a server on this machine without asking, and withdraws any remote consent', async () => {
    const { sets, model } = setup({ allowRemote: true, baseUrl: 'http://gpu-box:8000/v1' });
    await screen.findByTestId('llm-url');
    type('llm-url', 'http://127.0.0.1:11434/v1');
    type('llm-model', 'qwen2.5:0.5b');
    type('llm-timeout', '30');
    fireEvent.click(screen.getByTestId('llm-save'));
    await waitFor(() => expect(sets()).toHaveLength(1));
    expect(screen.queryByTestId('llm-remote-confirm')).toBeNull();
    expect(sets()[0]).toEqual({
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
      embeddingModel: '',
      model: 'qwen2.5:0.5b',
      timeoutSeconds: 30,
      localModel: '',
      allowRemote: false,
    });
    expect(model.llm.allowRemote).toBe(false);
  });

  it('a URL off this machine needs an explicit confirmation that sets allowRemote', async () => {
    const { sets, model } = setup();
    await screen.findByTestId('llm-url');
    type('llm-url', 'https://llm.example.org/v1');
    type('llm-model', 'big-model');
    expect(screen.getByTestId('llm-remote-note').textContent).toContain(
      'llm.example.org is not this machine',
    );
    fireEvent.click(screen.getByTestId('llm-save'));
    const confirm = await screen.findByTestId('llm-remote-confirm');
    expect(confirm.textContent).toContain('they leave this computer');
    expect(sets()).toHaveLength(0);
    fireEvent.click(screen.getByTestId('llm-remote-allow'));
    await waitFor(() => expect(sets()).toHaveLength(1));
    expect(sets()[0]).toMatchObject({ baseUrl: 'https://llm.example.org/v1', allowRemote: true });
    expect(model.llm.allowRemote).toBe(true);
    await waitFor(() => expect(screen.queryByTestId('llm-remote-confirm')).toBeNull());
    expect(screen.getByTestId('llm-remote-note').textContent).toContain('Allowed');
  });

  it('changing to another remote server asks again', async () => {
    const { sets } = setup({ baseUrl: 'https://a.example.org/v1', allowRemote: true });
    await screen.findByTestId('llm-url');
    type('llm-url', 'https://b.example.org/v1');
    fireEvent.click(screen.getByTestId('llm-save'));
    await screen.findByTestId('llm-remote-confirm');
    expect(sets()).toHaveLength(0);
  });

  it('Check reports the server and its models', async () => {
    setup({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:0.5b' });
    fireEvent.click(await screen.findByTestId('llm-check'));
    const res = await screen.findByTestId('llm-check-result');
    expect(res.textContent).toContain('Reached http://127.0.0.1:11434/v1.');
    expect(res.textContent).toContain('qwen2.5:0.5b, llama3.2:1b');
  });

  it('Check waits for unsaved edits, and a bad timeout cannot be saved', async () => {
    setup();
    await screen.findByTestId('llm-url');
    type('llm-url', 'http://localhost:1234/v1');
    expect((screen.getByTestId('llm-check') as HTMLButtonElement).disabled).toBe(true);
    type('llm-timeout', '0');
    expect(screen.getByRole('alert').textContent).toContain('from 1 to 600');
    expect((screen.getByTestId('llm-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('the transformers.js provider stores a model id and needs no remote consent', async () => {
    const { sets } = setup({ baseUrl: 'https://llm.example.org/v1' });
    fireEvent.click(await screen.findByTestId('llm-provider-transformers'));
    type('llm-local-model', 'onnx-community/Qwen2.5-0.5B-Instruct');
    fireEvent.click(screen.getByTestId('llm-save'));
    await waitFor(() => expect(sets()).toHaveLength(1));
    expect(sets()[0]).toMatchObject({
      provider: 'transformers',
      localModel: 'onnx-community/Qwen2.5-0.5B-Instruct',
      allowRemote: false,
    });
  });
});
