// UI responsiveness while 10k papers are imported and embedded in browser mode: runs the Playwright
// test of tests/e2e/responsiveness.spec.ts in its measuring mode (QUIRE_BENCH_OUT) and prints the latencies
// of view switches and library:list calls as JSON. The test itself asserts order only.
// Needs `npm run build` first (as `npm run test:e2e` does). `npx tsx bench/ui/responsiveness.ts`
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Timing = { total: number };
type Sample = { phase: string; settings: Timing; library: Timing; list: number };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'quire-bench-ui-'));
const out = join(tmp, 'responsiveness.json');
const run = spawnSync(
  'npx',
  [
    'playwright',
    'test',
    'tests/e2e/responsiveness.spec.ts',
    '-g',
    'answers clicks before the job ends',
  ],
  {
    cwd: ROOT,
    env: { ...process.env, QUIRE_BENCH_OUT: out },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
if (run.status !== 0) {
  console.error(`the Playwright run failed (exit ${run.status})`);
  process.exit(1);
}
const data = JSON.parse(readFileSync(out, 'utf8')) as { papers: number; samples: Sample[] };
rmSync(tmp, { recursive: true, force: true });

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => +(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN).toFixed(1);
  return { n: s.length, p50Ms: q(0.5), p95Ms: q(0.95), maxMs: q(1) };
};
const embed = data.samples.filter((s) => s.phase === 'embed');
console.log(
  JSON.stringify(
    {
      bench: 'ui/responsiveness',
      papers: data.papers,
      navClickDuringEmbedding: stats(embed.flatMap((s) => [s.settings.total, s.library.total])),
      libraryListDuringEmbedding: stats(embed.map((s) => s.list)),
      navClickWholeJob: stats(data.samples.flatMap((s) => [s.settings.total, s.library.total])),
    },
    null,
    2,
  ),
);
