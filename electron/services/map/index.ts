// The map feature's handlers for the composition root: wires MapService to the paper store and the
// embedding service (vectors, embedded ids, phrase embeddings for labels); the service itself answers
// the library and search `cluster` filter, and the configured LLM names clusters.
import type { Handlers } from '@shared/api/contract';
import type { MapMethodName } from '@shared/api/map-contract';
import type { EmbeddingService } from '../embedding/embedding-service';
import type { PaperStore } from '../library/store';
import type { OpenGenerator } from '../tagging/llm/generate';
import { MapService } from './map-service';

export function createMapHandlers(deps: {
  libraryDir: string;
  store: PaperStore;
  embeddings: EmbeddingService;
  /** The configured LLM (tagging's settings) for cluster names. */
  generator: () => OpenGenerator;
}): { handlers: Pick<Handlers, MapMethodName>; service: MapService } {
  const { store, embeddings } = deps;
  const service = new MapService({
    libraryDir: deps.libraryDir,
    papers: store,
    vectors: () => embeddings.allVectors(),
    embeddedIds: async () => new Set((await embeddings.forSearch()).vectors.ids()),
    activeModel: () => embeddings.activeModel,
    embedPhrase: async (text) => (await embeddings.forSearch()).embedQuery(text),
    generator: deps.generator,
  });
  const handlers: Pick<Handlers, MapMethodName> = {
    'map:compute': (input, ctx) => service.compute(input, ctx),
    'map:get': () => service.get(),
    'map:renameCluster': ({ clusterId, label }) => service.rename(clusterId, label),
    'map:nameClusters': ({ clusterIds }, ctx) => service.nameClusters(clusterIds, ctx),
    'map:mergeClusters': ({ into, from }) => service.merge(into, from),
  };
  return { handlers, service };
}
