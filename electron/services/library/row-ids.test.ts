// Searches name their rows from row ids (row-ids.ts): on a real LanceDB in a temp folder, every write
// that gives rows new row ids (add, update, delete, compaction, restore, another handle's commit)
// still names each hit with its own paper, before and after the ids are learnt again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paperRecord, storedPaper } from '../../../tests/support/paper';
import { VectorStore } from '../embedding/vector-store';
import { PaperStore } from './store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-rowids-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const paper = (id: string, title: string) =>
  paperRecord(id, { title, abstract: `${title} explained at length.` });

async function ids(store: PaperStore, query: string): Promise<string[]> {
  return (await store.fullTextSearch(query, 10)).map((h) => h.id).sort();
}

/** A store in `dir` holding `papers`, with its full-text index. */
async function indexedStore(...papers: ReturnType<typeof paper>[]): Promise<PaperStore> {
  const s = await PaperStore.open(dir);
  await s.add(papers);
  await s.ensureFtsIndex();
  return s;
}

/** Learns the row ids again now, as the background re-scan after a miss does. */
const rescan = (s: PaperStore | VectorStore) =>
  (s as unknown as { rowIds: { rescan(): Promise<void> } }).rowIds.rescan();

/** Both paths: the first search after a write may read ids, the one after the re-scan does not. */
async function twice(store: PaperStore, query: string): Promise<string[]> {
  const first = await ids(store, query);
  await rescan(store);
  expect(await ids(store, query)).toEqual(first);
  return first;
}

describe('full-text search named by row ids', () => {
  it('names every hit with its own paper across add, update, delete and compaction', async () => {
    let s = await indexedStore(paper('a', 'photonic chips'), paper('b', 'graph networks'));
    await s.close();
    s = await PaperStore.open(dir); // the reload learns the row ids
    expect(await twice(s, 'photonic')).toEqual(['a']);

    await s.update([{ ...(await storedPaper(s, 'b')), title: 'photonic graph networks' }]);
    await s.add([paper('c', 'photonic memory')]);
    expect(await twice(s, 'photonic')).toEqual(['a', 'b', 'c']);

    await s.remove(['a']);
    expect(await twice(s, 'photonic')).toEqual(['b', 'c']);

    await s.optimize();
    expect(await twice(s, 'photonic')).toEqual(['b', 'c']);
    expect(await twice(s, 'memory')).toEqual(['c']);
    await s.close();
  });

  it('after a restore, papers written again are not named after the rolled-back ones', async () => {
    const s = await indexedStore(paper('a', 'photonic chips'));
    const before = await s.version();
    await s.add([paper('x', 'quantum annealing')]);
    expect(await twice(s, 'quantum')).toEqual(['x']);
    await s.rollbackTo(before);
    await s.add([paper('y', 'quantum error correction')]);
    expect(await twice(s, 'quantum')).toEqual(['y']);
    await s.close();
  });

  it("follows another handle's commits", async () => {
    const app = await indexedStore(paper('a', 'photonic chips'));
    expect(await twice(app, 'photonic')).toEqual(['a']);
    const cli = await PaperStore.open(dir);
    await cli.update([
      { ...(await storedPaper(cli, 'a')), title: 'spiking networks', abstract: 'Spikes.' },
    ]);
    await cli.add([paper('b', 'photonic memory')]);
    await cli.close();
    await app.catchUp();
    expect(await twice(app, 'photonic')).toEqual(['b']);
    expect(await twice(app, 'spiking')).toEqual(['a']);
    await app.close();
  });
});

describe('vector search named by row ids', () => {
  const v = (...xs: number[]) => Float32Array.from(xs);
  const nearest = async (s: VectorStore, q: Float32Array) =>
    (await s.search(q, 1)).map((h) => h.id);

  it('names the nearest vector with its own paper after upserts and removals', async () => {
    let s = await VectorStore.open(dir, 'm', 3);
    await s.upsert([
      { id: 'a', hash: '1', vector: v(1, 0, 0) },
      { id: 'b', hash: '1', vector: v(0, 1, 0) },
    ]);
    await s.close();
    s = await VectorStore.open(dir, 'm', 3);
    expect(await nearest(s, v(1, 0.1, 0))).toEqual(['a']);
    // b moves next to the query, a leaves; c arrives.
    await s.upsert([{ id: 'b', hash: '2', vector: v(1, 0.1, 0) }]);
    await s.remove(['a']);
    await s.upsert([{ id: 'c', hash: '1', vector: v(0, 0, 1) }]);
    expect(await nearest(s, v(1, 0.1, 0))).toEqual(['b']);
    expect(await nearest(s, v(0, 0, 1))).toEqual(['c']);
    await rescan(s);
    expect(await nearest(s, v(1, 0.1, 0))).toEqual(['b']);
    expect(await nearest(s, v(0, 0, 1))).toEqual(['c']);
    await s.close();
  });
});
