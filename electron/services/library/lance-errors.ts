// Plain messages for LanceDB failures: its errors carry Rust source paths and internal terms
// ("Retryable commit conflict for version 7 … rust/lance/src/io/commit.rs:…") that mean nothing to a
// researcher. Anything from LanceDB becomes a QuireError saying what failed and what to do.
import { QuireError } from '@shared/api/errors';

/** True for errors raised inside LanceDB (lance, arrow, datafusion) rather than by our code. */
export function isLanceError(err: unknown): boolean {
  if (!(err instanceof Error) || err instanceof QuireError) return false;
  return /\blance(?:db)?\b|\.rs:\d+|\barrow\b|datafusion|commit conflict/i.test(err.message);
}

/** The first sentence of a LanceDB message, without source paths or internal prefixes. */
export function plainLanceMessage(message: string): string {
  const first = message.split('\n')[0]!;
  const cut = first.search(/,?\s*(?:at\s+)?\S*\.rs:\d+/);
  const text = (cut >= 0 ? first.slice(0, cut) : first)
    .replace(/^(?:lance|lancedb)?\s*error:\s*/i, '')
    .replace(/\s*,\s*$/, '')
    .trim();
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/** Maps a LanceDB error met while `doing` (e.g. "importing papers") to a QuireError; others pass through. */
export function fromLanceError(err: unknown, doing: string): unknown {
  if (!isLanceError(err)) return err;
  const message = (err as Error).message;
  if (/commit conflict|concurrent transaction|preempted/i.test(message)) {
    return new QuireError(
      'unavailable',
      `Another program changed the library at the same moment while ${doing}; nothing from this step was saved. Try again.`,
    );
  }
  return new QuireError(
    'internal',
    `The library database failed while ${doing}: ${plainLanceMessage(message)}.`,
  );
}
