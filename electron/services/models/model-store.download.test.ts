// ModelStore.download against a real local HTTP hub: integrity checks, resume, corruption,
// cancel, refused ids and the bundled model.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { MANIFEST_NAME, ManifestSchema } from './manifest';
import {
  ctx,
  failure,
  hub,
  ID,
  onnxSize,
  root,
  store,
  useModelStoreFixture,
} from './model-store.fixtures';

useModelStoreFixture();

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
