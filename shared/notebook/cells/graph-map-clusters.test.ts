// Grouping a library graph's drawing by the topic map's clusters (graph-map-clusters.ts).
import { describe, expect, it } from 'vitest';
import type { MapStatus } from '../../api/map-contract';
import type { GraphDrawing } from './graph';
import { groupByMapCluster, mapAssignmentOf } from './graph-map-clusters';

const drawing: GraphDrawing = {
  kind: 'quire-graph',
  version: 1,
  directed: false,
  nodes: ['p1', 'p2', 'p3', 'p4'].map((id) => ({
    id,
    label: id,
    community: id < 'p3' ? 0 : 1,
    degree: 1,
    pagerank: 0.25,
    paper: true,
  })),
  edges: [
    [0, 1, 0.9],
    [2, 3, 0.8],
  ],
};

/** A map with p1, p2 in "Scaling", p3 in "Graphs", p4 unassigned (p5 is not in the graph). */
function status(): MapStatus {
  return {
    state: 'current',
    activeModel: 'm',
    stale: null,
    notEmbedded: 0,
    map: {
      clusters: [
        { id: 'c1', label: 'Scaling' },
        { id: 'c2', label: 'Graphs' },
      ],
      points: { ids: ['p1', 'p2', 'p3', 'p4', 'p5'], cluster: [0, 0, 1, -1, 1] },
    } as unknown as MapStatus['map'],
  };
}

describe('groupByMapCluster', () => {
  it('colours nodes by their map cluster and measures the map partition on the graph', () => {
    const { drawing: d, rows } = groupByMapCluster(drawing, mapAssignmentOf(status()));
    expect(d.nodes.map((n) => [n.id, n.community])).toEqual([
      ['p1', 0],
      ['p2', 0],
      ['p3', 1],
      ['p4', -1],
    ]);
    expect(d.groups).toEqual({ by: 'map-cluster', labels: ['Scaling', 'Graphs'] });
    expect(d.edges).toBe(drawing.edges);
    // Weighted Newman modularity by hand: m = 1.7; {p1,p2}: L = 0.9, degree sum 1.8; {p3} and the
    // singleton {p4}: L = 0, degree sum 0.8 each.
    const m = 1.7;
    const q = 0.9 / m - (1.8 / (2 * m)) ** 2 - 2 * (0.8 / (2 * m)) ** 2;
    const byName = Object.fromEntries(rows);
    expect(byName['map clusters']).toBe(2);
    expect(byName['papers in no map cluster']).toBe(1);
    expect(byName['modularity of the map clusters']).toBeCloseTo(q, 10);
  });

  it('a map that matches the communities scores their modularity', () => {
    const st = status();
    (st.map!.points.cluster as number[])[3] = 1;
    const { rows } = groupByMapCluster(drawing, mapAssignmentOf(st));
    const q = 1 - (1.8 / 3.4) ** 2 - (1.6 / 3.4) ** 2;
    expect(Object.fromEntries(rows)['modularity of the map clusters']).toBeCloseTo(q, 10);
  });

  it('says what to do when there is no map', () => {
    expect(() =>
      mapAssignmentOf({ state: 'none', activeModel: 'm', stale: null, notEmbedded: 0, map: null }),
    ).toThrow(/no topic map .* compute it in the Map view/);
  });
});
