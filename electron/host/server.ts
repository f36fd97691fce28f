// Browser mode: the renderer and the API over HTTP on 127.0.0.1 only. Every API call needs the
// per-run token (Authorization: Bearer …), as Jupyter does; long jobs stream server-sent events and
// are cancelled when the client goes away.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contract, isMethodName } from '@shared/api/contract';
import type { Dispatch } from '@shared/api/dispatcher';
import type { Envelope, ErrorInfo } from '@shared/api/errors';
import { MAX_IMPORT_BYTES } from '@shared/api/schemas';

export type ServerOptions = {
  dispatch: Dispatch;
  /** Built renderer (out/renderer); null serves the API only. */
  staticDir: string | null;
  port?: number;
  token?: string;
};

export type RunningServer = { url: string; port: number; token: string; close(): Promise<void> };

/** Base64 of the largest import plus room for the JSON around it. */
const MAX_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}

const fail = (code: ErrorInfo['code'], message: string): Envelope<never> => ({
  ok: false,
  error: { code, message },
});

function tokenMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request the server refuses with a 4xx status and a clear message (never a crash, never a 500). */
class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  // A declared length over the limit is refused before waiting for bytes that may never come.
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
    throw new BadRequest(413, `The request body is over ${MAX_BODY_BYTES} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new BadRequest(413, `The request body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request target's path, or BadRequest: Node passes absolute-form targets (`GET http://…/`) through unchecked. */
function requestPath(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    throw new BadRequest(400, 'The request target is not a valid URL.');
  }
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new BadRequest(
      400,
      `The path has a malformed %-escape: ${JSON.stringify(part.slice(0, 200))}.`,
    );
  }
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  opts: Required<Pick<ServerOptions, 'dispatch'>>,
): Promise<void> {
  if (req.method !== 'POST')
    return sendJson(res, 405, fail('invalid_input', 'API calls are POST requests.'));
  // Unknown methods are a missing resource (404), answered before the body is read.
  if (!isMethodName(method))
    return sendJson(res, 404, fail('not_found', `Unknown method "${method}".`));
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.trim() ? JSON.parse(body) : {};
  } catch (err) {
    if (err instanceof BadRequest) throw err;
    return sendJson(
      res,
      400,
      fail('invalid_input', `The request body is not valid JSON: ${(err as Error).message}`),
    );
  }
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) abort.abort();
  });
  const wantsStream =
    contract[method].job && (req.headers.accept ?? '').includes('text/event-stream');
  if (!wantsStream) {
    const env = await opts.dispatch(method, input, { signal: abort.signal, caller: 'remote' });
    if (!res.writableEnded && !res.destroyed) sendJson(res, 200, env);
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': started\n\n');
  const env = await opts.dispatch(method, input, {
    signal: abort.signal,
    caller: 'remote',
    onProgress: (p) => {
      if (!res.writableEnded) res.write(`event: progress\ndata: ${JSON.stringify(p)}\n\n`);
    },
  });
  if (!res.writableEnded && !res.destroyed)
    res.end(`event: result\ndata: ${JSON.stringify(env)}\n\n`);
}

async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const rel = normalize(decodePathPart(pathname)).replace(/^([/\\])+/, '');
  let file = resolve(root, rel);
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  let info = await stat(file).catch(() => null);
  // Client-side routes fall back to the app shell.
  if (!info?.isFile()) {
    file = join(root, 'index.html');
    info = await stat(file).catch(() => null);
    if (!info) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('The renderer is not built: run `npm run build`.');
      return;
    }
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') res.end();
  // A file removed between stat and read must end this response, not raise an unhandled error.
  else
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = opts.staticDir ? resolve(opts.staticDir) : null;
  let port = 0;
  const route = (req: IncomingMessage, res: ServerResponse): Promise<void> | void => {
    const pathname = requestPath(req);
    // DNS-rebinding guard: only our own host names may talk to us.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden host.');
      return;
    }
    if (pathname.startsWith('/api/')) {
      if (!tokenMatches(req, token)) {
        sendJson(
          res,
          401,
          fail(
            'unauthorized',
            'Missing or wrong access token: open the URL that `quire serve` printed.',
          ),
        );
        return;
      }
      const origin = req.headers.origin;
      if (
        origin &&
        origin !== `http://127.0.0.1:${port}` &&
        origin !== `http://localhost:${port}`
      ) {
        sendJson(res, 403, fail('unauthorized', `Cross-origin calls are refused (${origin}).`));
        return;
      }
      const m = /^\/api\/call\/([^/]+)$/.exec(pathname);
      if (!m) return sendJson(res, 404, fail('not_found', `No API route ${pathname}.`));
      return handleApi(req, res, decodePathPart(m[1]!), opts);
    }
    if (!root) {
      res.writeHead(404).end();
      return;
    }
    return serveStatic(req, res, root, pathname);
  };
  // One bad request must never take the process down: refusals answer 4xx, bugs answer 500.
  const answerError = (res: ServerResponse, err: unknown): void => {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    if (err instanceof BadRequest) sendJson(res, err.status, fail('invalid_input', err.message));
    else sendJson(res, 500, fail('internal', String(err)));
  };
  const server = createServer((req, res) => {
    try {
      const pending = route(req, res);
      if (pending) pending.catch((err: unknown) => answerError(res, err));
    } catch (err) {
      answerError(res, err);
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
