// One run for bench/scale/allocator.ts, in a fresh process started with the environment under test:
// opens a library, imports 5k synthetic papers (embedded by the bundled model), answers hybrid
// searches and text-filtered lists once the import's background work is done, and reports their
// times and the process's RSS. Prints JSON.
// Run: npx tsx bench/scale/allocator-run.ts <libraryDir> <firstPaper>
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { syntheticPapers, syntheticQueries, toJsonl } from '../support/synthetic';
import { stats, timeEach } from '../support/timing';

const [dir, from] = process.argv.slice(2);
if (!dir || !from) throw new Error('usage: allocator-run.ts <libraryDir> <firstPaper>');
const SEED = 11;
const IMPORT = 5_000;

const services = await createServices({ libraryDir: dir, mode: 'cli' });
const api = createClient(inProcessTransport(services.dispatch));
const t0 = performance.now();
const r = await api.call('import:run', {
  source: {
    kind: 'text',
    name: 'allocator.jsonl',
    text: toJsonl(syntheticPapers(SEED, Number(from), IMPORT)),
  },
});
if (r.imported !== IMPORT) throw new Error(`imported ${r.imported} of ${IMPORT}`);
const importSeconds = (performance.now() - t0) / 1000;
// Background work the import set going (counting its terms, the word index) ends first: searches
// and lists are then timed as a user meets them, not against that work.
await api.call('library:list', { text: 'graph', limit: 100 });
await new Promise((done) => setTimeout(done, 5_000));
const queries = syntheticQueries(SEED, 40);
const hybrid = await timeEach(queries, (query) =>
  api.call('search:query', { query, mode: 'hybrid', k: 10 }),
);
const words = queries.map((q) => q.split(' ').slice(0, 2).join(' '));
const filtered = await timeEach(words, (text) => api.call('library:list', { text, limit: 100 }));
global.gc?.();
const m = process.memoryUsage();
console.log(
  JSON.stringify({
    importPerSecond: Math.round(IMPORT / importSeconds),
    hybridP50: stats(hybrid).p50,
    textFilterP50: stats(filtered).p50,
    rssMB: Math.round(m.rss / 1e6),
    heapUsedMB: Math.round(m.heapUsed / 1e6),
  }),
);
await services.close();
process.exit(0);
