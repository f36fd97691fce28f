// Browser-mode transport: POST /api/call/<method> with a bearer token; long jobs stream
// server-sent events (`progress` … then `result`). Aborting the fetch cancels the job on the server.
import type { Transport } from './client';
import { contract, type Progress } from './contract';
import type { Envelope } from './errors';

export type HttpTransportOptions = {
  /** Origin of the local server, e.g. `http://127.0.0.1:5174`; '' for same-origin. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
};

/** Splits an SSE byte stream into `{event, data}` messages. */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // Text since the last event's end, kept as chunks: a big result (a 20 MB export) arrives in
  // hundreds of chunks, and joining and searching the whole of it on each would be quadratic.
  let parts: string[] = [];
  let endsInNewline = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    let text = decoder.decode(value, { stream: true });
    for (;;) {
      let block: string;
      if (endsInNewline && text.startsWith('\n')) {
        // The "\n\n" ending the event straddles two chunks.
        block = parts.join('').slice(0, -1);
        text = text.slice(1);
      } else {
        const cut = text.indexOf('\n\n');
        if (cut < 0) break;
        block = parts.join('') + text.slice(0, cut);
        text = text.slice(cut + 2);
      }
      parts = [];
      endsInNewline = false;
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) yield { event, data: data.join('\n') };
    }
    if (text) {
      parts.push(text);
      endsInNewline = text.endsWith('\n');
    }
  }
}

export function httpTransport(opts: HttpTransportOptions): Transport {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    async call(method, input, { signal, onProgress, keepalive }) {
      const isJob = contract[method].job;
      const body = JSON.stringify(input ?? {});
      let res: Response;
      try {
        res = await doFetch(`${opts.baseUrl}/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${opts.token}`,
            'content-type': 'application/json',
            accept: isJob ? 'text/event-stream' : 'application/json',
          },
          body,
          signal,
          // Browsers cap keepalive bodies in flight at 64 KB in total; larger ones would fail.
          keepalive: !isJob && keepalive === true && body.length < 60_000,
        });
      } catch (err) {
        if (signal?.aborted)
          return { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } };
        return {
          ok: false,
          error: { code: 'unavailable', message: `Cannot reach the Quire server: ${String(err)}` },
        };
      }
      const type = res.headers.get('content-type') ?? '';
      if (!type.startsWith('text/event-stream') || !res.body) {
        const text = await res.text();
        try {
          return JSON.parse(text) as Envelope<unknown>;
        } catch {
          return {
            ok: false,
            error: { code: 'internal', message: `HTTP ${res.status}: ${text.slice(0, 200)}` },
          };
        }
      }
      try {
        for await (const msg of readServerSentEvents(res.body)) {
          if (msg.event === 'progress') onProgress?.(JSON.parse(msg.data) as Progress);
          else if (msg.event === 'result') return JSON.parse(msg.data) as Envelope<unknown>;
        }
      } catch (err) {
        if (signal?.aborted)
          return { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } };
        throw err;
      }
      if (signal?.aborted)
        return { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } };
      return {
        ok: false,
        error: { code: 'internal', message: 'The server closed the stream early.' },
      };
    },
  };
}
