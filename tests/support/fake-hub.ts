// A local stand-in for the Hugging Face hub (no hub is reachable from test machines): serves model
// folders over real HTTP on 127.0.0.1 with the hub's tree API and resolve URLs (Range, ETag), plus
// knobs to break transfers on purpose (cut connections, corrupt bytes, stall, gate, ignore Range).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, relative, sep } from 'node:path';

export type HubRequest = { method: string; path: string; range: string | null };

export type FakeHubKnobs = {
  /** Cut the connection after this many body bytes of the named file, `times` times (default 1). */
  failAfter?: { path: string; bytes: number; times?: number };
  /** Files whose served bytes differ from what the tree announces (one byte flipped). */
  corrupt?: Set<string>;
  /** Milliseconds to wait before answering any request. */
  delayMs?: number;
  /** Send file bodies in chunks of this size with `chunkDelayMs` between them (slow network). */
  chunkBytes?: number;
  chunkDelayMs?: number;
  /** Answer Range requests with the whole file and 200, as some servers and proxies do. */
  ignoreRange?: boolean;
  /** Model ids that answer 403 + X-Error-Code: GatedRepo. */
  gated?: Set<string>;
  /** Send the headers of file responses, then never send the body. */
  stallBodies?: boolean;
  /** Serve LFS files (*.onnx) via a 302 to /cdn/…, as the real hub does. */
  redirectLfs?: boolean;
};

export type FakeHub = {
  url: string;
  /** Every request, in order. */
  requests: HubRequest[];
  knobs: FakeHubKnobs;
  /** Serve another folder (or the same one under another id). */
  addModel(id: string, dir: string): void;
  close(): Promise<void>;
};

type FileEntry = { path: string; bytes: Buffer; oid: string; lfs: { oid: string } | null };

const isLfs = (path: string) => /\.(onnx|onnx_data|bin|safetensors)$/.test(path);

function gitBlobSha1(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

function walk(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, root));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/** Reads a folder into hub entries: git blob oids, and for LFS files the sha256 and pointer oid. */
function snapshot(dir: string): FileEntry[] {
  return walk(dir).map((path) => {
    const bytes = readFileSync(join(dir, path));
    if (!isLfs(path)) return { path, bytes, oid: gitBlobSha1(bytes), lfs: null };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // On the hub, an LFS file's `oid` is the git oid of its pointer file, not of the content.
    const pointer = Buffer.from(
      `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${bytes.length}\n`,
    );
    return { path, bytes, oid: gitBlobSha1(pointer), lfs: { oid: sha256 } };
  });
}

function treeJson(files: FileEntry[]): unknown[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [
    ...[...dirs].map((path) => ({
      type: 'directory',
      oid: gitBlobSha1(Buffer.from(path)),
      size: 0,
      path,
    })),
    ...files.map((f) => ({
      type: 'file',
      oid: f.oid,
      size: f.bytes.length,
      path: f.path,
      ...(f.lfs ? { lfs: { oid: f.lfs.oid, size: f.bytes.length, pointerSize: 134 } } : {}),
    })),
  ];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Model id → its files. */
type Served = Map<string, FileEntry[]>;

function notFound(res: ServerResponse, code: string, message: string) {
  res.writeHead(404, { 'content-type': 'application/json', 'x-error-code': code });
  res.end(JSON.stringify({ error: message }));
}

/** Splits `/a/b/c…` into a served model id (one or two segments) and the rest. */
function findModel(served: Served, segments: string[]): { id: string; rest: string[] } | null {
  for (const n of [2, 1]) {
    const id = segments.slice(0, n).join('/');
    if (segments.length >= n && served.has(id)) return { id, rest: segments.slice(n) };
  }
  return null;
}

async function sendFile(
  hub: FakeHub,
  failuresLeft: WeakMap<object, number>,
  req: IncomingMessage,
  res: ServerResponse,
  file: FileEntry,
) {
  let body = file.bytes;
  if (hub.knobs.corrupt?.has(file.path)) {
    body = Buffer.from(body);
    const at = Math.floor(body.length / 2);
    body[at] = (body[at] ?? 0) ^ 0xff;
  }
  const etag = `"${file.lfs?.oid ?? file.oid}"`;
  const headers: Record<string, string | number> = {
    etag,
    'accept-ranges': 'bytes',
    'content-type': 'application/octet-stream',
    'x-repo-commit': '0123456789abcdef0123456789abcdef01234567',
  };
  let start = 0;
  let status = 200;
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (range && !hub.knobs.ignoreRange) {
    start = Number(range[1]);
    if (start >= body.length) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` });
      res.end();
      return;
    }
    status = 206;
    headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
  }
  const slice = body.subarray(start);
  headers['content-length'] = slice.length;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return void res.end();
  if (hub.knobs.stallBodies) return void res.flushHeaders(); // the client's stall timer must fire

  const fail = hub.knobs.failAfter;
  let cutAt = Infinity;
  if (fail && fail.path === file.path) {
    const left = failuresLeft.get(fail) ?? fail.times ?? 1;
    if (left > 0) {
      failuresLeft.set(fail, left - 1);
      cutAt = Math.max(0, fail.bytes - start);
    }
  }
  const chunk = hub.knobs.chunkBytes ?? 64 * 1024;
  for (let at = 0; at < slice.length; at += chunk) {
    if (res.destroyed) return;
    const part = slice.subarray(at, Math.min(at + chunk, slice.length));
    if (at + part.length > cutAt) {
      res.write(part.subarray(0, Math.max(0, cutAt - at)));
      // Give the bytes a moment to leave, then drop the connection mid-body.
      await sleep(20);
      res.destroy();
      return;
    }
    if (!res.write(part)) await new Promise((r) => res.once('drain', r));
    if (hub.knobs.chunkDelayMs) await sleep(hub.knobs.chunkDelayMs);
  }
  res.end();
}

/** Answers one request as the hub's tree API or its resolve (and CDN) URLs would. */
async function handle(
  hub: FakeHub,
  served: Served,
  failuresLeft: WeakMap<object, number>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://x');
  hub.requests.push({
    method: req.method ?? 'GET',
    path: url.pathname,
    range: req.headers.range ?? null,
  });
  if (hub.knobs.delayMs) await sleep(hub.knobs.delayMs);
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);

  if (segments[0] === 'api' && segments[1] === 'models') {
    const found = findModel(served, segments.slice(2));
    if (!found) return notFound(res, 'RepositoryNotFound', 'Repository not found');
    if (hub.knobs.gated?.has(found.id)) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-error-code': 'GatedRepo' });
      return void res.end(JSON.stringify({ error: 'Access to this model is restricted.' }));
    }
    if (found.rest[0] !== 'tree' || found.rest.length !== 2)
      return notFound(res, 'EntryNotFound', 'Not found');
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify(treeJson(served.get(found.id) ?? [])));
  }

  const cdn = segments[0] === 'cdn';
  const found = findModel(served, cdn ? segments.slice(1) : segments);
  if (!found) return notFound(res, 'RepositoryNotFound', 'Repository not found');
  if (hub.knobs.gated?.has(found.id)) {
    res.writeHead(403, { 'x-error-code': 'GatedRepo' });
    return void res.end();
  }
  if (found.rest[0] !== 'resolve' || found.rest.length < 3)
    return notFound(res, 'EntryNotFound', 'Not found');
  const path = found.rest.slice(2).join('/');
  const file = served.get(found.id)?.find((f) => f.path === path);
  if (!file) return notFound(res, 'EntryNotFound', `Entry not found: ${path}`);
  if (!cdn && file.lfs && hub.knobs.redirectLfs) {
    res.writeHead(302, { location: `/cdn${url.pathname}` });
    return void res.end();
  }
  await sendFile(hub, failuresLeft, req, res, file);
}

export async function startFakeHub(
  models: Record<string, string> = {},
  knobs: FakeHubKnobs = {},
): Promise<FakeHub> {
  const served: Served = new Map();
  const requests: HubRequest[] = [];
  const sockets = new Set<Socket>();
  // Failures left per failAfter knob object, so a test can set a fresh knob at any time.
  const failuresLeft = new WeakMap<object, number>();

  const hub: FakeHub = {
    url: '',
    requests,
    knobs,
    addModel(id, dir) {
      served.set(id, snapshot(dir));
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  for (const [id, dir] of Object.entries(models)) hub.addModel(id, dir);

  const server: Server = createServer((req, res) => {
    handle(hub, served, failuresLeft, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return hub;
}

/** A server that accepts connections and never answers: the client must time out, not hang. */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer: createNetServer } = await import('node:net');
  const sockets = new Set<Socket>();
  const server = createNetServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const { createServer: createNetServer } = await import('node:net');
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}
