// Where a search's time goes in an open library: each mode's queries timed whole and by the calls
// they make (query embedding, ANN search, full-text search, whole-paper reads, version checks,
// soft matching's term embedding), once the background work opening set going has finished. Calls
// that run concurrently (keyword beside semantic) each count their own wall time, so the parts of a
// hybrid query add up to more than the whole.
// With QUIRE_PHASES_PROFILE=FILE the hybrid queries are also profiled (V8's CPU profiler, written to
// FILE as a .cpuprofile) and the functions taking the most of the main thread are listed.
// Run: node --expose-gc --import tsx bench/scale/query-phases.ts <libraryDir>   — prints JSON.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { Embedder } from '../../electron/services/embedding/embedder';
import { EmbeddingService } from '../../electron/services/embedding/embedding-service';
import { VectorStore } from '../../electron/services/embedding/vector-store';
import { PaperStore } from '../../electron/services/library/store';
import { syntheticQueries } from '../support/synthetic';
import { pct, settleAfterOpening } from '../support/timing';

const dir = process.argv[2];
if (!dir) throw new Error('usage: query-phases.ts <libraryDir>');
const QUERIES = 30;
const WARMUP = 5;

/** Milliseconds spent in each wrapped call during the current query. */
let spent: Record<string, number> = {};

function timed<T extends object>(proto: T, name: keyof T & string, label: string): void {
  const original = proto[name] as (...args: unknown[]) => Promise<unknown>;
  (proto as Record<string, unknown>)[name] = async function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      spent[label] = (spent[label] ?? 0) + performance.now() - t0;
    }
  };
}

timed(Embedder.prototype, 'embed', 'embed');
timed(VectorStore.prototype, 'search', 'ann');
timed(VectorStore.prototype, 'catchUp', 'vectorsCatchUp');
timed(PaperStore.prototype, 'fullTextSearch', 'fullText');
timed(PaperStore.prototype, 'read', 'readPapers');
timed(PaperStore.prototype, 'catchUp', 'papersCatchUp');
timed(EmbeddingService.prototype, 'unembedded', 'coverage');

const services = await createServices({ libraryDir: dir, mode: 'cli' });
const api = createClient(inProcessTransport(services.dispatch));
const info = await api.call('app:info', {});
await api.call('library:list', { sort: 'title', limit: 100 });
await api.call('search:query', { query: 'graph neural message passing', mode: 'hybrid', k: 10 });
await settleAfterOpening(info.paperCount);

const profileTo = process.env.QUIRE_PHASES_PROFILE;
const inspector = profileTo === undefined ? undefined : new Session();
inspector?.connect();

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The functions with the most self time in a profile, in ms. */
function topSelf(profile: Profile, n = 15): Record<string, number> {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    ms.set(name, (ms.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return Object.fromEntries(
    [...ms]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => [k, Math.round(v)]),
  );
}

const out: Record<string, unknown> = { papers: info.paperCount };
for (const mode of ['vector', 'fts', 'hybrid'] as const) {
  const profiler = mode === 'hybrid' ? inspector : undefined;
  await profiler?.post('Profiler.enable');
  await profiler?.post('Profiler.start');
  const rows: Record<string, number>[] = [];
  for (const [i, query] of syntheticQueries(5, QUERIES + WARMUP).entries()) {
    spent = {};
    const t0 = performance.now();
    await api.call('search:query', { query, mode, k: 10 });
    if (i >= WARMUP) rows.push({ total: performance.now() - t0, ...spent });
  }
  const labels = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  out[mode] = Object.fromEntries(
    labels.map((l) => [
      l,
      pct(
        rows.map((r) => r[l] ?? 0),
        50,
      ),
    ]),
  );
  if (profiler && profileTo) {
    const { profile } = (await profiler.post('Profiler.stop')) as { profile: Profile };
    writeFileSync(profileTo, JSON.stringify(profile));
    out.hybridSelfMs = topSelf(profile);
  }
}
console.log(JSON.stringify(out));
await services.close();
process.exit(0);
