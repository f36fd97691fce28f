// Graph engine unit tests: building and parsing edge lists (with clear errors), seeded generators,
// kNN and co-occurrence graphs, metrics on small hand-checked graphs, and the experiments.
import { describe, expect, it } from 'vitest';
import { buildGraph, parseEdgeList } from './build';
import {
  barabasiAlbert,
  erdosRenyiGnm,
  erdosRenyiGnp,
  karateClub,
  stochasticBlockModel,
  wattsStrogatz,
} from './generators';
import type { QuireGraph } from './build';
import { computeMetrics } from './metrics';
import { createRng } from './rng';
import { cooccurrenceGraph, knnGraph } from './similarity';
import { giantComponentSweep, robustnessSweep } from './experiments';

const edgesOf = (g: QuireGraph) => g.mapEdges((_e, a, s, t) => `${s}-${t}:${a.weight}`).join(',');

describe('build', () => {
  it('keeps isolated nodes and weights', () => {
    const g = buildGraph({
      nodes: ['z'],
      edges: [{ source: 'a', target: 'b', weight: 2 }, ['b', 'c']],
    });
    expect(g.type).toBe('undirected');
    expect(g.order).toBe(4);
    expect(g.size).toBe(2);
    expect(g.getEdgeAttribute('a', 'b', 'weight')).toBe(2);
    expect(g.getEdgeAttribute('b', 'c', 'weight')).toBe(1);
  });
  it('builds directed graphs and ignores weights when unweighted', () => {
    const g = buildGraph(
      {
        edges: [
          [1, 2, 5],
          [2, 1, 7],
        ],
      },
      { directed: true, weighted: false },
    );
    expect(g.type).toBe('directed');
    expect(g.size).toBe(2);
    expect(g.getEdgeAttribute('2', '1', 'weight')).toBe(1);
  });
  it('rejects bad edges with the edge number', () => {
    const edges = [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'c' }];
    expect(() => buildGraph({ edges })).toThrow('graph: edge 3 has no target');
    expect(() => buildGraph({ edges: [{ target: 'x' }] })).toThrow('graph: edge 1 has no source');
    expect(() => buildGraph({ edges: [['a', 'a']] })).toThrow('graph: edge 1 is a self-loop');
    expect(() => buildGraph({ edges: [['a', 'b', Number.NaN]] })).toThrow(
      'weight that is not a number',
    );
    expect(() => buildGraph({ edges: [['a', 'b', -1]] })).toThrow('negative weight');
    expect(() => buildGraph({ edges: 'x' as never })).toThrow('graph: edges must be an array');
  });
  it('parses CSV and JSON edge lists', () => {
    const csv = parseEdgeList('Source,Target,Weight\na,b,2\nb,c,\n');
    expect(csv.weighted).toBe(true);
    expect(csv.edges).toEqual([
      { source: 'a', target: 'b', weight: 2 },
      { source: 'b', target: 'c', weight: null },
    ]);
    expect(() => parseEdgeList('from,to\na,b\n')).toThrow('needs a header row with source,target');
    expect(() => parseEdgeList('source,target,weight\na,b,x\n')).toThrow(
      "line 2: weight 'x' is not a number",
    );
    const json = parseEdgeList('{"nodes":[1,2,3],"edges":[[1,2]],"directed":true}');
    expect(json).toEqual({ nodes: [1, 2, 3], edges: [[1, 2]], directed: true });
    expect(parseEdgeList('[{"source":"a","target":"b"}]').edges).toHaveLength(1);
    expect(() => parseEdgeList('{"edges":')).toThrow('not valid JSON');
    expect(() => buildGraph(parseEdgeList('source,target\na,\n'))).toThrow(
      'graph: edge 1 has no target',
    );
  });
});

describe('rng', () => {
  it('is reproducible and roughly uniform', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 10000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(createRng(43).next()).not.toBe(xs[0]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[a.int(3)]!++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(100);
  });
});

describe('generators', () => {
  it('G(n,p) has the expected size and is seeded', () => {
    const g = erdosRenyiGnp({ n: 1000, p: 0.01, seed: 1 });
    expect(g.order).toBe(1000);
    const expected = (0.01 * (1000 * 999)) / 2;
    expect(Math.abs(g.size - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(edgesOf(erdosRenyiGnp({ n: 200, p: 0.05, seed: 7 }))).toBe(
      edgesOf(erdosRenyiGnp({ n: 200, p: 0.05, seed: 7 })),
    );
    expect(edgesOf(erdosRenyiGnp({ n: 200, p: 0.05, seed: 8 }))).not.toBe(
      edgesOf(erdosRenyiGnp({ n: 200, p: 0.05, seed: 7 })),
    );
    expect(erdosRenyiGnp({ n: 10, p: 1, seed: 0 }).size).toBe(45);
    expect(erdosRenyiGnp({ n: 10, p: 0, seed: 0 }).size).toBe(0);
    const d = erdosRenyiGnp({ n: 300, p: 0.02, seed: 3, directed: true });
    expect(d.type).toBe('directed');
    expect(Math.abs(d.size - 0.02 * 300 * 299)).toBeLessThan(4 * Math.sqrt(0.02 * 300 * 299));
    expect(() => erdosRenyiGnp({ n: 10, p: 1.5, seed: 0 })).toThrow(
      'graph: p must be a probability',
    );
  });
  it('G(n,m) has exactly m edges', () => {
    const g = erdosRenyiGnm({ n: 50, m: 100, seed: 2 });
    expect([g.order, g.size]).toEqual([50, 100]);
    expect(() => erdosRenyiGnm({ n: 4, m: 7, seed: 0 })).toThrow('exceeds the 6 possible edges');
  });
  it('Barabási–Albert has m(n−m−1)+m edges and a heavier degree tail than G(n,m)', () => {
    const n = 3000;
    const m = 3;
    const ba = barabasiAlbert({ n, m, seed: 5 });
    expect(ba.order).toBe(n);
    expect(ba.size).toBe(m + (n - m - 1) * m);
    expect(edgesOf(barabasiAlbert({ n: 100, m: 2, seed: 9 }))).toBe(
      edgesOf(barabasiAlbert({ n: 100, m: 2, seed: 9 })),
    );
    const er = erdosRenyiGnm({ n, m: ba.size, seed: 5 });
    const maxDeg = (g: QuireGraph) => Math.max(...g.mapNodes((k) => g.degree(k)));
    const tail = (g: QuireGraph) => g.filterNodes((k) => g.degree(k) >= 20).length;
    expect(maxDeg(ba)).toBeGreaterThan(3 * maxDeg(er));
    expect(tail(ba)).toBeGreaterThan(10 * Math.max(1, tail(er)));
    const fit = computeMetrics(ba, { metrics: ['powerlaw'] }).powerLaw!;
    expect(fit.alpha).toBeGreaterThan(2.3);
    expect(fit.alpha).toBeLessThan(3.5);
  });
  it('Watts–Strogatz keeps nk/2 edges; p = 0 is the ring lattice', () => {
    const ring = wattsStrogatz({ n: 20, k: 4, p: 0, seed: 1 });
    expect(ring.size).toBe(40);
    expect(ring.hasEdge('0', '19') && ring.hasEdge('0', '18') && !ring.hasEdge('0', '17')).toBe(
      true,
    );
    const ws = wattsStrogatz({ n: 500, k: 6, p: 0.1, seed: 1 });
    expect(ws.size).toBe(1500);
    const cl = computeMetrics(ws, { metrics: ['clustering'] }).averageClustering!;
    expect(cl).toBeGreaterThan(0.4);
    expect(() => wattsStrogatz({ n: 10, k: 3, p: 0, seed: 0 })).toThrow('k must be even');
  });
  it('stochastic block model: dense blocks, sparse between', () => {
    const g = stochasticBlockModel({
      sizes: [50, 50],
      p: [
        [0.3, 0.01],
        [0.01, 0.3],
      ],
      seed: 4,
    });
    expect(g.order).toBe(100);
    let inside = 0;
    g.forEachEdge((_e, _a, s, t) => {
      if (g.getNodeAttribute(s, 'block') === g.getNodeAttribute(t, 'block')) inside++;
    });
    expect(Math.abs(inside - 0.3 * 2 * 1225)).toBeLessThan(100);
    expect(g.size - inside).toBeLessThan(60);
    const full = stochasticBlockModel({
      sizes: [5, 3],
      p: [
        [1, 0],
        [0, 1],
      ],
      seed: 0,
    });
    expect(full.size).toBe(10 + 3);
    expect(() =>
      stochasticBlockModel({
        sizes: [2, 2],
        p: [
          [1, 0.5],
          [0.2, 1],
        ],
        seed: 0,
      }),
    ).toThrow('symmetric');
    const q = computeMetrics(g, { metrics: ['louvain'] }).louvain!;
    expect(q.modularity!).toBeGreaterThan(0.4);
  });
  it('karate club: 34 nodes, 78 weighted edges', () => {
    const g = karateClub();
    expect([g.order, g.size]).toEqual([34, 78]);
    expect(g.getEdgeAttribute('0', '1', 'weight')).toBe(4);
    expect(g.getNodeAttribute('33', 'club')).toBe('Officer');
  });
});

describe('similarity graphs', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const vectors = [
    new Float32Array([1, 0]),
    new Float32Array([0.9, 0.1]),
    new Float32Array([0, 1]),
    new Float32Array([0.1, 0.9]),
  ];
  it('kNN union and mutual, cosine weights', () => {
    const g = knnGraph({ ids, vectors }, { k: 1 });
    expect(g.size).toBe(2);
    expect(g.getEdgeAttribute('a', 'b', 'weight')).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 6);
    const g2 = knnGraph({ ids, vectors }, { k: 2, mode: 'union' });
    const g3 = knnGraph({ ids, vectors }, { k: 2, mode: 'mutual' });
    expect(g3.size).toBeLessThanOrEqual(g2.size);
    const flat = new Float32Array([1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9]);
    expect(edgesOf(knnGraph({ ids, vectors: flat, dims: 2 }, { k: 2 }))).toBe(edgesOf(g2));
    const thr = knnGraph({ ids, vectors }, { k: 3, threshold: 0.5 });
    thr.forEachEdge((_e, a) => expect(a.weight).toBeGreaterThanOrEqual(0.5));
    expect(thr.order).toBe(4);
  });
  it('kNN rejects bad input', () => {
    expect(() => knnGraph({ ids, vectors: vectors.slice(0, 3) }, { k: 1 })).toThrow(
      '3 vectors for 4 ids',
    );
    expect(() =>
      knnGraph(
        {
          ids: ['a', 'b'],
          vectors: [
            [1, 0],
            [0, 0],
          ],
        },
        { k: 1 },
      ),
    ).toThrow("'b') is all zeros");
    expect(() => knnGraph({ ids, vectors }, { k: 0 })).toThrow('k must be an integer ≥ 1');
    expect(() => knnGraph({ ids: ['a', 'a'], vectors: [[1], [1]] })).toThrow(
      "id 'a' appears twice",
    );
  });
  it('co-occurrence counts papers per tag pair', () => {
    const g = cooccurrenceGraph([['gnn', 'rl'], ['gnn', 'rl', 'rl'], ['gnn', 'nlp'], ['solo'], []]);
    expect(g.order).toBe(4);
    expect(g.getEdgeAttribute('gnn', 'rl', 'weight')).toBe(2);
    expect(g.getEdgeAttribute('gnn', 'nlp', 'weight')).toBe(1);
    expect(g.getNodeAttribute('gnn', 'count')).toBe(3);
    expect(
      cooccurrenceGraph(
        [
          ['a', 'b'],
          ['a', 'b'],
          ['a', 'c'],
        ],
        { minWeight: 2 },
      ).size,
    ).toBe(1);
    expect(() => cooccurrenceGraph([['a', 3 as never]])).toThrow('item 1, tag 2 is not a string');
  });
});

describe('metrics on small graphs', () => {
  it('path, triangle and isolated node', () => {
    const g = buildGraph({
      nodes: ['iso'],
      edges: [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ],
    });
    const m = computeMetrics(g);
    expect(m.nTriangles).toBe(1);
    expect(m.degreeHistogram).toEqual([1, 1, 2, 1]);
    expect(m.componentSizes).toEqual([4, 1]);
    expect(m.diameterLcc).toBe(2);
    expect(m.closeness!.iso).toBe(0);
    expect(m.coreNumber).toEqual({ iso: 0, a: 2, b: 2, c: 2, d: 1 });
    const sum = Object.values(m.pagerank!).reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(1, 12);
  });
  it('directed graphs: weak components, strongly connected distances, in-closeness', () => {
    const g = buildGraph(
      {
        edges: [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
        ],
      },
      { directed: true },
    );
    const m = computeMetrics(g);
    expect(m.nConnectedComponents).toBe(1);
    expect(m.diameterLcc).toBe(2);
    expect(m.averageShortestPathLengthLcc).toBeCloseTo(1.5, 12);
    expect(m.closeness!.d).toBeCloseTo((3 / 6) * (3 / 3), 12);
    expect(m.transitivity).toBeNull();
  });
  it('empty graph', () => {
    const m = computeMetrics(buildGraph({ nodes: ['x', 'y'], edges: [] }));
    expect(m.nEdges).toBe(0);
    expect(m.louvain!.modularity).toBeNull();
    expect(m.degreeAssortativity).toBeNull();
  });
  it('rejects unknown metric names', () => {
    expect(() => computeMetrics(karateClub(), { metrics: ['nope' as never] })).toThrow(
      "graph: unknown metric 'nope'",
    );
  });
});

describe('experiments', () => {
  it('giant component emerges at mean degree 1', () => {
    const progress: number[] = [];
    const t = giantComponentSweep(
      { n: 2000, meanDegrees: [0.5, 1, 2, 4], repeats: 2, seed: 1 },
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(t.columns[0]).toBe('mean_degree');
    expect(t.rows).toHaveLength(4);
    expect(t.rows[0]![2]!).toBeLessThan(0.05);
    expect(Math.abs(t.rows[2]![2]! - t.rows[2]![4]!)).toBeLessThan(0.05);
    expect(Math.abs(t.rows[3]![2]! - 0.9802)).toBeLessThan(0.02);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('targeted removal breaks a scale-free graph faster than random removal', () => {
    const g = barabasiAlbert({ n: 2000, m: 2, seed: 3 });
    const t = robustnessSweep({ graph: g, steps: 10, repeats: 2, seed: 1 });
    expect(t.rows[0]!.slice(2)).toEqual([1, 1]);
    const at20 = t.rows[2]!;
    expect(at20[0]).toBeCloseTo(0.2, 12);
    expect(at20[2]!).toBeGreaterThan(at20[3]! + 0.2);
    expect(t.rows[10]!.slice(2)).toEqual([0, 0]);
  });
  it('stops when the signal fires', () => {
    const ac = new AbortController();
    ac.abort();
    expect(() =>
      giantComponentSweep({ n: 100, meanDegrees: [1], repeats: 1, seed: 0 }, { signal: ac.signal }),
    ).toThrow('Cancelled');
    const g = erdosRenyiGnp({ n: 500, p: 0.01, seed: 0 });
    expect(() =>
      robustnessSweep({ graph: g, steps: 5, repeats: 1, seed: 0 }, { signal: ac.signal }),
    ).toThrow('Cancelled');
  });
});
