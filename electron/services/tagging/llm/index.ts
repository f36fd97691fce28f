// The LLM tagger factory: turns a library's LLM settings into a Tagger (the OpenAI-compatible server
// or a transformers.js yes/no scorer), or null when no LLM is set up. The tagging service takes the
// result as its `llmTagger`.
import { QuireError } from '@shared/api/errors';
import type { LlmSettings } from '@shared/api/tagging-contract';
import type { Tagger } from '../tagger';
import { assertServerUsable } from './llm-settings';
import { OpenAiClient } from './openai-client';
import { OpenAiTagger } from './openai-tagger';
import { YesNoTagger, type YesNoModel } from './yes-no-tagger';

export type LlmTaggerDeps = {
  /** Finds a model manager model for the transformers.js provider (ModelStore.locate). */
  locateModel?: (id: string) => YesNoModel | Promise<YesNoModel>;
  /** Another fetch (e.g. Electron's net.fetch). */
  fetch?: typeof fetch;
  /** Byte cap of one server answer (default 4 MB). */
  maxResponseBytes?: number;
};

/** A tagger whose every run fails with the same message (settings that cannot work). */
function refusing(message: string): Tagger {
  return {
    name: 'llm',
    run: async () => {
      throw new QuireError('invalid_input', message);
    },
  };
}

/**
 * The `llm` tagger for these settings; null when none is configured (no server URL or model, or no
 * local model for the transformers provider). Settings that cannot be used as they are (a remote
 * server that was not allowed) give a tagger that refuses to run, with the reason.
 */
export function createLlmTagger(settings: LlmSettings, deps: LlmTaggerDeps = {}): Tagger | null {
  if (settings.provider === 'transformers') {
    if (!settings.localModel) return null;
    if (!deps.locateModel)
      return refusing('The transformers.js LLM provider needs the model manager (locateModel).');
    return new YesNoTagger(settings.localModel, deps.locateModel);
  }
  if (!settings.baseUrl || !settings.model) return null;
  try {
    assertServerUsable(settings);
  } catch (err) {
    return refusing((err as Error).message);
  }
  const client = new OpenAiClient({
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutSeconds * 1000,
    maxResponseBytes: deps.maxResponseBytes,
    fetch: deps.fetch,
  });
  return new OpenAiTagger(client, settings.model);
}

export { DEFAULT_LLM_SETTINGS } from './llm-settings';
