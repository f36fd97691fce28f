// Scale: one library grown to 1M synthetic papers (QUIRE_SCALE_SIZES=10000,100000 for a shorter
// run), through the API the app uses (`import:run`, 10k papers per import, each embedded with the
// bundled model: the vectors are computed, not synthetic). At each size it reports:
// - ingest throughput: the import that reached the size, end to end (parse, dedupe, write, index,
//   embed), with its phases;
// - list / sort / filter p50 through `library:list`, and a page half-way down;
// - vector / keyword / hybrid search p50 and p95 (`search:query`, k = 10) and ANN recall@10;
// - host RSS with the library open, measured in a fresh process (open-library.ts) started as the
//   host is (one glibc arena), with QUIRE_MALLOC=lean's settings, and with glibc's defaults; the
//   size on disk.
// QUIRE_SCALE_DIR keeps the library there and resumes growing it (otherwise a temporary folder).
// Run: npx tsx bench/scale/index.ts   — prints JSON; progress goes to stderr. Not part of `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import type { ListInput, SearchMode } from '@shared/api/schemas';
import { createServices, DEFAULT_MODEL } from '../../electron/services';
import { VectorStore } from '../../electron/services/embedding/vector-store';
import { startBundledEmbedder } from '../support/embedder';
import { syntheticPapers, syntheticQueries, type SyntheticPaper } from '../support/synthetic';
import { annStats, r1, stats, timeEach } from '../support/timing';
import { ALLOCATOR_ENV, ALLOCATOR_PROFILES } from '../../scripts/allocator-env.mjs';

const SIZES = (process.env.QUIRE_SCALE_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const STEP = 10_000;
const SEED = 11;
const QUERIES = 40;
const K = 10;
const ROOT = resolve(import.meta.dirname, '..', '..');
const DIMS = 100;
/** Tags spread over the library, so the tag filter has something to select (1 paper in 20 each). */
const TAGS = 20;

const log = (msg: string) => process.stderr.write(`[scale] ${msg}\n`);

function jsonl(papers: SyntheticPaper[], from: number): string {
  return papers
    .map((p, j) => JSON.stringify({ ...p, tags: [`group-${(from + j) % TAGS}`] }))
    .join('\n');
}

/** One import of `STEP` papers starting at paper `from`, timed by phase. */
async function importStep(api: Api, from: number) {
  const phases: Record<string, number> = {};
  let phase = '';
  let since = performance.now();
  const t0 = since;
  const text = jsonl(syntheticPapers(SEED, from, STEP), from);
  const r = await api.call(
    'import:run',
    { source: { kind: 'text', name: `scale-${from}.jsonl`, text } },
    {
      onProgress: (p) => {
        if (p.phase === phase) return;
        const now = performance.now();
        if (phase) phases[phase] = Math.round(now - since);
        phase = p.phase;
        since = now;
      },
    },
  );
  const end = performance.now();
  if (phase) phases[phase] = Math.round(end - since);
  if (r.imported !== STEP || r.warnings.length)
    throw new Error(`import at ${from}: ${r.imported}/${STEP} ${r.warnings.join('; ')}`);
  const seconds = (end - t0) / 1000;
  return { papers: STEP, seconds: r1(seconds), perSecond: Math.round(STEP / seconds), phases };
}

const LISTS: Record<string, ListInput> = {
  addedFirstPage: { sort: 'addedAt' },
  titleAsc: { sort: 'title' },
  titleDesc: { sort: 'title', dir: 'desc' },
  yearDesc: { sort: 'year', dir: 'desc' },
  textFilter: { text: 'graph spectral' },
  tagFilter: { tag: 'group-7', sort: 'year' },
};

async function listing(api: Api, total: number) {
  const out: Record<string, unknown> = {};
  const runs = 15;
  for (const [name, input] of Object.entries(LISTS)) {
    const ms = await timeEach(Array.from({ length: runs }), () =>
      api.call('library:list', { ...input, limit: 100 }),
    );
    out[name] = stats(ms);
  }
  const half = Math.floor(total / 2);
  out.titlePageHalfWay = stats(
    await timeEach(Array.from({ length: runs }), () =>
      api.call('library:list', { sort: 'title', offset: half, limit: 100 }),
    ),
  );
  return out;
}

async function searching(api: Api, queries: string[]) {
  const out: Record<string, unknown> = {};
  for (const mode of ['vector', 'fts', 'hybrid'] as SearchMode[]) {
    const ms = await timeEach(queries, async (query) => {
      const r = await api.call('search:query', { query, mode, k: K });
      if (r.mode !== mode) throw new Error(`asked ${mode}, got ${r.mode}: ${r.notice}`);
    });
    out[mode] = stats(ms);
  }
  return out;
}

function diskMB(dir: string): number {
  return Math.round(
    Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]) / 1e6,
  );
}

/** The library opened by a fresh host process: its RSS and first answers. */
type Host = Record<string, number> & { settled: { rssMB: number; heapUsedMB: number } };

/**
 * Opens the library in a fresh process started as the host is (`quire serve` and the app run with
 * glibc's allocator settings, scripts/allocator-env.mjs), or with glibc's defaults to compare.
 */
function openedFresh(dir: string, allocator: Readonly<Record<string, string>>): Host {
  const script = join(ROOT, 'bench', 'scale', 'open-library.ts');
  const env = { ...process.env };
  for (const key of Object.keys(ALLOCATOR_PROFILES.lean)) delete env[key];
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, dir], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...env, ...allocator },
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Host;
}

/**
 * After an import, what it set going in the background settles first: counting its terms, and the
 * text filter's word index (started by a first list; ~45 µs a paper). At 1M papers 15 s was not
 * enough: the text filter was measured while its index was still being built (a scan, 2.4 s).
 */
const settleMs = (papers: number) => Math.max(15_000, papers * 0.08);

async function measure(api: Api, dir: string, n: number, qvecs: Float32Array[], queries: string[]) {
  await api.call('search:query', { query: queries[0]!, mode: 'hybrid', k: K });
  // As the app does on opening: a first list, which starts the text filter's index.
  await api.call('library:list', { limit: 100 });
  await new Promise((done) => setTimeout(done, settleMs(n)));
  const list = await listing(api, n);
  const search = await searching(api, queries);
  const vs = await VectorStore.open(dir, DEFAULT_MODEL, DIMS);
  const ann = await annStats(vs, qvecs, { k: K });
  await vs.close();
  const host = openedFresh(dir, ALLOCATOR_ENV);
  const hostLean = openedFresh(dir, ALLOCATOR_PROFILES.lean);
  const hostGlibcDefault = openedFresh(dir, {});
  return {
    papers: n,
    listMs: list,
    searchMs: search,
    ann,
    host,
    hostLean,
    hostGlibcDefault,
    diskMB: diskMB(dir),
  };
}

async function libraryDir(): Promise<{ dir: string; keep: boolean }> {
  const kept = process.env.QUIRE_SCALE_DIR;
  if (kept) {
    mkdirSync(kept, { recursive: true });
    return { dir: kept, keep: true };
  }
  return { dir: await mkdtemp(join(tmpdir(), 'quire-bench-scale-')), keep: false };
}

function targets(
  sizes: Awaited<ReturnType<typeof measure>>[],
  ingest: Record<number, { perSecond: number }>,
) {
  const top = sizes[sizes.length - 1]!;
  const rss = Math.max(top.host.rssMB!, top.host.settled.rssMB);
  const search = top.searchMs as Record<string, { p50: number }>;
  const lists = Object.values(top.listMs as Record<string, { p50: number }>).map((s) => s.p50);
  const first = ingest[SIZES[0]!]!.perSecond;
  const last = ingest[SIZES[SIZES.length - 1]!]!.perSecond;
  // One size measured (a resumed run): there is nothing in this run to compare with.
  const ingestPass = SIZES.length > 1 ? last / first >= 0.8 : null;
  return {
    papers: top.papers,
    // The larger of the two: right after the first query, and once its background work is done.
    hostRssAtMost1500MB: { value: rss, pass: rss <= 1500 },
    listSortFilterP50AtMost100ms: { value: Math.max(...lists), pass: Math.max(...lists) <= 100 },
    hybridP50AtMost30ms: { value: search.hybrid!.p50, pass: search.hybrid!.p50 <= 30 },
    annRecallAt10AtLeast095: { value: top.ann.recallAt10, pass: top.ann.recallAt10 >= 0.95 },
    ingestWithin20PercentOfSmallest: { value: r1(last / first), pass: ingestPass },
  };
}

async function main(): Promise<void> {
  const tStart = performance.now();
  const { dir, keep } = await libraryDir();
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  const api = createClient(inProcessTransport(services.dispatch));
  const embedder = await startBundledEmbedder();
  const queries = syntheticQueries(SEED, QUERIES);
  const qvecs = await embedder.embed(queries);
  await embedder.close();
  const sizes: Awaited<ReturnType<typeof measure>>[] = [];
  const ingest: Record<number, Awaited<ReturnType<typeof importStep>>> = {};
  try {
    let have = (await api.call('app:info', {})).paperCount;
    if (have % STEP) throw new Error(`${dir} holds ${have} papers, not a multiple of ${STEP}`);
    for (const n of SIZES) {
      while (have < n) {
        const step = await importStep(api, have);
        have += STEP;
        log(`${have} papers: ${step.perSecond}/s ${JSON.stringify(step.phases)}`);
        if (have === n) ingest[n] = step;
      }
      // A kept library already past this size: one more import measures the throughput here.
      if (!ingest[n]) {
        ingest[n] = await importStep(api, have);
        have += STEP;
      }
      sizes.push(await measure(api, dir, have, qvecs, queries));
      log(`measured at ${have}: ${JSON.stringify(sizes[sizes.length - 1])}`);
    }
    const out = {
      model: DEFAULT_MODEL,
      vectors: 'computed by the bundled model through import:run (not synthetic)',
      step: STEP,
      settleSecondsBeforeMeasuring: settleMs(have) / 1000,
      ingest,
      sizes,
      targets: targets(sizes, ingest),
      runSeconds: Math.round((performance.now() - tStart) / 1000),
    };
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await services.close();
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
// LanceDB native handles can outlive close() in a long run; a benchmark ends when it has printed.
process.exit(0);
