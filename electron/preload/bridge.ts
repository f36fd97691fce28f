// Preload end of the IPC transport: the object exposed as `window.quire`, built over ipcRenderer.
// Takes ipcRenderer structurally (no `electron` import) so tests drive it with an in-memory fake.
import { IPC_CALL, IPC_CANCEL, IPC_COMMAND, IPC_PROGRESS, type Bridge } from '@shared/api/ipc';
import type { Progress } from '@shared/api/contract';
import type { Envelope } from '@shared/api/errors';
// Type only: a runtime import would bundle zod (via the export formats) into the sandboxed preload.
import type { MenuCommand } from '@shared/menu-commands';

/** The part of `ipcRenderer` the bridge uses. */
export type IpcRendererLike = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
};

/** What `window.quire` holds: the transport Bridge, with menu commands from main. */
export type QuireBridge = Bridge & Required<Pick<Bridge, 'onCommand'>>;

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

function isProgress(value: unknown): value is Progress {
  const p = value as Partial<Progress> | null;
  return (
    typeof p === 'object' && p !== null && typeof p.phase === 'string' && typeof p.done === 'number'
  );
}

export function createBridge(ipcRenderer: IpcRendererLike): QuireBridge {
  // Each listener is wrapped so the renderer never sees Electron's event object (it carries `sender`).
  const subscribe = (channel: string, listener: (...args: unknown[]) => void): (() => void) => {
    const wrapped = (_event: unknown, ...args: unknown[]) => listener(...args);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  };

  return {
    async invoke(method, input, jobId) {
      try {
        const answer = await ipcRenderer.invoke(IPC_CALL, method, input, jobId);
        if (isEnvelope(answer)) return answer;
        return {
          ok: false,
          error: { code: 'internal', message: 'The main process sent no envelope.' },
        };
      } catch (err) {
        // invoke rejects when no handler is registered yet or the input cannot be cloned: say so, never throw.
        const message = err instanceof Error ? err.message : String(err);
        return {
          ok: false,
          error: { code: 'unavailable', message: `IPC call failed: ${message}` },
        };
      }
    },
    cancel(jobId) {
      ipcRenderer.send(IPC_CANCEL, jobId);
    },
    onProgress(listener) {
      return subscribe(IPC_PROGRESS, (jobId, p) => {
        if (typeof jobId === 'string' && isProgress(p)) listener(jobId, p);
      });
    },
    onCommand(listener) {
      return subscribe(IPC_COMMAND, (command) => {
        if (typeof command === 'string') listener(command as MenuCommand);
      });
    },
  };
}
