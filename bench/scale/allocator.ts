// What do glibc's allocator settings (scripts/allocator-env.mjs: the host's one arena, QUIRE_MALLOC=lean's
// thresholds) save in memory and cost in speed? A library of 20k synthetic papers is built once; then
// each run copies it and, in a fresh process started with one of the settings, imports 5k papers,
// searches and filters (allocator-run.ts). Runs take the settings in turn, in a rotated order each
// round; the medians and their ratios to glibc's defaults are printed as JSON. Other settings to
// compare: QUIRE_ALLOCATOR_VARIANTS='{"arena2":{"MALLOC_ARENA_MAX":"2"}}'. Not part of `npm test`.
// Run: npx tsx bench/scale/allocator.ts   (QUIRE_ALLOCATOR_ROUNDS=3)
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { ALLOCATOR_ENV, ALLOCATOR_PROFILES } from '../../scripts/allocator-env.mjs';
import { syntheticPapers, toJsonl } from '../support/synthetic';
import { pct, r1 } from '../support/timing';

const BASE = 20_000;
const ROUNDS = Number(process.env.QUIRE_ALLOCATOR_ROUNDS ?? 3);
const ROOT = resolve(import.meta.dirname, '..', '..');
/** The environments compared: the host's settings, glibc's defaults, and any others asked for. */
const VARIANTS: Record<string, Record<string, string>> = {
  host: { ...ALLOCATOR_ENV },
  lean: { ...ALLOCATOR_PROFILES.lean },
  glibcDefault: {},
  ...(JSON.parse(process.env.QUIRE_ALLOCATOR_VARIANTS ?? '{}') as Record<
    string,
    Record<string, string>
  >),
};
type Run = Record<
  'importPerSecond' | 'hybridP50' | 'textFilterP50' | 'rssMB' | 'heapUsedMB',
  number
>;

const log = (msg: string) => process.stderr.write(`[allocator] ${msg}\n`);

async function buildBase(dir: string): Promise<void> {
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  const api = createClient(inProcessTransport(services.dispatch));
  for (let from = 0; from < BASE; from += 10_000) {
    const text = toJsonl(syntheticPapers(11, from, 10_000));
    await api.call('import:run', { source: { kind: 'text', name: `base-${from}.jsonl`, text } });
  }
  await services.close();
}

function runOnce(dir: string, mode: string): Run {
  const env = { ...process.env };
  for (const key of Object.keys(ALLOCATOR_PROFILES.lean)) delete env[key];
  const script = join(ROOT, 'bench', 'scale', 'allocator-run.ts');
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, dir, String(BASE)],
    { cwd: ROOT, encoding: 'utf8', env: { ...env, ...VARIANTS[mode] } },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

const tmp = await mkdtemp(join(tmpdir(), 'quire-bench-allocator-'));
try {
  const base = join(tmp, 'base');
  await buildBase(base);
  log(`base library of ${BASE} papers built`);
  const modes = Object.keys(VARIANTS);
  const runs = new Map<string, Run[]>(modes.map((m) => [m, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = modes.map((_, i) => modes[(i + round) % modes.length]!);
    for (const mode of order) {
      const dir = join(tmp, `run-${round}-${mode}`);
      await cp(base, dir, { recursive: true });
      const run = runOnce(dir, mode);
      log(`round ${round + 1} ${mode}: ${JSON.stringify(run)}`);
      runs.get(mode)!.push(run);
      await rm(dir, { recursive: true, force: true });
    }
  }
  const median = (mode: string, key: keyof Run) =>
    pct(
      runs.get(mode)!.map((r) => r[key]),
      50,
    );
  const keys = Object.keys(runs.get('host')![0]!) as (keyof Run)[];
  const medians = (mode: string) => Object.fromEntries(keys.map((k) => [k, median(mode, k)]));
  console.log(
    JSON.stringify(
      {
        basePapers: BASE,
        rounds: ROUNDS,
        variants: VARIANTS,
        medians: Object.fromEntries(modes.map((m) => [m, medians(m)])),
        ratioToGlibcDefault: Object.fromEntries(
          modes.map((m) => [
            m,
            Object.fromEntries(keys.map((k) => [k, r1(median(m, k) / median('glibcDefault', k))])),
          ]),
        ),
        runs: Object.fromEntries(runs),
      },
      null,
      2,
    ),
  );
} finally {
  await rm(tmp, { recursive: true, force: true });
}
process.exit(0);
