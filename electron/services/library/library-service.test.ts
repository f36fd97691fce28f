// LibraryService.list on a real LanceDB in a temp folder: papers missing the sorted value come last
// in both directions, the answer says which optional columns the whole library fills, and the
// `match` order the `@` reference picker uses.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListInputSchema, type Paper } from '@shared/api/schemas';
import { LibraryService } from './library-service';
import { paperRecord as paper, storedPaper } from '../../../tests/support/paper';
import { sortPapers } from './sort';
import { PaperStore } from './store';

let dir: string;
let store: PaperStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-library-'));
  store = await PaperStore.open(dir);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function order(lib: LibraryService, sort: string, dir: string): Promise<string[]> {
  const r = await lib.list(ListInputSchema.parse({ sort, dir, limit: 1000 }));
  return r.items.map((p) => p.id);
}

describe('LibraryService.list', () => {
  it('pages a filter most papers pass along the kept order: the same pages and totals as sorting them', async () => {
    const papers = Array.from({ length: 400 }, (_, i) =>
      paper(`p${i}`, {
        title: `${['Graph', 'Kernel', 'Spectral', 'Optics'][i % 4]} study ${(i * 37) % 400}`,
        year: i % 9 === 0 ? null : 1990 + ((i * 7) % 35),
        tags: i % 4 === 3 ? ['rare'] : ['common'],
        abstract: i % 5 === 0 ? 'nothing to see' : 'a spectral method on graphs',
      }),
    );
    await store.add(papers);
    const lib = new LibraryService(store);
    const whole = new Map((await store.read(store.all().map((p) => p.id))).map((p) => [p.id, p]));
    const few = [...Array.from({ length: 60 }, (_, i) => `p${i * 3}`), 'p3', 'gone'];
    const many = Array.from({ length: 300 }, (_, i) => `p${(i * 7) % 400}`);
    const cases = [
      { tag: 'common', expect: (p: Paper) => p.tags.includes('common') },
      { text: 'spectral', expect: (p: Paper) => /spectral/i.test(p.title + p.abstract) },
      {
        tag: 'common',
        text: 'graph',
        expect: (p: Paper) => p.tags.includes('common') && /graph/i.test(p.title + p.abstract),
      },
      // Each filter narrows the papers the smallest one names: ids, words, a tag.
      ...[
        { ids: few, text: 'kernel' },
        { ids: many, text: 'optics study' },
        { ids: many, text: 'optics', tag: 'rare' },
      ].map((f) => ({
        ...f,
        expect: (p: Paper) =>
          f.ids.includes(p.id) &&
          f.text.split(' ').every((w) => `${p.title} ${p.abstract}`.toLowerCase().includes(w)) &&
          (!f.tag || p.tags.includes(f.tag)),
      })),
    ];
    for (const { expect: keep, ...filter } of cases)
      for (const [sort, dir] of [
        ['title', 'asc'],
        ['year', 'desc'],
        ['addedAt', 'desc'],
      ] as const)
        for (const offset of [0, 50, 280]) {
          const r = await lib.list(
            ListInputSchema.parse({ ...filter, sort, dir, offset, limit: 25 }),
          );
          const want = sortPapers(store.all(), sort, dir)
            .map((h) => whole.get(h.id)!)
            .filter(keep);
          const what = `${JSON.stringify(filter)} ${sort} ${dir} @${offset}`;
          expect(r.total, what).toBe(want.length);
          expect(
            r.items.map((p) => p.id),
            what,
          ).toEqual(want.slice(offset, offset + 25).map((p) => p.id));
        }
  });

  it('puts papers without the sorted value last, ascending and descending', async () => {
    await store.add([
      paper('none1'),
      paper('y2020', { year: 2020, venue: 'NeurIPS', authors: ['Zhang, W.'] }),
      paper('none2', { title: '' }),
      paper('y1999', { year: 1999, venue: 'ACL', authors: ['Abel, A.'] }),
      paper('y2024', { year: 2024, venue: 'ICML', authors: ['Moll, M.'] }),
    ]);
    const lib = new LibraryService(store);
    expect(await order(lib, 'year', 'asc')).toEqual(['y1999', 'y2020', 'y2024', 'none1', 'none2']);
    expect(await order(lib, 'year', 'desc')).toEqual(['y2024', 'y2020', 'y1999', 'none1', 'none2']);
    expect(await order(lib, 'venue', 'desc')).toEqual([
      'y2020',
      'y2024',
      'y1999',
      'none1',
      'none2',
    ]);
    expect(await order(lib, 'authors', 'desc')).toEqual([
      'y2020',
      'y2024',
      'y1999',
      'none1',
      'none2',
    ]);
    // An empty title sorts after every titled paper, either way.
    expect((await order(lib, 'title', 'asc')).at(-1)).toBe('none2');
    expect((await order(lib, 'title', 'desc')).at(-1)).toBe('none2');
  });

  it('keeps a sorted order only until the library changes; filters and edits show at once', async () => {
    await store.add([
      paper('b', { title: 'Beta', tags: ['x'] }),
      paper('a', { title: 'Alpha' }),
      paper('c', { title: 'Gamma', tags: ['x'] }),
    ]);
    const lib = new LibraryService(store);
    expect(await order(lib, 'title', 'asc')).toEqual(['a', 'b', 'c']);
    const tagged = await lib.list(ListInputSchema.parse({ sort: 'title', tag: 'x' }));
    expect(tagged.items.map((p) => p.id)).toEqual(['b', 'c']);
    expect(await order(lib, 'title', 'asc')).toEqual(['a', 'b', 'c']); // the filter left it whole
    expect(await order(lib, 'title', 'desc')).toEqual(['c', 'b', 'a']);

    await store.update([{ ...(await storedPaper(store, 'a')), title: 'Zeta', notes: 'renamed' }]);
    expect(await order(lib, 'title', 'asc')).toEqual(['b', 'c', 'a']);
    const renamed = await lib.list(ListInputSchema.parse({ sort: 'title', text: 'zeta' }));
    expect(renamed.items).toMatchObject([{ id: 'a', notes: 'renamed' }]);
    await store.remove(['b']);
    expect(await order(lib, 'title', 'desc')).toEqual(['a', 'c']);
  });

  it('a list narrowed to a tag or to ids is the whole list filtered, in every order', async () => {
    const papers = Array.from({ length: 40 }, (_, i) =>
      paper(`p${i}`, {
        title: `Paper ${(i * 7) % 40}`,
        year: i % 5 === 0 ? null : 2000 + (i % 9),
        tags: [...(i % 10 === 3 ? ['rare'] : []), ...(i % 4 ? ['common'] : [])],
      }),
    );
    await store.add(papers);
    const lib = new LibraryService(store);
    const ids = ['p3', 'p13', 'p8', 'p3', 'nope', 'p39', 'p0'];
    for (const sort of ['title', 'year', 'addedAt'])
      for (const dir of ['asc', 'desc']) {
        const whole = await order(lib, sort, dir);
        const only = (keep: (p: (typeof papers)[number]) => boolean) =>
          whole.filter((id) => keep(papers.find((p) => p.id === id)!));
        for (const tag of ['rare', 'common']) {
          const r = await lib.list(ListInputSchema.parse({ sort, dir, tag, limit: 1000 }));
          expect(r.items.map((p) => p.id)).toEqual(only((p) => p.tags.includes(tag)));
        }
        const byIds = await lib.list(ListInputSchema.parse({ sort, dir, ids, limit: 1000 }));
        expect(byIds.items.map((p) => p.id)).toEqual(only((p) => ids.includes(p.id)));
        const both = await lib.list(ListInputSchema.parse({ sort, dir, ids, tag: 'common' }));
        expect(both.items.map((p) => p.id)).toEqual(
          only((p) => ids.includes(p.id) && p.tags.includes('common')),
        );
      }
    await store.update([{ ...(await storedPaper(store, 'p1')), tags: ['rare'] }]);
    const after = await lib.list(ListInputSchema.parse({ tag: 'rare', limit: 1000 }));
    expect(after.items.map((p) => p.id)).toEqual(['p1', 'p3', 'p13', 'p23', 'p33']);
  });

  it('reports which optional columns the whole library fills, whatever the filter', async () => {
    await store.add([paper('a'), paper('b', { tags: ['x'] })]);
    const lib = new LibraryService(store);
    const all = await lib.list(ListInputSchema.parse({}));
    expect(all.filled).toEqual({ authors: false, year: false, venue: false, tags: true });
    await store.add([paper('c', { year: 2001, title: 'Different' })]);
    const filtered = await lib.list(ListInputSchema.parse({ text: 'Title a' }));
    expect(filtered.items.map((p) => p.id)).toEqual(['a']);
    expect(filtered.filled).toEqual({ authors: false, year: true, venue: false, tags: true });
  });
});

describe('LibraryService.list sort "match"', () => {
  it('offers the paper whose title starts with the typed text first', async () => {
    await store.add([
      paper('a', {
        title: 'A Dynamical Model of Neural Scaling Laws',
        abstract: 'Scaling laws for neural networks.',
      }),
      paper('b', {
        title: 'Scaling Laws for Neural Language Models',
        abstract: 'We study empirical scaling laws.',
      }),
      paper('c', {
        title: 'Broken Neural Scaling Laws',
        abstract: 'A form for neural scaling laws.',
      }),
    ]);
    const lib = new LibraryService(store);
    const input = { text: 'Scaling Laws for Neu', limit: 8 };
    // By title, the picker used to offer "A Dynamical Model…" first and Enter inserted it.
    const byTitle = await lib.list(ListInputSchema.parse({ ...input, sort: 'title' }));
    expect(byTitle.items[0]!.id).toBe('a');
    const byMatch = await lib.list(ListInputSchema.parse({ ...input, sort: 'match' }));
    expect(byMatch.items.map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });
});
