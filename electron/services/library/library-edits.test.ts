// LibraryService edits on a real LanceDB in a temp folder: notes and tags saved (and still there
// after reopening), deletes undone exactly once, tag counts, and clear errors for unknown papers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuireError } from '@shared/api/errors';
import { LibraryService } from './library-service';
import { paperRecord as paper } from '../../../tests/support/paper';
import { PaperStore } from './store';

let dir: string;
let store: PaperStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-library-edits-'));
  store = await PaperStore.open(dir);
  await store.add([
    paper('a', { title: 'Attention', tags: ['nlp'] }),
    paper('b', { title: 'Residual networks', tags: ['vision', 'nlp'] }),
    paper('c', { title: 'Protein folding', tags: ['biology'] }),
  ]);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('LibraryService edits', () => {
  it('update saves notes and tags (trimmed, once each), keeps the rest, and survives a reopen', async () => {
    const lib = new LibraryService(store);
    const before = await lib.get('a');
    const after = await lib.update({ id: 'a', notes: 'Read twice ∑ 🚀', tags: [' x ', 'x', 'y'] });
    expect(after).toMatchObject({ title: 'Attention', notes: 'Read twice ∑ 🚀', tags: ['x', 'y'] });
    expect(after.updatedAt >= before.updatedAt).toBe(true);
    expect((await lib.update({ id: 'a', notes: 'only notes' })).tags).toEqual(['x', 'y']);

    await store.close();
    store = await PaperStore.open(dir);
    expect(await new LibraryService(store).get('a')).toMatchObject({
      notes: 'only notes',
      tags: ['x', 'y'],
    });
    const unknown = await failure(new LibraryService(store).update({ id: 'zz', notes: 'x' }));
    expect(unknown).toBeInstanceOf(QuireError);
    expect(unknown).toMatchObject({ code: 'not_found' });
  });

  it('delete can be undone once, restoring the papers as they were', async () => {
    const lib = new LibraryService(store);
    const original = await lib.get('b');
    const del = await lib.delete(['b', 'c', 'no-such']);
    expect(del.deleted).toBe(2);
    expect(store.count).toBe(1);
    expect(await failure(Promise.resolve().then(() => lib.get('b')))).toMatchObject({
      code: 'not_found',
    });
    expect(await lib.undoDelete(del.undoToken)).toEqual({ restored: 2 });
    expect(await lib.get('b')).toEqual(original);
    expect(store.count).toBe(3);
    expect(await failure(lib.undoDelete(del.undoToken))).toMatchObject({ code: 'not_found' });
    expect(await failure(lib.delete(['no-such']))).toMatchObject({ code: 'not_found' });
  });

  it('tagPapers tags many papers in one write, skips holders, counts missing, and is undone by the opposite call', async () => {
    const lib = new LibraryService(store);
    const version = await store.version();
    const tagged = await lib.tagPapers(['a', 'b', 'c', 'b', 'gone'], { add: ' nlp ' });
    // a and b already hold it: only c changes, in one commit; the unknown id is counted.
    expect(tagged.changes.map((c) => [c.before.tags, c.after.tags])).toEqual([
      [['biology'], ['biology', 'nlp']],
    ]);
    expect(tagged.missing).toBe(1);
    expect(await store.version()).toBe(version + 1);

    const many = await lib.tagPapers(['c', 'a', 'b'], { add: 'region' });
    // In the order asked for, not the table's.
    expect(many.changes.map((c) => c.after.id)).toEqual(['c', 'a', 'b']);
    expect(await store.version()).toBe(version + 2);
    expect(lib.tags().find((t) => t.tag === 'region')).toEqual({ tag: 'region', count: 3 });

    await store.close();
    store = await PaperStore.open(dir);
    const reopened = new LibraryService(store);
    expect((await reopened.get('b')).tags).toEqual(['vision', 'nlp', 'region']);
    const undone = await reopened.tagPapers(['a', 'b', 'c'], { remove: 'region' });
    expect(undone.changes).toHaveLength(3);
    expect((await reopened.get('b')).tags).toEqual(['vision', 'nlp']);
    expect(reopened.tags().some((t) => t.tag === 'region')).toBe(false);
    expect(await failure(reopened.tagPapers(['no-such'], { add: 'x' }))).toMatchObject({
      code: 'not_found',
    });
  });

  it('tagPapers in several chunks is all or nothing: a failed write puts back the chunks written before it', async () => {
    const lib = new LibraryService(store);
    const version = await store.version();
    const write = store.update.bind(store);
    let writes = 0;
    const diskFull = vi.spyOn(store, 'update').mockImplementation(async (papers) => {
      if (++writes === 2) throw new Error('disk full');
      return write(papers);
    });
    expect(await failure(lib.tagPapers(['a', 'b', 'c'], { add: 'region' }, 1))).toMatchObject({
      message: 'disk full',
    });
    diskFull.mockRestore();
    expect(lib.tags().some((t) => t.tag === 'region')).toBe(false);
    await store.close();
    store = await PaperStore.open(dir);
    expect((await store.read(['a', 'b', 'c'])).map((p) => p.tags)).toEqual([
      ['nlp'],
      ['vision', 'nlp'],
      ['biology'],
    ]);

    const chunked = await new LibraryService(store).tagPapers(
      ['c', 'a', 'b'],
      { add: 'region' },
      2,
    );
    expect(chunked.changes.map((c) => c.after.id)).toEqual(['c', 'a', 'b']);
    expect(chunked.missing).toBe(0);
    expect(await store.version()).toBeGreaterThan(version);
  });

  it('tags counts papers per tag, most used first, then by name', () => {
    expect(new LibraryService(store).tags()).toEqual([
      { tag: 'nlp', count: 2 },
      { tag: 'biology', count: 1 },
      { tag: 'vision', count: 1 },
    ]);
  });
});
