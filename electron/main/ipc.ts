// Main-process end of the IPC transport: checks who is calling and with what, then hands over to the dispatcher.
// Takes ipcMain structurally (no `electron` import) so tests drive it with an in-memory fake.
import { IPC_CALL, IPC_CANCEL, IPC_PROGRESS } from '@shared/api/ipc';
import type { Progress } from '@shared/api/contract';
import type { Dispatch } from '@shared/api/dispatcher';
import { toErrorInfo, type Envelope, type ErrorInfo } from '@shared/api/errors';

/** The part of `event.sender` (a WebContents) the handler uses. */
export type IpcSenderLike = {
  /** WebContents id; when present it keys the sender's jobs (wrapper objects need not be identical). */
  readonly id?: number;
  send(channel: string, ...args: unknown[]): void;
};

/** The part of an IPC event the handler uses; Electron's IpcMainInvokeEvent and IpcMainEvent fit. */
export type IpcEventLike = {
  sender: IpcSenderLike;
  /** Null once the frame has navigated away or been destroyed. */
  senderFrame: { url: string } | null;
};

/** The part of `ipcMain` the handler uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): void;
};

export type RegisterIpcOptions = {
  /** Whether a frame URL is one of Quire's pages; defaults to trusting every sender (tests only). */
  isAppUrl?: (url: string) => boolean;
};

export type IpcRegistration = {
  /** Aborts every running job, e.g. before the services close at quit. */
  abortAll(): void;
};

// Job ids come from the renderer; a bound keeps a hostile page from growing the map's keys unboundedly.
const MAX_JOB_ID_LENGTH = 200;

function fail(code: ErrorInfo['code'], message: string): Envelope<unknown> {
  return { ok: false, error: { code, message } };
}

export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  { isAppUrl = () => true }: RegisterIpcOptions = {},
): IpcRegistration {
  // Jobs per sender: two windows may pick the same job id, and one must never cancel the other's job.
  const jobs = new Map<number | IpcSenderLike, Map<string, AbortController>>();
  const keyOf = (sender: IpcSenderLike) => sender.id ?? sender;

  const trusted = (event: IpcEventLike): boolean => {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && isAppUrl(url);
  };

  ipcMain.handle(IPC_CALL, async (event, method, input, jobId) => {
    if (!trusted(event)) {
      return fail('unauthorized', 'Quire answers only its own pages.');
    }
    if (typeof method !== 'string') {
      return fail('invalid_input', `method must be a string, got ${typeof method}.`);
    }
    if (typeof jobId !== 'string' || jobId === '' || jobId.length > MAX_JOB_ID_LENGTH) {
      return fail(
        'invalid_input',
        `jobId must be a non-empty string of at most ${MAX_JOB_ID_LENGTH} characters.`,
      );
    }
    const key = keyOf(event.sender);
    let senderJobs = jobs.get(key);
    if (!senderJobs) jobs.set(key, (senderJobs = new Map()));
    if (senderJobs.has(jobId)) {
      // Reusing a live id would mix two jobs' progress and let one cancel stop both.
      return fail('invalid_input', `jobId "${jobId}" is already running.`);
    }
    const controller = new AbortController();
    senderJobs.set(jobId, controller);
    const onProgress = (p: Progress) => {
      try {
        event.sender.send(IPC_PROGRESS, jobId, p);
      } catch {
        // The window closed mid-job: progress has no reader any more, the job's result neither.
      }
    };
    try {
      return await dispatch(method, input, {
        signal: controller.signal,
        onProgress,
        caller: 'remote',
      });
    } catch (err) {
      // The dispatcher answers with envelopes; this only catches its bugs, so the renderer still gets one.
      return { ok: false, error: toErrorInfo(err) } satisfies Envelope<unknown>;
    } finally {
      senderJobs.delete(jobId);
      if (senderJobs.size === 0) jobs.delete(key);
    }
  });

  ipcMain.on(IPC_CANCEL, (event, jobId) => {
    if (!trusted(event) || typeof jobId !== 'string') return;
    // Unknown ids are ignored: the job may have finished while the cancel was in flight.
    jobs.get(keyOf(event.sender))?.get(jobId)?.abort();
  });

  return {
    abortAll() {
      for (const senderJobs of jobs.values()) for (const c of senderJobs.values()) c.abort();
    },
  };
}
