// Opens a library in a fresh process, as the app's host does, and reports what that costs: the time
// to open, answer a first list page, a first text filter and a first hybrid query; search p50 in the
// seconds after that (20 queries a mode, after 5 to warm up) and text filter p50 (10 filters); the
// process's RSS with the library open (the host's memory, without the benchmark's own state), 2 s
// after those searches and again once the background work they started (word index, library terms)
// has had time to finish; and search p50 again after that. Used by bench/scale/index.ts.
// Run: npx tsx bench/scale/open-library.ts <libraryDir>   — prints JSON.
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { syntheticQueries } from '../support/synthetic';
import { settleAfterOpening, stats, timeEach } from '../support/timing';

const dir = process.argv[2];
if (!dir) throw new Error('usage: open-library.ts <libraryDir>');

// QUIRE_OPEN_WARM=1: opened as the app and `quire serve` open it (warmSearch), and the first query
// is asked once the warming is done, as a user's would be after a few seconds.
const warm = process.env.QUIRE_OPEN_WARM === '1';
const t0 = performance.now();
const services = await createServices({ libraryDir: dir, mode: 'cli', warmSearch: warm });
const api = createClient(inProcessTransport(services.dispatch));
const info = await api.call('app:info', {});
const openMs = performance.now() - t0;
const list = await api.call('library:list', { sort: 'title', limit: 100 });
const firstListMs = performance.now() - t0 - openMs;
// A text filter straight away: from the word index once it is built (or taken from its file on disk),
// by reading the table's text until then.
const filter = () => api.call('library:list', { text: 'graph spectral', limit: 100 });
const t2 = performance.now();
await filter();
const firstFilterMs = performance.now() - t2;
await services.warmed;
const warmedMs = performance.now() - t0;
const t1 = performance.now();
await api.call('search:query', { query: 'graph neural message passing', mode: 'hybrid', k: 10 });
const firstHybridMs = performance.now() - t1;
// Searches straight after opening, while what the first query set going still runs (search's library
// terms are counted, or taken from their snapshot on disk).
const searchP50s = async () => {
  const out: Record<string, unknown> = {};
  for (const mode of ['vector', 'fts', 'hybrid'] as const)
    out[mode] = stats(
      await timeEach(syntheticQueries(5, 20), (query) =>
        api.call('search:query', { query, mode, k: 10 }),
      ),
    );
  return out;
};
const soon = await searchP50s();
const filterSoon = stats(await timeEach(Array.from({ length: 10 }), filter));
// Settle: background work started by the first query (term counts) is part of the open library.
await new Promise((done) => setTimeout(done, 2000));
const mb = (n: number) => Math.round(n / 1e6);
const memory = () => {
  global.gc?.();
  const m = process.memoryUsage();
  // `external` includes the array buffers (typed arrays: the text filter's word index, vectors).
  return {
    rssMB: mb(m.rss),
    heapUsedMB: mb(m.heapUsed),
    externalMB: mb(m.external),
    arrayBuffersMB: mb(m.arrayBuffers),
  };
};
const opened = memory();
// Then what the first list and query set going runs to its end.
await settleAfterOpening(info.paperCount);
const settled = memory();
// The same searches once that background work is done: a library open for a minute or more.
const searchSettledMs = await searchP50s();
console.log(
  JSON.stringify({
    papers: info.paperCount,
    listed: list.total,
    openMs: Math.round(openMs),
    firstListMs: Math.round(firstListMs),
    ...(warm ? { warmedMs: Math.round(warmedMs) } : {}),
    firstHybridMs: Math.round(firstHybridMs),
    searchSoonMs: soon,
    searchSettledMs,
    firstFilterMs: Math.round(firstFilterMs),
    filterSoonMs: filterSoon,
    ...opened,
    settled,
  }),
);
await services.close();
process.exit(0);
