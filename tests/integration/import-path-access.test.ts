// Import by path is for the local process only: over HTTP (browser mode) and IPC (renderer) a path
// source is refused unless it lies inside a QUIRE_IMPORT_DIRS folder. Before, any holder of the
// browser-mode token could read /etc/passwd through `import:preview … format: "feed"`.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/host/server';
import { registerIpc, type IpcEventLike, type IpcMainLike } from '../../electron/main/ipc';
import { createServices, type Services } from '../../electron/services';
import { importDirsFromEnv } from '../../electron/services/ingest/source-access';
import { createClient } from '@shared/api/client';
import type { Envelope } from '@shared/api/errors';
import { httpTransport } from '@shared/api/http-client';
import { inProcessTransport } from '@shared/api/in-process';
import { IPC_CALL } from '@shared/api/ipc';

const RIS = 'TY  - JOUR\nTI  - A secret paper\nER  - \n';
const SECRET_LINES = 'root:x:0:0:root:/root:/bin/bash\n'.repeat(4);

let dir: string;
let allowed: string;
let outside: string;
let services: Services;
let server: RunningServer;

async function httpCall(method: string, input: unknown): Promise<Envelope<unknown>> {
  const res = await fetch(`${server.url}api/call/${method}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { authorization: `Bearer ${server.token}` },
  });
  return (await res.json()) as Envelope<unknown>;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-path-access-'));
  allowed = join(dir, 'imports');
  await mkdir(allowed);
  await writeFile(join(allowed, 'ok.ris'), RIS);
  outside = join(dir, 'passwd');
  await writeFile(outside, SECRET_LINES);
  // A link inside the allowed folder must not lead out of it.
  await symlink(outside, join(allowed, 'escape.txt'));
  services = await createServices({
    libraryDir: join(dir, 'lib'),
    mode: 'browser',
    importDirs: [allowed],
  });
  server = await startServer({ dispatch: services.dispatch, staticDir: null });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('import by path from remote callers', () => {
  it.each([
    ['/etc/passwd', () => '/etc/passwd'],
    ['a file outside the import folders', () => outside],
    ['a symlink in an import folder that points outside it', () => join(allowed, 'escape.txt')],
    ['a ../ path out of an import folder', () => `${allowed}/../passwd`],
    ['a relative path', () => 'passwd'],
    ['a missing file (its existence is not revealed)', () => join(dir, 'nope.txt')],
  ])('HTTP refuses %s and leaks nothing', async (_, path) => {
    for (const method of ['import:preview', 'import:run']) {
      const env = await httpCall(method, {
        source: { kind: 'path', path: path() },
        format: 'feed',
      });
      expect(env).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(JSON.stringify(env)).not.toContain('root:x');
      if (!env.ok) expect(env.error.message).toMatch(/QUIRE_IMPORT_DIRS.*upload the file/);
    }
  });

  it('HTTP reads a file inside an import folder', async () => {
    const env = await httpCall('import:preview', {
      source: { kind: 'path', path: join(allowed, 'ok.ris') },
    });
    expect(env).toMatchObject({ ok: true, value: { format: 'ris', newCount: 1 } });
  });

  it('HTTP still accepts uploaded bytes, which is what the renderer sends', async () => {
    const env = await httpCall('import:preview', {
      source: { kind: 'bytes', name: 'x.ris', base64: Buffer.from(RIS).toString('base64') },
    });
    expect(env).toMatchObject({ ok: true, value: { newCount: 1 } });
  });

  it('IPC calls count as remote: the renderer cannot read files by path', async () => {
    let handler: ((event: IpcEventLike, ...args: unknown[]) => unknown) | undefined;
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => {
        if (channel === IPC_CALL) handler = listener;
      },
      on: () => {},
    };
    registerIpc(ipcMain, services.dispatch);
    const event: IpcEventLike = {
      sender: { id: 1, send: () => {} },
      senderFrame: { url: 'file:///app/index.html' },
    };
    const env = (await handler!(
      event,
      'import:preview',
      { source: { kind: 'path', path: outside }, format: 'feed' },
      'job-1',
    )) as Envelope<unknown>;
    expect(env).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('a dispatch that does not say who calls is treated as remote (fail closed)', async () => {
    const env = await services.dispatch(
      'import:preview',
      { source: { kind: 'path', path: outside }, format: 'feed' },
      {},
    );
    expect(env).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('import by path from the local process (CLI, in-process)', () => {
  it('reads any file, as the CLI needs', async () => {
    const api = createClient(inProcessTransport(services.dispatch));
    const preview = await api.call('import:preview', {
      source: { kind: 'path', path: outside },
      format: 'feed',
    });
    expect(preview.format).toBe('feed');
  });
});

describe('QUIRE_IMPORT_DIRS', () => {
  it('takes absolute folders separated by the platform delimiter and ignores the rest', () => {
    expect(importDirsFromEnv(undefined)).toEqual([]);
    expect(importDirsFromEnv('')).toEqual([]);
    expect(importDirsFromEnv('/a/b: relative :/c/../d')).toEqual(['/a/b', '/d']);
  });

  it('an HTTP client built on the shared client gets a QuireError it can show', async () => {
    const api = createClient(
      httpTransport({ baseUrl: server.url.replace(/\/$/, ''), token: server.token }),
    );
    await expect(
      api.call('import:preview', { source: { kind: 'path', path: '/etc/passwd' } }),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
