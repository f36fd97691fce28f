// Free text from the configured LLM provider, for features that want a few words rather than tags
// (the map's cluster names): the OpenAI-compatible server's chat completion, or greedy generation by
// the transformers.js decoder in the process's onnxruntime worker. Same settings as the LLM tagger.
import { QuireError } from '@shared/api/errors';
import type { LlmSettings } from '@shared/api/tagging-contract';
import { requestWorker } from '../../embedding/embedder';
import type { LlmTaggerDeps } from './index';
import { assertServerUsable } from './llm-settings';
import { OpenAiClient } from './openai-client';

export type GenerateRequest = {
  /** The instruction (a chat model's system message; prepended for a plain decoder). */
  system: string;
  user: string;
  maxTokens: number;
};

export type TextGenerator = {
  /** Provenance: `transformers:<id>` or `<server model> @ <host>`. */
  readonly model: string;
  generate(req: GenerateRequest, signal?: AbortSignal): Promise<string>;
};

let nextKey = 0;

/** The decoder in the worker: loaded on first use, unloaded by `close`. */
class LocalGenerator implements TextGenerator {
  readonly model: string;
  private readonly key = `gen${nextKey++}`;
  private loaded: Promise<Record<string, unknown>> | null = null;

  constructor(
    private readonly modelId: string,
    private readonly locate: NonNullable<LlmTaggerDeps['locateModel']>,
  ) {
    this.model = `transformers:${modelId}`;
  }

  private spec(): Promise<Record<string, unknown>> {
    this.loaded ??= (async () => {
      const m = await this.locate(this.modelId);
      const spec = {
        key: this.key,
        localModelPath: m.localModelPath,
        modelId: m.id,
        dtype: m.dtype,
      };
      try {
        await requestWorker({ type: 'lm-load', ...spec });
      } catch (err) {
        throw new QuireError(
          'unavailable',
          `Cannot load the text-generation model ${this.modelId}: ${(err as Error).message}.`,
        );
      }
      return spec;
    })();
    return this.loaded;
  }

  async generate(req: GenerateRequest, signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
    const spec = await this.spec();
    const prompt = `${req.system}\n\n${req.user}`;
    try {
      const r = await requestWorker({
        type: 'generate',
        ...spec,
        prompt,
        maxNewTokens: req.maxTokens,
      });
      return r.text ?? '';
    } catch (err) {
      throw new QuireError(
        'internal',
        `Generating with ${this.modelId} failed: ${(err as Error).message}`,
      );
    }
  }

  async close(): Promise<void> {
    if (!this.loaded) return;
    this.loaded = null;
    await requestWorker({ type: 'lm-unload', key: this.key }).catch(() => undefined);
  }
}

class ServerGenerator implements TextGenerator {
  readonly model: string;
  constructor(
    private readonly client: OpenAiClient,
    private readonly modelName: string,
    host: string,
  ) {
    this.model = `${modelName} @ ${host}`;
  }

  generate(req: GenerateRequest, signal?: AbortSignal): Promise<string> {
    return this.client.chat(
      {
        model: this.modelName,
        temperature: 0,
        max_tokens: req.maxTokens,
        messages: [
          { role: 'system', content: req.system },
          { role: 'user', content: req.user },
        ],
      },
      signal,
    );
  }
}

/** A generator that must be closed after use (the local decoder holds memory in the worker). */
export type OpenGenerator = TextGenerator & { close(): Promise<void> };

/**
 * The text generator of these settings; throws a clear `invalid_input` when none is configured or
 * the configured server may not be used (the message says how to set one up).
 */
export function createTextGenerator(
  settings: LlmSettings,
  deps: LlmTaggerDeps = {},
): OpenGenerator {
  if (settings.provider === 'transformers') {
    if (!settings.localModel)
      throw new QuireError(
        'invalid_input',
        'No LLM is configured: set a transformers.js text-generation model (quire llm set --provider transformers --local-model ID) or a server (quire llm set --url http://127.0.0.1:11434/v1 --model NAME).',
      );
    if (!deps.locateModel)
      throw new QuireError('unavailable', 'The model manager is not available here.');
    return new LocalGenerator(settings.localModel, deps.locateModel);
  }
  if (!settings.baseUrl || !settings.model)
    throw new QuireError(
      'invalid_input',
      'No LLM is configured: set a server (quire llm set --url http://127.0.0.1:11434/v1 --model NAME) or a transformers.js text-generation model (quire llm set --provider transformers --local-model ID).',
    );
  assertServerUsable(settings);
  const client = new OpenAiClient({
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutSeconds * 1000,
    maxResponseBytes: deps.maxResponseBytes,
    fetch: deps.fetch,
  });
  const server = new ServerGenerator(client, settings.model, new URL(settings.baseUrl).host);
  return Object.assign(server, { close: async () => undefined });
}
