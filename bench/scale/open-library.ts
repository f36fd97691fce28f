// Opens a library in a fresh process, as the app's host does, and reports what that costs: the time
// to open, answer a first list page and a first hybrid query, and the process's RSS with the library
// open (the host's memory, without the benchmark's own state). Used by bench/scale/index.ts.
// Run: npx tsx bench/scale/open-library.ts <libraryDir>   — prints JSON.
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';

const dir = process.argv[2];
if (!dir) throw new Error('usage: open-library.ts <libraryDir>');

const t0 = performance.now();
const services = await createServices({ libraryDir: dir, mode: 'cli' });
const api = createClient(inProcessTransport(services.dispatch));
const info = await api.call('app:info', {});
const openMs = performance.now() - t0;
const list = await api.call('library:list', { sort: 'title', limit: 100 });
const firstListMs = performance.now() - t0 - openMs;
const t1 = performance.now();
await api.call('search:query', { query: 'graph neural message passing', mode: 'hybrid', k: 10 });
const firstHybridMs = performance.now() - t1;
// Settle: background work started by the first query (term counts) is part of the open library.
await new Promise((done) => setTimeout(done, 2000));
global.gc?.();
const mem = process.memoryUsage();
console.log(
  JSON.stringify({
    papers: info.paperCount,
    listed: list.total,
    openMs: Math.round(openMs),
    firstListMs: Math.round(firstListMs),
    firstHybridMs: Math.round(firstHybridMs),
    rssMB: Math.round(mem.rss / 1e6),
    heapUsedMB: Math.round(mem.heapUsed / 1e6),
    // `external` includes the array buffers (typed arrays: the text filter's word index, vectors).
    externalMB: Math.round(mem.external / 1e6),
    arrayBuffersMB: Math.round(mem.arrayBuffers / 1e6),
  }),
);
await services.close();
process.exit(0);
