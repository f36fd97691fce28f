// A small client for local OpenAI-compatible servers (Ollama, LM Studio, llama.cpp server, vLLM):
// `/models`, `/chat/completions` and `/embeddings` over Node's fetch, each request bounded by a
// timeout (which also covers a body that never ends) and a byte cap, every failure a clear message.
import { QuireError } from '@shared/api/errors';

/** Why a request failed; the tagger decides per kind whether to go on with the next paper. */
export type ServerFailure =
  | 'down' // connection refused, unknown host…: no request will succeed
  | 'timeout' // no complete answer in time (slow server, endless stream)
  | 'too_large' // the body passed the byte cap
  | 'http' // a non-2xx status
  | 'bad_body'; // 2xx, but not the JSON the API promises

export class LlmServerError extends QuireError {
  constructor(
    readonly kind: ServerFailure,
    message: string,
    readonly status?: number,
  ) {
    super('unavailable', message, status === undefined ? { kind } : { kind, status });
    this.name = 'LlmServerError';
  }
}

export type OpenAiClientOptions = {
  /** e.g. http://127.0.0.1:11434/v1 (normalised: no trailing slash). */
  baseUrl: string;
  /** Whole request, headers and body. */
  timeoutMs: number;
  /** Bytes of a response body before it is abandoned (default 4 MB). */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
};

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export type ChatRequest = {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
  response_format?: Record<string, unknown>;
};

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** The reason in a Node fetch failure (`TypeError: fetch failed` with a `cause`). */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? '';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was reset';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  return cause?.message ?? (err as Error)?.message ?? String(err);
}

/** The message a server put in an error body (OpenAI: `{error:{message}}`; others: `{error:"…"}`). */
function serverMessage(text: string): string {
  let msg = text;
  try {
    const j = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
    const e = j.error;
    if (typeof e === 'string') msg = e;
    else if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
      msg = (e as { message: string }).message;
    else if (typeof j.message === 'string') msg = j.message;
    else if (typeof j.detail === 'string') msg = j.detail;
  } catch {
    // not JSON: the text itself
  }
  msg = msg.replace(/\s+/g, ' ').trim();
  return msg.length > 300 ? `${msg.slice(0, 300)}…` : msg;
}

export class OpenAiClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly fetch: typeof fetch;

  constructor(opts: OpenAiClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs;
    this.maxBytes = opts.maxResponseBytes ?? DEFAULT_MAX_BYTES;
    this.fetch = opts.fetch ?? fetch;
  }

  /** Model names the server offers. */
  async models(signal?: AbortSignal): Promise<string[]> {
    const body = (await this.request('GET', '/models', undefined, signal)) as {
      data?: { id?: unknown }[];
      models?: { name?: unknown }[];
    };
    const ids = Array.isArray(body?.data)
      ? body.data.map((m) => m?.id)
      : Array.isArray(body?.models)
        ? body.models.map((m) => m?.name)
        : null;
    if (!ids)
      throw new LlmServerError(
        'bad_body',
        `${this.baseUrl}/models did not answer with a model list (is this an OpenAI-compatible server?).`,
      );
    return ids.filter((id): id is string => typeof id === 'string');
  }

  /** The assistant's text of one chat completion. */
  async chat(req: ChatRequest, signal?: AbortSignal): Promise<string> {
    const body = (await this.request('POST', '/chat/completions', req, signal)) as {
      choices?: { message?: { content?: unknown } }[];
    };
    const content = body?.choices?.[0]?.message?.content;
    if (typeof content !== 'string')
      throw new LlmServerError(
        'bad_body',
        `The LLM server's answer had no message text (choices[0].message.content).`,
      );
    return content;
  }

  /** One vector per text, in order. */
  async embeddings(model: string, texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const body = (await this.request('POST', '/embeddings', { model, input: texts }, signal)) as {
      data?: { index?: unknown; embedding?: unknown }[];
    };
    const data = body?.data;
    if (!Array.isArray(data) || data.length !== texts.length)
      throw new LlmServerError(
        'bad_body',
        `The server's /embeddings answer had ${Array.isArray(data) ? data.length : 'no'} vectors for ${texts.length} texts.`,
      );
    const out: number[][] = new Array(texts.length);
    data.forEach((d, i) => {
      const at = typeof d?.index === 'number' ? d.index : i;
      const v = d?.embedding;
      if (
        !Number.isInteger(at) ||
        at < 0 ||
        at >= texts.length ||
        !Array.isArray(v) ||
        v.length === 0 ||
        !v.every((x) => typeof x === 'number' && Number.isFinite(x))
      )
        throw new LlmServerError(
          'bad_body',
          `The server's /embeddings answer has an invalid vector at position ${i} (base64 encoding is not supported; expected an array of numbers).`,
        );
      out[at] = v as number[];
    });
    const dims = out[0]?.length ?? 0;
    if (out.some((v) => !v || v.length !== dims))
      throw new LlmServerError(
        'bad_body',
        `The server's /embeddings answer mixes vector lengths or skips an index.`,
      );
    return out;
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    json: unknown,
    outer?: AbortSignal,
  ): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    const seconds = Math.round(this.timeoutMs / 100) / 10;
    const fail = (err: unknown): never => {
      if (outer?.aborted) throw new QuireError('cancelled', 'Cancelled.');
      if (timeout.aborted)
        throw new LlmServerError(
          'timeout',
          `The LLM server at ${this.baseUrl} gave no complete answer within ${seconds} s (raise the timeout with quire llm set --timeout S, or use a smaller model).`,
        );
      if (err instanceof QuireError) throw err;
      throw new LlmServerError(
        'down',
        `Cannot reach the LLM server at ${this.baseUrl}: ${networkReason(err)}. Is it running (Ollama: \`ollama serve\`; LM Studio: start the local server)?`,
      );
    };

    let res: Response;
    try {
      res = await this.fetch(url, {
        method,
        signal,
        headers: json === undefined ? {} : { 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
    } catch (err) {
      return fail(err);
    }
    let text: string;
    try {
      text = await this.readCapped(res);
    } catch (err) {
      return fail(err);
    }
    if (!res.ok) {
      const why = serverMessage(text);
      throw new LlmServerError(
        'http',
        `The LLM server answered HTTP ${res.status} to ${method} ${path}${why ? `: ${why}` : ''}.`,
        res.status,
      );
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new LlmServerError(
        'bad_body',
        `The LLM server's answer to ${path} is not JSON (is ${this.baseUrl} an OpenAI-compatible API?).`,
      );
    }
  }

  /** The body as text, refused once it passes the byte cap (a server streaming forever, or a huge page). */
  private async readCapped(res: Response): Promise<string> {
    if (!res.body) return '';
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new LlmServerError(
          'too_large',
          `The LLM server at ${this.baseUrl} sent more than ${Math.round(this.maxBytes / 1024)} KB in one answer; it was abandoned.`,
        );
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}
