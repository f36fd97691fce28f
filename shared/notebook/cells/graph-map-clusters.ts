// Graph cell option "colour by map cluster": the library similarity graph's nodes grouped by the
// topic map's cluster assignment (shared/api/map-contract.ts) instead of Louvain communities, and
// the summary extended with how well the map's clusters fit the graph — the Newman modularity of
// the map's partition on the same kNN graph, next to Louvain's own (papers the map leaves
// unassigned, or not on it, count as singletons).
import type { MapStatus } from '../../api/map-contract';
import { buildGraph } from '../../graph/build';
import { modularity } from '../../graph/metrics';
import type { GraphDrawing } from './graph';

/** Each map paper's cluster index (−1 unassigned) and the clusters' labels, by index. */
export type MapAssignment = { cluster: ReadonlyMap<string, number>; labels: string[] };

/** The active model's map as an assignment; a clear error when there is none. */
export function mapAssignmentOf(status: MapStatus): MapAssignment {
  const map = status.map;
  if (!map)
    throw new Error(
      'There is no topic map for the active model: compute it in the Map view, then run this cell again.',
    );
  return {
    cluster: new Map(map.points.ids.map((id, i) => [id, map.points.cluster[i]!])),
    labels: map.clusters.map((c) => c.label),
  };
}

/**
 * The drawing with each node's group set to its map cluster (−1: unassigned or not on the map),
 * the groups' labels, and the summary rows to add.
 */
export function groupByMapCluster(
  drawing: GraphDrawing,
  assignment: MapAssignment,
): { drawing: GraphDrawing; rows: [string, number | null][] } {
  const nodes = drawing.nodes.map((n) => ({ ...n, community: assignment.cluster.get(n.id) ?? -1 }));
  const present = new Set(nodes.map((n) => n.community).filter((c) => c >= 0));
  const outside = nodes.filter((n) => n.community < 0).length;
  let q: number | null = null;
  if (drawing.edges.length > 0) {
    const g = buildGraph(
      {
        nodes: nodes.map((n) => n.id),
        edges: drawing.edges.map(([s, t, w]) => ({
          source: nodes[s]!.id,
          target: nodes[t]!.id,
          weight: w,
        })),
      },
      { directed: drawing.directed, weighted: true, allowSelfLoops: false },
    );
    const partition: Record<string, string> = {};
    for (const n of nodes) partition[n.id] = n.community >= 0 ? `c${n.community}` : `s:${n.id}`;
    q = modularity(g, partition, true);
  }
  return {
    drawing: { ...drawing, nodes, groups: { by: 'map-cluster', labels: assignment.labels } },
    rows: [
      ['map clusters', present.size],
      ['modularity of the map clusters', q],
      ['papers in no map cluster', outside],
    ],
  };
}
