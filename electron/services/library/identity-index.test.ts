// The store's identity index on a real LanceDB: lookups follow adds, edits that change a DOI or a
// title, deletes and another process's commits; and an import's duplicate check through it decides
// exactly what the same check over the whole library list decides.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperDraftSchema, type Paper } from '@shared/api/schemas';
import { paperRecord as paper } from '../../../tests/support/paper';
import { dedupe } from '../ingest/dedupe';
import { libraryKeys } from '../ingest/library-keys';
import { PaperStore } from './store';

let dir: string;
let store: PaperStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-identity-'));
  store = await PaperStore.open(dir);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const ids = (ps: readonly { id: string }[]) => ps.map((p) => p.id);

describe('PaperStore.withKey', () => {
  it('follows adds, edits and deletes, oldest paper first', async () => {
    await store.add([
      paper('a', { title: 'Editorial', doi: '10.1000/A' }),
      paper('b', { title: 'Editorial' }),
    ]);
    expect(ids(store.withKey('title:editorial'))).toEqual(['a', 'b']);
    expect(ids(store.withKey('doi:10.1000/a'))).toEqual(['a']);
    expect(store.withKey('doi:10.1000/b')).toEqual([]);

    const [a] = await store.read(['a']);
    await store.update([{ ...a!, doi: '10.1000/B', title: 'Preface' }]);
    expect(store.withKey('doi:10.1000/a')).toEqual([]);
    expect(ids(store.withKey('doi:10.1000/b'))).toEqual(['a']);
    expect(ids(store.withKey('title:editorial'))).toEqual(['b']);
    expect(store.withKey('title:preface')[0]).toMatchObject({ id: 'a', title: 'Preface' });

    await store.remove(['b']);
    expect(store.withKey('title:editorial')).toEqual([]);
  });

  it('sees papers another process committed', async () => {
    await store.add([paper('a', { title: 'Attention' })]);
    expect(ids(store.withKey('title:attention'))).toEqual(['a']);
    const other = await PaperStore.open(dir);
    await other.add([paper('z', { title: 'Attention', year: 2017 })]);
    await other.close();
    await store.refresh();
    expect(ids(store.withKey('title:attention'))).toEqual(['a', 'z']);
  });
});

describe('dedupe through the index', () => {
  it('compares same-title papers oldest first, even when a record reached a newer one by its id', async () => {
    await store.add([
      paper('old', { title: 'Attention', year: 2017 }),
      paper('new', { title: 'Attention', year: 2017, arxivId: '1706.03762' }),
    ]);
    const drafts = [
      PaperDraftSchema.parse({ title: 'Attention (preprint)', arxivId: '1706.03762' }),
      PaperDraftSchema.parse({ title: 'Attention', year: 2017, notes: 'x' }),
    ];
    const out = dedupe(drafts, await libraryKeys(store, drafts));
    expect(out.duplicates.map((d) => d.existingId)).toEqual(['new', 'old']);
  });

  it('decides what the check over the whole library decides', async () => {
    const lib: Paper[] = [];
    // Shared titles with and without DOIs, a DOI on two papers, arXiv ids, years that tell apart.
    for (let i = 0; i < 60; i++) {
      lib.push(
        paper(`p${i}`, {
          title: i % 3 === 0 ? 'Editorial' : `Work ${i % 17}`,
          doi: i % 4 === 0 ? `10.5555/${i % 8}` : '',
          arxivId: i % 5 === 0 ? `2101.${String(i).padStart(5, '0')}` : '',
          year: 2000 + (i % 6),
          authors: [`Author ${i % 7}`],
        }),
      );
    }
    await store.add(lib);
    const drafts = Array.from({ length: 80 }, (_, i) =>
      PaperDraftSchema.parse({
        title: i % 2 ? 'Editorial' : `Work ${i % 23}`,
        doi: i % 6 === 0 ? `10.5555/${i % 10}` : '',
        arxivId: i % 7 === 0 ? `2101.${String(i).padStart(5, '0')}` : '',
        year: 2000 + (i % 8),
        authors: [`Author ${i % 9}`],
      }),
    );
    const whole = await store.read(store.all().map((p) => p.id));
    const byList = dedupe(drafts, whole, { keepSeparate: [3, 4] });
    const byIndex = dedupe(drafts, await libraryKeys(store, drafts), { keepSeparate: [3, 4] });
    expect(byIndex).toEqual(byList);
    expect(byList.duplicates.length).toBeGreaterThan(10);
    expect(byList.distinct.length).toBeGreaterThan(0);
    expect(byList.merged.length).toBeGreaterThan(0);
  });
});
