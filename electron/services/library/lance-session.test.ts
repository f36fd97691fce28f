// The shared LanceDB session: its caps come from the environment, and connections really use it
// (lancedb.connect drops a session passed as its third argument next to options; it must be an option).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheCaps, DEFAULT_INDEX_CACHE_MB, lanceSession } from './lance-session';
import { connectLance, localLocation } from './location';

const MB = 1024 * 1024;

describe('cacheCaps', () => {
  it('reads megabytes from the environment and keeps the defaults for unset or bad values', () => {
    expect(
      cacheCaps({ QUIRE_LANCE_INDEX_CACHE_MB: '256', QUIRE_LANCE_METADATA_CACHE_MB: '0' }),
    ).toEqual({
      index: 256 * MB,
      metadata: 0,
    });
    expect(
      cacheCaps({ QUIRE_LANCE_INDEX_CACHE_MB: 'lots', QUIRE_LANCE_METADATA_CACHE_MB: '-3' }),
    ).toEqual(cacheCaps({}));
    expect(cacheCaps({}).index).toBe(DEFAULT_INDEX_CACHE_MB * MB);
  });
});

describe('connectLance', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-session-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens tables through the shared session, whose caches then hold what was read', async () => {
    const db = await connectLance(localLocation(dir));
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, n: i }));
    const table = await db.createTable('t', rows);
    await table.createIndex('id');
    const before = lanceSession().sizeBytes();
    expect(await table.query().where("id = 'p7'").toArray()).toHaveLength(1);
    expect(lanceSession().sizeBytes()).toBeGreaterThan(before);
    table.close();
    db.close();
  });
});
