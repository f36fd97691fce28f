// LLM provider settings of a library (the `llm` key of settings.json): defaults, validation of the
// server URL, and the rule that a server off this machine is used only when the user allowed it.
import { QuireError } from '@shared/api/errors';
import type { LlmSettings } from '@shared/api/tagging-contract';

export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  baseUrl: '',
  model: '',
  embeddingModel: '',
  allowRemote: false,
  timeoutSeconds: 60,
  provider: 'openai-compatible',
  localModel: '',
};

/** What settings.json may hold under `llm`: anything missing or of the wrong type takes its default. */
export function readLlmSettings(raw: unknown): LlmSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (k: keyof LlmSettings) =>
    typeof r[k] === 'string' ? (r[k] as string) : (DEFAULT_LLM_SETTINGS[k] as string);
  const timeout = r.timeoutSeconds;
  return {
    baseUrl: str('baseUrl'),
    model: str('model'),
    embeddingModel: str('embeddingModel'),
    allowRemote: r.allowRemote === true,
    timeoutSeconds:
      typeof timeout === 'number' && Number.isInteger(timeout) && timeout >= 1 && timeout <= 600
        ? timeout
        : DEFAULT_LLM_SETTINGS.timeoutSeconds,
    provider: r.provider === 'transformers' ? 'transformers' : 'openai-compatible',
    localModel: str('localModel'),
  };
}

/**
 * Normalises a server URL to the OpenAI base (`…/v1`, no trailing slash): `http://127.0.0.1:11434`
 * and `http://127.0.0.1:11434/v1/` both become `http://127.0.0.1:11434/v1`. '' stays '' (no server).
 */
export function normaliseBaseUrl(raw: string): string {
  const text = raw.trim();
  if (text === '') return '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new QuireError(
      'invalid_input',
      `"${text}" is not a server URL; it looks like http://127.0.0.1:11434/v1 (Ollama) or http://localhost:1234/v1 (LM Studio).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new QuireError(
      'invalid_input',
      `The LLM server URL must start with http:// or https:// (got ${url.protocol}).`,
    );
  if (url.username || url.password)
    throw new QuireError(
      'invalid_input',
      'Put no user name or password in the LLM server URL: it is stored in plain text in settings.json.',
    );
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/+$/, '');
  if (!/\/v1$/.test(path)) path = `${path}/v1`;
  url.pathname = path;
  return url.toString().replace(/\/+$/, '');
}

/** Is the host this machine (so requests never leave it)? */
export function isLoopbackUrl(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  // 127.0.0.0/8 is all loopback.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Throws unless the settings name a server, and one the user allowed when it is not on this machine. */
export function assertServerUsable(s: Pick<LlmSettings, 'baseUrl' | 'allowRemote'>): void {
  if (!s.baseUrl)
    throw new QuireError(
      'invalid_input',
      'No LLM server is set. Set one in Settings or with: quire llm set --url http://127.0.0.1:11434/v1 --model NAME',
    );
  if (!isLoopbackUrl(s.baseUrl) && !s.allowRemote)
    throw new QuireError(
      'invalid_input',
      `The LLM server ${new URL(s.baseUrl).host} is not on this machine: paper titles and abstracts would leave it. Allow it explicitly in Settings, or with: quire llm set --url ${s.baseUrl} --allow-remote`,
    );
}

/** Applies a patch from `llm:set`; a new URL that leaves the machine needs `allowRemote` in the same call or already set. */
export function mergeLlmSettings(current: LlmSettings, patch: Partial<LlmSettings>): LlmSettings {
  const next: LlmSettings = { ...current };
  if (patch.baseUrl !== undefined) {
    const url = normaliseBaseUrl(patch.baseUrl);
    // Allowing a remote host is a decision about one host: a new URL asks again.
    if (url !== current.baseUrl && patch.allowRemote === undefined) next.allowRemote = false;
    next.baseUrl = url;
  }
  if (patch.model !== undefined) next.model = patch.model.trim();
  if (patch.embeddingModel !== undefined) next.embeddingModel = patch.embeddingModel.trim();
  if (patch.allowRemote !== undefined) next.allowRemote = patch.allowRemote;
  if (patch.timeoutSeconds !== undefined) next.timeoutSeconds = patch.timeoutSeconds;
  if (patch.provider !== undefined) next.provider = patch.provider;
  if (patch.localModel !== undefined) next.localModel = patch.localModel.trim();
  if (next.baseUrl && !isLoopbackUrl(next.baseUrl) && !next.allowRemote)
    throw new QuireError(
      'invalid_input',
      `${new URL(next.baseUrl).host} is not on this machine: paper titles and abstracts would be sent to it. Confirm by allowing remote servers (Settings asks; the CLI needs --allow-remote).`,
    );
  return next;
}
