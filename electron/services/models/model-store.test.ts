// ModelStore: listing and locating installed models, removing them, and loading a downloaded model
// through the real transformers.js pipeline (download, hub protocol and offline cases: the
// model-store.*.test.ts files beside this one).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuireError } from '@shared/api/errors';
import { ModelStore } from './model-store';
import {
  bundledRoot,
  ctx,
  failure,
  hub,
  ID,
  root,
  store,
  tiny,
  useModelStoreFixture,
} from './model-store.fixtures';

useModelStoreFixture();

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
