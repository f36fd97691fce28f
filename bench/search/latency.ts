// Search latency at 1k, 10k and 100k papers: p50/p95 of vector, keyword (FTS) and hybrid search through
// the in-process API (`search:query`, k = 10), and, where the ANN index exists (≥ ANN_MIN_ROWS), its
// recall@10 against exact search and its speed-up, measured on VectorStore so fusion and FTS are left
// out. One library grows from 1k to 100k synthetic abstracts embedded with the bundled model, the way
// a real library grows (the ANN index is built once it reaches ANN_MIN_ROWS and optimized after).
// Run: npx tsx bench/search/latency.ts   — prints JSON; progress goes to stderr.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import type { SearchMode } from '@shared/api/schemas';
import { createServices, DEFAULT_MODEL, type ServicesOptions } from '../../electron/services';
import type { Embedder } from '../../electron/services/embedding/embedder';
import {
  ANN_MIN_ROWS,
  DISTANCE,
  VectorStore,
  vectorTableName,
} from '../../electron/services/embedding/vector-store';
import { startBundledEmbedder } from '../support/embedder';
import { syntheticPapers, syntheticQueries, toJsonl } from '../support/synthetic';
import { annStats as annOf, r1, stats, timeEach as timeAll } from '../support/timing';

/** QUIRE_LATENCY_SIZES=1000,10000 for a quick run (the targets then read the largest size). */
const SIZES = (process.env.QUIRE_LATENCY_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SEED = 7;
const QUERIES = 50;
const WARMUP = 5;
const K = 10;
/** Papers per import: the JSONL text must stay under the 50 MB import limit. */
const IMPORT_CHUNK = 20_000;
const DIMS = 100;

const log = (msg: string) => process.stderr.write(`[latency] ${msg}\n`);

async function grow(api: Api, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += IMPORT_CHUNK) {
    const n = Math.min(IMPORT_CHUNK, to - i);
    const t0 = performance.now();
    let last = 0;
    const r = await api.call(
      'import:run',
      {
        source: {
          kind: 'text',
          name: `synthetic-${i}.jsonl`,
          text: toJsonl(syntheticPapers(SEED, i, n)),
        },
      },
      {
        onProgress: (p) => {
          if (p.phase === 'embed' && p.total && performance.now() - last > 10_000) {
            last = performance.now();
            log(`  embedding ${p.done}/${p.total} (papers ${i}…${i + n})`);
          }
        },
      },
    );
    if (r.warnings.length || r.imported !== n)
      throw new Error(`import: ${r.imported}/${n} ${r.warnings.join('; ')}`);
    log(`  imported ${i + n} papers (${Math.round(performance.now() - t0)} ms for ${n})`);
  }
}

const timeEach = <T>(items: T[], fn: (x: T) => Promise<unknown>) => timeAll(items, fn, WARMUP);
const annStats = (ctx: Ctx, vs: VectorStore, opts: { nprobes?: number } = {}) =>
  annOf(vs, ctx.qvecs, { ...opts, k: K, warmup: WARMUP });

type Ctx = {
  api: Api;
  dir: string;
  db: lancedb.Connection;
  embedder: Embedder;
  queries: string[];
  qvecs: Float32Array[];
};

async function measureSize(ctx: Ctx, n: number) {
  const papers = await ctx.db.openTable('papers');
  const vectors = await ctx.db.openTable(vectorTableName(DEFAULT_MODEL));
  const brief = (i: lancedb.IndexConfig) => ({
    name: i.name,
    type: i.indexType,
    indexedRows: i.numIndexedRows,
    unindexedRows: i.numUnindexedRows,
  });
  const indices = {
    papers: (await papers.listIndices()).map(brief),
    vectors: (await vectors.listIndices()).map(brief),
  };
  papers.close();
  vectors.close();
  const hasAnn = indices.vectors.some((i) => i.name === 'vector_idx');

  const modes: Record<string, unknown> = {};
  const hybridService: number[] = [];
  for (const mode of ['vector', 'fts', 'hybrid'] as SearchMode[]) {
    const service: number[] = [];
    const wall = await timeEach(ctx.queries, async (query) => {
      const r = await ctx.api.call('search:query', { query, mode, k: K });
      if (r.mode !== mode) throw new Error(`asked ${mode}, got ${r.mode}: ${r.notice}`);
      service.push(r.tookMs);
    });
    const inService = stats(service.slice(WARMUP));
    if (mode === 'hybrid') hybridService.push(...service.slice(WARMUP));
    modes[mode] = { ...stats(wall), serviceP50: inService.p50 };
  }

  // The parts of a query, measured on their own (same queries).
  const embedMs = await timeEach(ctx.queries, (q) => ctx.embedder.embed([q]));
  const vs = await VectorStore.open(ctx.dir, DEFAULT_MODEL, DIMS);
  const depth = 100; // SearchService fetches max(100, 5k) from each side
  const vecDepthMs = await timeEach(ctx.qvecs, (v) => vs.search(v, depth));
  const parts = { queryEmbedMs: stats(embedMs), vectorStoreDepth100Ms: stats(vecDepthMs) };
  const ann = hasAnn ? await annStats(ctx, vs) : undefined;
  await vs.close();

  log(`${n}: ${JSON.stringify(modes)}`);
  return { papers: n, annIndex: hasAnn, indices, latencyMs: modes, parts, ...(ann ? { ann } : {}) };
}

/** At 100k: recall and speed with other nprobes, and with an index built fresh at this size. */
async function explore(ctx: Ctx) {
  const vs = await VectorStore.open(ctx.dir, DEFAULT_MODEL, DIMS);
  const out: Record<string, unknown> = {};
  for (const nprobes of [10, 20, 40])
    out[`grownIndex_nprobes${nprobes}`] = await annStats(ctx, vs, { nprobes });
  const table = await ctx.db.openTable(vectorTableName(DEFAULT_MODEL));
  const numPartitions = Math.round(Math.sqrt(await table.countRows()));
  const t0 = performance.now();
  await table.createIndex('vector', {
    config: lancedb.Index.ivfFlat({ numPartitions, distanceType: DISTANCE }),
    replace: true,
  });
  const buildMs = Math.round(performance.now() - t0);
  table.close();
  await vs.close();
  const fresh = await VectorStore.open(ctx.dir, DEFAULT_MODEL, DIMS);
  out[`freshIndex_${numPartitions}partitions`] = { buildMs, ...(await annStats(ctx, fresh)) };
  for (const nprobes of [10, 40])
    out[`freshIndex_${numPartitions}partitions_nprobes${nprobes}`] = await annStats(ctx, fresh, {
      nprobes,
    });
  await fresh.close();
  return out;
}

async function main(): Promise<void> {
  const tStart = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'quire-bench-latency-'));
  // QUIRE_SEARCH_OPTIONS='{"fusion":…}' times settings other than the defaults (as quality.ts does).
  const search = process.env.QUIRE_SEARCH_OPTIONS
    ? (JSON.parse(process.env.QUIRE_SEARCH_OPTIONS) as ServicesOptions['search'])
    : undefined;
  const services = await createServices({ libraryDir: dir, mode: 'cli', search });
  const api = createClient(inProcessTransport(services.dispatch));
  const db = await lancedb.connect(join(dir, 'lancedb'));
  const embedder = await startBundledEmbedder();
  const queries = syntheticQueries(SEED, QUERIES);
  const qvecs = await embedder.embed(queries);
  const ctx: Ctx = { api, dir, db, embedder, queries, qvecs };
  const sizes: Awaited<ReturnType<typeof measureSize>>[] = [];
  let have = 0;
  try {
    for (const n of SIZES) {
      log(`growing the library to ${n} papers`);
      await grow(api, have, n);
      have = n;
      sizes.push(await measureSize(ctx, n));
    }
    const exploration = await explore(ctx);
    const byN = (n: number) => sizes.find((s) => s.papers === n)!;
    const hyb = (n: number) => (byN(n).latencyMs as Record<string, { p50: number }>).hybrid!.p50;
    const top = SIZES[SIZES.length - 1]!;
    const ann100k = byN(top).ann ?? { recallAt10: 0, speedup: 0 };
    const ratio = r1(hyb(top) / hyb(SIZES[0]!));
    console.log(
      JSON.stringify(
        {
          model: DEFAULT_MODEL,
          k: K,
          queries: QUERIES,
          annMinRows: ANN_MIN_ROWS,
          sizes,
          hybridP50Ratio100kTo1k: ratio,
          targets: {
            hybridP50At100kAtMost20ms: { value: hyb(top), pass: hyb(top) <= 20 },
            hybridP50At100kAtMost5xAt1k: { value: ratio, pass: ratio <= 5 },
            annRecallAt10AtLeast095: {
              value: ann100k.recallAt10,
              pass: ann100k.recallAt10 >= 0.95,
            },
            annAtLeast10xFasterThanExact: { value: ann100k.speedup, pass: ann100k.speedup >= 10 },
          },
          exploration100k: exploration,
          runSeconds: Math.round((performance.now() - tStart) / 1000),
        },
        null,
        2,
      ),
    );
  } finally {
    await embedder.close();
    db.close();
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
// LanceDB native handles can outlive close() in a long run; a benchmark ends when it has printed.
process.exit(0);
