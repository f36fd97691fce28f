// The `llm:*` methods: a library's LLM provider settings (kept in settings.json), a check that the
// configured server answers, and the `llm` tagger those settings make.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LlmSettings } from '@shared/api/tagging-contract';
import type { SettingsStore } from '../../settings/settings-store';
import type { Tagger } from '../tagger';
import { createTextGenerator, type OpenGenerator } from './generate';
import { createLlmTagger, type LlmTaggerDeps } from './index';
import { assertServerUsable, mergeLlmSettings, readLlmSettings } from './llm-settings';
import { LlmServerError, OpenAiClient } from './openai-client';

export type LlmCheck = { ok: boolean; models: string[]; message: string };

/** `llm:check` waits at most this long, whatever the tagging timeout: it only lists models. */
const CHECK_TIMEOUT_MS = 10_000;

export class LlmService {
  constructor(
    private readonly settings: SettingsStore,
    private readonly deps: LlmTaggerDeps = {},
  ) {}

  get(): LlmSettings {
    return readLlmSettings(this.settings.get().llm);
  }

  async set(patch: Partial<LlmSettings>): Promise<LlmSettings> {
    const next = mergeLlmSettings(this.get(), patch);
    await this.settings.set({ llm: next });
    return next;
  }

  /** The `llm` tagger for the current settings, or null when none is set up. */
  tagger(): Tagger | null {
    return createLlmTagger(this.get(), this.deps);
  }

  /** Free-text generation with the current settings; throws a clear error when no LLM is set up. */
  generator(): OpenGenerator {
    return createTextGenerator(this.get(), this.deps);
  }

  /** Lists the server's models; never throws for server trouble, the message says what is wrong. */
  async check(signal?: AbortSignal): Promise<LlmCheck> {
    const s = this.get();
    if (s.provider === 'transformers') return this.checkLocal(s);
    try {
      assertServerUsable(s);
    } catch (err) {
      return { ok: false, models: [], message: (err as Error).message };
    }
    const client = new OpenAiClient({
      baseUrl: s.baseUrl,
      timeoutMs: Math.min(CHECK_TIMEOUT_MS, s.timeoutSeconds * 1000),
      fetch: this.deps.fetch,
    });
    let models: string[];
    try {
      models = await client.models(signal);
    } catch (err) {
      if (err instanceof LlmServerError) return { ok: false, models: [], message: err.message };
      throw err;
    }
    const missing = [s.model, s.embeddingModel].filter(
      (m) => m && !models.some((x) => x === m || x === `${m}:latest` || `${x}:latest` === m),
    );
    const list = models.length ? models.slice(0, 20).join(', ') : 'none';
    if (missing.length)
      return {
        ok: false,
        models,
        message: `${s.baseUrl} answers, but offers no model ${missing.join(' or ')} (it offers: ${list}). Pull or load it (Ollama: ollama pull ${missing[0]}), or set another with quire llm set --model NAME.`,
      };
    return {
      ok: true,
      models,
      message: `${s.baseUrl} answers with ${models.length} model(s)${s.model ? `, including ${s.model}` : ''}.`,
    };
  }

  /** The transformers.js provider: is its model installed? (Loading it is left to the first run.) */
  private async checkLocal(s: LlmSettings): Promise<LlmCheck> {
    if (!s.localModel)
      return {
        ok: false,
        models: [],
        message:
          'No transformers.js text-generation model is set: quire llm set --provider transformers --local-model ID',
      };
    if (!this.deps.locateModel)
      return { ok: false, models: [], message: 'The model manager is not available here.' };
    let architectures: string[];
    try {
      const m = await this.deps.locateModel(s.localModel);
      const config = JSON.parse(
        await readFile(join(m.localModelPath, ...m.id.split('/'), 'config.json'), 'utf8'),
      ) as { architectures?: unknown; model_type?: unknown };
      architectures = Array.isArray(config.architectures)
        ? config.architectures.filter((a): a is string => typeof a === 'string')
        : [];
    } catch (err) {
      return { ok: false, models: [], message: (err as Error).message };
    }
    if (!architectures.some((a) => /(ForCausalLM|LMHeadModel)$/.test(a)))
      return {
        ok: false,
        models: [],
        message: `${s.localModel} is not a text-generation model (architecture: ${architectures.join(', ') || 'unknown'}); pick an ONNX decoder (…ForCausalLM), e.g. an ONNX export of Qwen2.5-0.5B-Instruct.`,
      };
    return {
      ok: true,
      models: [s.localModel],
      message: `${s.localModel} is installed; it is loaded in the embedding worker on the first run.`,
    };
  }
}
