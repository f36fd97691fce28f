// Server models in the model manager: `server:<name>` is the embedding model of the configured
// OpenAI-compatible server (Settings → LLM, `quire llm set --embedding-model NAME`). Listing it costs
// no request; locating it asks the server once for a vector, to learn the dimension and prove it works.
import { QuireError } from '@shared/api/errors';
import type { LlmSettings } from '@shared/api/tagging-contract';
import type { EmbedderModel } from '../embedding/embedder';
import { ServerEmbeddings } from '../embedding/server-embedder';
import { assertServerUsable } from '../tagging/llm/llm-settings';
import type { InstalledModel } from './model-store';

export const SERVER_PREFIX = 'server:';

export const isServerModelId = (id: string): boolean => id.startsWith(SERVER_PREFIX);

export type ServerModelsOptions = {
  /** The library's current LLM settings (they may change between calls). */
  settings: () => LlmSettings;
  fetch?: typeof fetch;
};

export class ServerModels {
  /** Dimensions learnt by `locate`, for the listing. */
  private readonly dims = new Map<string, number>();

  constructor(private readonly opts: ServerModelsOptions) {}

  /** The configured embedding model, and the active one if it is another server model. */
  list(activeId?: string): InstalledModel[] {
    const s = this.opts.settings();
    const ids = new Set<string>();
    if (s.baseUrl && s.embeddingModel) ids.add(`${SERVER_PREFIX}${s.embeddingModel}`);
    if (activeId && isServerModelId(activeId)) ids.add(activeId);
    let host = s.baseUrl;
    try {
      host = new URL(s.baseUrl).host;
    } catch {
      // no server set: the active server model is listed as unreachable below
    }
    return [...ids].map((id) => ({
      id,
      source: 'server' as const,
      dims: this.dims.get(id) ?? 0,
      sizeBytes: 0,
      description: s.baseUrl
        ? `Embeddings from ${host} (${s.baseUrl}/embeddings): paper texts are sent to that server.`
        : 'Embeddings from an LLM server, but none is set now (quire llm set --url URL).',
    }));
  }

  /** An Embedder model for `server:<name>`, with its dimension from one probe request. */
  async locate(id: string, signal?: AbortSignal): Promise<EmbedderModel & { dims: number }> {
    const name = id.slice(SERVER_PREFIX.length).trim();
    if (!isServerModelId(id) || !name)
      throw new QuireError('invalid_input', `"${id}" is not a server model id (server:<name>).`);
    // Read per request: the loaded model is cached, and a new URL, timeout or a withdrawn remote
    // confirmation must apply to it at once.
    const endpoint = () => {
      const s = this.opts.settings();
      assertServerUsable(s);
      return { baseUrl: s.baseUrl, timeoutMs: s.timeoutSeconds * 1000 };
    };
    const remote = new ServerEmbeddings({ endpoint, model: name, fetch: this.opts.fetch });
    const [probe] = await remote.embed(['dimension probe'], signal);
    const dims = probe?.length ?? 0;
    if (dims === 0)
      throw new QuireError('unavailable', `The server's ${name} answered an empty vector.`);
    this.dims.set(id, dims);
    return { localModelPath: '', id, dtype: 'fp32', dims, remote };
  }
}
