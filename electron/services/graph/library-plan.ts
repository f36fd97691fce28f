// `graph:libraryPlan`: what a library graph with a given setting is expected to cost, from the number
// of embedded papers and the measured cost model (shared/graph/cost.ts), and a cheaper setting when
// it is slow — so the graph cell can warn before it starts instead of showing "Computing…" for minutes.
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { LibraryGraphPlan } from '../../../shared/api/graph-contract';
import type { EmbeddingStatus } from '../../../shared/api/schemas';
import {
  cheaperLibraryGraph,
  estimateLibraryGraph,
  SLOW_GRAPH_SECONDS,
} from '../../../shared/graph/cost';

export function libraryGraphPlan(
  status: Pick<EmbeddingStatus, 'embedded' | 'dims'>,
  input: ParsedInputOf<'graph:libraryPlan'>,
): LibraryGraphPlan {
  const papers = status.embedded;
  const nodes = input.sample === undefined ? papers : Math.min(papers, input.sample);
  const setting = { papers: nodes, dims: status.dims, k: input.k, metrics: input.metrics };
  const { seconds } = estimateLibraryGraph(setting);
  return {
    papers,
    nodes,
    seconds,
    slow: seconds > SLOW_GRAPH_SECONDS,
    cheaper: cheaperLibraryGraph(setting),
  };
}
