// Reading server-sent events: the same events whatever the chunking of the stream (an event's end,
// a "\n\n", or a multi-byte character split across two chunks).
import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './http-client';

const TEXT =
  'event: progress\ndata: {"done":1}\n\n' +
  ': a comment\n\n' +
  'event: progress\ndata: {"done":2,"message":"café 量子 😀"}\n\n' +
  'event: result\ndata: line one\ndata: line two\n\n';
const EXPECTED = [
  { event: 'progress', data: '{"done":1}' },
  { event: 'progress', data: '{"done":2,"message":"café 量子 😀"}' },
  { event: 'result', data: 'line one\nline two' },
];

function streamOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      let at = 0;
      for (const cut of [...cuts, bytes.length]) {
        if (cut > at) c.enqueue(bytes.subarray(at, cut));
        at = Math.max(at, cut);
      }
      c.close();
    },
  });
}

async function read(stream: ReadableStream<Uint8Array>) {
  const out: { event: string; data: string }[] = [];
  for await (const e of readServerSentEvents(stream)) out.push(e);
  return out;
}

describe('readServerSentEvents', () => {
  const bytes = new TextEncoder().encode(TEXT);

  it('reads the events from one chunk, and split at every byte', async () => {
    expect(await read(streamOf(bytes, []))).toEqual(EXPECTED);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await read(streamOf(bytes, [cut])), `cut at ${cut}`).toEqual(EXPECTED);
  });

  it('reads the events from one-byte chunks', async () => {
    const cuts = Array.from({ length: bytes.length }, (_, i) => i + 1);
    expect(await read(streamOf(bytes, cuts))).toEqual(EXPECTED);
  });
});
