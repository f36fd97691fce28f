// The text filter's word index decides exactly what scanning every paper's text decides (filter.ts),
// for plain words, parts of words, words with punctuation and other scripts, and stays right through
// adds, edits and deletes, on a real LanceDB store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { mulberry32 } from '@shared/random';
import { paperRecord as paper } from '../../../tests/support/paper';
import { matchesFilters, words } from './filter';
import { PaperStore } from './store';
import { TextIndex } from './text-index';

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
  papers.filter((p) => matchesFilters(p, { text }, words(text))).map((p) => p.id);

/** The index's answer; where it cannot tell (a word of punctuation only), the filter scans. */
const indexed = (index: TextIndex, papers: readonly Paper[], text: string) => {
  const found = index.matching(words(text));
  return found ? [...found].sort() : scan(papers, text);
};

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
  it('answers as the scan does, for every kind of typed word', () => {
    const byId = new Map(PAPERS.map((p) => [p.id, p]));
    const index = new TextIndex(
      () => byId.values(),
      (id) => byId.get(id),
    );
    for (const q of QUERIES) expect(indexed(index, PAPERS, q), q).toEqual(scan(PAPERS, q));
  });

  it('leaves a word with no letter or digit to the scan', () => {
    const index = new TextIndex(
      () => PAPERS,
      () => undefined,
    );
    expect(index.matching(['--'])).toBeUndefined();
  });

  it('matches the scan on random parts of the papers’ own words', () => {
    const byId = new Map(PAPERS.map((p) => [p.id, p]));
    const index = new TextIndex(
      () => byId.values(),
      (id) => byId.get(id),
    );
    const r = mulberry32(5);
    const all = PAPERS.map((p) => [p.title, p.abstract, p.notes, p.doi].join(' ')).join(' ');
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(r() * all.length);
      const q = all.slice(at, at + 1 + Math.floor(r() * 8)).trim();
      if (!q) continue;
      expect(indexed(index, PAPERS, q), q).toEqual(scan(PAPERS, q));
    }
  });
});

describe('TextIndex on a large library', () => {
  const many = Array.from({ length: 6_000 }, (_, i) =>
    paper(`p${i}`, { title: i % 3 === 0 ? `Spectral study ${i}` : `Kernel study ${i}` }),
  );

  it('is built in the background: the filter scans until it is ready, then answers as the scan', async () => {
    const byId = new Map(many.map((p) => [p.id, p]));
    const index = new TextIndex(
      () => byId.values(),
      (id) => byId.get(id),
    );
    expect(index.matching(['spectral'])).toBeUndefined();
    await index.ready();
    expect(index.matching(['spectral'])?.size).toBe(2_000);
  });

  it('starts over when a paper is written while it builds, and holds that paper', async () => {
    const byId = new Map(many.map((p) => [p.id, p]));
    const index = new TextIndex(
      () => byId.values(),
      (id) => byId.get(id),
    );
    expect(index.matching(['spectral'])).toBeUndefined();
    const late = paper('late', { title: 'Spectral latecomer' });
    byId.set(late.id, late);
    index.added([late]);
    await index.ready();
    const found = index.matching(['spectral', 'latecomer']);
    expect([...(found ?? [])]).toEqual(['late']);
    expect(index.matching(['spectral'])?.size).toBe(2_001);
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
  const found = (text: string) => [...(store.withWords(words(text)) ?? [])].sort();

  it('follows adds, edits and deletes', async () => {
    await store.add(PAPERS);
    expect(found('spectral')).toEqual(['a', 'd']);
    await store.update([{ ...store.get('d')!, notes: '' }]);
    expect(found('spectral')).toEqual(['a']);
    await store.update([{ ...store.get('c')!, notes: 'spectral lines' }]);
    expect(found('spectral')).toEqual(['a', 'c']);
    await store.remove(['a']);
    expect(found('spectral')).toEqual(['c']);
    await store.add([paper('f', { abstract: 'A spectral method.' })]);
    expect(found('spectral')).toEqual(['c', 'f']);
    for (const q of QUERIES) expect(found(q), q).toEqual(scan(store.all(), q).sort());
  });

  it('is rebuilt after most papers went, and after another process’s commit', async () => {
    await store.add(PAPERS);
    expect(found('graph')).toEqual(['a', 'd']);
    await store.remove(['a', 'b', 'c']);
    expect(found('graph')).toEqual(['d']);
    const other = await PaperStore.open(dir);
    await other.add([paper('g', { title: 'Graph kernels' })]);
    await other.close();
    await store.refresh();
    expect(found('graph')).toEqual(['d', 'g']);
  });
});
