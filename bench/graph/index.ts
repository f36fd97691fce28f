// Graph engine benchmark: time of each metric group of shared/graph (networkx-compatible metrics,
// Louvain, CSN 2009 power-law fit) on Erdős–Rényi G(n, m) graphs (mean degree 10) and
// Barabási–Albert graphs (m = 5) of about 1k, 10k and 100k edges; median of a few repeats (one
// repeat for the all-pairs metrics at 100k edges). Run: `npx tsx bench/graph/index.ts [maxEdges]`.
// Prints JSON: milliseconds per metric group, per graph.
import { barabasiAlbert, erdosRenyiGnm } from '../../shared/graph/generators';
import type { QuireGraph } from '../../shared/graph/build';
import { toCsr } from '../../shared/graph/build';
import { computeMetrics, METRIC_GROUPS } from '../../shared/graph/metrics';

const ALL_PAIRS = new Set(['distances', 'closeness', 'betweenness']);
const maxEdges = Number(process.argv[2] ?? 100_000);

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
for (const edges of [1_000, 10_000, 100_000].filter((e) => e <= maxEdges)) {
  const graphs: [string, QuireGraph][] = [
    [`gnm`, erdosRenyiGnm({ n: edges / 5, m: edges, seed: 1 })],
    [`barabasi-albert`, barabasiAlbert({ n: Math.round(edges / 5) + 3, m: 5, seed: 1 })],
  ];
  for (const [name, g] of graphs) {
    const ms: Record<string, number> = {};
    const repeats = edges <= 1_000 ? 7 : edges <= 10_000 ? 3 : 1;
    ms.csr = time(() => toCsr(g), repeats);
    for (const m of METRIC_GROUPS) {
      const r = edges >= 100_000 && ALL_PAIRS.has(m) ? 1 : repeats;
      ms[m] = time(() => computeMetrics(g, { metrics: [m] }), r);
    }
    results.push({ graph: name, nodes: g.order, edges: g.size, repeats, ms });
    process.stderr.write(`done ${name} ${g.size}\n`);
  }
}
console.log(JSON.stringify({ node: process.version, results }, null, 2));
