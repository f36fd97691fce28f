// The text filter's word index decides exactly what scanning every paper's text decides (filter.ts),
// for plain words, parts of words, words with punctuation and other scripts, and stays right through
// adds, edits and deletes, on a real LanceDB store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { mulberry32 } from '@shared/random';
import { paperRecord as paper, storedPaper } from '../../../tests/support/paper';
import { MemoryPapers } from '../../../tests/support/memory-papers';
import { searchableText, words } from './filter';
import { PaperStore } from './store';
import { TextIndex } from './text-index';
import { asSearch, nextSlice, pausedSlices } from '../background';

const PAPERS: Paper[] = [
  paper('a', {
    title: 'Graph-based message passing',
    abstract: 'Spectral GNNs on 3D point clouds.',
  }),
  paper('b', { title: 'Schrödinger bridges', authors: ['Émile Zola'], year: 2021 }),
  paper('c', { title: 'Photonic chips', doi: '10.1038/s41586-020-1234-5', tags: ['optics'] }),
  paper('d', { title: 'Über Graphen', notes: 'see spectral section; naïve baseline' }),
  paper('e', { title: '深層学習による翻訳', venue: 'ACL', arxivId: '2101.00001' }),
];

/** What the filter answered before the index: every typed word a substring of the text. */
const scan = (papers: readonly Paper[], text: string) =>
  papers
    .filter((p) => words(text).every((w) => searchableText(p).includes(w)))
    .map((p) => p.id)
    .sort();

/** The index's answer (or, where it cannot tell, the answer from reading the papers' text). */
const indexed = async (index: TextIndex, text: string) =>
  [...(await index.matching(words(text)))].sort();

const QUERIES = [
  'graph',
  'GRAPH',
  'graph-based',
  'raph',
  'spectral graph',
  '3d',
  'schrödinger',
  'émile',
  'zola 2021',
  '10.1038/s41586',
  '1038',
  'optics',
  'naïve',
  'section;',
  '学習',
  '2101.00001',
  'nothing-here',
  'ph',
];

describe('TextIndex', () => {
  it('answers as the scan does, for every kind of typed word', async () => {
    const index = new TextIndex(new MemoryPapers(PAPERS));
    for (const q of QUERIES) expect(await indexed(index, q), q).toEqual(scan(PAPERS, q));
    expect(index.isBuilt).toBe(true);
  });

  it('answers a word with no letter or digit from the papers’ text', async () => {
    const index = new TextIndex(new MemoryPapers(PAPERS));
    expect([...(await index.matching([';']))]).toEqual(['d']);
    expect([...(await index.matching(['--']))]).toEqual([]);
  });

  it('matches the scan on random parts of the papers’ own words', async () => {
    const index = new TextIndex(new MemoryPapers(PAPERS));
    const r = mulberry32(5);
    const all = PAPERS.map((p) => [p.title, p.abstract, p.notes, p.doi].join(' ')).join(' ');
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(r() * all.length);
      const q = all.slice(at, at + 1 + Math.floor(r() * 8)).trim();
      if (!q) continue;
      expect(await indexed(index, q), q).toEqual(scan(PAPERS, q));
    }
  });
});

describe('TextIndex on a large library', () => {
  const many = Array.from({ length: 6_000 }, (_, i) =>
    paper(`p${i}`, { title: i % 3 === 0 ? `Spectral study ${i}` : `Kernel study ${i}` }),
  );

  it('holds postings whose papers lie far apart, and a word every other paper has', async () => {
    // Papers are numbered in the order they are indexed: gaps of 200, 19,800 and 20,000 numbers
    // take varints of two and three bytes; "common" has gaps of one (or two).
    const far = new Set([0, 200, 20_000, 40_000]);
    const library = Array.from({ length: 40_001 }, (_, i) =>
      paper(`p${i}`, { title: far.has(i) ? `Rare zeugma ${i}` : `Common ${i}` }),
    );
    const index = new TextIndex(new MemoryPapers(library));
    await index.ready();
    expect(index.isBuilt).toBe(true);
    expect(await indexed(index, 'zeugma')).toEqual([...far].map((i) => `p${i}`).sort());
    const common = await index.matching(['common']);
    expect(common.size).toBe(library.length - far.size);
    expect([...far].some((i) => common.has(`p${i}`))).toBe(false);
  });

  it('is built in the background: the filter reads the text until it is ready, then answers alike', async () => {
    const index = new TextIndex(new MemoryPapers(many));
    // Asked before the index exists: the call starts the build and reads the text meanwhile. (How
    // far the build gets before the answer depends on the machine, so that is not asserted.)
    const whileBuilding = index.matching(['spectral']);
    expect(index.isBuilt).toBe(false);
    expect((await whileBuilding).size).toBe(2_000);
    await index.ready();
    expect(index.isBuilt).toBe(true);
    expect((await index.matching(['spectral'])).size).toBe(2_000);
  });

  it('waits for a build that is nearly done rather than read the text again', async () => {
    let release = () => {};
    const held = new Promise<void>((go) => (release = go));
    let reads = 0;
    let heldBack = false;
    // A table whose last twentieth comes only once released: the build waits there, 95 % through.
    class SlowPapers extends MemoryPapers {
      override async *batches(): AsyncGenerator<Paper[]> {
        reads++;
        const all = this.papers();
        const most = Math.round(all.length * 0.95);
        yield all.slice(0, most);
        heldBack = true;
        await held;
        yield all.slice(most);
      }
    }
    const index = new TextIndex(new SlowPapers(many));
    index.warm();
    for (let i = 0; i < 100_000 && !heldBack; i++) await new Promise((go) => setImmediate(go));
    expect(heldBack).toBe(true);
    // The build has indexed the batch it was given by the time it asks for the next.
    const filtered = index.matching(['spectral']);
    for (let i = 0; i < 5; i++) await new Promise((go) => setImmediate(go));
    release();
    expect((await filtered).size).toBe(2_000);
    expect(index.isBuilt).toBe(true);
    expect(reads).toBe(1);
  });

  it('reads the text when the nearly done build it waits for is cut short by a write', async () => {
    let release = () => {};
    const held = new Promise<void>((go) => (release = go));
    let heldBack = false;
    let builds = 0;
    // The first build waits 95 % through; a later build never ends. A scan (no size) reads all.
    class SlowPapers extends MemoryPapers {
      override async *batches(size?: number): AsyncGenerator<Paper[]> {
        const all = this.papers();
        if (size === undefined) return yield all;
        if (++builds > 1) await new Promise(() => undefined);
        const most = Math.round(all.length * 0.95);
        yield all.slice(0, most);
        heldBack = true;
        await held;
        yield all.slice(most);
      }
    }
    const papers = new SlowPapers(many);
    const index = new TextIndex(papers);
    index.warm();
    for (let i = 0; i < 100_000 && !heldBack; i++) await new Promise((go) => setImmediate(go));
    const filtered = index.matching(['spectral']);
    await new Promise((go) => setImmediate(go));
    const late = paper('late', { title: 'Spectral latecomer' });
    papers.set(late);
    index.added([late]);
    release();
    expect((await filtered).size).toBe(2_001);
    expect(index.isBuilt).toBe(false);
  });

  it('goes on at once when a caller begins to wait while its build is paused for a search', async () => {
    // The pause's cap never fires here: without being resumed, the build would wait for the search.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let finish = () => {};
      const search = asSearch(() => new Promise<void>((go) => (finish = go)));
      // Enough text that the build takes many ~10 ms slices on any machine.
      const text = (i: number) => Array.from({ length: 40 }, (_, j) => `w${(i * 31 + j) % 9973}`);
      const long = Array.from({ length: 20_000 }, (_, i) =>
        paper(`q${i}`, { title: `Study ${i}`, abstract: text(i).join(' ') }),
      );
      const index = new TextIndex(new MemoryPapers(long));
      index.warm();
      for (let i = 0; i < 100_000 && pausedSlices() === 0; i++)
        await new Promise((go) => setImmediate(go));
      expect(pausedSlices()).toBe(1);
      await index.ready();
      expect(index.isBuilt).toBe(true);
      finish();
      await search;
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the table’s text as a search does: background slices give way meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let release = () => {};
      const held = new Promise<void>((go) => (release = go));
      // A table whose second batch comes only once released.
      class SlowPapers extends MemoryPapers {
        override async *batches(): AsyncGenerator<Paper[]> {
          const all = this.papers();
          yield all.slice(0, 3_000);
          await held;
          yield all.slice(3_000);
        }
      }
      const index = new TextIndex(new SlowPapers(many));
      const scanning = index.matching(['spectral']);
      await new Promise((go) => setImmediate(go));
      let sliced = false;
      void nextSlice().then(() => (sliced = true));
      for (let i = 0; i < 5; i++) await new Promise((go) => setImmediate(go));
      expect(sliced).toBe(false);
      release();
      expect((await scanning).size).toBe(2_000);
      await new Promise((go) => setImmediate(go));
      expect(sliced).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts over when a paper is written while it builds, and holds that paper', async () => {
    const papers = new MemoryPapers(many);
    const index = new TextIndex(papers);
    index.warm();
    const late = paper('late', { title: 'Spectral latecomer' });
    papers.set(late);
    index.added([late]);
    await index.ready();
    expect(index.isBuilt).toBe(true);
    expect([...(await index.matching(['spectral', 'latecomer']))]).toEqual(['late']);
    expect((await index.matching(['spectral'])).size).toBe(2_001);
  });
});

describe('PaperStore.withWords', () => {
  let dir: string;
  let store: PaperStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-text-index-'));
    store = await PaperStore.open(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  const found = async (text: string) => [...(await store.withWords(words(text)))].sort();

  it('follows adds, edits and deletes', async () => {
    await store.add(PAPERS);
    expect(await found('spectral')).toEqual(['a', 'd']);
    await store.update([{ ...(await storedPaper(store, 'd')), notes: '' }]);
    expect(await found('spectral')).toEqual(['a']);
    await store.update([{ ...(await storedPaper(store, 'c')), notes: 'spectral lines' }]);
    expect(await found('spectral')).toEqual(['a', 'c']);
    await store.remove(['a']);
    expect(await found('spectral')).toEqual(['c']);
    await store.add([paper('f', { abstract: 'A spectral method.' })]);
    expect(await found('spectral')).toEqual(['c', 'f']);
    const whole = await store.read(store.all().map((p) => p.id));
    for (const q of QUERIES) expect(await found(q), q).toEqual(scan(whole, q));
  });

  it('answers with the library’s own heads, and membership as of the answer', async () => {
    await store.add(PAPERS);
    const spectral = await store.withWords(['spectral']);
    expect(spectral.heads?.map((h) => h.id).sort()).toEqual(['a', 'd']);
    for (const h of spectral.heads ?? []) expect(h).toBe(store.get(h.id));
    expect(['a', 'b', 'c', 'd', 'e', 'zz'].filter((id) => spectral.has(id))).toEqual(['a', 'd']);
    // Edited after the answer: the edit may have changed its words, so it is no longer in it.
    await store.update([{ ...(await storedPaper(store, 'd')), notes: '' }]);
    expect(spectral.has('d')).toBe(false);
    expect(spectral.has('a')).toBe(true);
  });

  it('is rebuilt after most papers went, and after another process’s commit', async () => {
    await store.add(PAPERS);
    expect(await found('graph')).toEqual(['a', 'd']);
    await store.remove(['a', 'b', 'c']);
    expect(await found('graph')).toEqual(['d']);
    const other = await PaperStore.open(dir);
    await other.add([paper('g', { title: 'Graph kernels' })]);
    await other.close();
    await store.refresh();
    expect(await found('graph')).toEqual(['d', 'g']);
  });
});
