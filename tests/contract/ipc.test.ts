// The Electron IPC transport in memory: registerIpc ↔ fake ipcMain/ipcRenderer ↔ createBridge ↔ ipcTransport ↔ createClient.
// The fake (tests/support/fake-ipc.ts) clones every message and delivers it on a later tick, as Electron's IPC does.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { registerIpc } from '../../electron/main/ipc';
import { createBridge, type IpcRendererLike } from '../../electron/preload/bridge';
import { createAppUrlPolicy } from '../../electron/main/app-url';
import type { Progress } from '@shared/api/contract';
import { IPC_CALL, IPC_CANCEL, IPC_PROGRESS } from '@shared/api/ipc';
import { QuireError, type Envelope } from '@shared/api/errors';
import {
  clientOver,
  createFakeIpc,
  fakeDispatch,
  later,
  source,
  type Seen,
} from '../support/fake-ipc';
import { contractServices } from './contract-services';
import { describeContract } from './contract-suite';

const policy = createAppUrlPolicy();

async function failure(p: Promise<unknown>): Promise<QuireError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QuireError);
  return err as QuireError;
}

describe('IPC transport', () => {
  it('delivers a job’s progress, in order, before its result', async () => {
    const { ipcMain, connect } = createFakeIpc();
    registerIpc(ipcMain, fakeDispatch(), policy);
    const api = clientOver(connect());
    const events: Progress[] = [];
    const result = await api.call('import:run', source('a:4'), {
      onProgress: (p) => events.push(p),
    });
    expect(result).toEqual({ name: 'a:4' });
    expect(events.map((e) => e.done)).toEqual([1, 2, 3, 4]);
    expect(events.every((e) => e.phase === 'a:4' && e.total === 4)).toBe(true);
  });

  it('keeps concurrent jobs’ progress apart', async () => {
    const { ipcMain, connect } = createFakeIpc();
    registerIpc(ipcMain, fakeDispatch(), policy);
    const api = clientOver(connect());
    const a: Progress[] = [];
    const b: Progress[] = [];
    const c: Progress[] = [];
    await Promise.all([
      api.call('import:run', source('a:5'), { onProgress: (p) => a.push(p) }),
      api.call('import:run', source('b:3'), { onProgress: (p) => b.push(p) }),
      api.call('import:run', source('c:4'), { onProgress: (p) => c.push(p) }),
    ]);
    expect(a.map((p) => `${p.phase}/${p.done}`)).toEqual([
      'a:5/1',
      'a:5/2',
      'a:5/3',
      'a:5/4',
      'a:5/5',
    ]);
    expect(b.map((p) => `${p.phase}/${p.done}`)).toEqual(['b:3/1', 'b:3/2', 'b:3/3']);
    expect(c.map((p) => `${p.phase}/${p.done}`)).toEqual(['c:4/1', 'c:4/2', 'c:4/3', 'c:4/4']);
  });

  it('cancel aborts that job’s signal and no other', async () => {
    const seen: Seen[] = [];
    const { ipcMain, connect } = createFakeIpc();
    registerIpc(ipcMain, fakeDispatch(seen), policy);
    const api = clientOver(connect());
    const first = new AbortController();
    const second = new AbortController();
    const p1 = api.call('import:preview', source('one'), { signal: first.signal });
    const p2 = api.call('import:preview', source('two'), { signal: second.signal });
    await later(undefined);
    expect(seen).toHaveLength(2);

    first.abort();
    expect((await failure(p1)).code).toBe('cancelled');
    expect(seen[0]?.aborted()).toBe(true);
    expect(seen[1]?.aborted()).toBe(false);

    second.abort();
    expect((await failure(p2)).code).toBe('cancelled');
  });

  it('answers invalid_input, never a throw, to arguments of the wrong type', async () => {
    const seen: Seen[] = [];
    const { ipcMain, connect } = createFakeIpc();
    registerIpc(ipcMain, fakeDispatch(seen), policy);
    const ipcRenderer = connect();
    const bad: unknown[][] = [
      [42, {}, 'job-1'], // method not a string
      [null, {}, 'job-2'],
      ['import:run', {}, 7], // jobId not a string
      ['import:run', {}], // jobId missing
      ['import:run', {}, ''],
      ['import:run', {}, 'x'.repeat(201)],
    ];
    for (const args of bad) {
      const env = (await ipcRenderer.invoke(IPC_CALL, ...args)) as Envelope<unknown>;
      expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    // Through the bridge too: a renderer bug must not reject the promise.
    const bridge = createBridge(ipcRenderer);
    const env = await bridge.invoke(1 as unknown as string, {}, 'job-3');
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(seen).toHaveLength(0);
  });

  it('refuses a job id that is already running', async () => {
    const { ipcMain, connect } = createFakeIpc();
    registerIpc(ipcMain, fakeDispatch(), policy);
    const ipcRenderer = connect();
    const running = ipcRenderer.invoke(IPC_CALL, 'import:preview', source('x'), 'same');
    await later(undefined);
    const env = await ipcRenderer.invoke(IPC_CALL, 'import:run', source('y:1'), 'same');
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ipcRenderer.send(IPC_CANCEL, 'same');
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('keeps two windows’ jobs apart even when they pick the same job id', async () => {
    const seen: Seen[] = [];
    const { ipcMain, connect } = createFakeIpc();
    registerIpc(ipcMain, fakeDispatch(seen), policy);
    const w1 = connect();
    const w2 = connect();
    const p1 = w1.invoke(IPC_CALL, 'import:preview', source('w1'), 'job');
    const p2 = w2.invoke(IPC_CALL, 'import:preview', source('w2'), 'job');
    await later(undefined);
    w1.send(IPC_CANCEL, 'job');
    expect(await p1).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(seen[1]?.aborted()).toBe(false);
    w2.send(IPC_CANCEL, 'job');
    expect(await p2).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('IPC security and the preload bridge', () => {
  it('answers only Quire’s own pages', async () => {
    const seen: Seen[] = [];
    const { ipcMain, connect } = createFakeIpc();
    registerIpc(ipcMain, fakeDispatch(seen), policy);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      // The built renderer as a file is foreign too: Quire's pages are served from app://quire only.
      'file:///opt/quire/resources/app.asar/out/renderer/index.html',
      'app://quire.evil.example/index.html',
      'app://evil@quire/index.html',
      null,
    ]) {
      const err = await failure(clientOver(connect(url)).call('library:tags', {}));
      expect(err.code).toBe('unauthorized');
    }
    expect(seen).toHaveLength(0);

    // Nor may a foreign frame cancel another window's job.
    const own = connect();
    const running = own.invoke(IPC_CALL, 'import:preview', source('mine'), 'j');
    await later(undefined);
    connect('https://evil.example/').send(IPC_CANCEL, 'j');
    await later(undefined);
    await later(undefined);
    expect(seen[0]?.aborted()).toBe(false);
    own.send(IPC_CANCEL, 'j');
    await running;
  });

  it('trusts the dev server origin in development', async () => {
    const dev = createAppUrlPolicy({ devServerUrl: 'http://localhost:5173/' });
    expect(dev.isAppUrl('http://localhost:5173/#/library')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isAppUrl('app://quire/index.html')).toBe(true);
    expect(dev.isAppUrl('file:///x/out/renderer/index.html')).toBe(false);
    expect(dev.isAppUrl('not a url')).toBe(false);
  });

  it('turns a dispatcher crash into an internal error and abortAll into cancellations', async () => {
    const { ipcMain, connect } = createFakeIpc();
    const ipc = registerIpc(ipcMain, fakeDispatch(), policy);
    const api = clientOver(connect());
    const crash = await failure(api.call('app:info', {}));
    expect(crash).toMatchObject({ code: 'internal', message: 'dispatcher bug' });

    const running = api.call('import:preview', source('quitting'));
    await later(undefined);
    ipc.abortAll();
    expect((await failure(running)).code).toBe('cancelled');
  });

  it('bridge: no handler yet gives unavailable; unsubscribed listeners hear nothing; no event leaks', async () => {
    const { ipcMain, connect } = createFakeIpc();
    const ipcRenderer = connect();
    const bridge = createBridge(ipcRenderer);
    expect(await bridge.invoke('app:info', {}, 'j1')).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });

    registerIpc(ipcMain, fakeDispatch(), policy);
    const heard: unknown[][] = [];
    const off = bridge.onProgress((...args) => heard.push(args));
    await bridge.invoke('import:run', source('s:2'), 'j2');
    expect(heard).toEqual([
      ['j2', { phase: 's:2', done: 1, total: 2 }],
      ['j2', { phase: 's:2', done: 2, total: 2 }],
    ]);
    off();
    await bridge.invoke('import:run', source('s:2'), 'j3');
    expect(heard).toHaveLength(2);
  });

  it('bridge: forwards menu commands without the IPC event', async () => {
    const events = new EventEmitter();
    const fake: IpcRendererLike = {
      invoke: async () => undefined,
      send: () => undefined,
      on: (channel, listener) => events.on(channel, listener),
      removeListener: (channel, listener) => events.removeListener(channel, listener),
    };
    const heard: unknown[][] = [];
    const off = createBridge(fake).onCommand((...args) => heard.push(args));
    events.emit('quire:command', { sender: 'secret' }, 'export.bibtex');
    events.emit(IPC_PROGRESS, { sender: 'secret' }, 'j', { nonsense: true });
    off();
    events.emit('quire:command', {}, 'import.open');
    expect(heard).toEqual([['export.bibtex']]);
  });
});

// The shared contract suite over real services, through the same in-memory IPC.
describeContract('Electron IPC (in memory)', async () => {
  const { services, close } = await contractServices('electron');
  const { ipcMain, connect } = createFakeIpc();
  const ipc = registerIpc(ipcMain, services.dispatch, policy);
  return {
    api: clientOver(connect()),
    close: async () => {
      ipc.abortAll();
      await close();
    },
  };
});
