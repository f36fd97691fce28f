// An in-memory Electron IPC for tests: a fake ipcMain with any number of windows (ipcRenderer each)
// that clones every message and delivers it on a later tick, as Electron does; plus a handcrafted
// dispatch for transport tests that need no real services.
import { EventEmitter } from 'node:events';
import type { IpcEventLike, IpcMainLike } from '../../electron/main/ipc';
import { createBridge, type IpcRendererLike } from '../../electron/preload/bridge';
import { createClient, type Api } from '@shared/api/client';
import type { Dispatch } from '@shared/api/dispatcher';
import { ipcTransport } from '@shared/api/ipc';

/** The page Quire's own windows show. */
export const APP_URL = 'app://quire/index.html';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

/** Electron delivers IPC messages asynchronously and in order; setImmediate keeps both properties. */
export const later = <T>(value: T) =>
  new Promise<T>((resolve) => setImmediate(() => resolve(value)));

/** One main process with any number of windows, each with its own ipcRenderer. */
export function createFakeIpc() {
  const handlers = new Map<string, Listener>();
  const mainEvents = new EventEmitter();
  let nextId = 1;
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    on(channel, listener) {
      mainEvents.on(channel, listener);
    },
  };

  /** A window whose top frame shows `url`; `frame: null` mimics a frame that went away. */
  function connect(url: string | null = APP_URL): IpcRendererLike {
    const rendererEvents = new EventEmitter();
    const sender = {
      id: nextId++,
      send(channel: string, ...args: unknown[]) {
        const cloned = structuredClone(args);
        setImmediate(() => rendererEvents.emit(channel, { senderId: 0 }, ...cloned));
      },
    };
    const event: IpcEventLike = { sender, senderFrame: url === null ? null : { url } };
    return {
      async invoke(channel, ...args) {
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        const result = await handler(event, ...structuredClone(args));
        return later(structuredClone(result));
      },
      send(channel, ...args) {
        const cloned = structuredClone(args);
        setImmediate(() => mainEvents.emit(channel, event, ...cloned));
      },
      on(channel, listener) {
        rendererEvents.on(channel, listener);
      },
      removeListener(channel, listener) {
        rendererEvents.removeListener(channel, listener);
      },
    };
  }
  return { ipcMain, connect };
}

export function clientOver(ipcRenderer: IpcRendererLike): Api {
  return createClient(ipcTransport(createBridge(ipcRenderer)));
}

// A handcrafted dispatch (no real handlers): `import:run` reports `steps` progress events tagged with
// the source name; `import:preview` waits until cancelled. Real method names keep the client typed.
export type Seen = { method: string; input: unknown; aborted: () => boolean };
export function fakeDispatch(seen: Seen[] = []): Dispatch {
  return async (method, input, ctx) => {
    const signal = ctx.signal ?? new AbortController().signal;
    seen.push({ method, input, aborted: () => signal.aborted });
    const name = (input as { source?: { name?: string } } | null)?.source?.name ?? '';
    if (method === 'import:run') {
      const steps = Number(name.split(':')[1] ?? 3);
      for (let done = 1; done <= steps; done++) {
        await later(undefined);
        ctx.onProgress?.({ phase: name, done, total: steps });
      }
      return { ok: true, value: { name } };
    }
    if (method === 'import:preview') {
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      return { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } };
    }
    if (method === 'app:info') throw new Error('dispatcher bug');
    return { ok: false, error: { code: 'not_found', message: `Unknown method "${method}".` } };
  };
}

export const source = (name: string) => ({ source: { kind: 'text' as const, name, text: '' } });
