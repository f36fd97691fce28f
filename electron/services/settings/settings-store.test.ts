// Settings store: concurrent changes (LLM settings from the UI while a model switch completes) all
// reach settings.json, in the order they were made.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('keeps every one of many concurrent changes on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quire-settings-'));
    dirs.push(dir);
    const store = await SettingsStore.open(dir);
    const n = 200;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        i % 2 ? store.set({ [`k${i}`]: i }) : store.set({ activeModel: `m${i}`, [`k${i}`]: i }),
      ),
    );
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    for (let i = 0; i < n; i++) expect(onDisk[`k${i}`], `k${i}`).toBe(i);
    expect(onDisk.activeModel).toBe(`m${n - 2}`);
    expect((await SettingsStore.open(dir)).get()).toEqual(store.get());
  });
});
