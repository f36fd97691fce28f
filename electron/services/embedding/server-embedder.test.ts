// Server embeddings against a real HTTP server on 127.0.0.1: batching, normalisation, and the
// failures a server can produce (a body that never ends, vectors that change length, a bad answer).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  hashedVector,
  startFakeLlmServer,
  type FakeLlmServer,
} from '../../../tests/support/fake-llm-server';
import { ServerEmbeddings } from './server-embedder';

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer({ embeddingModels: ['e'], dims: 8 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const make = (timeoutMs = 10_000) =>
  new ServerEmbeddings({
    endpoint: { baseUrl: server.url, timeoutMs },
    model: 'e',
    batchSize: 3,
  });

describe('ServerEmbeddings', () => {
  it('embeds in batches, in order, L2-normalised', async () => {
    const texts = ['graph networks', 'protein folding', 'graph', 'reinforcement', ''];
    const out = await make().embed(texts);
    expect(server.requests.map((r) => (r.body as { input: string[] }).input.length)).toEqual([
      3, 2,
    ]);
    expect(out).toHaveLength(5);
    out.forEach((v, i) => {
      expect(Math.hypot(...v)).toBeCloseTo(texts[i] ? 1 : 0, 5);
      expect(Array.from(v)).toEqual(hashedVector(texts[i] || ' ', 8).map((x) => Math.fround(x)));
    });
  });

  it('times out on a body that never ends', async () => {
    server.scriptEmbeddings({ endless: true });
    await expect(make(1000).embed(['a'])).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/server:e failed: .*no complete answer within 1 s/),
    });
  });

  it('refuses vectors whose length changes between batches', async () => {
    const e = make();
    await e.embed(['a']);
    // a well-formed answer with 3-d vectors where 8-d came before
    const bad = JSON.stringify({ data: [{ index: 0, embedding: [1, 0, 0] }] });
    server.scriptEmbeddings({ status: 200, body: bad });
    await expect(e.embed(['b'])).rejects.toThrow(/3-d vectors after 8-d ones/);
  });

  it('refuses an answer with the wrong number of vectors', async () => {
    server.scriptEmbeddings({ status: 200, body: JSON.stringify({ data: [] }) });
    await expect(make().embed(['a', 'b'])).rejects.toThrow(/0 vectors for 2 texts/);
  });

  it('stops at once when cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(make().embed(['a'], abort.signal)).rejects.toMatchObject({ code: 'cancelled' });
    expect(server.requests).toHaveLength(0);
  });
});
