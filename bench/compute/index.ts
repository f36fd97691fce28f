// Compute isolation benchmark: how the services answer other calls while heavy work runs in the
// compute worker and the notebook sandbox, and what the limits cost. Run:
// `npx tsx bench/compute/index.ts [edges]` (default 1,000,000 edges: minutes and ~3-4 GB; pass
// fewer on a shared machine). Prints JSON:
// - graphMetrics: `graph:metrics` (metrics 'all' but the all-pairs groups) on a Barabási–Albert
//   graph of ~`edges` edges (m = 4) under the default limits: duration, outcome, peak process RSS,
//   and the latency of `library:list` calls made one after another meanwhile;
// - graphOverMemory: the same graph under a 64 MB limit: time until the clear error;
// - cellFit: a JavaScript cell calling fit() on 20k points with 10,000 bootstrap refits (5 s cell
//   limit): time until the cell ends, and `library:list` latency meanwhile;
// - cellOom: `new Array(1.5e8).fill(1.5)` in a cell: time until the cell ends; the process lives.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../../electron/services/index';
import type { Notebook } from '@shared/notebook/model';

const edges = Number(process.argv[2] ?? 1_000_000);
const M = 4;

function quantiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? NaN;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { calls: s.length, p50Ms: r(q(0.5)), p99Ms: r(q(0.99)), maxMs: r(s.at(-1) ?? NaN) };
}

/** Runs `job` while calling library:list back to back (50 ms apart) and sampling the RSS. */
async function during<T>(services: Services, job: () => Promise<T>) {
  let done = false;
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  const t0 = performance.now();
  const running = job().finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const t = performance.now();
    await services.dispatch('library:list', {}, {});
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  const result = await running;
  clearInterval(sampler);
  return {
    result,
    ms: Math.round(performance.now() - t0),
    peakRssMb: Math.round(peak / 2 ** 20),
    libraryList: quantiles(latencies),
  };
}

const tmp = await mkdtemp(join(tmpdir(), 'quire-bench-compute-'));
const graph = { kind: 'barabasi-albert', n: Math.round(edges / M), m: M, seed: 1 } as const;
const metrics = ['degree', 'clustering', 'assortativity', 'components', 'pagerank', 'louvain'];
const out: Record<string, unknown> = { edges, graph };

const services = await createServices({ libraryDir: join(tmp, 'lib'), mode: 'cli' });
const g = await during(services, () => services.dispatch('graph:metrics', { graph, metrics }, {}));
out.graphMetrics = {
  ...g,
  result: g.result.ok
    ? { ok: true, nEdges: (g.result.value as { nEdges: number }).nEdges }
    : g.result.error,
};
await services.close();

const small = await createServices({
  libraryDir: join(tmp, 'lib'),
  mode: 'cli',
  graphLimits: { memoryMb: 64, timeoutMs: 600_000 },
});
const o = await during(small, () => small.dispatch('graph:metrics', { graph, metrics }, {}));
out.graphOverMemory = { ...o, result: o.result.ok ? 'no error' : o.result.error };

const nb = await small.dispatch(
  'notebooks:create',
  {
    title: 'bench',
    cells: [
      {
        id: 'fit',
        type: 'javascript',
        source:
          "const x = [], y = []; for (let i = 1; i <= 20000; i++) { x.push(i / 100); y.push(2 * Math.pow(i / 100, -0.5) + ((i * 7919) % 13) / 1e3); } return (await fit('power-law', { x, y }, { bootstrap: { samples: 10000, seed: 1 } })).status",
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'oom',
        type: 'javascript',
        source: 'new Array(1.5e8).fill(1.5)',
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
    ],
  },
  {},
);
if (!nb.ok) throw new Error(nb.error.message);
const id = (nb.value as { notebook: Notebook }).notebook.id;
for (const cellId of ['fit', 'oom']) {
  const c = await during(small, () => small.dispatch('notebooks:runCell', { id, cellId }, {}));
  out[cellId === 'fit' ? 'cellFit' : 'cellOom'] = {
    ...c,
    result: c.result.ok
      ? (c.result.value as { notebook: Notebook }).notebook.cells.find((x) => x.id === cellId)
          ?.outputs
      : c.result.error,
  };
}
await small.close();
await rm(tmp, { recursive: true, force: true });
console.log(JSON.stringify(out, null, 2));
process.exit(0);
