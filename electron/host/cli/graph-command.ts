// `quire graph`: metrics of a network read from an edge list (CSV with header source,target[,weight]
// or JSON) with the shared graph engine — networkx-compatible counts, degrees, clustering,
// distances, centralities (Brandes 2001 betweenness, Wasserman–Faust closeness, eigenvector,
// PageRank), k-cores, Louvain communities (Blondel et al. 2008) and the Clauset–Shalizi–Newman
// 2009 power-law fit of the degrees — printed as a summary or as JSON with --json.
// `quire [--library DIR] graph --knn K [--threshold T]` (the library's similarity graph; the library
// is the program's global --library option, which a subcommand flag of that name would collide
// with) waits for the embedding service to expose all vectors; until then it says so and exits 1.
import { errorMessage } from '@shared/api/errors';
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { GraphMetrics, NodeValues } from '@shared/graph/index';
import { METRIC_GROUPS, type MetricGroup } from '@shared/graph/metric-groups';
import { processIo, withApi } from './context';
import type { Io } from './context';

export type GraphCommandOptions = {
  edges?: string;
  directed?: boolean;
  weighted?: boolean;
  metrics?: string;
  seed?: string;
  top?: string;
  json?: boolean;
  /** The program's global library folder (for --knn). */
  library?: string;
  knn?: string;
  threshold?: string;
};

function fail(msg: string): never {
  throw new Error(`graph: ${msg}`);
}

/** `all` or a comma-separated list of metric groups. */
export function parseMetricList(spec: string | undefined): MetricGroup[] | 'all' {
  const s = (spec ?? 'all').trim();
  if (s === '' || s === 'all') return 'all';
  const list = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const m of list)
    if (!(METRIC_GROUPS as readonly string[]).includes(m))
      fail(`unknown metric '${m}' (use all or some of: ${METRIC_GROUPS.join(', ')})`);
  return list as MetricGroup[];
}

const fmt = (v: number | null | undefined): string =>
  v === null || v === undefined
    ? 'n/a'
    : Number.isInteger(v)
      ? String(v)
      : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6
        ? v.toPrecision(6)
        : v.toExponential(4);

function top(values: NodeValues | undefined, k: number): string {
  if (!values) return '';
  return Object.entries(values)
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([n, v]) => `${n} (${fmt(v)})`)
    .join(', ');
}

export function formatSummary(m: GraphMetrics, file: string, k: number): string {
  const L: string[] = [];
  const line = (label: string, value: string) => L.push(`${(label + ':').padEnd(24)}${value}`);
  line(
    'graph',
    `${file} (${m.directed ? 'directed' : 'undirected'}${m.weighted ? ', weighted' : ''})`,
  );
  line('nodes / edges', `${m.nNodes} / ${m.nEdges}`);
  line('density', fmt(m.density));
  if (m.averageDegree !== undefined) line('average degree', fmt(m.averageDegree));
  if (m.degreeHistogram) line('degree histogram', `[${m.degreeHistogram.join(', ')}]`);
  if (m.averageClustering !== undefined) line('average clustering', fmt(m.averageClustering));
  if (m.transitivity !== undefined) line('transitivity', fmt(m.transitivity));
  if (m.nTriangles !== undefined) line('triangles', fmt(m.nTriangles));
  if (m.nConnectedComponents !== undefined)
    line(
      m.directed ? 'weak components' : 'components',
      `${m.nConnectedComponents} (largest ${m.lccNNodes} nodes, ${m.lccNEdges} edges)`,
    );
  if (m.diameterLcc !== undefined)
    line(
      m.directed ? 'diameter (largest SCC)' : 'diameter (largest CC)',
      `${m.diameterLcc}, mean distance ${fmt(m.averageShortestPathLengthLcc)}`,
    );
  if (m.degreeAssortativity !== undefined) line('degree assortativity', fmt(m.degreeAssortativity));
  if (m.maxCore !== undefined) line('max k-core', String(m.maxCore));
  if (m.louvain)
    line(
      'Louvain communities',
      `${m.louvain.nCommunities}, modularity ${fmt(m.louvain.modularity)}`,
    );
  if (m.powerLaw)
    line(
      'degree power law',
      `alpha ${fmt(m.powerLaw.alpha)} ± ${fmt(m.powerLaw.alphaStdError)}, xmin ${m.powerLaw.xmin}, KS ${fmt(m.powerLaw.ks)}, tail ${m.powerLaw.nTail}`,
    );
  const tops: [string, NodeValues | undefined][] = [
    ['top degree', m.degree],
    ['top betweenness', m.betweenness],
    ['top closeness', m.closeness],
    ['top eigenvector', m.eigenvector],
    ['top PageRank', m.pagerank],
  ];
  for (const [label, v] of tops) if (v) line(label, top(v, k));
  for (const w of m.warnings) L.push(`warning: ${w}`);
  return L.join('\n') + '\n';
}

async function runGraph(cmd: Command, o: GraphCommandOptions, io: Io): Promise<void> {
  if (o.knn !== undefined || o.threshold !== undefined) {
    if (o.edges)
      fail('use either --edges FILE or --knn K (the library similarity graph), not both');
    if (!(Number.isInteger(Number(o.knn)) && Number(o.knn) >= 1))
      fail(`--knn must be a positive integer, got '${o.knn ?? ''}'`);
    if (o.threshold !== undefined && !(Math.abs(Number(o.threshold)) <= 1))
      fail(`--threshold must be a cosine similarity in [-1, 1], got '${o.threshold}'`);
    const metrics = parseMetricList(o.metrics);
    await withApi(cmd, 'cli', async (api) => {
      const g = await api.call('graph:library', {
        k: Number(o.knn),
        threshold: o.threshold === undefined ? 0 : Number(o.threshold),
        metrics,
        seed: o.seed === undefined ? 0 : Number(o.seed),
      });
      const { nodes, edges, ...m } = g;
      if (o.json) io.out(JSON.stringify({ library: true, ...m, nodes, edges }, null, 2) + '\n');
      else
        io.out(
          formatSummary(
            m,
            `library kNN graph (k=${o.knn}, ${g.model})`,
            o.top === undefined ? 5 : Number(o.top),
          ),
        );
    });
    return;
  }
  if (!o.edges) fail('--edges FILE is required (CSV with header source,target[,weight], or JSON)');
  let text: string;
  try {
    text = await readFile(o.edges, 'utf8');
  } catch (e) {
    fail(`cannot read ${o.edges}: ${(e as Error).message}`);
  }
  const metrics = parseMetricList(o.metrics);
  const seed = o.seed === undefined ? 0 : Number(o.seed);
  if (!Number.isInteger(seed) || seed < 0)
    fail(`--seed must be a non-negative integer, got '${o.seed}'`);
  const k = o.top === undefined ? 5 : Number(o.top);
  if (!Number.isInteger(k) || k < 0) fail(`--top must be a non-negative integer, got '${o.top}'`);
  // The engine (graphology and its metrics) loads only when a graph is computed, not at start-up.
  const { buildGraph, computeMetrics, parseEdgeList } = await import('@shared/graph/index');
  const parsed = parseEdgeList(text, o.edges.toLowerCase().endsWith('.json') ? 'json' : 'auto');
  const directed = Boolean(o.directed) || parsed.directed === true;
  const weighted = Boolean(o.weighted);
  const g = buildGraph(parsed, { directed, weighted });
  const m = computeMetrics(g, { metrics, weighted, seed });
  if (o.json) io.out(JSON.stringify({ file: o.edges, ...m }, null, 2) + '\n');
  else io.out(formatSummary(m, o.edges, k));
}

/** The `graph` command; the main program mounts it with `program.addCommand(graphCommand(io))`. */
export function graphCommand(io: Io = processIo): Command {
  return new Command('graph')
    .description(
      'network metrics of an edge list (networkx-compatible), or the library similarity graph',
    )
    .option('--edges <file>', 'edge list: CSV with header source,target[,weight], or JSON')
    .option('--directed', 'treat edges as directed')
    .option('--weighted', 'use the weight column (strength, eigenvector, PageRank, Louvain)')
    .option('--metrics <list>', `all, or some of: ${METRIC_GROUPS.join(',')}`, 'all')
    .option('--seed <n>', 'Louvain seed', '0')
    .option('--top <k>', 'nodes listed per centrality in the summary', '5')
    .option(
      '--knn <k>',
      "the library's kNN similarity graph: neighbours per paper (needs embeddings)",
    )
    .option('--threshold <t>', 'minimum cosine similarity of a --knn edge')
    .option('--json', 'print machine-readable JSON')
    .action(async function (this: Command) {
      try {
        await runGraph(this, this.optsWithGlobals<GraphCommandOptions>(), io);
      } catch (err) {
        const message = errorMessage(err);
        io.err(`quire: ${message.split('\n')[0]}\n`);
        process.exitCode = 1;
      }
    });
}
