// Contract cases of the model manager: installed models, a download from the (local) hub with
// progress, and switching the active model with a re-index, then back to the default.
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { DEFAULT_MODEL } from '../../electron/services';
import { HUB_MODEL_ID } from './contract-services';
import { rejection } from './suite-support';

export function modelCases(api: Api): void {
  describe('models', () => {
    it('models:download fetches a model with progress; models:list shows it, not active', async () => {
      const before = await api.call('models:list', {});
      expect(before.filter((m) => m.active).map((m) => m.id)).toEqual([DEFAULT_MODEL]);
      expect(before.map((m) => m.id)).not.toContain(HUB_MODEL_ID);

      const seen: Progress[] = [];
      const info = await api.call(
        'models:download',
        { id: HUB_MODEL_ID },
        { onProgress: (p) => seen.push(p) },
      );
      expect(info).toMatchObject({
        id: HUB_MODEL_ID,
        source: 'downloaded',
        dims: 16,
        active: false,
      });
      expect(seen.some((p) => p.phase === 'download' && p.done === p.total)).toBe(true);
      const after = await api.call('models:list', {});
      expect(after.map((m) => [m.id, m.active])).toEqual([
        [DEFAULT_MODEL, true],
        [HUB_MODEL_ID, false],
      ]);

      const unknown = await rejection(api.call('models:download', { id: 'quire-test/no-such' }));
      expect(unknown.code).toBe('not_found');
      expect(unknown.message).toContain('quire-test/no-such');
      const bad = await rejection(api.call('models:download', { id: 'not a model id' }));
      expect(bad.code).toBe('invalid_input');
    });

    it('models:use re-indexes the library with progress and makes the model active; back again', async () => {
      const events: Progress[] = [];
      const tiny = await api.call(
        'models:use',
        { id: HUB_MODEL_ID },
        { onProgress: (p) => events.push(p) },
      );
      expect(tiny).toMatchObject({
        model: HUB_MODEL_ID,
        searchModel: HUB_MODEL_ID,
        dims: 16,
        embedded: 5,
        total: 5,
        missing: 0,
      });
      expect(events.some((p) => p.phase === 'embed' && p.done === 5 && p.total === 5)).toBe(true);
      expect((await api.call('models:list', {})).find((m) => m.active)?.id).toBe(HUB_MODEL_ID);
      expect((await api.call('embeddings:status', {})).model).toBe(HUB_MODEL_ID);

      // Back to the default (its vectors are still current): later cases use its vectors.
      const back = await api.call('models:use', { id: DEFAULT_MODEL });
      expect(back).toMatchObject({ model: DEFAULT_MODEL, searchModel: DEFAULT_MODEL, missing: 0 });
      expect((await api.call('models:list', {})).find((m) => m.active)?.id).toBe(DEFAULT_MODEL);
      const absent = await rejection(api.call('models:use', { id: 'quire-test/not-installed' }));
      expect(absent.code).toBe('not_found');
    });
  });
}
