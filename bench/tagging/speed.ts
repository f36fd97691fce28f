// Tagging speed on a synthetic library (bench/support/synthetic.ts): zero-shot over 10k papers × 20
// tags and neighbours with 20 % of the papers labelled, once embeddings exist (the import embeds
// them first, untimed). Timed through `tagging:suggest` as the app calls it (tagger, calibration,
// storing suggestions), plus the largest event-loop stall during each run, which shows the time
// slicing keeps the services responsive. Run: npx tsx bench/tagging/speed.ts [papers]  — prints JSON.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { createNeighboursTagger, NEIGHBOURS } from '../../electron/services/tagging/neighbours';
import { rng, syntheticPapers, TOPIC_NAMES } from '../support/synthetic';
import { buildKnn } from '../../electron/services/tagging/knn';
import { alignVectors, centred } from '../../electron/services/tagging/vectors';
import { openVectors } from './support';

const N = Number(process.argv[2] ?? 10_000);
const TAGS = 20;
const LABELLED_SHARE = 0.2;

/** Wall time of `fn` and the longest gap between event-loop turns while it ran. */
async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; maxStallMs: number; value: T }> {
  let last = performance.now();
  let maxStall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { ms: Math.round(performance.now() - t0), maxStallMs: Math.round(maxStall), value };
  } finally {
    clearInterval(timer);
  }
}

/** The k-nearest-labelled search alone: IVF against the exact scan (recall of the 5 nearest). */
async function knnSearchOnly(
  source: Parameters<typeof alignVectors>[0],
  papers: Parameters<typeof alignVectors>[1],
) {
  const aligned = await alignVectors(source, papers);
  const v = centred(aligned).vectors;
  const dims = aligned.dims;
  const nLabelled = Math.round(N * LABELLED_SHARE);
  const packed = v.slice(0, nLabelled * dims);
  const t0 = performance.now();
  const ivfIndex = buildKnn(packed, nLabelled, dims, 0);
  const buildMs = performance.now() - t0;
  const exactIndex = buildKnn(packed, nLabelled, dims, Infinity);
  const [i1, s1, i2, s2] = [
    new Int32Array(5),
    new Float64Array(5),
    new Int32Array(5),
    new Float64Array(5),
  ];
  let ivfKnnMs = 0;
  let exactKnnMs = 0;
  let hits = 0;
  for (let i = 0; i < N; i++) {
    let t = performance.now();
    ivfIndex.search(v, i * dims, 5, -1, i1, s1);
    ivfKnnMs += performance.now() - t;
    t = performance.now();
    exactIndex.search(v, i * dims, 5, -1, i2, s2);
    exactKnnMs += performance.now() - t;
    const want = new Set(i2);
    for (const x of i1) if (want.has(x)) hits++;
  }
  return {
    labelled: nLabelled,
    ivfBuildMs: Math.round(buildMs),
    ivfLists: ivfIndex.listSizes.length,
    largestList: Math.max(...ivfIndex.listSizes),
    ivfMs: Math.round(ivfKnnMs),
    exactMs: Math.round(exactKnnMs),
    recallAt5: Math.round((1000 * hits) / (5 * N)) / 1000,
  };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-bench-tagging-speed-'));
  try {
    const services = await createServices({ libraryDir: dir, mode: 'cli' });
    const api: Api = createClient(inProcessTransport(services.dispatch));
    const names = Array.from(
      { length: TAGS },
      (_, i) => TOPIC_NAMES[i % TOPIC_NAMES.length]! + (i < TOPIC_NAMES.length ? '' : '-methods'),
    );
    const r = rng(42);
    const papers = syntheticPapers(1, 0, N).map((p) => ({
      ...p,
      // A fifth of the papers carry one or two tags, as if imported with keywords: neighbours' labels.
      tags:
        r() < LABELLED_SHARE
          ? [names[Math.floor(r() * TAGS)]!, ...(r() < 0.3 ? [names[Math.floor(r() * TAGS)]!] : [])]
          : [],
    }));
    const text = papers.map((p) => JSON.stringify(p)).join('\n');
    const imp = await timed(() =>
      api.call('import:run', { source: { kind: 'text', name: 'synthetic.jsonl', text } }),
    );
    for (const name of names)
      await api.call('tags:add', {
        name,
        description: `Research on ${name.replace(/-/g, ' ')} and the methods used to study it.`,
      });
    const status = await api.call('embeddings:status', {});

    const zs1 = await timed(() => api.call('tagging:suggest', { tagger: 'zero-shot' }));
    const zs2 = await timed(() => api.call('tagging:suggest', { tagger: 'zero-shot' }));
    const nb = await timed(() => api.call('tagging:suggest', { tagger: 'neighbours' }));
    const auto = await timed(() => api.call('tagging:suggest', { tagger: 'auto' }));
    const labelled = papers.filter((p) => p.tags.length > 0).length;
    await services.close();

    // The approximate neighbour search against the exact scan, on the same labels.
    const { store, embeddings, source } = await openVectors(dir);
    const input = {
      papers: (await store.read(store.all().map((p) => p.id))).map((p) => ({
        id: p.id,
        title: p.title,
        abstract: p.abstract,
        tags: p.tags,
      })),
      vocabulary: names.map((name) => ({ name, description: '' })),
      decisions: store
        .all()
        .flatMap((p) =>
          p.tags.map((tag) => ({ paperId: p.id, tag, decision: 'accepted' as const })),
        ),
    };
    const ctx = { signal: new AbortController().signal, onProgress: () => {} };
    const ivf = await timed(() => createNeighboursTagger(source).run(input, ctx));
    const exact = await timed(() =>
      createNeighboursTagger(source, { ...NEIGHBOURS, exactBelow: Infinity }).run(input, ctx),
    );
    const key = (p: { paperId: string; tag: string }) => `${p.paperId} ${p.tag}`;
    const a = new Set(ivf.value.proposals.map(key));
    const b = new Set(exact.value.proposals.map(key));
    const both = [...a].filter((x) => b.has(x)).length;

    const knn = await knnSearchOnly(source, input.papers);
    await embeddings.close();
    await store.close();
    const row = (t: { ms: number; maxStallMs: number; value: { suggestions: unknown[] } }) => ({
      ms: t.ms,
      maxEventLoopStallMs: t.maxStallMs,
      suggestions: t.value.suggestions.length,
    });
    console.log(
      JSON.stringify(
        {
          papers: N,
          tags: TAGS,
          labelledPapers: labelled,
          model: status.model,
          embedded: status.embedded,
          importAndEmbedMs: imp.ms,
          zeroShot_firstRun: row(zs1),
          zeroShot_again: row(zs2),
          neighbours: row(nb),
          auto: row(auto),
          neighboursTaggerOnly: {
            ivfMs: ivf.ms,
            exactMs: exact.ms,
            proposalsIvf: a.size,
            proposalsExact: b.size,
            agreementJaccard: Math.round((1000 * both) / (a.size + b.size - both)) / 1000,
          },
          knnSearchOnly: knn,
          budgetMs: 10_000,
        },
        null,
        2,
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

void main();
