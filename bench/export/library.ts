// Library export as a job on a lab-sized library: the one-shot exporters against the chunked job
// (total time, progress events, and the longest stretch between two chances to see a cancel).
// Run: npx tsx bench/export/library.ts [papers]   — prints JSON.
import type { Progress } from '@shared/api/contract';
import { EXPORT_FORMATS, type Paper } from '@shared/api/schemas';
import { exportPapers } from '../../electron/services/export/index';
import { EXPORT_CHUNK, exportPapersJob } from '../../electron/services/export/job';
import { syntheticPapers } from '../support/synthetic';

const N = Number(process.argv[2] ?? 10_000);
const papers: Paper[] = syntheticPapers(1, 0, N).map((p, i) => ({
  ...p,
  id: `p${i}`,
  venue: i % 3 ? 'NeurIPS' : '',
  doi: i % 2 ? `10.1000/bench.${i}` : '',
  arxivId: '',
  url: '',
  sourceFile: 'bench.jsonl',
  addedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  notes: '',
  tags: i % 5 ? [] : ['bench'],
  volume: '',
  issue: '',
  edition: '',
  pages: '',
}));

const results = [];
for (const format of EXPORT_FORMATS) {
  const t0 = performance.now();
  const once = exportPapers(papers, format);
  const oneShotMs = performance.now() - t0;
  const events: Progress[] = [];
  let last = performance.now();
  let longestGapMs = 0;
  const t1 = performance.now();
  const job = await exportPapersJob(papers, format, {
    signal: new AbortController().signal,
    onProgress: (p) => {
      events.push(p);
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    },
  });
  const jobMs = performance.now() - t1;
  results.push({
    format,
    bytes: job.content.length,
    identical: job.content === once.content,
    oneShotMs: Math.round(oneShotMs),
    jobMs: Math.round(jobMs),
    progressEvents: events.length,
    longestGapMs: Math.round(longestGapMs * 10) / 10,
  });
}
console.log(JSON.stringify({ bench: 'export/library', papers: N, chunk: EXPORT_CHUNK, results }));
