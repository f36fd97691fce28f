// Warming a long-lived host's search: one hybrid query through the dispatcher after a pause, never a
// failure of its own, cancelled by closing; and, through the real services, a library opened with
// warmSearch has its search terms counted (and their snapshot written) before anyone searches.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '..';
import { TERMS_SNAPSHOT_FILE } from '../search/terms-snapshot';
import { warmSearch } from './warm-search';

function recording(outcome: () => Promise<void> = async () => undefined) {
  const calls: number[] = [];
  const run = () => {
    calls.push(calls.length + 1);
    return outcome();
  };
  return { calls, run };
}

describe('warmSearch', () => {
  it('runs once after the pause', async () => {
    const { calls, run } = recording();
    const warm = warmSearch(run, 5);
    expect(calls).toEqual([]);
    await warm.done;
    expect(calls).toEqual([1]);
  });

  it('a failed run is not a failure of warming', async () => {
    const { calls, run } = recording(() => Promise.reject(new Error('no model yet')));
    await expect(warmSearch(run, 0).done).resolves.toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('cancelled before the pause ends, it never runs', async () => {
    const { calls, run } = recording();
    const warm = warmSearch(run, 50);
    warm.cancel();
    await warm.done;
    expect(calls).toEqual([]);
  });
});

describe('createServices({ warmSearch })', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-warm-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts the library’s search terms before the first search, and closes cleanly', async () => {
    const first = await createServices({ libraryDir: dir, mode: 'cli' });
    const papers = Array.from({ length: 1_100 }, (_, i) =>
      JSON.stringify({ title: `Paper ${i} on topic ${i % 13}`, abstract: `Words ${i % 7} here.` }),
    );
    const api = createClient(inProcessTransport(first.dispatch));
    const r = await api.call('import:run', {
      source: { kind: 'text', name: 'p.jsonl', text: papers.join('\n') },
    });
    expect(r.imported).toBe(1_100);
    await first.close();
    const snapshot = join(dir, TERMS_SNAPSHOT_FILE);
    // Imported, never searched: nothing counted them yet.
    expect(existsSync(snapshot)).toBe(false);

    const warmed = await createServices({ libraryDir: dir, mode: 'browser', warmSearch: true });
    await warmed.warmed;
    await warmed.close();
    expect(existsSync(snapshot)).toBe(true);

    // Closing straight after opening waits for nothing that was not started.
    const quick = await createServices({ libraryDir: dir, mode: 'browser', warmSearch: true });
    await quick.close();
  });

  it('leaves an empty library alone: no write lock, no full-text index built', async () => {
    const services = await createServices({ libraryDir: dir, mode: 'browser', warmSearch: true });
    await services.warmed;
    expect(existsSync(join(dir, '.write-lock'))).toBe(false);
    expect(existsSync(join(dir, 'lancedb', 'papers.lance', '_indices'))).toBe(false);
    await services.close();
  });
});
