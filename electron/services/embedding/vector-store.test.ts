// VectorStore on a real LanceDB in a temp folder: an upsert that mixes new papers and re-embedded ones
// appends the first and replaces the second, leaving one row per paper.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_NPROBES, probesFor, VectorStore, vectorTableName } from './vector-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-vectors-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const v = (...xs: number[]) => Float32Array.from(xs);

async function rowsOnDisk(): Promise<{ id: string; hash: string }[]> {
  const db = await lancedb.connect(join(dir, 'lancedb'));
  const table = await db.openTable(vectorTableName('m'));
  const rows = (await table.query().select(['id', 'hash']).toArray()).map((r) => ({
    id: String(r.id),
    hash: String(r.hash),
  }));
  table.close();
  db.close();
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

describe('probesFor', () => {
  it('probes 10 partitions up to ~250k papers, then one in 50 (√n partitions)', () => {
    expect(probesFor(0)).toBe(DEFAULT_NPROBES);
    expect(probesFor(100_000)).toBe(10);
    expect(probesFor(250_000)).toBe(10);
    expect(probesFor(1_000_000)).toBe(20);
    expect(probesFor(2_500_000)).toBe(32);
  });
});

describe('VectorStore.upsert', () => {
  it('appends new papers and replaces re-embedded ones: one row each', async () => {
    const s = await VectorStore.open(dir, 'm', 3);
    await s.upsert([
      { id: 'a', hash: 'a1', vector: v(1, 0, 0) },
      { id: 'b', hash: 'b1', vector: v(0, 1, 0) },
    ]);
    await s.upsert([
      { id: 'b', hash: 'b2', vector: v(0, 0, 1) },
      { id: 'c', hash: 'c1', vector: v(0, 1, 0) },
    ]);
    expect(await rowsOnDisk()).toEqual([
      { id: 'a', hash: 'a1' },
      { id: 'b', hash: 'b2' },
      { id: 'c', hash: 'c1' },
    ]);
    expect(s.hashOf('b')).toBe('b2');
    expect((await s.search(v(0, 0, 1), 1)).map((h) => h.id)).toEqual(['b']);
    await s.close();

    const again = await VectorStore.open(dir, 'm', 3);
    expect([...again.ids()].sort()).toEqual(['a', 'b', 'c']);
    await again.close();
  });
});
