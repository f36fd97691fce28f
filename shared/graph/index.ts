// Graph: public entry point of the network engine — building graphs (./build), generators
// (./generators), similarity graphs (./similarity), networkx-compatible metrics (./metrics),
// the Clauset–Shalizi–Newman 2009 power-law fit (./powerlaw) and experiments (./experiments).

export { BUILD_DEFAULTS, buildGraph, emptyGraph, parseEdgeList, toCsr } from './build';
export type {
  BuildOptions,
  Csr,
  EdgeAttributes,
  EdgeInput,
  EdgeListInput,
  NodeAttributes,
  NodeId,
  ParsedEdgeList,
  QuireGraph,
} from './build';
export {
  barabasiAlbert,
  erdosRenyiGnm,
  erdosRenyiGnp,
  karateClub,
  stochasticBlockModel,
  wattsStrogatz,
} from './generators';
export type {
  BarabasiAlbertParams,
  GnmParams,
  GnpParams,
  SbmParams,
  WattsStrogatzParams,
} from './generators';
export {
  computeMetrics,
  coreNumbers,
  METRIC_DEFAULTS,
  degreeAssortativity,
  eigenvectorCentrality,
  louvainCommunities,
  METRIC_GROUPS,
  modularity,
} from './metrics';
export type { Communities, GraphMetrics, MetricGroup, MetricsOptions, NodeValues } from './metrics';
export {
  discreteAlphaMle,
  discreteKs,
  fitPowerLaw,
  hurwitzZeta,
  POWERLAW_DEFAULTS,
} from './powerlaw';
export type { PowerLawCandidate, PowerLawFit, PowerLawOptions } from './powerlaw';
export { createRng } from './rng';
export type { Rng } from './rng';
export { COOCCURRENCE_DEFAULTS, cooccurrenceGraph, KNN_DEFAULTS, knnGraph } from './similarity';
export type { CooccurrenceOptions, KnnInput, KnnOptions } from './similarity';
export {
  giantComponentSize,
  giantComponentSweep,
  giantFractionTheory,
  robustnessSweep,
} from './experiments';
export type {
  ExperimentContext,
  ExperimentProgress,
  GiantComponentParams,
  RobustnessParams,
  Table,
} from './experiments';
