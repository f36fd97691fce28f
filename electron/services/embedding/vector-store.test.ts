// VectorStore on a real LanceDB in a temp folder: an upsert that mixes new papers and re-embedded ones
// appends the first and replaces the second, leaving one row per paper; search ranks by cosine
// (computed as the dot product of unit vectors), and an earlier version's cosine index is re-trained.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ANN_MIN_ROWS,
  DEFAULT_NPROBES,
  DISTANCE,
  probesFor,
  VectorStore,
  vectorTableName,
} from './vector-store';

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
  it('probes 20 partitions up to ~400k papers, then one in 33 (√n partitions)', () => {
    expect(probesFor(0)).toBe(DEFAULT_NPROBES);
    expect(probesFor(100_000)).toBe(20);
    expect(probesFor(250_000)).toBe(20);
    expect(probesFor(1_000_000)).toBe(30);
    expect(probesFor(2_500_000)).toBe(48);
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

describe('VectorStore.search', () => {
  it('ranks and scores by cosine similarity whatever the vectors’ lengths', async () => {
    const s = await VectorStore.open(dir, 'm', 3);
    await s.upsert([
      { id: 'long', hash: 'l', vector: v(10, 1, 0) },
      { id: 'near', hash: 'n', vector: v(0.5, 0.5, 0) },
      { id: 'far', hash: 'f', vector: v(0, 0, 3) },
    ]);
    const hits = await s.search(v(2, 2, 0), 3);
    expect(hits.map((h) => h.id)).toEqual(['near', 'long', 'far']);
    const cos = 11 / (Math.sqrt(101) * Math.sqrt(2));
    expect(hits[0]!.similarity).toBeCloseTo(1, 5);
    expect(hits[1]!.similarity).toBeCloseTo(cos, 5);
    expect(hits[2]!.similarity).toBeCloseTo(0, 5);
    // A query vector with no direction (only unknown words) finds nothing, as by cosine.
    expect(await s.search(v(0, 0, 0), 3)).toEqual([]);
    expect(await s.search(v(0, 0, 0), 3, { exact: true })).toEqual([]);
    await s.close();
  });
});

describe('VectorStore.ensureIndex', () => {
  /** Points around a circle, at seven heights: no two alike. */
  const at = (i: number) => {
    const angle = (2 * Math.PI * i) / ANN_MIN_ROWS;
    return v(Math.cos(angle), Math.sin(angle), (i % 7) / 7);
  };
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `p${i}`, hash: 'h', vector: at(i) }));

  it(`searches by dot product of unit vectors, and re-trains an earlier version's cosine index`, async () => {
    const s = await VectorStore.open(dir, 'm', 3);
    await s.upsert(rows(ANN_MIN_ROWS));
    await s.close();
    // An index as the previous version trained it.
    const db = await lancedb.connect(join(dir, 'lancedb'));
    const table = await db.openTable(vectorTableName('m'));
    await table.createIndex('vector', {
      config: lancedb.Index.ivfFlat({ numPartitions: 16, distanceType: 'cosine' }),
    });
    const distance = async () => (await table.indexStats('vector_idx'))?.distanceType;
    expect(await distance()).toBe('cosine');

    const again = await VectorStore.open(dir, 'm', 3);
    expect(again.indexOutdated).toBe(true);
    // Until re-trained, the old index is searched by its own distance.
    expect((await again.search(at(5), 1))[0]!.id).toBe('p5');
    expect(await again.ensureIndex()).toBe(true);
    expect(again.indexOutdated).toBe(false);
    await table.checkoutLatest();
    expect(await distance()).toBe(DISTANCE);
    const [hit] = await again.search(at(5), 1);
    expect(hit!.id).toBe('p5');
    expect(hit!.similarity).toBeCloseTo(1, 5);
    await again.close();
    table.close();
    db.close();
  });
});
