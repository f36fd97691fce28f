// A host that stays open while imports land: LanceDB's caches and the process's RSS after each of six
// 2k-paper imports (each followed by 30 hybrid and 30 vector searches), in two fresh processes: with
// LanceDB's default caches (6 GB of index data, 1 GB of metadata) and with Quire's caps
// (library/lance-session.ts). Each import writes new index files, and the old ones stay cached.
// The library given grows by 24k synthetic papers (12k a process); use a copy you can spare.
// Run: npx tsx bench/scale/cache-growth.ts <libraryDir>   — prints JSON; progress goes to stderr.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import {
  DEFAULT_INDEX_CACHE_MB,
  DEFAULT_METADATA_CACHE_MB,
  lanceSession,
} from '../../electron/services/library/lance-session';
import { syntheticPapers, syntheticQueries } from '../support/synthetic';
import { stats } from '../support/timing';
import { ALLOCATOR_ENV } from '../../scripts/allocator-env.mjs';

const ROUNDS = 6;
const STEP = 2_000;
const mb = (n: number | bigint) => Math.round(Number(n) / 1e6);
const log = (msg: string) => process.stderr.write(`[cache-growth] ${msg}\n`);

async function child(dir: string, from: number): Promise<void> {
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  const api = createClient(inProcessTransport(services.dispatch));
  const queries = syntheticQueries(9, 30);
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const papers = syntheticPapers(77, from + round * STEP, STEP);
    const text = papers.map((p) => JSON.stringify(p)).join('\n');
    await api.call('import:run', { source: { kind: 'text', name: `growth-${from}.jsonl`, text } });
    const times: number[] = [];
    for (const query of queries)
      for (const mode of ['hybrid', 'vector'] as const) {
        const t = performance.now();
        await api.call('search:query', { query, mode, k: 10 });
        times.push(performance.now() - t);
      }
    global.gc?.();
    const m = process.memoryUsage();
    const at = { round, searchP50: stats(times).p50, rssMB: mb(m.rss), heapMB: mb(m.heapUsed) };
    rounds.push({ ...at, cacheMB: mb(lanceSession().sizeBytes()) });
    log(JSON.stringify(rounds.at(-1)));
  }
  await services.close();
  console.log(JSON.stringify(rounds));
}

function run(dir: string, from: number, caps: Record<string, string>) {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', import.meta.filename, dir, '--child', String(from)],
    { encoding: 'utf8', env: { ...process.env, ...ALLOCATOR_ENV, ...caps }, maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as { rssMB: number; cacheMB: number }[];
}

const [dirArg, flag, fromArg] = process.argv.slice(2);
if (!dirArg) throw new Error('usage: cache-growth.ts <libraryDir>');
const dir = resolve(dirArg);
if (flag === '--child') {
  await child(dir, Number(fromArg));
  process.exit(0);
}
// Paper numbers far past the scale bench's, different at each run (an import skips duplicates).
const base = 10_000_000 * (1 + (Math.floor(Date.now() / 1000) % 100));
log('LanceDB defaults');
const lanceDefaults = run(dir, base, {
  QUIRE_LANCE_INDEX_CACHE_MB: '6144',
  QUIRE_LANCE_METADATA_CACHE_MB: '1024',
});
log('Quire caps');
const quireCaps = run(dir, base + ROUNDS * STEP, {
  QUIRE_LANCE_INDEX_CACHE_MB: String(DEFAULT_INDEX_CACHE_MB),
  QUIRE_LANCE_METADATA_CACHE_MB: String(DEFAULT_METADATA_CACHE_MB),
});
const last = (r: { rssMB: number; cacheMB: number }[]) => r.at(-1)!;
console.log(
  JSON.stringify({
    imports: `${ROUNDS} × ${STEP} papers, searches after each`,
    lanceDefaults,
    quireCaps,
    rssRatio: Math.round((last(quireCaps).rssMB / last(lanceDefaults).rssMB) * 100) / 100,
  }),
);
