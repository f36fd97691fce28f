// Start-up times of the `quire` CLI and of `npm start` in browser mode, before (TypeScript through
// tsx, a full build on every start) and after (the out/cli bundle, building only when stale), run
// alternately so both see the same machine load. Prints JSON with medians and before/after ratios:
// `npx tsx bench/startup/index.ts [--runs N]` on a machine without the Electron runtime.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleReason } from '../../scripts/build-freshness.mjs';
import { syntheticPapers, toJsonl } from '../support/synthetic';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'quire.mjs');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const PAPERS = 200;
const ELECTRON_VITE = join(
  dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
);
/** Browser mode is what `npm start` runs where no Electron runtime is installed (as here). */
const NO_ELECTRON = { ELECTRON_EXEC_PATH: '' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

/** Runs a command to its end; resolves with the elapsed milliseconds (rejects on failure). */
function timeRun(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
    let err = '';
    child.stdout.resume();
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolveRun(performance.now() - t0)
        : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.slice(-500)}`)),
    );
  });
}

/**
 * Starts a server command, waits for "Quire is running at URL" and for that URL to answer HTTP 200,
 * then stops it (its whole process group). Resolves with the milliseconds from spawn to the 200.
 */
function timeToServed(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'pipe',
      detached: true,
    });
    let out = '';
    let done = false;
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(
      () => finish(new Error(`no URL within 120 s: ${out.slice(-500)}`)),
      120_000,
    );
    const finish = (result: number | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop();
      child.once('exit', () => (result instanceof Error ? reject(result) : resolveRun(result)));
    };
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Quire is running at (\S+)/.exec(out);
      if (!m || done) return;
      void fetch(m[1]!).then(
        (r) => finish(r.status === 200 ? performance.now() - t0 : new Error(`HTTP ${r.status}`)),
        (e: Error) => finish(e),
      );
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => finish(e));
  });
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'quire-bench-startup-'));
  const library = join(work, 'library');
  try {
    // The "after" runs need a fresh bundle; building here keeps them from timing a rebuild.
    const stale =
      staleReason(join(ROOT, 'out'), 'renderer', ROOT) ??
      staleReason(join(ROOT, 'out'), 'cli', ROOT);
    if (stale) await timeRun(process.execPath, [ELECTRON_VITE, 'build', '--logLevel', 'warn']);
    const feed = join(work, 'papers.jsonl');
    writeFileSync(feed, toJsonl(syntheticPapers(7, 0, PAPERS)));
    await timeRun(process.execPath, [BIN, 'import', feed, '--library', library, '--json']);

    const source = { QUIRE_FROM_SOURCE: '1' };
    const t = {
      nodeBare: [],
      helpBefore: [],
      helpAfter: [],
      listBefore: [],
      listAfter: [],
      startBefore: [],
      startAfter: [],
      npmStartAfter: [],
    } as Record<string, number[]>;
    const list = [BIN, 'list', '--json', '--library', library];
    const load0 = Math.round(loadavg()[0]! * 10) / 10;
    const serveArgs = ['--library', library, '--port', '0'];
    for (let i = 0; i < RUNS; i++) {
      // Node itself on the same machine at the same moment: the floor under every figure here.
      t.nodeBare!.push(await timeRun(process.execPath, ['-e', '0']));
      t.helpBefore!.push(await timeRun(process.execPath, [BIN, '--help'], source));
      t.helpAfter!.push(await timeRun(process.execPath, [BIN, '--help']));
      t.listBefore!.push(await timeRun(process.execPath, list, source));
      t.listAfter!.push(await timeRun(process.execPath, list));
      // Before: what `npm start` did in browser mode — a full build (without the CLI bundle, which
      // did not exist), then `quire serve` from the TypeScript sources.
      t.startBefore!.push(
        await timeToServed(
          'sh',
          [
            '-c',
            `"${process.execPath}" "${ELECTRON_VITE}" build --logLevel warn && exec "${process.execPath}" "${BIN}" serve ${serveArgs.join(' ')}`,
          ],
          { ...NO_ELECTRON, ...source, QUIRE_SKIP_CLI_BUNDLE: '1' },
        ),
      );
      t.startAfter!.push(
        await timeToServed(
          process.execPath,
          [join(ROOT, 'scripts', 'start.mjs'), ...serveArgs],
          NO_ELECTRON,
        ),
      );
      t.npmStartAfter!.push(await timeToServed('npm', ['start', '--', ...serveArgs], NO_ELECTRON));
    }
    const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) as Record<
      string,
      number
    >;
    const pair = (before: number, after: number) => ({
      beforeMs: round(before),
      afterMs: round(after),
      ratio: Math.round((before / after) * 10) / 10,
    });
    console.log(
      JSON.stringify(
        {
          bench: 'startup',
          runs: RUNS,
          node: process.version,
          // The machine is shared: the 1-minute load average at the start and the end of the runs.
          loadAverage: [load0, Math.round(loadavg()[0]! * 10) / 10],
          note: 'medians; before = TypeScript through tsx (and a full build per npm start), after = out/cli bundle',
          nodeBareMs: round(m.nodeBare!),
          help: pair(m.helpBefore!, m.helpAfter!),
          listJson: { papers: PAPERS, ...pair(m.listBefore!, m.listAfter!) },
          startToHttp200: pair(m.startBefore!, m.startAfter!),
          npmStartToHttp200AfterMs: round(m.npmStartAfter!),
          samplesMs: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.map(round)])),
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
