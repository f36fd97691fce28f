// A graph cell as runnable networkx code for the .ipynb export: the graph Quire drew (nodes and
// weighted edges from the cell's stored drawing) embedded, and the summary metrics recomputed with
// the networkx 2.8 functions whose definitions shared/graph/metrics follows. Communities are Quire's
// Louvain partition, embedded: networkx's Louvain is seeded differently and may split otherwise,
// so the modularity printed is that of the same partition.
import type { GraphDrawing } from '../cells/graph';
import { pyComment, pyIdent, pyList, pyNumber, pyString } from './python';

/** The Python variable a graph cell's metrics end up in: `graph_<cell id>` (a dict). */
export function graphResultName(cellId: string): string {
  return pyIdent(`graph_${cellId}`);
}

/** Python source that rebuilds the drawn graph and computes the summary metrics. */
export function graphPython(cellId: string, drawing: GraphDrawing, description: string): string {
  const ids = drawing.nodes.map((n) => pyString(n.id));
  const edges = drawing.edges.map(
    ([s, t, w]) => `(${ids[s] ?? 'None'}, ${ids[t] ?? 'None'}, ${pyNumber(w)})`,
  );
  // With `groups`, `community` holds topic-map clusters, not the Louvain partition.
  const louvain = !drawing.groups && drawing.nodes.some((n) => n.community >= 0);
  const communities: string[][] = [];
  if (louvain)
    drawing.nodes.forEach((n, i) => {
      if (n.community < 0) return;
      (communities[n.community] ??= []).push(ids[i]!);
    });
  const directed = drawing.directed;
  const name = graphResultName(cellId);
  return [
    `# ${pyComment(description)}: the graph Quire drew, with its summary metrics computed by networkx.`,
    'import networkx as nx',
    '',
    `G = nx.${directed ? 'DiGraph' : 'Graph'}()`,
    `G.add_nodes_from(${pyList(ids)})`,
    `G.add_weighted_edges_from(${pyList(edges, 4)})`,
    ...(louvain
      ? [
          "# Quire's Louvain communities (networkx's own Louvain is seeded differently).",
          `communities = ${pyList(
            communities.filter(Boolean).map((c) => pyList(c, 12, '        ')),
            1,
          )}`,
        ]
      : []),
    '',
    directed
      ? 'components = sorted(nx.weakly_connected_components(G), key=len, reverse=True)'
      : 'components = sorted(nx.connected_components(G), key=len, reverse=True)',
    directed
      ? '# Distances are defined inside the largest strongly connected component.'
      : '# Distances are measured inside the largest connected component.',
    directed
      ? 'core = G.subgraph(max(nx.strongly_connected_components(G), key=len)) if len(G) else G'
      : 'core = G.subgraph(components[0]) if components else G',
    'n = G.number_of_nodes()',
    `${name} = {`,
    '    "nodes": n,',
    '    "edges": G.number_of_edges(),',
    '    "density": nx.density(G),',
    '    "average degree": sum(d for _, d in G.degree()) / n if n else 0.0,',
    '    "average clustering": nx.average_clustering(G) if n else 0.0,',
    ...(directed ? [] : ['    "transitivity": nx.transitivity(G),']),
    '    "components": len(components),',
    '    "largest component": len(components[0]) if components else 0,',
    '    "diameter (largest component)": nx.diameter(core) if len(core) > 1 else 0,',
    '    "average shortest path (largest component)": nx.average_shortest_path_length(core) if len(core) > 1 else 0.0,',
    '}',
    'try:',
    `    ${name}["degree assortativity"] = nx.degree_assortativity_coefficient(G)`,
    'except (ValueError, ZeroDivisionError):',
    `    ${name}["degree assortativity"] = float("nan")  # undefined (e.g. all degrees equal)`,
    ...(louvain
      ? [
          `${name}["modularity"] = nx.community.modularity(G, communities, weight="weight")`,
          `${name}["communities"] = len(communities)`,
        ]
      : []),
    `for metric, value in ${name}.items():`,
    '    print(f"{metric}: {value:.4g}" if isinstance(value, float) else f"{metric}: {value}")',
    '',
  ].join('\n');
}
