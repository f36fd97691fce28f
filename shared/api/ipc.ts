// Electron IPC protocol shared by main (electron/main/ipc.ts) and preload (electron/preload/bridge.ts).
// Kept free of `electron` imports: both ends take the ipc objects as arguments, so tests drive them in memory.
import type { Transport } from './client';
import type { Progress } from './contract';
import type { Envelope } from './errors';
import type { MenuCommand } from '../menu-commands';

export const IPC_CALL = 'quire:call';
export const IPC_CANCEL = 'quire:cancel';
export const IPC_PROGRESS = 'quire:progress';
/** Channel of menu commands, main → renderer. */
export const IPC_COMMAND = 'quire:command';

/** Every command id a menu item may send: named once, in shared/menu-commands.ts. */
export type { MenuCommand } from '../menu-commands';

/** What the preload exposes on `window.quire`: a transport, nothing else. */
export type Bridge = {
  invoke(method: string, input: unknown, jobId: string): Promise<Envelope<unknown>>;
  cancel(jobId: string): void;
  /** Subscribes to progress of all jobs; returns an unsubscribe function. */
  onProgress(listener: (jobId: string, p: Progress) => void): () => void;
  /** Subscribes to menu commands (desktop only); returns an unsubscribe function. */
  onCommand?(listener: (command: MenuCommand) => void): () => void;
};

let nextJob = 0;

/** Renderer side: a Transport over the preload bridge. */
export function ipcTransport(bridge: Bridge): Transport {
  const listeners = new Map<string, (p: Progress) => void>();
  bridge.onProgress((jobId, p) => listeners.get(jobId)?.(p));
  return {
    async call(method, input, { signal, onProgress }) {
      const jobId = `${Date.now().toString(36)}-${(nextJob++).toString(36)}`;
      if (onProgress) listeners.set(jobId, onProgress);
      const onAbort = () => bridge.cancel(jobId);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await bridge.invoke(method, input, jobId);
      } finally {
        signal?.removeEventListener('abort', onAbort);
        listeners.delete(jobId);
      }
    },
  };
}
