// Library-graph cost benchmark: times `graph:library`'s work (libraryGraphCore: exact kNN, then the
// graph cell's default metric groups) on synthetic clustered unit vectors (100-d, like the bundled
// model) at a few library sizes, split by phase through the job's own progress events, and fits the
// cost model of shared/graph/cost.ts: kNN ms per pair·dim, all-pairs groups (distances/closeness/
// betweenness: one BFS per node) ms per node·edge, other groups ms per (node + edge).
// Run: `npx tsx bench/graph/library-cost.ts [sizes…]` (default 500 1000 2000). Prints JSON.
import type { Progress } from '@shared/api/contract';
import { DEFAULT_GRAPH_METRICS } from '@shared/notebook/cells/graph';
import { createRng } from '@shared/graph/rng';
import { libraryGraphCore } from '../../electron/services/graph/library-graph';
import { ALL_PAIRS_GROUPS } from '@shared/graph/cost';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [500, 1000, 2000];
const DIMS = 100;
const K = 10;

/** n unit vectors around 20 random centres (papers cluster by topic). */
function vectorsOf(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const centres = Array.from({ length: 20 }, () => Float64Array.from({ length: DIMS }, gauss));
  const out = new Float32Array(n * DIMS);
  for (let i = 0; i < n; i++) {
    const c = centres[rng.int(centres.length)]!;
    for (let d = 0; d < DIMS; d++) out[i * DIMS + d] = c[d]! + 1.5 * gauss();
  }
  return out;
}

const runs = SIZES.map((n) => {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const marks: { at: number; p: Progress }[] = [];
  const t0 = performance.now();
  const core = libraryGraphCore(
    {
      ids,
      vectors: vectorsOf(n, n),
      dims: DIMS,
      k: K,
      threshold: 0,
      mode: 'union',
      metrics: [...DEFAULT_GRAPH_METRICS],
      seed: 0,
    },
    (p) => marks.push({ at: performance.now(), p }),
  );
  const end = performance.now();
  const metricStart = marks.find((m) => m.p.phase === 'metrics')?.at ?? end;
  const groupMs: Record<string, number> = {};
  const groups = marks.filter((m) => m.p.phase === 'metrics');
  groups.forEach((m, i) => {
    groupMs[m.p.message!] = (groups[i + 1]?.at ?? end) - m.at;
  });
  const allPairsMs = Object.entries(groupMs)
    .filter(([g]) => ALL_PAIRS_GROUPS.has(g))
    .reduce((s, [, ms]) => s + ms, 0);
  const otherMs = end - metricStart - allPairsMs;
  const m = core.edges.length;
  return {
    n,
    edges: m,
    knnMs: Math.round(metricStart - t0),
    metricsMs: Math.round(end - metricStart),
    groupMs: Object.fromEntries(Object.entries(groupMs).map(([g, ms]) => [g, Math.round(ms)])),
    msPerPairDim: (metricStart - t0) / (((n * (n - 1)) / 2) * DIMS),
    msPerNodeEdge: allPairsMs / (n * m),
    msPerNodePlusEdge: otherMs / (n + m),
    edgesPerNodePerK: m / (n * K),
  };
});
// Medians over the sizes: single runs on a shared 2-core machine vary ×2–4 with the others' load.
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
console.log(
  JSON.stringify(
    {
      dims: DIMS,
      k: K,
      metrics: DEFAULT_GRAPH_METRICS,
      runs,
      model: {
        msPerPairDim: median(runs.map((r) => r.msPerPairDim)),
        msPerNodeEdge: median(runs.map((r) => r.msPerNodeEdge)),
        msPerNodePlusEdge: median(runs.map((r) => r.msPerNodePlusEdge)),
        // Grows slowly with n (fewer shared neighbours): the largest run's.
        edgesPerNodePerK: runs[runs.length - 1]!.edgesPerNodePerK,
      },
    },
    null,
    2,
  ),
);
