// How quickly a model download gives up or stops: refused port, silent server, stalled body, and a
// cancel mid-transfer (against the fake hub on 127.0.0.1). The tests assert the outcomes; the
// latencies live here. Prints JSON: `npx tsx bench/models/failure-latency.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress } from '@shared/api/contract';
import { ModelStore, type ModelStoreOptions } from '../../electron/services/models/model-store';
import { closedPortUrl, startFakeHub, startSilentServer } from '../../tests/support/fake-hub';
import { writeTinyModel } from '../../tests/support/tiny-model';

const ID = 'bench-org/tiny-embed';
const RUNS = 5;
const root = mkdtempSync(join(tmpdir(), 'quire-bench-models-'));
let caseNo = 0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function msToFailure(make: () => Promise<unknown>): Promise<{ ms: number; code: string }> {
  const t0 = performance.now();
  try {
    await make();
    return { ms: performance.now() - t0, code: 'ok' };
  } catch (err) {
    return { ms: performance.now() - t0, code: (err as { code?: string }).code ?? 'error' };
  }
}

async function main(): Promise<void> {
  await writeTinyModel(join(root, 'src', ID), { vocabSize: 5000, dims: 16 });
  const hub = await startFakeHub({ [ID]: join(root, 'src', ID) });
  const silent = await startSilentServer();
  const refused = await closedPortUrl();
  const ctx = (signal = new AbortController().signal) => ({
    signal,
    onProgress: (_p: Progress) => {},
  });
  const store = (opts: Partial<ModelStoreOptions>) =>
    new ModelStore({
      bundledRoot: join(root, 'none'),
      downloadRoot: join(root, `lib${++caseNo}`, 'models'),
      hubUrl: hub.url,
      ...opts,
    });

  const cases: Record<string, () => Promise<{ ms: number; code: string }>> = {
    refusedPort: () => msToFailure(() => store({ hubUrl: refused }).download(ID, 'main', ctx())),
    silentServer300ms: () =>
      msToFailure(() =>
        store({ hubUrl: silent.url, connectTimeoutMs: 300 }).download(ID, 'main', ctx()),
      ),
    stalledBody300ms: async () => {
      hub.knobs = { stallBodies: true };
      const r = await msToFailure(() =>
        store({ stallTimeoutMs: 300, retries: 0 }).download(ID, 'main', ctx()),
      );
      hub.knobs = {};
      return r;
    },
    cancelMidTransfer: async () => {
      hub.knobs = { chunkBytes: 8 * 1024, chunkDelayMs: 25 };
      const abort = new AbortController();
      let abortedAt = 0;
      const done = store({})
        .download(ID, 'main', {
          signal: abort.signal,
          onProgress: (p: Progress) => {
            if (p.message === 'onnx/model.onnx' && p.done > 0 && !abortedAt) {
              abortedAt = performance.now();
              abort.abort();
            }
          },
        })
        .then(
          () => 'ok',
          (e: unknown) => (e as { code?: string }).code ?? 'error',
        );
      const code = await done;
      hub.knobs = {};
      return { ms: performance.now() - abortedAt, code };
    },
  };

  const out: Record<string, { p50Ms: number; maxMs: number; codes: string[] }> = {};
  for (const [name, run] of Object.entries(cases)) {
    const rs: { ms: number; code: string }[] = [];
    for (let i = 0; i < RUNS; i++) rs.push(await run());
    out[name] = {
      p50Ms: +median(rs.map((r) => r.ms)).toFixed(1),
      maxMs: +Math.max(...rs.map((r) => r.ms)).toFixed(1),
      codes: [...new Set(rs.map((r) => r.code))],
    };
  }
  console.log(JSON.stringify({ bench: 'models/failure-latency', runs: RUNS, ...out }, null, 2));
  await hub.close();
  await silent.close();
  rmSync(root, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
