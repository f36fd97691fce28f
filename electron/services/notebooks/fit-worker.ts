// The notebooks' fits (fit() in JavaScript cells, fit cells) run in one warm compute worker
// (electron/services/compute), never on the services thread. A run that settles (finished, timed
// out, cancelled) while one of its fits still computes takes the worker down with it, so a fit
// cannot outlive its cell; the next fit starts a fresh worker.
import type { Progress } from '@shared/api/contract';
import { ComputeSession, type LimitMessages } from '../compute/runner';
import type { FitArgs } from '../compute/ops';

export const FIT_MEMORY_MB = 512;
const FIT_MESSAGES: LimitMessages = {
  memory: (mb) =>
    `fit: the fit needs more memory than its limit (${mb} MB); use fewer points or bootstrap samples`,
  timeout: (ms) =>
    `fit: stopped after ${Math.round(ms / 1000)} s; use fewer points or bootstrap samples`,
};

/** The fits of one run, so the run can tell whether one outlived it. */
export type FitTicket = { pending: Set<Promise<unknown>> };

export class FitWorker {
  private session: ComputeSession | undefined;

  constructor(private readonly defaultTimeoutMs = 10 * 60_000) {}

  private warming: Promise<void> | undefined;

  /**
   * Starts the worker and loads the fit engine, once per worker; resolves when it is ready (or
   * could not start: the fit itself then reports why). Awaited before a cell that fits starts its
   * clock, so start-up (~0.5 s built, seconds under tsx on a busy machine) is not the cell's time.
   */
  warm(): Promise<void> {
    const session = this.current();
    return (this.warming ??= session.run('preload', 'fit').then(
      () => {},
      () => {},
    ));
  }

  private current(): ComputeSession {
    return (this.session ??= new ComputeSession(
      { memoryMb: FIT_MEMORY_MB, timeoutMs: this.defaultTimeoutMs },
      FIT_MESSAGES,
    ));
  }

  ticket(): FitTicket {
    return { pending: new Set() };
  }

  fit(
    args: FitArgs,
    ticket: FitTicket,
    opts: { signal?: AbortSignal; timeoutMs?: number; onProgress?: (p: Progress) => void } = {},
  ): Promise<unknown> {
    const p = this.current().run('fit', args, opts);
    ticket.pending.add(p);
    const forget = () => void ticket.pending.delete(p);
    p.then(forget, forget);
    return p;
  }

  /** The run is over: stop the worker if one of its fits is still running or queued. */
  settle(ticket: FitTicket): void {
    if (ticket.pending.size > 0) this.close();
  }

  close(): void {
    this.session?.close();
    this.session = undefined;
    this.warming = undefined;
  }
}
