// Latency of `library:list` while a graph sweep runs in the compute worker, and how quickly a cancel
// ends it (real services, temp library). Prints JSON. `npx tsx bench/graph/responsiveness.ts [sweepMs]`
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../electron/services/index';
import { probeSweep, SWEEPS } from '../../tests/support/sweep-probe';

const sweepMs = Number(process.argv[2] ?? 20_000);

async function main(): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), 'quire-bench-sweep-'));
  const services = await createServices({ libraryDir: join(tmp, 'lib'), mode: 'cli' });
  const out: Record<string, unknown> = { bench: 'graph/responsiveness', sweepMs };
  for (const [name, input] of Object.entries(SWEEPS)) {
    const m = await probeSweep(services.dispatch, input, sweepMs);
    const s = [...m.latencies].sort((a, b) => a - b);
    const q = (f: number) =>
      +(s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? NaN).toFixed(2);
    out[name] = {
      code: m.code,
      libraryListCalls: s.length,
      p50Ms: q(0.5),
      p99Ms: q(0.99),
      maxMs: q(1),
      progressEvents: m.progress.length,
      cancelMs: +m.cancelMs.toFixed(2),
    };
  }
  console.log(JSON.stringify(out, null, 2));
  await services.close();
  await rm(tmp, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
