// HTTP client for the Hugging Face hub protocol (tree API + resolve URLs): lists a repo's files with
// their checksums and streams one file, optionally from a byte offset. Every request is bounded by a
// first-byte timeout and every body read by a stall timeout, so an offline machine or a silent server
// fails with a clear 'unavailable' instead of hanging.
import { errorMessage, QuireError } from '@shared/api/errors';

/** One file as the hub's tree API describes it. */
export type HubFile = {
  path: string;
  size: number;
  /** Git blob sha1 (for LFS files: of the pointer file, so not usable to check content). */
  oid: string;
  /** Present for LFS files: the content's sha256. */
  lfs: { oid: string; size: number } | null;
};

export type HubClientOptions = {
  hubUrl: string;
  fetch?: typeof fetch;
  /** Time allowed until the response headers arrive. */
  connectTimeoutMs?: number;
  /** Time allowed between two chunks of a body. */
  stallTimeoutMs?: number;
};

/** A file body being streamed; `start` is the offset of its first byte in the file. */
export type HubStream = {
  status: 200 | 206;
  start: number;
  commit: string | null;
  chunks: AsyncIterable<Uint8Array>;
};

/** The body broke off after headers: resumable with a Range request. */
export class TransferInterrupted extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TransferInterrupted';
  }
}

export const DEFAULT_HUB_URL = 'https://huggingface.co';
const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_STALL_TIMEOUT_MS = 30_000;

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

/** A short human reason for a failed fetch, from the system error code undici puts in `cause`. */
export function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? (err as { code?: string } | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved (no network or DNS)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was reset';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection timed out';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'the network is unreachable';
    default:
      return cause?.message ?? errorMessage(err);
  }
}

/** Whether a fetch failed because the connection was reset or closed before any answer. */
function isReset(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } } | undefined)?.cause;
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(cause?.code ?? '');
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

export class HubClient {
  readonly hubUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly connectTimeoutMs: number;
  private readonly stallTimeoutMs: number;

  constructor(opts: HubClientOptions) {
    this.hubUrl = opts.hubUrl.replace(/\/+$/, '');
    this.fetchFn = opts.fetch ?? fetch;
    this.connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.stallTimeoutMs = opts.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  }

  unreachable(reason: string): QuireError {
    return new QuireError(
      'unavailable',
      `Cannot reach the model hub at ${this.hubUrl}: ${reason}. Quire works offline with the bundled model; downloads need a network connection.`,
    );
  }

  /** Every file of `id` at `revision`, following the tree API's pagination. */
  async listFiles(id: string, revision: string, signal: AbortSignal): Promise<HubFile[]> {
    const files: HubFile[] = [];
    let url: string | null =
      `${this.hubUrl}/api/models/${encodePath(id)}/tree/${encodeURIComponent(revision)}?recursive=true`;
    for (let page = 0; url && page < 1000; page++) {
      const { res, done } = await this.request(url, {}, signal, id, revision);
      let body: unknown;
      try {
        body = JSON.parse(await this.readText(res, signal));
      } finally {
        done();
      }
      if (!Array.isArray(body))
        throw new QuireError(
          'unavailable',
          `The model hub at ${this.hubUrl} sent an unexpected file list.`,
        );
      for (const e of body as Record<string, unknown>[]) {
        if (e?.type !== 'file' || typeof e.path !== 'string') continue;
        const lfs = e.lfs as { oid?: unknown; size?: unknown } | undefined;
        files.push({
          path: e.path,
          size: Number(e.size),
          oid: String(e.oid ?? ''),
          lfs:
            lfs && typeof lfs.oid === 'string'
              ? { oid: lfs.oid, size: Number(lfs.size ?? e.size) }
              : null,
        });
      }
      url = nextLink(res.headers.get('link'), url);
    }
    return files;
  }

  /** Streams one file from `offset` (a Range request when > 0). The caller must drain or break. */
  async openFile(
    id: string,
    revision: string,
    path: string,
    offset: number,
    signal: AbortSignal,
  ): Promise<HubStream> {
    const url = `${this.hubUrl}/${encodePath(id)}/resolve/${encodeURIComponent(revision)}/${encodePath(path)}`;
    const headers: Record<string, string> = offset > 0 ? { range: `bytes=${offset}-` } : {};
    const { res, done, controller, state } = await this.request(
      url,
      headers,
      signal,
      id,
      revision,
      path,
    );
    if (res.status === 416) {
      // The partial file is not a prefix the server can continue (it changed or we hold too much).
      await res.body?.cancel().catch(() => {});
      done();
      return this.openFile(id, revision, path, 0, signal);
    }
    let start = 0;
    if (res.status === 206) {
      const m = /^bytes (\d+)-/.exec(res.headers.get('content-range') ?? '');
      start = m ? Number(m[1]) : offset;
    }
    return {
      status: res.status === 206 ? 206 : 200,
      start,
      commit: res.headers.get('x-repo-commit'),
      chunks: this.body(res, controller, state, signal, done),
    };
  }

  /**
   * One request with a first-byte timeout. Non-2xx answers become QuireErrors here; the returned
   * `done` must be called once the body is consumed (it clears timers and the abort link).
   */
  private async request(
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
    id: string,
    revision: string,
    path?: string,
  ) {
    const controller = new AbortController();
    const state = { timedOut: null as string | null };
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    if (signal.aborted) {
      done();
      throw new QuireError('cancelled', 'Cancelled.');
    }
    const timer = setTimeout(() => {
      state.timedOut = `no answer within ${seconds(this.connectTimeoutMs)}`;
      controller.abort();
    }, this.connectTimeoutMs);
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        headers,
        signal: controller.signal,
        redirect: 'follow',
      }).catch((err: unknown) => {
        // A kept-alive connection the server closed while idle fails the next request before any
        // answer; a GET is safe to send again, once, on a fresh connection (as browsers do).
        if (controller.signal.aborted || !isReset(err)) throw err;
        return this.fetchFn(url, { headers, signal: controller.signal, redirect: 'follow' });
      });
    } catch (err) {
      done();
      if (signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
      throw this.unreachable(state.timedOut ?? describeNetworkError(err));
    } finally {
      clearTimeout(timer);
    }
    if (res.ok || (res.status === 416 && headers.range)) return { res, done, controller, state };

    await res.body?.cancel().catch(() => {});
    done();
    const errorCode = res.headers.get('x-error-code');
    const what = path ? `${path} of ${id}` : id;
    if (errorCode === 'RepositoryNotFound' || (res.status === 404 && !path))
      throw new QuireError('not_found', `No model ${id} on ${this.hubUrl}.`);
    if (errorCode === 'RevisionNotFound')
      throw new QuireError(
        'not_found',
        `The model ${id} has no revision "${revision}" on ${this.hubUrl}.`,
      );
    if (errorCode === 'GatedRepo' || res.status === 401 || res.status === 403)
      throw new QuireError(
        'unavailable',
        `The model ${id} on ${this.hubUrl} is gated or private (HTTP ${res.status}). Quire downloads only public models and does not sign in; pick another model.`,
      );
    if (res.status === 404) throw new QuireError('not_found', `No file ${what} on ${this.hubUrl}.`);
    if (res.status === 429)
      throw new QuireError(
        'unavailable',
        `The model hub at ${this.hubUrl} is rate-limiting downloads (HTTP 429). Try again later.`,
      );
    throw new QuireError(
      'unavailable',
      `The model hub at ${this.hubUrl} answered HTTP ${res.status} for ${what}. Try again later.`,
    );
  }

  private async readText(res: Response, signal: AbortSignal): Promise<string> {
    const controller = new AbortController();
    const parts: Uint8Array[] = [];
    for await (const c of this.body(res, controller, { timedOut: null }, signal, () => {}))
      parts.push(c);
    return Buffer.concat(parts).toString('utf8');
  }

  /** The body as chunks, each read bounded by the stall timeout and the caller's signal. */
  private async *body(
    res: Response,
    controller: AbortController,
    state: { timedOut: string | null },
    signal: AbortSignal,
    done: () => void,
  ): AsyncGenerator<Uint8Array> {
    if (!res.body) return done();
    const reader = res.body.getReader();
    // Rejects when the request is aborted; raced against each read so a read can never hang.
    let rejectAborted: (e: unknown) => void = () => {};
    const aborted = new Promise<never>((_, reject) => (rejectAborted = reject));
    aborted.catch(() => {});
    const onAbort = () => rejectAborted(new Error('aborted'));
    controller.signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    const onUserAbort = () => rejectAborted(new Error('aborted'));
    signal.addEventListener('abort', onUserAbort, { once: true });
    try {
      for (;;) {
        const timer = setTimeout(() => {
          state.timedOut = `no data for ${seconds(this.stallTimeoutMs)}`;
          onAbort();
        }, this.stallTimeoutMs);
        let r: Awaited<ReturnType<typeof reader.read>>;
        try {
          r = await Promise.race([reader.read(), aborted]);
        } catch (err) {
          if (signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
          throw new TransferInterrupted(state.timedOut ?? describeNetworkError(err));
        } finally {
          clearTimeout(timer);
        }
        if (r.done) return;
        yield r.value;
      }
    } finally {
      controller.signal.removeEventListener('abort', onAbort);
      signal.removeEventListener('abort', onUserAbort);
      // Stop the transfer (and free the socket) when the consumer leaves early or fails.
      controller.abort();
      reader.cancel().catch(() => {});
      done();
    }
  }
}

/** The `rel="next"` target of a Link header (the tree API paginates large repos). */
function nextLink(link: string | null, base: string): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m?.[1]) return new URL(m[1], base).toString();
  }
  return null;
}
