// The LLM provider settings and server embeddings on real services and a real library folder,
// against a fake OpenAI-compatible server on 127.0.0.1: llm:set/get/check, `server:<model>` in the
// model manager, `models:use server:<model>` re-indexing through /v1/embeddings, and failures
// (HTTP 500, server down) that leave the active model and its vectors as they were.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices, DEFAULT_MODEL, type Services } from '../../electron/services';
import { writeTinyDecoder } from '../../scripts/model/tiny-decoder.mjs';
import { closedPortUrl, startFakeLlmServer, type FakeLlmServer } from '../support/fake-llm-server';
import { REPO_ROOT } from '../support/shared-data';

let tmp: string;
let server: FakeLlmServer;
let services: Services;
let api: Api;
const PAPERS = 70;
const DECODER = 'quire-test/tiny-decoder';

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-llm-'));
  server = await startFakeLlmServer({ embeddingModels: ['tiny-embed'], dims: 24 });
  // The bundled default model, plus the tiny decoder as if it shipped too.
  const bundled = join(tmp, 'bundled');
  await mkdir(bundled, { recursive: true });
  await cp(join(REPO_ROOT, 'resources', 'models', DEFAULT_MODEL), join(bundled, DEFAULT_MODEL), {
    recursive: true,
  });
  await writeTinyDecoder(join(bundled, ...DECODER.split('/')));
  services = await createServices({
    libraryDir: join(tmp, 'lib'),
    mode: 'cli',
    bundledModelsDir: bundled,
  });
  api = createClient(inProcessTransport(services.dispatch));
  const lines = Array.from({ length: PAPERS }, (_, i) =>
    JSON.stringify({
      title:
        i % 2 ? `Protein folding with diffusion ${i}` : `Graph neural networks on molecules ${i}`,
      abstract: i % 2 ? 'protein structure folding energy' : 'graph message passing molecules',
    }),
  );
  await api.call('import:run', {
    source: { kind: 'text', name: 'papers.jsonl', text: lines.join('\n') },
  });
});
afterAll(async () => {
  await services.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('llm settings', () => {
  it('starts empty, stores a normalised URL in settings.json, and reads it back', async () => {
    expect(await api.call('llm:get', {})).toMatchObject({
      baseUrl: '',
      model: '',
      allowRemote: false,
    });
    const bare = server.url.replace(/\/v1$/, '/');
    const s = await api.call('llm:set', { baseUrl: bare, model: 'tiny-chat', timeoutSeconds: 5 });
    expect(s).toMatchObject({ baseUrl: server.url, model: 'tiny-chat', timeoutSeconds: 5 });
    const file = JSON.parse(await readFile(join(tmp, 'lib', 'settings.json'), 'utf8'));
    expect(file.llm).toMatchObject({ baseUrl: server.url, model: 'tiny-chat' });
    expect(await api.call('llm:get', {})).toEqual(s);
  });

  it('refuses a server off this machine unless allowed, keeping the old settings', async () => {
    await expect(
      api.call('llm:set', { baseUrl: 'http://192.0.2.7:11434/v1' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/not on this machine/),
    });
    expect((await api.call('llm:get', {})).baseUrl).toBe(server.url);
    await expect(api.call('llm:set', { baseUrl: 'ftp://127.0.0.1/' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('checks the server: its models, and a model it does not have', async () => {
    const ok = await api.call('llm:check', {});
    expect(ok).toMatchObject({ ok: true, models: ['tiny-chat', 'tiny-embed'] });
    await api.call('llm:set', { model: 'qwen-9000' });
    const missing = await api.call('llm:check', {});
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/offers no model qwen-9000/);
    await api.call('llm:set', { model: 'tiny-chat' });
  });

  it('says plainly when the server is down', async () => {
    await api.call('llm:set', { baseUrl: await closedPortUrl() });
    const down = await api.call('llm:check', {});
    expect(down).toMatchObject({ ok: false, models: [] });
    expect(down.message).toMatch(/Cannot reach the LLM server .*connection refused/);
    await api.call('llm:set', { baseUrl: server.url });
  });
});

describe('llm check with the transformers.js provider', () => {
  it('checks that the local model is installed', async () => {
    await api.call('llm:set', { provider: 'transformers' });
    expect((await api.call('llm:check', {})).message).toMatch(
      /No transformers\.js text-generation model/,
    );
    await api.call('llm:set', { localModel: 'someone/absent-model' });
    const absent = await api.call('llm:check', {});
    expect(absent).toMatchObject({ ok: false });
    expect(absent.message).toMatch(/someone\/absent-model is not installed/);
    await api.call('llm:set', { localModel: DEFAULT_MODEL });
    const embedder = await api.call('llm:check', {});
    expect(embedder.ok).toBe(false);
    expect(embedder.message).toMatch(/is not a text-generation model \(architecture: BertModel\)/);
    await api.call('llm:set', { localModel: DECODER });
    expect(await api.call('llm:check', {})).toMatchObject({ ok: true, models: [DECODER] });
    await api.call('llm:set', { provider: 'openai-compatible', localModel: '' });
  });
});

describe('embeddings from the server', () => {
  it('lists server:<model> once an embedding model is set', async () => {
    expect((await api.call('models:list', {})).some((m) => m.source === 'server')).toBe(false);
    await api.call('llm:set', { embeddingModel: 'tiny-embed' });
    const list = await api.call('models:list', {});
    expect(list.find((m) => m.id === 'server:tiny-embed')).toMatchObject({
      source: 'server',
      active: false,
    });
  });

  it('refuses to download a server model from the hub', async () => {
    await expect(api.call('models:download', { id: 'server:tiny-embed' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/served by the LLM server/),
    });
  });

  it('fails clearly on a model the server does not have, or a server that is down', async () => {
    await expect(api.call('models:use', { id: 'server:missing-model' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/server:missing-model failed.*HTTP 404.*not found/),
    });
    await api.call('llm:set', { baseUrl: await closedPortUrl() });
    await expect(api.call('models:use', { id: 'server:tiny-embed' })).rejects.toMatchObject({
      message: expect.stringMatching(/Cannot reach the LLM server .*connection refused/),
    });
    await api.call('llm:set', { baseUrl: server.url });
    expect((await api.call('embeddings:status', {})).model).toBe(DEFAULT_MODEL);
  });

  it('keeps the active model when the server fails mid re-index (HTTP 500)', async () => {
    server.scriptEmbeddings({ pass: true }, { status: 500, body: '{"error":"out of memory"}' });
    await expect(api.call('models:use', { id: 'server:tiny-embed' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/server:tiny-embed failed.*HTTP 500.*out of memory/),
    });
    const status = await api.call('embeddings:status', {});
    expect(status).toMatchObject({ model: DEFAULT_MODEL, embedded: PAPERS, total: PAPERS });
    const list = await api.call('models:list', {});
    expect(list.find((m) => m.active)?.id).toBe(DEFAULT_MODEL);
  });

  it('re-indexes with server:<model> in batches, then search uses its vectors', async () => {
    server.requests.length = 0;
    const status = await api.call('models:use', { id: 'server:tiny-embed' });
    expect(status).toMatchObject({
      model: 'server:tiny-embed',
      dims: 24,
      embedded: PAPERS,
      total: PAPERS,
      searchModel: 'server:tiny-embed',
    });
    const sizes = server.requests
      .filter((r) => r.path === '/v1/embeddings')
      .map((r) => ((r.body as { input: string[] }).input ?? []).length);
    // 70 texts in batches of at most 32 (the model was probed for its dimension in the failed run)
    expect(sizes).toEqual([32, 32, 6]);
    const list = await api.call('models:list', {});
    expect(list.find((m) => m.active)).toMatchObject({ id: 'server:tiny-embed', dims: 24 });
    const r = await api.call('search:query', { query: 'protein folding', mode: 'vector', k: 5 });
    expect(r.model).toBe('server:tiny-embed');
    expect(r.hits).toHaveLength(5);
    for (const h of r.hits) expect(h.paper.title).toMatch(/^Protein folding/);
  });

  it('follows a changed server URL at once; search falls back to keywords while it is down', async () => {
    await api.call('llm:set', { baseUrl: await closedPortUrl() });
    const hybrid = await api.call('search:query', { query: 'protein folding', k: 5 });
    expect(hybrid.notice).toMatch(/Semantic search is unavailable .*Cannot reach the LLM server/);
    expect(hybrid.hits.length).toBeGreaterThan(0);
    await api.call('llm:set', { baseUrl: server.url });
    const back = await api.call('search:query', { query: 'protein folding', mode: 'vector', k: 3 });
    expect(back.hits).toHaveLength(3);
  });
});
