// Topic-map benchmark: projection + clustering + labels on the sample feed (with quality: every
// cluster's label with three member titles, ARI / NMI against our own primary-topic labels in
// primary-topics.json, share unassigned, topic diversity) and on synthetic libraries of 10k and
// 100k papers (synthetic texts from bench/support/synthetic.ts; SYNTHETIC vectors — a seeded random
// vector per word, summed over the text — since embedding 100k abstracts is not what is measured),
// each size in its own child process so its peak RSS is its own.
// Run: npx tsx bench/map/index.ts [--sizes 10000,100000]   — prints JSON (titles only on stdout).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { runPipeline } from '@shared/map/pipeline';
import { createServices } from '../../electron/services';
import { finishLabels } from '../../electron/services/map/cluster-labels';
import { syntheticPapers } from '../support/synthetic';
import { adjustedRandIndex, normalisedMutualInformation } from './agreement';

const FEED = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'paper-feed.txt');
const DIMS = 100;

/** The key of primary-topics.json: sha1 of the lower-cased title with only letters and digits. */
export function titleKey(title: string): string {
  const t = title
    .trim()
    .toLowerCase()
    .replace(/^subscribe/, '')
    .replace(/[^a-z0-9]+/g, '');
  return createHash('sha1').update(t).digest('hex').slice(0, 16);
}

function wordVector(word: string): Float32Array {
  const h = createHash('sha1').update(word).digest();
  let s = h.readUInt32LE(0) || 1;
  const v = new Float32Array(DIMS);
  for (let d = 0; d < DIMS; d++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    v[d] = ((s >>> 0) / 4294967296) * 2 - 1;
  }
  return v;
}

/** Synthetic embedding: the normalised sum of per-word random vectors (cached per word). */
function syntheticEmbedder() {
  const cache = new Map<string, Float32Array>();
  return (text: string): Float32Array => {
    const out = new Float32Array(DIMS);
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
      let v = cache.get(w);
      if (!v) cache.set(w, (v = wordVector(w)));
      for (let d = 0; d < DIMS; d++) out[d]! += v[d]!;
    }
    const norm = Math.hypot(...out) || 1;
    return out.map((x) => x / norm);
  };
}

async function synthetic(n: number) {
  const papers = syntheticPapers(11, 0, n);
  const embed = syntheticEmbedder();
  const t0 = performance.now();
  const vectors = new Float32Array(n * DIMS);
  papers.forEach((p, i) => vectors.set(embed(`${p.title}. ${p.abstract}`), i * DIMS));
  const embedMs = performance.now() - t0;
  const texts = papers.map((p) => `${p.title}. ${p.abstract}`);
  const ids = papers.map((_, i) => `s${String(i).padStart(7, '0')}`);
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  // Wall and CPU time per phase: the build machines are shared, so wall time alone says as much
  // about the other jobs as about this one.
  const phases: Record<string, number> = {};
  const cpuPhases: Record<string, number> = {};
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let last = t1;
  let lastCpu = cpuMs();
  let phase = '';
  const close = (now: number, cpuNow: number) => {
    if (!phase) return;
    phases[phase] = Math.round((phases[phase] ?? 0) + now - last);
    cpuPhases[phase] = Math.round((cpuPhases[phase] ?? 0) + cpuNow - lastCpu);
  };
  const r = runPipeline(
    { ids, vectors, dims: DIMS, texts, method: 'density', seed: 42, reassignSimilarity: 0.8 },
    (p) => {
      if (p !== phase) {
        const now = performance.now();
        const cpuNow = cpuMs();
        close(now, cpuNow);
        phase = p;
        last = now;
        lastCpu = cpuNow;
      }
    },
  );
  const t2 = performance.now();
  close(t2, cpuMs());
  const labels = await finishLabels(
    r.clusters.map((c) => c.candidates),
    r.clusters.map((c) => c.centroid),
    async (t) => embed(t),
  );
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return {
    papers: n,
    vectors: 'synthetic (summed random word vectors, 100-d)',
    projection: r.projection,
    clusters: r.clusters.length,
    unassignedShare: round(Array.from(r.assignment).filter((a) => a < 0).length / n),
    choice: r.choice.criterion,
    ms: {
      syntheticVectors: Math.round(embedMs),
      pipeline: Math.round(t2 - t1),
      ...prefix(phases),
      ...prefix(cpuPhases, 'cpu_'),
      labels: Math.round(t3 - t2),
      total: Math.round(t3 - t1),
      cpuTotal: Math.round((cpu.user + cpu.system) / 1000),
    },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    sampleLabels: labels.slice(0, 8).map((l) => l.label),
  };
}

function prefix(o: Record<string, number>, p = 'phase_'): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${p}${k}`, v]));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

async function feed() {
  if (!existsSync(FEED)) return { skipped: '../shared/corpus/paper-feed.txt not present' };
  const tmp = await mkdtemp(join(tmpdir(), 'quire-bench-map-'));
  const services = await createServices({ libraryDir: join(tmp, 'lib'), mode: 'cli' });
  try {
    const api = createClient(inProcessTransport(services.dispatch));
    await api.call('import:run', { source: { kind: 'path', path: FEED } });
    const t0 = performance.now();
    let firstProject = 0;
    const st = await api.call(
      'map:compute',
      { seed: 42 },
      {
        onProgress: (p) =>
          void (p.phase === 'project' && !firstProject && (firstProject = performance.now())),
      },
    );
    const computeMs = performance.now() - t0;
    const t1 = performance.now();
    await api.call('map:get', {});
    const getMs = performance.now() - t1;
    const m = st.map!;
    const title = new Map(m.points.ids.map((id, i) => [id, m.points.titles[i]!]));
    const truth = JSON.parse(
      readFileSync(join(import.meta.dirname, 'primary-topics.json'), 'utf8'),
    ) as Record<string, string>;
    const a: string[] = [];
    const b: string[] = [];
    m.points.ids.forEach((id, i) => {
      const t = truth[titleKey(title.get(id)!)];
      if (!t) return;
      a.push(t);
      b.push(String(m.points.cluster[i]));
    });
    const words = m.clusters.flatMap((c) => c.keywords.flatMap((k) => k.split(/[\s-]+/)));
    return {
      papers: m.points.ids.length,
      model: m.modelId,
      projection: m.projection,
      choice: m.choice,
      ms: {
        mapCompute: Math.round(computeMs),
        // Reading the vectors and starting the worker (tsx compiles it from the sources here).
        beforeProjection: Math.round(firstProject - t0),
        // Projection + clustering + labels (incl. phrase embeddings) + saving.
        projectionClusteringLabels: Math.round(t0 + computeMs - firstProject),
        mapGet: Math.round(getMs),
      },
      clusters: m.clusters.length,
      unassignedShare: round(m.unassigned / m.points.ids.length),
      unassignedBeforeReassignShare: round(m.unassignedBeforeReassign / m.points.ids.length),
      labelled: a.length,
      ari: round(adjustedRandIndex(a, b)),
      nmi: round(normalisedMutualInformation(a, b)),
      topicDiversity: round(new Set(words).size / Math.max(1, words.length)),
      labels: m.clusters.map((c) => ({
        id: c.id,
        size: c.size,
        label: c.label,
        keywords: c.keywords,
        central: c.centralPaperIds.map((id) => title.get(id)),
      })),
    };
  } finally {
    await services.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const one = args.indexOf('--one');
if (one >= 0) {
  process.stdout.write(JSON.stringify(await synthetic(Number(args[one + 1]))) + '\n');
  process.exit(0);
}
const sizesArg = args.indexOf('--sizes');
const sizes = (sizesArg >= 0 ? args[sizesArg + 1]! : '10000,100000')
  .split(',')
  .map(Number)
  .filter((x) => x > 0);
const out: Record<string, unknown> = { feed: await feed() };
for (const n of sizes) {
  try {
    const text = execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--one', String(n)],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 15 * 60_000,
      },
    );
    out[`synthetic${n}`] = JSON.parse(text.trim().split('\n').pop()!);
  } catch (err) {
    out[`synthetic${n}`] = { error: (err as Error).message.split('\n')[0] };
  }
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
process.exit(0);
