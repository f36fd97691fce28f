// Browser mode's reading of a big job result (a 10k-paper export is ~20 MB of JSON in one server-sent
// event, arriving in 64 KB chunks): milliseconds to read it. Run: npx tsx bench/export/sse-read.ts — prints JSON.
import { readServerSentEvents } from '@shared/api/http-client';
const data = JSON.stringify({ ok: true, value: { content: 'x'.repeat(20_000_000) } });
const text = `event: progress\ndata: {}\n\nevent: result\ndata: ${data}\n\n`;
const bytes = new TextEncoder().encode(text);
const stream = new ReadableStream<Uint8Array>({
  start(c) {
    for (let i = 0; i < bytes.length; i += 65536) c.enqueue(bytes.subarray(i, i + 65536));
    c.close();
  },
});
const t0 = performance.now();
let n = 0;
for await (const e of readServerSentEvents(stream)) n += e.data.length;
console.log(
  JSON.stringify({
    bench: 'export/sse-read',
    mb: bytes.length / 1e6,
    ms: Math.round(performance.now() - t0),
    n,
  }),
);
