// A local stand-in for an OpenAI-compatible LLM server (no Ollama or model weights on test machines):
// real HTTP on 127.0.0.1 serving /v1/models, /v1/chat/completions and /v1/embeddings. By default it
// answers like a well-behaved model (tags whose names occur in the paper, hashed bag-of-words
// vectors); scripted replies break it on purpose: code fences, foreign tags, malformed JSON, HTTP
// 400 for an unsupported response_format, HTTP 500, a body that never ends, a flood of bytes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One scripted answer, used by the next request of its kind instead of the default. */
export type ScriptedReply =
  /** The default answer (lets a script break the second request but not the first). */
  | { pass: true }
  /** 200 with this as the assistant's message text. */
  | { content: string }
  /** This status with this body (JSON text or plain). */
  | { status: number; body?: string }
  /** Headers, then a space every few ms, forever (until the client goes away). */
  | { endless: true }
  /** Headers, then this many bytes as fast as the client reads. */
  | { flood: number };

export type FakeLlmOptions = {
  models?: string[];
  /** Models that answer /v1/embeddings (others get 404). */
  embeddingModels?: string[];
  /** Dimensions of the hashed vectors. */
  dims?: number;
  /** false: a request with response_format json_schema gets 400, as on older servers. */
  jsonSchema?: boolean;
  /** false: response_format json_object gets 400 too. */
  jsonObject?: boolean;
};

export type LoggedRequest = { method: string; path: string; body: unknown };

export type FakeLlmServer = {
  /** Base URL with /v1, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  requests: LoggedRequest[];
  options: FakeLlmOptions;
  /** Queues replies for chat completions, used in order before the default answers. */
  scriptChat(...replies: ScriptedReply[]): void;
  scriptEmbeddings(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
};

type Body = {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type?: string; json_schema?: { schema?: unknown } };
  input?: unknown;
};

/** The candidates a request asks about: the schema's enum, or the prompt's "- name: description" lines. */
export function candidatesOf(body: Body): string[] {
  const schema = body.response_format?.json_schema?.schema as
    | { properties?: { tags?: { items?: { properties?: { tag?: { enum?: string[] } } } } } }
    | undefined;
  const e = schema?.properties?.tags?.items?.properties?.tag?.enum;
  if (Array.isArray(e)) return e;
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  const block = /Candidate tags:\n([\s\S]*?)\n\n/.exec(user)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => /^- ([^:]+)/.exec(l)?.[1]?.trim())
    .filter((n): n is string => !!n);
}

/** What a sensible model would answer: the candidates whose name occurs in the paper's text. */
export function defaultTagAnswer(body: Body): string {
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  const paper = (user.split('Paper title:')[1] ?? '').toLowerCase();
  const tags = candidatesOf(body)
    .filter((name) => paper.includes(name.toLowerCase().replace(/-/g, ' ')))
    .map((tag) => ({ tag, reason: `The paper mentions ${tag.replace(/-/g, ' ')}.` }));
  return JSON.stringify({ tags });
}

/** A deterministic embedding: words hashed into `dims` buckets, L2-normalised. */
export function hashedVector(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619) >>> 0;
    v[h % dims]! += 1;
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        resolve(text);
      }
    });
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function endless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"choices": [');
  const t = setInterval(() => {
    if (res.destroyed) clearInterval(t);
    else res.write(' ');
  }, 20);
  res.on('close', () => clearInterval(t));
}

function flood(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let left = bytes;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const n = Math.min(left, chunk.length);
      left -= n;
      if (!res.write(chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** Sends a scripted reply; `content` is wrapped as a chat completion. */
function sendScripted(
  res: ServerResponse,
  r: Exclude<ScriptedReply, { pass: true }>,
  model: string,
): void {
  if ('content' in r) return json(res, 200, completion(model, r.content));
  if ('status' in r) {
    res.writeHead(r.status, { 'content-type': 'application/json' });
    return void res.end(r.body ?? '');
  }
  if ('endless' in r) return endless(res);
  return flood(res, r.flood);
}

function completion(model: string, content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  };
}

export async function startFakeLlmServer(options: FakeLlmOptions = {}): Promise<FakeLlmServer> {
  const opts: FakeLlmOptions = {
    models: ['tiny-chat'],
    embeddingModels: ['tiny-embed'],
    dims: 16,
    jsonSchema: true,
    jsonObject: true,
    ...options,
  };
  const requests: LoggedRequest[] = [];
  const chatScript: ScriptedReply[] = [];
  const embedScript: ScriptedReply[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      const body = (await readBody(req)) as Body;
      requests.push({ method: req.method ?? 'GET', path, body });
      if (req.method === 'GET' && path === '/v1/models')
        return json(res, 200, {
          object: 'list',
          data: [...(opts.models ?? []), ...(opts.embeddingModels ?? [])].map((id) => ({
            id,
            object: 'model',
          })),
        });
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        const type = body?.response_format?.type;
        if (
          (type === 'json_schema' && !opts.jsonSchema) ||
          (type === 'json_object' && !opts.jsonObject)
        )
          return json(res, 400, {
            error: {
              message: `response_format type '${type}' is not supported`,
              type: 'invalid_request_error',
            },
          });
        const model = body?.model ?? '';
        const scripted = chatScript.shift();
        if (scripted && !('pass' in scripted)) return sendScripted(res, scripted, model);
        if (!opts.models?.includes(model))
          return json(res, 404, { error: { message: `model '${model}' not found` } });
        return json(res, 200, completion(model, defaultTagAnswer(body)));
      }
      if (req.method === 'POST' && path === '/v1/embeddings') {
        const scripted = embedScript.shift();
        if (scripted && !('pass' in scripted))
          return sendScripted(res, scripted, body?.model ?? '');
        const model = body?.model ?? '';
        if (!opts.embeddingModels?.includes(model))
          return json(res, 404, { error: `model "${model}" not found, try pulling it first` });
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
        return json(res, 200, {
          object: 'list',
          model,
          data: input.map((t, index) => ({
            object: 'embedding',
            index,
            embedding: hashedVector(t, opts.dims ?? 16),
          })),
        });
      }
      json(res, 404, { error: { message: `no route ${req.method} ${path}` } });
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    options: opts,
    scriptChat: (...r) => void chatScript.push(...r),
    scriptEmbeddings: (...r) => void embedScript.push(...r),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port taken and released), for "server down". */
export async function closedPortUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}/v1`;
}
