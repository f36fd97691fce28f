// The contract suite through HTTP + server-sent events (browser mode), plus the server's guards.
import { describe, expect, it } from 'vitest';
import { createClient } from '@shared/api/client';
import { httpTransport } from '@shared/api/http-client';
import { startServer } from '../../electron/host/server';
import { contractServices } from './contract-services';
import { describeContract } from './contract-suite';

async function serve() {
  const { services, close: closeServices } = await contractServices('browser');
  const server = await startServer({ dispatch: services.dispatch, staticDir: null });
  return {
    server,
    close: async () => {
      await server.close();
      await closeServices();
    },
  };
}

describeContract('HTTP + SSE', async () => {
  const { server, close } = await serve();
  return {
    api: createClient(
      httpTransport({ baseUrl: server.url.replace(/\/$/, ''), token: server.token }),
    ),
    close,
  };
});

describe('browser-mode server guards', () => {
  it('answers 401 without the token and with a wrong one', async () => {
    const { server, close } = await serve();
    try {
      const none = await fetch(`${server.url}api/call/app:info`, { method: 'POST', body: '{}' });
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      const wrong = await fetch(`${server.url}api/call/app:info`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${server.token}x` },
      });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${server.url}api/call/app:info`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect(right.status).toBe(200);
    } finally {
      await close();
    }
  });

  it('binds to 127.0.0.1 and refuses foreign Host and Origin headers', async () => {
    const { server, close } = await serve();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const { request } = await import('node:http');
      const status = await new Promise<number>((ok, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/call/app:info',
            method: 'POST',
            headers: {
              host: `evil.example:${server.port}`,
              authorization: `Bearer ${server.token}`,
            },
          },
          (res) => ok(res.statusCode ?? 0),
        );
        req.on('error', fail);
        req.end('{}');
      });
      expect(status).toBe(403);
      const cross = await fetch(`${server.url}api/call/app:info`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${server.token}`, origin: 'http://evil.example' },
      });
      expect(cross.status).toBe(403);
    } finally {
      await close();
    }
  });

  it('rejects a body that is not JSON with a clear message', async () => {
    const { server, close } = await serve();
    try {
      const res = await fetch(`${server.url}api/call/library:list`, {
        method: 'POST',
        body: '{not json',
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      await close();
    }
  });
});
