// Embeddings from an OpenAI-compatible server (`/v1/embeddings` of Ollama, LM Studio, llama.cpp,
// vLLM, text-embeddings-inference): the second implementation behind Embedder, for `server:<name>`
// models. Batches texts, bounds each request by the settings' timeout, L2-normalises like the local
// pipeline does (search compares by cosine), and checks every batch has the dimension first seen.
import { QuireError } from '@shared/api/errors';
import { OpenAiClient } from '../tagging/llm/openai-client';
import type { RemoteEmbeddings } from './embedder';

/** Texts per request: servers batch internally; this bounds one request's size and time. */
export const SERVER_EMBED_BATCH = 32;
/** 32 vectors of 4096 floats as JSON text are ~3 MB; leave room. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Where and how long: read before every request, so changed settings apply at once. */
export type ServerEndpoint = { baseUrl: string; timeoutMs: number };

export type ServerEmbeddingsOptions = {
  /** A fixed endpoint, or a function that reads the current settings (and may refuse them). */
  endpoint: ServerEndpoint | (() => ServerEndpoint);
  /** The server's model name (without the `server:` prefix). */
  model: string;
  batchSize?: number;
  fetch?: typeof fetch;
};

export class ServerEmbeddings implements RemoteEmbeddings {
  private readonly batch: number;
  /** Set by the first answer; a later answer of another length is an error, not a silent mix. */
  dims: number | null = null;

  constructor(private readonly opts: ServerEmbeddingsOptions) {
    this.batch = Math.max(1, opts.batchSize ?? SERVER_EMBED_BATCH);
  }

  /** A client for the endpoint as the settings say now (the embedder outlives a settings change). */
  private client(): OpenAiClient {
    const e = this.opts.endpoint;
    return new OpenAiClient({
      ...(typeof e === 'function' ? e() : e),
      maxResponseBytes: MAX_RESPONSE_BYTES,
      fetch: this.opts.fetch,
    });
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batch) {
      if (signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
      // Some servers refuse an empty input string: embed a space instead, as the worker does.
      const part = texts.slice(i, i + this.batch).map((t) => (t.trim() ? t : ' '));
      const client = this.client();
      let vectors: number[][];
      try {
        vectors = await client.embeddings(this.opts.model, part, signal);
      } catch (err) {
        if (err instanceof QuireError && err.code === 'cancelled') throw err;
        throw new QuireError(
          'unavailable',
          `Embedding with server:${this.opts.model} failed: ${(err as Error).message}`,
        );
      }
      for (const v of vectors) {
        this.dims ??= v.length;
        if (v.length !== this.dims)
          throw new QuireError(
            'unavailable',
            `The server's ${this.opts.model} answered ${v.length}-d vectors after ${this.dims}-d ones; was the model changed on the server?`,
          );
        const f = Float32Array.from(v);
        let n = 0;
        for (const x of f) n += x * x;
        n = Math.sqrt(n);
        // A zero vector stays zero ("no meaning"), as in the local pipeline.
        if (n > 0) for (let j = 0; j < f.length; j++) f[j] = f[j]! / n;
        out.push(f);
      }
    }
    return out;
  }
}
