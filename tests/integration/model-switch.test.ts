// Model manager end to end on real services: download a model from a local hub (real HTTP, integrity
// checked), switch to it, re-index with progress — search keeps answering from the old vectors until
// the new ones are complete — and an offline download fails fast with a clear message.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices, DEFAULT_MODEL, type Services } from '../../electron/services';
import { closedPortUrl, startFakeHub, type FakeHub } from '../support/fake-hub';
import { writeTinyModel } from '../support/tiny-model';

const TINY = 'quire-test/tiny-embedder';

let tmp: string;
let hub: FakeHub;
let services: Services;
let api: Api;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-switch-'));
  const model = await writeTinyModel(join(tmp, 'hub-model'), { dims: 16, vocabSize: 5_000 });
  hub = await startFakeHub({ [TINY]: model.dir });
  services = await createServices({ libraryDir: join(tmp, 'lib'), mode: 'cli', hubUrl: hub.url });
  api = createClient(inProcessTransport(services.dispatch));
  const lines = Array.from({ length: 400 }, (_, i) =>
    JSON.stringify({
      title: `Graph neural network study ${i}`,
      abstract: `attention transformer language graph network ${i}`,
    }),
  );
  const r = await api.call('import:run', {
    source: { kind: 'text', name: 'papers.jsonl', text: lines.join('\n') },
  });
  expect(r.warnings).toEqual([]);
});
afterAll(async () => {
  await services.close();
  await hub.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('model download and switch', () => {
  it('downloads a model from the hub with its integrity checked, and lists it', async () => {
    const seen: Progress[] = [];
    const info = await api.call(
      'models:download',
      { id: TINY },
      { onProgress: (p) => seen.push(p) },
    );
    expect(info).toMatchObject({ id: TINY, source: 'downloaded', dims: 16, active: false });
    expect(seen.some((p) => p.phase === 'download' && p.total !== null && p.done === p.total)).toBe(
      true,
    );
    const list = await api.call('models:list', {});
    expect(list.map((m) => [m.id, m.active])).toEqual([
      [DEFAULT_MODEL, true],
      [TINY, false],
    ]);
    expect(hub.requests.some((r) => r.path.includes(`/api/models/${TINY}/tree/`))).toBe(true);
  });

  it('re-indexes with progress; search stays on the old vectors until the switch completes', async () => {
    const during: string[] = [];
    let probes: Promise<unknown>[] = [];
    const status = await api.call(
      'models:use',
      { id: TINY },
      {
        onProgress: (p) => {
          if (p.phase === 'embed' && p.done > 0 && p.done < (p.total ?? 0)) {
            probes.push(
              api
                .call('search:query', { query: 'graph attention', mode: 'vector', k: 3 })
                .then((r) => during.push(r.model)),
            );
          }
        },
      },
    );
    await Promise.all(probes);
    probes = [];
    expect(status).toMatchObject({
      model: TINY,
      dims: 16,
      embedded: 400,
      total: 400,
      searchModel: TINY,
    });
    expect(during.length).toBeGreaterThan(0);
    expect(new Set(during)).toEqual(new Set([DEFAULT_MODEL]));
    const after = await api.call('search:query', {
      query: 'graph attention',
      mode: 'vector',
      k: 3,
    });
    expect(after.model).toBe(TINY);
    expect(after.hits).toHaveLength(3);
    expect((await api.call('models:list', {})).find((m) => m.active)?.id).toBe(TINY);
  });

  it('fails an offline download with a clear message, changing nothing', async () => {
    const offline = await createServices({
      libraryDir: join(tmp, 'lib-offline'),
      mode: 'cli',
      hubUrl: await closedPortUrl(),
    });
    try {
      const err = await createClient(inProcessTransport(offline.dispatch))
        .call('models:download', { id: 'Xenova/all-MiniLM-L6-v2' })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(QuireError);
      expect((err as QuireError).code).toBe('unavailable');
      expect((err as QuireError).message).toMatch(/Cannot reach the model hub/);
    } finally {
      await offline.close();
    }
  });
});
