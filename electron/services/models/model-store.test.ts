// ModelStore against a real local HTTP hub (tests/support/fake-hub): listing, download with integrity
// checks, resume, corruption, cancel, offline failures that never hang, and loading the downloaded
// model through the real transformers.js pipeline.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/api/contract';
import { QuireError } from '../../../shared/api/errors';
import {
  closedPortUrl,
  startFakeHub,
  startSilentServer,
  type FakeHub,
} from '../../../tests/support/fake-hub';
import { writeTinyModel, type TinyModel } from '../../../tests/support/tiny-model';
import { MANIFEST_NAME, ManifestSchema } from './manifest';
import { ModelStore, type ModelStoreOptions } from './model-store';

const root = mkdtempSync(join(tmpdir(), 'quire-models-'));
const ID = 'test-org/tiny-embed';
let tiny: TinyModel;
let hub: FakeHub;
let caseNo = 0;
let bundledRoot: string;

beforeAll(async () => {
  // ~5000 words × 16 dims ≈ 320 KB of weights: big enough to cut a transfer in the middle.
  tiny = await writeTinyModel(join(root, 'src', ID), { vocabSize: 5000, dims: 16 });
  await writeTinyModel(join(root, 'src', 'test-org/quant-only'), {
    dims: 4,
    weights: ['quantized'],
  });
  bundledRoot = join(root, 'bundled');
  await writeTinyModel(join(bundledRoot, 'quire-tiny-bundled'), { dims: 8 });
  hub = await startFakeHub({
    [ID]: join(root, 'src', ID),
    'test-org/quant-only': join(root, 'src', 'test-org/quant-only'),
  });
});
afterAll(async () => {
  await hub?.close();
  rmSync(root, { recursive: true, force: true });
});
afterEach(() => {
  hub.knobs = {};
  hub.requests.length = 0;
});

/** A store with a fresh download folder. */
function store(opts: Partial<ModelStoreOptions> = {}): ModelStore {
  return new ModelStore({
    bundledRoot,
    downloadRoot: join(root, `lib${++caseNo}`, 'models'),
    hubUrl: hub.url,
    ...opts,
  });
}

function ctx(signal = new AbortController().signal) {
  const events: Progress[] = [];
  return { events, signal, onProgress: (p: Progress) => void events.push(p) };
}

async function failure(p: Promise<unknown>): Promise<QuireError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(QuireError);
    return err as QuireError;
  }
  throw new Error('expected a failure');
}

const onnxSize = () => statSync(join(root, 'src', ID, 'onnx/model.onnx')).size;

describe('ModelStore.list / locate', () => {
  it('lists the bundled model (no manifest needed) with dims from config.json', async () => {
    const s = store();
    const list = await s.list();
    expect(list).toEqual([
      expect.objectContaining({ id: 'quire-tiny-bundled', source: 'bundled', dims: 8 }),
    ]);
    expect(list[0]?.sizeBytes).toBeGreaterThan(100);
    const loc = s.locate('quire-tiny-bundled');
    expect(loc).toMatchObject({ localModelPath: bundledRoot, dims: 8, dtype: 'fp32' });
  });

  it('locate of a missing model is not_found and names the installed ones', () => {
    const err = (() => {
      try {
        store().locate('nobody/nothing');
      } catch (e) {
        return e as QuireError;
      }
    })();
    expect(err?.code).toBe('not_found');
    expect(err?.message).toMatch(/nobody\/nothing.*Installed: quire-tiny-bundled/);
  });

  it('lists nothing and does not fail when the folders do not exist', async () => {
    const s = new ModelStore({
      bundledRoot: join(root, 'nope'),
      downloadRoot: join(root, 'nope2'),
      hubUrl: hub.url,
    });
    expect(await s.list()).toEqual([]);
  });
});

describe('ModelStore.download', () => {
  it('downloads, verifies, writes the manifest last and lists the model', async () => {
    const s = store();
    const c = ctx();
    const info = await s.download(ID, 'main', c);
    expect(info).toMatchObject({ id: ID, source: 'downloaded', dims: 16 });

    const dir = join(s.downloadRoot, ID);
    for (const f of [
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'special_tokens_map.json',
      'onnx/model.onnx',
    ])
      expect(readFileSync(join(dir, f))).toEqual(readFileSync(join(root, 'src', ID, f)));
    const manifest = ManifestSchema.parse(
      JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')),
    );
    expect(manifest).toMatchObject({ id: ID, revision: 'main', dims: 16, dtype: 'fp32' });
    expect(manifest.weights).toBe('onnx/model.onnx');
    expect(manifest.source).toBe(hub.url);
    expect(manifest.files.map((f) => f.path)).toContain('onnx/model.onnx');
    expect(info.sizeBytes).toBe(manifest.files.reduce((n, f) => n + f.size, 0));

    // Progress: bytes against the total, monotonic, ending at the total.
    const dl = c.events.filter((e) => e.total != null);
    expect(dl.at(-1)).toMatchObject({
      phase: 'download',
      done: info.sizeBytes,
      total: info.sizeBytes,
    });
    for (let i = 1; i < dl.length; i++) expect(dl[i]!.done).toBeGreaterThanOrEqual(dl[i - 1]!.done);

    const list = await s.list();
    expect(list.map((m) => m.id)).toEqual(['quire-tiny-bundled', ID]);
    expect(s.locate(ID)).toMatchObject({
      localModelPath: s.downloadRoot,
      id: ID,
      dims: 16,
      dtype: 'fp32',
    });
    // Only the files transformers.js needs: the tree plus five files.
    expect(hub.requests.map((r) => r.path)).toHaveLength(6);
  });

  it('a second download of an unchanged model fetches only the file list', async () => {
    const s = store();
    await s.download(ID, 'main', ctx());
    hub.requests.length = 0;
    await s.download(ID, 'main', ctx());
    expect(hub.requests.map((r) => r.path)).toEqual([`/api/models/${ID}/tree/main`]);
  });

  it('follows the hub redirect for LFS files', async () => {
    hub.knobs.redirectLfs = true;
    const s = store();
    await s.download(ID, 'main', ctx());
    expect(hub.requests.some((r) => r.path.startsWith('/cdn/'))).toBe(true);
    expect((await s.list()).some((m) => m.id === ID)).toBe(true);
  });

  it('falls back to the quantized weights and records dtype q8', async () => {
    const s = store();
    await s.download('test-org/quant-only', 'main', ctx());
    expect(s.locate('test-org/quant-only')).toMatchObject({ dtype: 'q8', dims: 4 });
  });

  it('resumes an interrupted transfer with a Range request in the next attempt', async () => {
    hub.knobs.failAfter = { path: 'onnx/model.onnx', bytes: 100_000 };
    const s = store({ retries: 0 });
    const err = await failure(s.download(ID, 'main', ctx()));
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(/onnx\/model\.onnx.*interrupted.*resume/);
    const part = join(s.downloadRoot, ID, 'onnx/model.onnx.part');
    const kept = statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(onnxSize());
    expect(await s.list()).not.toContainEqual(expect.objectContaining({ id: ID }));

    hub.requests.length = 0;
    await s.download(ID, 'main', ctx());
    const onnxReq = hub.requests.filter((r) => r.path.endsWith('/onnx/model.onnx'));
    expect(onnxReq).toEqual([expect.objectContaining({ range: `bytes=${kept}-` })]);
    expect(existsSync(part)).toBe(false);
    expect(readFileSync(join(s.downloadRoot, ID, 'onnx/model.onnx'))).toEqual(
      readFileSync(join(root, 'src', ID, 'onnx/model.onnx')),
    );
    expect((await s.list()).map((m) => m.id)).toContain(ID);
  });

  it('resumes automatically within one call when retries are allowed', async () => {
    hub.knobs.failAfter = { path: 'onnx/model.onnx', bytes: 100_000, times: 2 };
    const s = store({ retries: 2 });
    await s.download(ID, 'main', ctx());
    const ranges = hub.requests
      .filter((r) => r.path.endsWith('/onnx/model.onnx'))
      .map((r) => r.range);
    expect(ranges).toHaveLength(3);
    expect(ranges[0]).toBeNull();
    expect(ranges[1]).toMatch(/^bytes=\d+-$/);
    expect((await s.list()).map((m) => m.id)).toContain(ID);
  });

  it('starts over when the server answers a Range request with the whole file (200)', async () => {
    hub.knobs.failAfter = { path: 'onnx/model.onnx', bytes: 100_000 };
    const s = store({ retries: 0 });
    await failure(s.download(ID, 'main', ctx()));
    hub.knobs.ignoreRange = true;
    await s.download(ID, 'main', ctx());
    expect(readFileSync(join(s.downloadRoot, ID, 'onnx/model.onnx'))).toEqual(
      readFileSync(join(root, 'src', ID, 'onnx/model.onnx')),
    );
  });

  it('a corrupted file fails with invalid_file naming it, is deleted and never listed', async () => {
    hub.knobs.corrupt = new Set(['onnx/model.onnx']);
    const s = store();
    const err = await failure(s.download(ID, 'main', ctx()));
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/onnx\/model\.onnx.*integrity/);
    expect(existsSync(join(s.downloadRoot, ID, 'onnx/model.onnx.part'))).toBe(false);
    expect(existsSync(join(s.downloadRoot, ID, 'onnx/model.onnx'))).toBe(false);
    expect(existsSync(join(s.downloadRoot, ID, MANIFEST_NAME))).toBe(false);
    expect((await s.list()).map((m) => m.id)).not.toContain(ID);
  });

  it('a corrupted plain (non-LFS) file fails its git blob check', async () => {
    hub.knobs.corrupt = new Set(['tokenizer.json']);
    const err = await failure(store().download(ID, 'main', ctx()));
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/tokenizer\.json.*git oid/);
  });

  it('cancel stops promptly, keeps the .part for a later resume', async () => {
    hub.knobs.chunkBytes = 8 * 1024;
    hub.knobs.chunkDelayMs = 25;
    const s = store();
    const abort = new AbortController();
    const c = {
      signal: abort.signal,
      onProgress: (p: Progress) => {
        if (p.message === 'onnx/model.onnx' && p.done > 0 && !abort.signal.aborted) {
          setTimeout(() => abort.abort(), 150);
        }
      },
    };
    const err = await failure(s.download(ID, 'main', c));
    // How promptly it stops is measured in bench/models/failure-latency.ts, not asserted here.
    expect(err.code).toBe('cancelled');
    const part = join(s.downloadRoot, ID, 'onnx/model.onnx.part');
    expect(statSync(part).size).toBeGreaterThan(0);
    expect((await s.list()).map((m) => m.id)).not.toContain(ID);

    hub.knobs = {};
    hub.requests.length = 0;
    await s.download(ID, 'main', ctx());
    expect(hub.requests.find((r) => r.path.endsWith('/onnx/model.onnx'))?.range).toMatch(/^bytes=/);
  });

  it('an already-aborted signal is cancelled before any request', async () => {
    const abort = new AbortController();
    abort.abort();
    const err = await failure(store().download(ID, 'main', ctx(abort.signal)));
    expect(err.code).toBe('cancelled');
  });

  it('unknown model → not_found naming it', async () => {
    const err = await failure(store().download('nobody/nothing', 'main', ctx()));
    expect(err.code).toBe('not_found');
    expect(err.message).toBe(`No model nobody/nothing on ${hub.url}.`);
  });

  it('gated model → unavailable explaining why', async () => {
    hub.knobs.gated = new Set([ID]);
    const err = await failure(store().download(ID, 'main', ctx()));
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(/gated or private/);
  });

  it('refuses ids that leave the models folder and unsafe paths in the tree', async () => {
    expect((await failure(store().download('owner/..', 'main', ctx()))).code).toBe('invalid_input');
    const evil: typeof fetch = async () =>
      new Response(
        JSON.stringify([
          { type: 'file', path: 'config.json', size: 2, oid: 'x' },
          { type: 'file', path: '../../escape.json', size: 2, oid: 'x' },
        ]),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const err = await failure(store({ fetch: evil }).download(ID, 'main', ctx()));
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/unsafe file path/);
  });

  it('the bundled model is never downloaded', async () => {
    const info = await store().download('quire-tiny-bundled', 'main', ctx());
    expect(info.source).toBe('bundled');
    expect(hub.requests).toHaveLength(0);
  });
});

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

describe('ModelStore.remove', () => {
  it('removes a downloaded model and refuses the bundled one', async () => {
    const s = store();
    await s.download(ID, 'main', ctx());
    await s.remove(ID);
    expect(existsSync(join(s.downloadRoot, ID))).toBe(false);
    expect((await s.list()).map((m) => m.id)).toEqual(['quire-tiny-bundled']);
    expect((await failure(s.remove('quire-tiny-bundled'))).code).toBe('invalid_input');
    expect((await failure(s.remove(ID))).code).toBe('not_found');
  });
});

describe('the downloaded model is usable', () => {
  it('loads through the real transformers.js pipeline and embeds as computed by hand', async () => {
    const s = store();
    await s.download(ID, 'main', ctx());
    const loc = s.locate(ID);
    const { env, pipeline } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = loc.localModelPath;
    const extract = await pipeline('feature-extraction', loc.id, { dtype: loc.dtype });
    try {
      const out = await extract(['neural network'], { pooling: 'mean', normalize: true });
      expect(out.dims).toEqual([1, loc.dims]);
      const a = tiny.vectorOf('neural');
      const b = tiny.vectorOf('network');
      const mean = Array.from(a, (x, i) => (x + (b[i] ?? 0)) / 2);
      const norm = Math.hypot(...mean);
      const got = Array.from(out.data as Float32Array);
      mean.forEach((x, i) => expect(got[i]).toBeCloseTo(x / norm, 5));
    } finally {
      await extract.dispose();
    }
  });
});
