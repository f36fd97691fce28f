// HubClient against a real HTTP server on 127.0.0.1: a kept-alive connection that the server closed
// between two requests (its idle timeout) must not fail a download.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient } from './hub-client';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A hub whose first `resets` connections are dropped before any answer, as a stale socket is. */
async function hub(resets: number): Promise<{ url: string; requests: () => number }> {
  let seen = 0;
  server = createServer((req, res) => {
    seen++;
    if (seen <= resets) {
      req.socket.destroy();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify([{ type: 'file', path: 'config.json', size: 2, oid: 'x' }]));
  });
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => seen };
}

describe('HubClient', () => {
  it('asks again once when the connection is reset before any answer (a stale kept-alive socket)', async () => {
    const h = await hub(1);
    const client = new HubClient({ hubUrl: h.url });
    const files = await client.listFiles('org/model', 'main', new AbortController().signal);
    expect(files.map((f) => f.path)).toEqual(['config.json']);
    expect(h.requests()).toBe(2);
  });

  it('a connection reset twice in a row is a clear "unavailable" error', async () => {
    const h = await hub(2);
    const client = new HubClient({ hubUrl: h.url });
    const err = await client.listFiles('org/model', 'main', new AbortController().signal).then(
      () => null,
      (e: unknown) => e as { code?: string; message?: string },
    );
    expect(err?.code).toBe('unavailable');
    expect(err?.message).toMatch(/connection was reset|socket/);
    expect(h.requests()).toBe(2);
  });
});
