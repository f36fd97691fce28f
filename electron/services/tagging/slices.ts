// Time slices for heavy loops in the services' process: work for a few milliseconds, then yield to the
// event loop (so other calls, progress events and cancels get through), and check the cancel signal.
import { QuireError } from '@shared/api/errors';

/** Milliseconds of work between yields: short enough for a responsive UI, long enough to amortise. */
const SLICE_MS = 12;

export class Slicer {
  private last = performance.now();

  constructor(private readonly signal: AbortSignal) {}

  /** Yields when the slice is used up; throws `cancelled` if the caller cancelled. */
  async tick(): Promise<void> {
    if (performance.now() - this.last < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
    this.check();
  }

  check(): void {
    if (this.signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
  }
}
