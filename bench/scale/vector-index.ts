// The ANN index for a large library, chosen by measurement: N synthetic 100-d unit vectors (default
// 1M; QUIRE_VECTORS=200000 for less) drawn around 500 topic centres, so neighbours are as crowded as
// in a real library's embedding space, written to a LanceDB table on disk; then, per index variant
// LanceDB offers (IVF_FLAT as VectorStore builds it, by dot product, and by cosine as it did before;
// IVF_PQ with re-ranking; IVF_HNSW_SQ), the build
// time, and for each search setting the p50 / p95 latency of a top-100 search (SearchService's depth)
// and recall@10 against exact search. The vectors are synthetic (stated in the output): a real
// library's are computed by the bundled model, which at ~600 papers/s would take half an hour here.
// Run: npx tsx bench/scale/vector-index.ts   — prints JSON; progress goes to stderr.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32, Schema, Utf8 } from 'apache-arrow';
import { mulberry32 } from '@shared/random';
import { DISTANCE } from '../../electron/services/embedding/vector-store';
import { r1, stats } from '../support/timing';

const N = Number(process.env.QUIRE_VECTORS ?? 1_000_000);
const DIMS = 100;
const CENTRES = 500;
/**
 * Noise around a centre, set so that IVF_FLAT at 10 probes finds 0.96 of the top 10 at 100k, as it
 * does on the bundled model's vectors of synthetic abstracts (0.95–0.98; bench/search/latency.ts).
 */
const SPREAD = Number(process.env.QUIRE_SPREAD ?? 0.13);
const QUERIES = 60;
const DEPTH = 100;
const K = 10;
const BATCH = 50_000;

const log = (msg: string) => process.stderr.write(`[vector-index] ${msg}\n`);

function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

function generator(seed: number) {
  const r = mulberry32(seed);
  const centres = Array.from({ length: CENTRES }, () =>
    unit(Float32Array.from({ length: DIMS }, () => gaussian(r))),
  );
  return () => {
    const c = centres[Math.floor(r() * CENTRES)]!;
    return unit(Float32Array.from(c, (x) => x + SPREAD * gaussian(r)));
  };
}

async function build(db: lancedb.Connection): Promise<lancedb.Table> {
  const schema = new Schema([
    new Field('id', new Utf8(), false),
    new Field('vector', new FixedSizeList(DIMS, new Field('item', new Float32(), true)), false),
  ]);
  const table = await db.createEmptyTable('vectors', schema);
  const next = generator(1);
  for (let i = 0; i < N; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, N - i) }, (_, j) => ({
      id: `p${i + j}`,
      vector: Array.from(next()),
    }));
    await table.add(rows);
    if ((i / BATCH) % 4 === 3) log(`${i + rows.length} vectors written`);
  }
  await table.optimize();
  return table;
}

type Setting = { nprobes?: number; refineFactor?: number; ef?: number };
type Distance = 'cosine' | 'dot';

async function search(
  table: lancedb.Table,
  q: Float32Array,
  limit: number,
  s?: Setting,
  distance: Distance = 'cosine',
) {
  let query = table.query().nearestTo(q).distanceType(distance).select(['id']).limit(limit);
  if (!s) query = query.bypassVectorIndex();
  else {
    if (s.nprobes) query = query.nprobes(s.nprobes);
    if (s.refineFactor) query = query.refineFactor(s.refineFactor);
    if (s.ef) query = query.ef(s.ef);
  }
  return (await query.toArray()).map((r) => String(r.id));
}

async function measure(
  table: lancedb.Table,
  queries: Float32Array[],
  truth: string[][],
  s: Setting,
  distance: Distance,
) {
  for (const q of queries.slice(0, 5)) await search(table, q, DEPTH, s, distance);
  const ms: number[] = [];
  let hits = 0;
  for (const [i, q] of queries.entries()) {
    const t0 = performance.now();
    const ids = await search(table, q, DEPTH, s, distance);
    ms.push(performance.now() - t0);
    const top = new Set(truth[i]);
    hits += ids.slice(0, K).filter((id) => top.has(id)).length;
  }
  return { ...s, recallAt10: r1(hits / (queries.length * K)), depth100Ms: stats(ms) };
}

const VARIANTS: {
  name: string;
  index: () => lancedb.Index;
  settings: Setting[];
  /** How the index is trained and searched; on unit vectors both rank alike. Default cosine. */
  distance?: Distance;
}[] = [
  {
    name: 'IVF_FLAT √n partitions by dot product (VectorStore today)',
    index: () =>
      lancedb.Index.ivfFlat({ numPartitions: Math.round(Math.sqrt(N)), distanceType: DISTANCE }),
    settings: [{ nprobes: 10 }, { nprobes: 20 }, { nprobes: 30 }],
    distance: DISTANCE,
  },
  {
    name: 'IVF_FLAT √n partitions by cosine (VectorStore before Dec 2026)',
    index: () =>
      lancedb.Index.ivfFlat({ numPartitions: Math.round(Math.sqrt(N)), distanceType: 'cosine' }),
    settings: [{ nprobes: 10 }, { nprobes: 20 }, { nprobes: 40 }],
  },
  {
    name: 'IVF_PQ √n partitions, 25 sub-vectors × 8 bits',
    index: () =>
      lancedb.Index.ivfPq({
        numPartitions: Math.round(Math.sqrt(N)),
        numSubVectors: 25,
        numBits: 8,
        distanceType: 'cosine',
      }),
    settings: [
      { nprobes: 20, refineFactor: 5 },
      { nprobes: 40, refineFactor: 10 },
    ],
  },
  {
    name: 'IVF_HNSW_SQ √n/4 partitions',
    index: () =>
      lancedb.Index.hnswSq({
        numPartitions: Math.max(1, Math.round(Math.sqrt(N) / 4)),
        distanceType: 'cosine',
      }),
    settings: [
      { nprobes: 5, ef: 100 },
      { nprobes: 10, ef: 200 },
    ],
  },
];

async function main(): Promise<void> {
  const t0 = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'quire-bench-vectors-'));
  process.env.LANCE_CPU_THREADS ??= '4';
  const db = await lancedb.connect(dir);
  try {
    const table = await build(db);
    const nextQuery = generator(1); // the same centres, new draws
    for (let i = 0; i < 1000; i++) nextQuery(); // past the first vectors' draws
    const queries = Array.from({ length: QUERIES }, () => nextQuery());
    const exactMs: number[] = [];
    const truth: string[][] = [];
    for (const q of queries) {
      const t = performance.now();
      truth.push((await search(table, q, K)).slice(0, K));
      exactMs.push(performance.now() - t);
    }
    log(`exact search p50 ${stats(exactMs).p50} ms`);
    const variants = [];
    // QUIRE_INDEX_VARIANTS=0,1 measures only those (the IVF_PQ build takes longest).
    const only = process.env.QUIRE_INDEX_VARIANTS?.split(',').map(Number);
    for (const v of VARIANTS.filter((_, i) => !only || only.includes(i))) {
      const tb = performance.now();
      await table.createIndex('vector', { config: v.index(), replace: true });
      const buildSeconds = r1((performance.now() - tb) / 1000);
      log(`${v.name}: built in ${buildSeconds} s`);
      const results = [];
      for (const s of v.settings)
        results.push(await measure(table, queries, truth, s, v.distance ?? 'cosine'));
      log(`${v.name}: ${JSON.stringify(results)}`);
      variants.push({ name: v.name, buildSeconds, results });
    }
    const out = {
      vectors: `${N} synthetic unit vectors, ${DIMS}-d, around ${CENTRES} centres (not model-computed)`,
      queries: QUERIES,
      exactTop10Ms: stats(exactMs),
      variants,
      runSeconds: Math.round((performance.now() - t0) / 1000),
    };
    console.log(JSON.stringify(out, null, 2));
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
