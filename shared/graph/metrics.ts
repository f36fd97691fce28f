// Graph metrics: the networkx 2.8.8 definitions (Hagberg, Schult & Swart 2008, "Exploring network
// structure, dynamics, and function using NetworkX"), checked per node against networkx output in
// ../shared/reference/graphs/ (see reference.test.ts). `computeMetrics` computes the requested
// groups in a fixed order, one module per purpose, each naming its sources and the measurement that
// chose the implementation: ./degree (degrees, strength, assortativity, k-cores, power law),
// ./clustering, ./paths (components, diameter, mean distance, closeness), ./centrality
// (betweenness, eigenvector, PageRank) and ./communities (Louvain, modularity).
import { toCsr } from './build';
import type { QuireGraph } from './build';
import { betweennessStats, eigenvectorStats, pagerank } from './centrality';
import { clusteringStats } from './clustering';
import { louvainCommunities } from './communities';
import {
  averageDegree,
  coreStats,
  degreeAssortativity,
  degreePowerLaw,
  degrees,
  degreeStats,
} from './degree';
import { graphFail as fail } from './errors';
import { METRIC_GROUPS } from './metric-groups';
import type { MetricGroup } from './metric-groups';
import { METRIC_DEFAULTS, type GraphMetrics, type MetricsOptions } from './metric-types';
import { components, componentStats, distanceStats } from './paths';

export { METRIC_GROUPS };
export type { MetricGroup };
export { METRIC_DEFAULTS };
export type { Communities, GraphMetrics, MetricsOptions, NodeValues } from './metric-types';
export { eigenvectorCentrality } from './centrality';
export { clusteringCoefficients } from './clustering';
export { louvainCommunities, modularity } from './communities';
export { coreNumbers, degreeAssortativity, degrees } from './degree';
export { components, distancePass, strongComponents } from './paths';

/** The requested groups, checked against the known ones. */
function wantedGroups(metrics: MetricsOptions['metrics']): Set<MetricGroup> {
  const want = new Set<MetricGroup>(metrics === 'all' ? METRIC_GROUPS : metrics);
  for (const m of want)
    if (!METRIC_GROUPS.includes(m))
      fail(`unknown metric '${String(m)}' (known: ${METRIC_GROUPS.join(', ')})`);
  return want;
}

/** Computes the requested metric groups of a graph. */
export function computeMetrics(g: QuireGraph, options: Partial<MetricsOptions> = {}): GraphMetrics {
  const o = { ...METRIC_DEFAULTS, ...options };
  const want = wantedGroups(o.metrics);
  // networkx answers most metrics of the null graph with errors too; say so once, plainly.
  if (g.order === 0) fail('the graph has no nodes: give it edges or nodes first');
  let groupsDone = 0;
  const step = (group: MetricGroup): boolean => {
    if (!want.has(group)) return false;
    o.onGroup?.(group, groupsDone++, want.size);
    return true;
  };
  const c = toCsr(g);
  const { n, m } = c;
  const res: GraphMetrics = {
    directed: c.directed,
    weighted: o.weighted,
    nNodes: n,
    nEdges: m,
    density: n > 1 ? (c.directed ? m : 2 * m) / (n * (n - 1)) : 0,
    warnings: [],
  };
  step('counts');
  const deg = degrees(c);
  if (want.has('counts') || want.has('degree')) res.averageDegree = averageDegree(deg);
  if (step('degree')) Object.assign(res, degreeStats(c, deg));
  if (step('clustering')) Object.assign(res, clusteringStats(c));
  step('components');
  const comps = want.has('components') || want.has('distances') ? components(c) : [];
  if (want.has('components')) Object.assign(res, componentStats(c, comps));
  const distances = step('distances');
  const closeness = step('closeness');
  if (distances || closeness) Object.assign(res, distanceStats(c, comps, { distances, closeness }));
  if (step('assortativity')) res.degreeAssortativity = degreeAssortativity(c);
  if (step('betweenness')) Object.assign(res, betweennessStats(g, c));
  if (step('eigenvector')) res.eigenvector = eigenvectorStats(c, o, res.warnings);
  if (step('pagerank')) res.pagerank = pagerank(g, o);
  if (step('core')) Object.assign(res, coreStats(c));
  if (step('louvain')) res.louvain = louvainCommunities(g, o);
  if (step('powerlaw')) res.powerLaw = degreePowerLaw(deg, res.warnings);
  return res;
}
