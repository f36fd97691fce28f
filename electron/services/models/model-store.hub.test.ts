// ModelStore against hub protocol details (pagination, concurrent downloads, the real model) and
// offline failures that are clear and never hang.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedPortUrl, startSilentServer } from '../../../tests/support/fake-hub';
import { ctx, failure, hub, ID, store, useModelStoreFixture } from './model-store.fixtures';

useModelStoreFixture();

describe('hub protocol details', () => {
  it('follows the tree API pagination (Link rel="next")', async () => {
    // Serve the fake hub's tree in two pages through a wrapping fetch.
    const paged: typeof fetch = async (input, init) => {
      const url = String(input);
      if (!url.includes('/api/models/')) return fetch(input, init);
      const all = (await (
        await fetch(url.replace(/[?&]cursor=\w+/, ''), init)
      ).json()) as unknown[];
      const second = url.includes('cursor=2');
      const body = JSON.stringify(second ? all.slice(3) : all.slice(0, 3));
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (!second) headers.link = `<${url}&cursor=2>; rel="next"`;
      return new Response(body, { status: 200, headers });
    };
    const s = store({ fetch: paged });
    await s.download(ID, 'main', ctx());
    expect((await s.list()).map((m) => m.id)).toContain(ID);
  });

  it('two downloads of one model at once: the second is refused', async () => {
    hub.knobs.chunkBytes = 16 * 1024;
    hub.knobs.chunkDelayMs = 10;
    const s = store();
    const first = s.download(ID, 'main', ctx());
    const err = await failure(s.download(ID, 'main', ctx()));
    expect(err.message).toMatch(/already being downloaded/);
    await first;
  });

  it('serves and downloads the real bundled model when it is present', async (t) => {
    const real = join(process.cwd(), 'resources', 'models', 'quire-glove-100d');
    if (!existsSync(join(real, 'onnx', 'model.onnx'))) t.skip();
    hub.addModel('quire/glove-copy', real);
    const s = store();
    const info = await s.download('quire/glove-copy', 'main', ctx());
    expect(info).toMatchObject({ source: 'downloaded', dims: 100 });
    expect(s.locate('quire/glove-copy').dtype).toBe('fp32');
  });
});

describe('offline: clear errors, never a hang', () => {
  const offlineMessage =
    /^Cannot reach the model hub at http:\/\/127\.0\.0\.1:\d+: .+\. Quire works offline with the bundled model; downloads need a network connection\.$/;

  it('connection refused fails with unavailable', async () => {
    const url = await closedPortUrl();
    const err = await failure(store({ hubUrl: url }).download(ID, 'main', ctx()));
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(offlineMessage);
    expect(err.message).toMatch(/connection refused/);
  });

  it('a server that accepts but never answers times out with unavailable', async () => {
    const silent = await startSilentServer();
    try {
      const err = await failure(
        store({ hubUrl: silent.url, connectTimeoutMs: 300 }).download(ID, 'main', ctx()),
      );
      expect(err.code).toBe('unavailable');
      expect(err.message).toMatch(offlineMessage);
      expect(err.message).toMatch(/no answer within 300 ms/);
    } finally {
      await silent.close();
    }
  });

  it('a body that stalls fails with unavailable after the stall timeout', async () => {
    hub.knobs.stallBodies = true;
    const err = await failure(
      store({ stallTimeoutMs: 300, retries: 0 }).download(ID, 'main', ctx()),
    );
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(/interrupted: no data for 300 ms/);
  });

  it('a DNS failure reads as unavailable (custom fetch that fails like undici)', async () => {
    const dnsFail: typeof fetch = async () => {
      throw Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND huggingface.co'), {
          code: 'ENOTFOUND',
        }),
      });
    };
    const err = await failure(
      store({ hubUrl: 'https://huggingface.co', fetch: dnsFail }).download(ID, 'main', ctx()),
    );
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(/huggingface\.co: the host name could not be resolved/);
  });
});
