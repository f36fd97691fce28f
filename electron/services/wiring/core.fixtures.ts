// A real library for service tests: every service of wiring/core.ts over LanceDB in a temp folder,
// with the bundled model, filled with the given papers (imported and embedded as the app does).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallContext } from '@shared/api/contract';
import { openCore, type Core } from './core';

const BUNDLED_MODELS = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'resources',
  'models',
);

export const quietCtx = (): CallContext => ({
  signal: new AbortController().signal,
  onProgress: () => {},
  caller: 'local',
});

export type TestCore = Core & { dir: string; close(): Promise<void> };

/** Opens the services on a fresh folder, imports `records` (JSON Lines) and embeds them. */
export async function openTestCore(records: object[]): Promise<TestCore> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-core-'));
  const core = await openCore({ libraryDir: dir, mode: 'cli', bundledModelsDir: BUNDLED_MODELS });
  if (records.length > 0) {
    const text = records.map((r) => JSON.stringify(r)).join('\n');
    await core.ingest.run({ source: { kind: 'text', name: 'papers.jsonl', text } }, quietCtx());
    await core.store.ensureFtsIndex();
    await core.embeddings.update(quietCtx());
  }
  return {
    ...core,
    dir,
    close: async () => {
      await core.search.close();
      await core.tagging.close();
      await core.embeddings.close();
      await core.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
