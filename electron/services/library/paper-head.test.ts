// The library keeps every paper but its abstract in memory (paper-head.ts): heads for listing, whole
// papers read from the real LanceDB table by id or in batches, always as last written.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paperRecord as paper, storedPaper } from '../../../tests/support/paper';
import { headOf, paperText, textHash } from './paper-head';
import { PAPERS_TABLE } from './schema';
import { PaperStore } from './store';

let dir: string;
let store: PaperStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-heads-'));
  store = await PaperStore.open(dir);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const LONG = 'Spectral methods on graphs. '.repeat(200);

describe('paper heads', () => {
  it('hold every field but the abstract, with whether there is one and the hash of the text', () => {
    const p = paper('a', { title: 'Graphs', abstract: LONG, authors: ['Ada'], tags: ['x'] });
    const h = headOf(p);
    expect('abstract' in h).toBe(false);
    const rest: Partial<typeof p> = { ...p };
    delete rest.abstract;
    expect(h).toEqual({ ...rest, hasAbstract: true, textHash: textHash(paperText(p)) });
    expect(headOf(paper('b', { abstract: '  \n' })).hasAbstract).toBe(false);
  });
});

describe('PaperStore keeps abstracts in the table', () => {
  it('lists heads from memory and reads whole papers, in the order asked, across a reopen', async () => {
    await store.add([
      paper('a', { abstract: LONG }),
      paper('b', { abstract: 'Short.' }),
      paper('c', { abstract: '' }),
    ]);
    for (const s of [store, await PaperStore.open(dir)]) {
      expect(s.all().map((h) => 'abstract' in h)).toEqual([false, false, false]);
      expect(s.get('a')?.hasAbstract).toBe(true);
      expect(s.get('c')?.hasAbstract).toBe(false);
      const whole = await s.read(['c', 'missing', 'a', 'b']);
      expect(whole.map((p) => [p.id, p.abstract])).toEqual([
        ['c', ''],
        ['a', LONG],
        ['b', 'Short.'],
      ]);
      if (s !== store) await s.close();
    }
  });

  it('reads a paper as last written, even one read just before the edit', async () => {
    await store.add([paper('a', { abstract: 'First.' })]);
    expect((await storedPaper(store, 'a')).abstract).toBe('First.');
    await store.update([{ ...(await storedPaper(store, 'a')), abstract: 'Second.' }]);
    expect((await storedPaper(store, 'a')).abstract).toBe('Second.');
    expect(store.get('a')?.textHash).toBe(
      textHash(paperText({ title: 'Title a', abstract: 'Second.' })),
    );
    await store.remove(['a']);
    expect(await store.read(['a'])).toEqual([]);
  });

  it('gives every paper whole in batches, and a deleted paper back whole for an undo', async () => {
    const many = Array.from({ length: 25 }, (_, i) => paper(`p${i}`, { abstract: `Text ${i}.` }));
    await store.add(many);
    const seen = new Map<string, string>();
    for await (const batch of store.batches(10)) {
      expect(batch.length).toBeLessThanOrEqual(10);
      for (const p of batch) seen.set(p.id, p.abstract);
    }
    expect(seen.size).toBe(25);
    expect(seen.get('p7')).toBe('Text 7.');
    const removed = await store.remove(['p3', 'nope']);
    expect(removed).toEqual([many[3]]);
  });

  it('looks papers up through an id index once the search indexes are made', async () => {
    await store.add([paper('a', { abstract: 'Indexed.' })]);
    await store.ensureFtsIndex();
    const db = await lancedb.connect(join(dir, 'lancedb'));
    const table = await db.openTable(PAPERS_TABLE);
    expect((await table.listIndices()).map((i) => i.columns)).toContainEqual(['id']);
    table.close();
    db.close();
    await store.add([paper('b', { abstract: 'Written after the index.' })]);
    expect((await store.read(['b', 'a'])).map((p) => p.abstract)).toEqual([
      'Written after the index.',
      'Indexed.',
    ]);
  });
});
