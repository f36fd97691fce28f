// Malformed requests against the browser-mode server: each answers 4xx and the server keeps serving.
// Before, one absolute-form request line with a bad URL (`GET http://127.0.0.1:99999/`) threw out of
// the request handler and ended the process, before any authentication.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../services';
import { startServer, type RunningServer } from './server';

let dir: string;
let services: Services;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-malformed-'));
  const web = join(dir, 'web');
  await mkdir(web);
  await writeFile(join(web, 'index.html'), '<!doctype html><title>Quire</title>');
  await writeFile(join(web, 'app.js'), 'console.log(1)');
  services = await createServices({ libraryDir: join(dir, 'lib'), mode: 'browser' });
  server = await startServer({ dispatch: services.dispatch, staticDir: web });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes raw bytes on a fresh socket; resolves with everything the server sent before closing. */
function raw(request: string | Buffer): Promise<string> {
  return new Promise((ok, fail) => {
    const socket = connect(server.port, '127.0.0.1');
    // Bounded: a server that died mid-request must fail the test, not hang it.
    socket.setTimeout(15_000, () => socket.destroy());
    const chunks: Buffer[] = [];
    socket.on('data', (c) => {
      chunks.push(c);
      // One response is enough: close once its head and (small) body have arrived.
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /content-length: (\d+)\r\n/i.exec(text);
      const end = text.indexOf('\r\n\r\n');
      if (m && end >= 0 && text.length >= end + 4 + Number(m[1])) socket.end();
    });
    socket.on('close', () => ok(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      // The server may reset after answering a request it cannot parse.
      err.code === 'ECONNRESET' ? ok(Buffer.concat(chunks).toString('latin1')) : fail(err),
    );
    socket.write(request);
  });
}

const status = (response: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const host = () => `127.0.0.1:${server.port}`;
const auth = () => ({ authorization: `Bearer ${server.token}` });

/** The proof that matters after each bad request: the server is alive and answers a good call. */
async function stillServes(): Promise<void> {
  const res = await fetch(`${server.url}api/call/app:info`, {
    method: 'POST',
    body: '{}',
    headers: auth(),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
}

describe('browser-mode server on malformed requests', () => {
  it.each([
    ['a port out of range', 'http://127.0.0.1:99999/'],
    ['an unclosed IPv6 literal', 'http://[/'],
    ['a bad scheme-only target', 'http://'],
    ['an API path in absolute form with a bad port', 'http://127.0.0.1:99999/api/call/app:info'],
  ])('answers 400 to an absolute-form target with %s, before authentication', async (_, target) => {
    const res = await raw(`GET ${target} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`);
    expect(status(res)).toBe(400);
    expect(res).toContain('not a valid URL');
    await stillServes();
  });

  it('answers 400 to a malformed %-escape in the API method name, with the token', async () => {
    for (const name of ['%ZZ', '%', '%E0%A4%A', '%C0%80']) {
      const res = await fetch(`${server.url}api/call/${name}`, {
        method: 'POST',
        body: '{}',
        headers: auth(),
      });
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      expect(await res.json()).toMatchObject({ ok: false });
    }
    await stillServes();
  });

  it('answers 400 (not 500) to a malformed %-escape in a static path', async () => {
    for (const path of ['/%ZZ', '/%E0%A4%A', '/app%.js', '/%']) {
      const res = await raw(`GET ${path} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`);
      expect(status(res), path).toBe(400);
    }
    await stillServes();
  });

  it('answers 404 with the error envelope for an unknown API method', async () => {
    const res = await fetch(`${server.url}api/call/nope:nothing`, {
      method: 'POST',
      body: '{}',
      headers: auth(),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Unknown method "nope:nothing".' },
    });
    await stillServes();
  });

  it('answers 4xx to odd raw request lines and keeps running', async () => {
    const odd: (string | Buffer)[] = [
      'GARBAGE\r\n\r\n',
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      'GET /\r\n\r\n',
      ' / HTTP/1.1\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: ${host()}\r\nX: ${'a'.repeat(100_000)}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: -1\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n`,
      `POST /api/call/app:info HTTP/1.1\r\nHost: ${host()}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10]),
      `GET /\u0000 HTTP/1.1\r\nHost: ${host()}\r\n\r\n`,
    ];
    for (const request of odd) {
      const res = await raw(request);
      // Node's parser answers these itself (400/431) or the server refuses them; never a 5xx.
      if (res)
        expect(status(res), JSON.stringify(request.toString().slice(0, 60))).toBeLessThan(500);
    }
    await stillServes();
  });

  it('answers 413 to an API body over the limit', async () => {
    const res = await raw(
      `POST /api/call/app:info HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${server.token}\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n${'x'.repeat(1024)}`,
    );
    expect(status(res)).toBe(413);
    expect(res).toContain('over');
    await stillServes();
  });

  it('still serves the app shell and static files after all of the above', async () => {
    const shell = await fetch(`${server.url}library`);
    expect(shell.status).toBe(200);
    expect(await shell.text()).toContain('<title>Quire</title>');
    const js = await fetch(`${server.url}app.js`);
    expect(js.status).toBe(200);
    await stillServes();
  });
});
