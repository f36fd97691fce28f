// Graph metric groups: the names `computeMetrics` (./metrics) and the `graph:metrics` contract
// method accept. Kept free of imports so the API contract can use it without loading graphology.

export const METRIC_GROUPS = [
  'counts',
  'degree',
  'clustering',
  'components',
  'distances',
  'closeness',
  'assortativity',
  'betweenness',
  'eigenvector',
  'pagerank',
  'core',
  'louvain',
  'powerlaw',
] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];
