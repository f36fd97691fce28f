// Communities: Louvain (Blondel et al. 2008) by graphology-communities-louvain, seeded through
// ./rng, the best of several runs by modularity (Newman 2006, resolution 1, graphology-metrics).
import louvain from 'graphology-communities-louvain';
import modularityMetric from 'graphology-metrics/graph/modularity';
import type { QuireGraph } from './build';
import { graphFail as fail } from './errors';
import { METRIC_DEFAULTS, type Communities, type MetricsOptions } from './metric-types';
import { createRng } from './rng';

/** Louvain communities (best of `runs` seeded runs) with their modularity. */
export function louvainCommunities(
  g: QuireGraph,
  options: Partial<Pick<MetricsOptions, 'weighted' | 'seed' | 'louvainRuns' | 'resolution'>> = {},
): Communities {
  const o = { ...METRIC_DEFAULTS, ...options };
  if (g.size === 0 || g.order === 0)
    return { modularity: null, nCommunities: g.order, communities: g.nodes().map((k) => [k]) };
  const getEdgeWeight = o.weighted ? 'weight' : null;
  let best: Communities | null = null;
  for (let r = 0; r < Math.max(1, o.louvainRuns); r++) {
    const rng = createRng(o.seed + r);
    const mapping = louvain(g, { getEdgeWeight, rng: rng.next, resolution: o.resolution });
    const q = modularity(g, mapping, o.weighted, o.resolution);
    if (!best || q > best.modularity!) {
      const groups = new Map<number, string[]>();
      g.forEachNode((k) => {
        const id = mapping[k]!;
        const list = groups.get(id);
        if (list) list.push(k);
        else groups.set(id, [k]);
      });
      const communities = [...groups.values()].sort((a, b) => b.length - a.length);
      best = { modularity: q, nCommunities: communities.length, communities };
    }
  }
  return best!;
}

/** Newman modularity of a partition (node → community), by graphology-metrics. */
export function modularity(
  g: QuireGraph,
  partition: Readonly<Record<string, string | number>>,
  weighted = false,
  resolution = 1,
): number {
  return modularityMetric(g, {
    getNodeCommunity: (k: string) => {
      const id = partition[k];
      if (id === undefined) fail(`modularity: node ${k} has no community`);
      return id;
    },
    getEdgeWeight: weighted ? 'weight' : null,
    resolution,
  });
}
