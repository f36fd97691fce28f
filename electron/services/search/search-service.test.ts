// SearchService on a real library (LanceDB in a temp folder) with the bundled model: each mode finds
// what it should, filters hold, highlights point at the matched words, "more like this" leaves the
// paper out, and papers without vectors are announced rather than silently missing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QuireError } from '@shared/api/errors';
import { SearchInputSchema } from '@shared/api/schemas';
import type { SearchInput } from '@shared/api/schemas';
import { DEFAULT_MODEL } from '../wiring/options';
import { openTestCore, quietCtx, type TestCore } from '../wiring/core.fixtures';
import { LibraryTerms } from './library-terms';

const TOPICS = ['protein folding', 'graph neural networks', 'language models'] as const;
const papers = Array.from({ length: 30 }, (_, i) => ({
  title: `A study of ${TOPICS[i % 3]} number ${i}`,
  abstract: `We examine ${TOPICS[i % 3]} and report result ${i}.`,
  year: 2010 + (i % 10),
  tags: i % 3 === 0 ? ['biology'] : [],
}));

let core: TestCore;
beforeAll(async () => {
  core = await openTestCore(papers);
});
afterAll(async () => {
  await core.close();
});

const originalWordsAndRows = LibraryTerms.prototype.wordsAndRows;
const query = (input: SearchInput) => core.search.query(SearchInputSchema.parse(input));
const topicOf = (title: string) => TOPICS.find((t) => title.includes(t));

/**
 * A promise opened by `open()`, or after 10 s regardless: a step held behind it then runs late and the
 * test fails on the order of events instead of hanging. `close()` clears the 10 s timer.
 */
function gate(): { opened: Promise<void>; open: () => void; close: () => void } {
  let open = () => {};
  let timer: NodeJS.Timeout | undefined;
  const opened = Promise.race([
    new Promise<void>((go) => (open = go)),
    new Promise<void>((go) => (timer = setTimeout(go, 10_000))),
  ]);
  return { opened, open: () => open(), close: () => clearTimeout(timer) };
}

/** Notes 'scored' the first time soft matching scores a paper, and calls `then` each time. */
function onScoring(events: string[], then: () => void): void {
  vi.spyOn(LibraryTerms.prototype, 'wordsAndRows').mockImplementation(function (
    this: LibraryTerms,
    ...args
  ) {
    if (!events.includes('scored')) events.push('scored');
    then();
    return originalWordsAndRows.apply(this, args);
  });
}

/** Full-text search answers only once `until` settles, then notes 'full text'. */
function holdFullText(events: string[], until: Promise<void>): void {
  const fullText = core.store.fullTextSearch.bind(core.store);
  vi.spyOn(core.store, 'fullTextSearch').mockImplementation(async (...args) => {
    const out = await fullText(...args);
    await until;
    events.push('full text');
    return out;
  });
}

describe('SearchService', () => {
  it('keyword search finds the papers with the words and highlights them', async () => {
    const r = await query({ query: 'protein', mode: 'fts', k: 50 });
    expect(r.mode).toBe('fts');
    expect(r.hits).toHaveLength(10);
    for (const h of r.hits) {
      expect(topicOf(h.paper.title)).toBe('protein folding');
      expect(h.ftsScore).toEqual(expect.any(Number));
      const [start, end] = h.highlights.title[0]!;
      expect(h.paper.title.slice(start, end).toLowerCase()).toBe('protein');
    }
  });

  it('semantic search ranks the papers on the topic of the query first', async () => {
    const r = await query({ query: 'protein folding', mode: 'vector', k: 5 });
    expect(r).toMatchObject({ mode: 'vector', model: DEFAULT_MODEL });
    expect(r.notice).toBeUndefined();
    expect(r.hits).toHaveLength(5);
    for (const h of r.hits) expect(topicOf(h.paper.title)).toBe('protein folding');
    const scores = r.hits.map((h) => h.vectorScore!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('hybrid search answers each paper once, and filters hold in every mode', async () => {
    const r = await query({ query: 'graph neural networks', k: 10 });
    expect(r.mode).toBe('hybrid');
    const ids = r.hits.map((h) => h.paper.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(topicOf(r.hits[0]!.paper.title)).toBe('graph neural networks');
    for (const mode of ['hybrid', 'vector', 'fts'] as const) {
      const f = await query({
        query: 'study',
        mode,
        k: 50,
        filters: { tag: 'biology', yearFrom: 2012, yearTo: 2016 },
      });
      expect(f.hits.length).toBeGreaterThan(0);
      for (const h of f.hits) {
        expect(h.paper.tags).toContain('biology');
        expect(h.paper.year).toBeGreaterThanOrEqual(2012);
        expect(h.paper.year).toBeLessThanOrEqual(2016);
      }
    }
  });

  it('more like this: the nearest papers share the topic, and the paper itself is left out', async () => {
    const source = core.store.all().find((p) => p.title.includes('language models'))!;
    const r = await core.search.similar({ id: source.id, k: 5, filters: {} });
    expect(r.hits).toHaveLength(5);
    expect(r.hits.map((h) => h.paper.id)).not.toContain(source.id);
    for (const h of r.hits) expect(topicOf(h.paper.title)).toBe('language models');
    const unknown = await core.search
      .similar({ id: 'no-such-paper', k: 5, filters: {} })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(QuireError);
    expect(unknown).toMatchObject({ code: 'not_found' });
  });

  it('hybrid search reads its answer’s papers in one read, once soft matching has named them', async () => {
    await query({ query: 'protein folding', k: 10 }); // the library terms are counted by now
    const events: string[] = [];
    const scored = gate();
    onScoring(events, scored.open);
    // Full text answers once the semantic list is being scored: its papers could have been read by then.
    holdFullText(events, scored.opened);
    const read = core.store.read.bind(core.store);
    const asked: string[][] = [];
    vi.spyOn(core.store, 'read').mockImplementation((ids) => {
      events.push('read');
      asked.push([...ids]);
      return read(ids);
    });
    try {
      const r = await query({ query: 'graph neural networks', k: 10 });
      expect(r.hits.length).toBe(10);
      expect(events.slice(0, 3)).toEqual(['scored', 'full text', 'read']);
      // The first read held every hit: the later ones (the keyword anchor's, the hits') find them kept.
      expect(asked[0]).toEqual(expect.arrayContaining(r.hits.map((h) => h.paper.id)));
    } finally {
      scored.close();
      vi.restoreAllMocks();
    }
  }, 30_000);

  it('hybrid search soft-scores the semantic list’s papers while full-text search still runs', async () => {
    await query({ query: 'protein folding', k: 10 }); // the library terms are counted by now
    const events: string[] = [];
    const scored = gate();
    onScoring(events, scored.open);
    // Full text answers once scoring has begun (or after 10 s: scoring only after it fails).
    holdFullText(events, scored.opened);
    try {
      const r = await query({ query: 'graph neural networks', k: 10 });
      expect(r.hits.length).toBeGreaterThan(0);
      expect(events.slice(0, 2)).toEqual(['scored', 'full text']);
    } finally {
      scored.close();
      vi.restoreAllMocks();
    }
  }, 30_000);

  it('papers without vectors are found by keywords, and the answer says how many lack them', async () => {
    const text = JSON.stringify({ title: 'Quasicrystal lattices', abstract: 'Not embedded yet.' });
    await core.ingest.run({ source: { kind: 'text', name: 'late.jsonl', text } }, quietCtx());
    await core.store.ensureFtsIndex();
    await core.search.libraryChanged();
    const fts = await query({ query: 'quasicrystal', mode: 'hybrid' });
    expect(fts.hits.map((h) => h.paper.title)).toContain('Quasicrystal lattices');
    expect(fts.notice).toMatch(
      /1 of 31 papers have no vectors yet; they are found by keywords only/,
    );
    const vec = await query({ query: 'quasicrystal', mode: 'vector' });
    expect(vec.notice).toMatch(/semantic search cannot find them until they are embedded/);
    const late = core.store.all().find((p) => p.title === 'Quasicrystal lattices')!;
    const similar = await core.search
      .similar({ id: late.id, k: 5, filters: {} })
      .catch((e: unknown) => e);
    expect(similar).toMatchObject({ code: 'unavailable' });
    await core.embeddings.update(quietCtx());
    expect((await query({ query: 'quasicrystal', mode: 'vector' })).notice).toBeUndefined();
  });
});
