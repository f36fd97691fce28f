// Graph engine benchmark: time of each metric group of shared/graph (networkx-compatible metrics,
// Louvain, CSN 2009 power-law fit) on Erdős–Rényi G(n, m) graphs (mean degree 10) and
// Barabási–Albert graphs (m = 5) of about 1k, 10k and 100k edges; median of a few repeats. Run:
// `npx tsx bench/graph/index.ts [maxEdges] [--full]`. Prints JSON: milliseconds per metric group,
// per graph. The all-pairs groups (distances, closeness, betweenness: one BFS per node, O(n·m)) take
// minutes at 100k edges, and shared/graph offers no sampled estimate of them (distancePass and
// betweenness always run from every node), so above 10k edges they are skipped unless `--full`: the
// graph's `skipped` entry gives each one's cost extrapolated from the same graph family's largest
// timed run as ms × (n·m) / (n₀·m₀).
import { barabasiAlbert, erdosRenyiGnm } from '@shared/graph/generators';
import type { QuireGraph } from '@shared/graph/build';
import { toCsr } from '@shared/graph/build';
import { computeMetrics, METRIC_GROUPS } from '@shared/graph/metrics';

const ALL_PAIRS = new Set(['distances', 'closeness', 'betweenness']);
const args = process.argv.slice(2);
const full = args.includes('--full');
const maxEdges = Number(args.find((a) => !a.startsWith('--')) ?? 100_000);
/** Largest edge count at which the all-pairs groups run without `--full`. */
const ALL_PAIRS_MAX_EDGES = 10_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => void, repeats: number): number {
  const ts: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return Math.round(median(ts) * 100) / 100;
}

const results: Record<string, unknown>[] = [];
/** Per graph family: the largest run that timed the all-pairs groups (for the extrapolation). */
const allPairsBase = new Map<string, { n: number; m: number; ms: Record<string, number> }>();
for (const edges of [1_000, 10_000, 100_000].filter((e) => e <= maxEdges)) {
  const graphs: [string, QuireGraph][] = [
    [`gnm`, erdosRenyiGnm({ n: edges / 5, m: edges, seed: 1 })],
    [`barabasi-albert`, barabasiAlbert({ n: Math.round(edges / 5) + 3, m: 5, seed: 1 })],
  ];
  for (const [name, g] of graphs) {
    const ms: Record<string, number> = {};
    const skipped: Record<string, { reason: string; extrapolatedMs: number | null }> = {};
    const repeats = edges <= 1_000 ? 7 : edges <= 10_000 ? 3 : 1;
    const runAllPairs = full || edges <= ALL_PAIRS_MAX_EDGES;
    ms.csr = time(() => toCsr(g), repeats);
    for (const m of METRIC_GROUPS) {
      if (ALL_PAIRS.has(m) && !runAllPairs) {
        const base = allPairsBase.get(name);
        const baseMs = base?.ms[m];
        skipped[m] = {
          reason: `all-pairs (O(n·m)) above ${ALL_PAIRS_MAX_EDGES} edges; pass --full to time it`,
          extrapolatedMs:
            base && baseMs !== undefined
              ? Math.round((baseMs * (g.order * g.size)) / (base.n * base.m))
              : null,
        };
        continue;
      }
      const r = edges >= 100_000 && ALL_PAIRS.has(m) ? 1 : repeats;
      ms[m] = time(() => computeMetrics(g, { metrics: [m] }), r);
    }
    if (runAllPairs) allPairsBase.set(name, { n: g.order, m: g.size, ms });
    results.push({
      graph: name,
      nodes: g.order,
      edges: g.size,
      repeats,
      ms,
      ...(Object.keys(skipped).length ? { skipped } : {}),
    });
    process.stderr.write(`done ${name} ${g.size}\n`);
  }
}
console.log(JSON.stringify({ node: process.version, full, results }, null, 2));
