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

/**
 * A failure to reach a library on object storage, in words a user can act on; anything else is
 * mapped as fromLanceError does.
 */
export function fromObjectStoreError(err: unknown, library: string, doing: string): unknown {
  if (!isLanceError(err)) return err;
  const message = (err as Error).message;
  if (/\b(?:403|Forbidden|AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch)\b/.test(message))
    return new QuireError(
      'unavailable',
      `${library} refused access while ${doing}: check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and the bucket's permissions.`,
    );
  if (/S3 error|error sending request|object store|NoSuchBucket|dns|connect/i.test(message)) {
    const reason =
      /\bNoSuchBucket\b/.exec(message)?.[0] ??
      /HTTP error:\s*([^,\n]+)/.exec(message)?.[1]?.trim() ??
      'no answer';
    return new QuireError(
      'unavailable',
      `${library} could not be reached while ${doing} (${reason}). Check AWS_ENDPOINT_URL, AWS_REGION and the network.`,
    );
  }
  return fromLanceError(err, doing);
}
