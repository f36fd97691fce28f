// Graph build: graphology graphs (Jacomy & Plique, graphology 0.26) from edge lists given as
// objects, CSV text (header source,target[,weight]) or JSON text, plus the compact CSR adjacency
// that the metrics in ./metrics run on. Undirected graphs are `UndirectedGraph`s (the default
// mixed `Graph` gives wrong Louvain modularity); directed ones `DirectedGraph`s. Duplicate edges
// keep the last weight and self-loops are rejected unless allowed, as networkx's `Graph.add_edge`
// would (a repeated edge updates its attribute).
import Papa from 'papaparse';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { graphFail as fail } from './errors';

export type NodeId = string | number;
export type EdgeInput = { source?: NodeId | null; target?: NodeId | null; weight?: number | null };
export type NodeAttributes = Record<string, unknown>;
export type EdgeAttributes = { weight: number };
/** Every graph of the engine: an `UndirectedGraph` or a `DirectedGraph` with `weight` on edges. */
export type QuireGraph = AbstractGraph<NodeAttributes, EdgeAttributes>;

export type EdgeListInput = {
  edges: ReadonlyArray<EdgeInput | readonly [NodeId, NodeId] | readonly [NodeId, NodeId, number]>;
  /** Nodes to add first (isolated nodes survive; node order follows this list). */
  nodes?: readonly NodeId[];
};

export type BuildOptions = {
  directed: boolean;
  /** Keep edge weights (else every weight is 1). */
  weighted: boolean;
  /** Keep self-loops (else an edge a–a is an error). */
  allowSelfLoops: boolean;
};

export const BUILD_DEFAULTS: BuildOptions = {
  directed: false,
  weighted: true,
  allowSelfLoops: false,
};

function nodeKey(v: unknown, what: string): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(`${what} is not a finite number`);
    return String(v);
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') fail(`${what} is empty`);
    return s;
  }
  fail(`${what} must be a string or a number`);
}

/** An empty graph of the right kind. */
export function emptyGraph(directed: boolean, allowSelfLoops = false): QuireGraph {
  return directed
    ? new DirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops })
    : new UndirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops });
}

/** Builds a graph from an edge list (objects or [source, target, weight?] tuples). */
export function buildGraph(input: EdgeListInput, options: Partial<BuildOptions> = {}): QuireGraph {
  const o = { ...BUILD_DEFAULTS, ...options };
  if (!input || !Array.isArray(input.edges)) fail('edges must be an array');
  const g = emptyGraph(o.directed, o.allowSelfLoops);
  if (input.nodes !== undefined) {
    if (!Array.isArray(input.nodes)) fail('nodes must be an array');
    input.nodes.forEach((n, i) => g.mergeNode(nodeKey(n, `node ${i + 1}`)));
  }
  input.edges.forEach((raw, i) => {
    const label = `edge ${i + 1}`;
    let s: unknown;
    let t: unknown;
    let w: unknown;
    if (Array.isArray(raw)) [s, t, w] = raw as unknown[];
    else if (raw && typeof raw === 'object') {
      const e = raw as EdgeInput;
      s = e.source;
      t = e.target;
      w = e.weight;
    } else fail(`${label} is not an object or a [source, target] pair`);
    if (s === undefined || s === null || s === '') fail(`${label} has no source`);
    if (t === undefined || t === null || t === '') fail(`${label} has no target`);
    const a = nodeKey(s, `${label}: source`);
    const b = nodeKey(t, `${label}: target`);
    let weight = 1;
    if (o.weighted && w !== undefined && w !== null && w !== '') {
      weight = typeof w === 'number' ? w : Number(w);
      if (!Number.isFinite(weight))
        fail(`${label} has a weight that is not a number (${String(w)})`);
      if (weight < 0) fail(`${label} has a negative weight (${weight})`);
    }
    if (a === b && !o.allowSelfLoops) fail(`${label} is a self-loop (${a}–${a})`);
    g.mergeEdge(a, b, { weight });
  });
  return g;
}

export type ParsedEdgeList = EdgeListInput & { directed?: boolean; weighted?: boolean };

/**
 * Parses edge-list text: CSV with a header row naming `source`, `target` and optionally `weight`
 * (case-insensitive), or JSON — an array of edges ({source,target,weight} or [s,t,w]) or an object
 * `{nodes?, edges, directed?, weighted?}` (the shape of the reference files).
 */
export function parseEdgeList(
  text: string,
  format: 'csv' | 'json' | 'auto' = 'auto',
): ParsedEdgeList {
  const trimmed = text.trimStart();
  const fmt = format === 'auto' ? (/^[[{]/.test(trimmed) ? 'json' : 'csv') : format;
  if (fmt === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      fail(`edge list is not valid JSON (${(e as Error).message})`);
    }
    if (Array.isArray(data)) return { edges: data as EdgeListInput['edges'] };
    if (data && typeof data === 'object') {
      const d = data as Record<string, unknown>;
      if (!Array.isArray(d.edges)) fail('the JSON object has no "edges" array');
      const out: ParsedEdgeList = { edges: d.edges as EdgeListInput['edges'] };
      if (d.nodes !== undefined) {
        if (!Array.isArray(d.nodes)) fail('"nodes" must be an array');
        out.nodes = d.nodes as NodeId[];
      }
      if (typeof d.directed === 'boolean') out.directed = d.directed;
      if (typeof d.weighted === 'boolean') out.weighted = d.weighted;
      return out;
    }
    fail('JSON edge list must be an array or an object with "edges"');
  }
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('source') || !fields.includes('target'))
    fail(
      `CSV edge list needs a header row with source,target[,weight] (got ${fields.join(',') || 'nothing'})`,
    );
  const hasWeight = fields.includes('weight');
  const edges: EdgeInput[] = parsed.data.map((row, i) => {
    const w = hasWeight ? (row.weight ?? '').trim() : '';
    const weight = w === '' ? null : Number(w);
    if (weight !== null && !Number.isFinite(weight))
      fail(`line ${i + 2}: weight '${w}' is not a number`);
    return { source: row.source?.trim() ?? null, target: row.target?.trim() ?? null, weight };
  });
  return { edges, weighted: hasWeight };
}

/**
 * Compact adjacency (CSR) of a graph, self-loops left out (`loops` counts them per node). For an
 * undirected graph `out*` lists every neighbour and `in*` is the same arrays; for a directed graph
 * `out*` are successors and `in*` predecessors. Node i is `keys[i]`, in graph order.
 */
export type Csr = {
  n: number;
  directed: boolean;
  keys: string[];
  index: Map<string, number>;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outWeights: Float64Array;
  inOffsets: Int32Array;
  inTargets: Int32Array;
  inWeights: Float64Array;
  loops: Int32Array;
  loopWeights: Float64Array;
  /** Number of edges (arcs when directed), self-loops included. */
  m: number;
};

export function toCsr(g: QuireGraph): Csr {
  const directed = g.type === 'directed';
  if (g.type === 'mixed')
    fail('mixed graphs are not supported: use an UndirectedGraph or a DirectedGraph');
  const keys = g.nodes();
  const n = keys.length;
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const outDeg = new Int32Array(n);
  const inDeg = new Int32Array(n);
  const loops = new Int32Array(n);
  const loopWeights = new Float64Array(n);
  const src: number[] = [];
  const dst: number[] = [];
  const wts: number[] = [];
  g.forEachEdge((_e, attr, s, t) => {
    const a = index.get(s)!;
    const b = index.get(t)!;
    const w = typeof attr.weight === 'number' ? attr.weight : 1;
    if (a === b) {
      loops[a]!++;
      loopWeights[a]! += w;
      return;
    }
    src.push(a);
    dst.push(b);
    wts.push(w);
    outDeg[a]!++;
    if (directed) inDeg[b]!++;
    else outDeg[b]!++;
  });
  const fill = (
    deg: Int32Array,
    pairs: (push: (from: number, to: number, w: number) => void) => void,
  ) => {
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + deg[i]!;
    const targets = new Int32Array(offsets[n]!);
    const weights = new Float64Array(offsets[n]!);
    const pos = offsets.slice(0, n);
    pairs((from, to, w) => {
      const p = pos[from]!++;
      targets[p] = to;
      weights[p] = w;
    });
    return { offsets, targets, weights };
  };
  const out = fill(outDeg, (push) => {
    for (let e = 0; e < src.length; e++) {
      push(src[e]!, dst[e]!, wts[e]!);
      if (!directed) push(dst[e]!, src[e]!, wts[e]!);
    }
  });
  const inn = directed
    ? fill(inDeg, (push) => {
        for (let e = 0; e < src.length; e++) push(dst[e]!, src[e]!, wts[e]!);
      })
    : out;
  return {
    n,
    directed,
    keys,
    index,
    outOffsets: out.offsets,
    outTargets: out.targets,
    outWeights: out.weights,
    inOffsets: inn.offsets,
    inTargets: inn.targets,
    inWeights: inn.weights,
    loops,
    loopWeights,
    m: g.size,
  };
}
