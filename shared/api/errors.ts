// Quire's error type: one shape for every transport, so callers branch on `code`, never on text.

/** Machine-readable reason a call failed. */
export type ErrorCode =
  | 'invalid_input' // the request did not match the contract's schema
  | 'not_found' // the named paper, job or undo token does not exist
  | 'invalid_file' // an import source could not be read or parsed
  | 'cancelled' // the caller cancelled a long job
  | 'unauthorized' // browser mode: missing or wrong token
  | 'unavailable' // the service cannot run here (e.g. no network, no runtime)
  | 'internal'; // a bug: the message says what failed

/** A failure as it crosses a transport. */
export type ErrorInfo = { code: ErrorCode; message: string; details?: unknown };

/** Every call answers with this envelope (as in Signal Desktop's sql channel). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class QuireError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'QuireError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Turns anything thrown into an ErrorInfo; unknown errors become `internal`. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof QuireError) return err.toInfo();
  if (isAbort(err)) return { code: 'cancelled', message: 'Cancelled.' };
  return { code: 'internal', message: errorMessage(err) };
}

export function isAbort(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err.name === 'AbortError' || (err as { code?: string }).code === 'ABORT_ERR')
  );
}

/** Throws `cancelled` when the signal has fired; call between units of work. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
}

/** The text to show for anything thrown: an Error's message, or the value itself. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
