// Real services for one transport of the contract suite: a fresh library in a temp folder, and a
// local model hub (real HTTP on 127.0.0.1) serving a tiny model, so `models:download` runs offline.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services, type ServicesOptions } from '../../electron/services';
import { startFakeHub } from '../support/fake-hub';
import { writeTinyModel } from '../support/tiny-model';

/**
 * Papers per export chunk in the services under test: small, so a cancel sent over HTTP or IPC when
 * the first chunk is written arrives while many chunks remain (it takes a few event-loop turns).
 */
export const EXPORT_CHUNK_FOR_TESTS = 5;

/** The model the local hub serves (16 dimensions, a few words: quick to download and to embed with). */
export const HUB_MODEL_ID = 'quire-test/tiny-embedder';

export async function contractServices(
  mode: ServicesOptions['mode'],
): Promise<{ services: Services; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `quire-contract-${mode}-`));
  const model = await writeTinyModel(join(dir, 'hub-model'), { dims: 16 });
  const hub = await startFakeHub({ [HUB_MODEL_ID]: model.dir });
  const services = await createServices({
    libraryDir: join(dir, 'library'),
    mode,
    hubUrl: hub.url,
    exportChunk: EXPORT_CHUNK_FOR_TESTS,
  });
  return {
    services,
    close: async () => {
      await services.close();
      await hub.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
