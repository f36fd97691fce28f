// The text filter's word index built from every paper's text against taken from its file on disk
// (library/text-index-snapshot.ts), for N synthetic papers held in memory (QUIRE_TEXT_PAPERS, default
// 200000; no LanceDB: this is the index's own cost, not reading the table). Reports the build, the
// write at closing, the file's size, and a new session's restore: unchanged, and with 1 % of the
// papers edited since (indexed again from their text); with the heap after each, and a check that the
// restored index answers as the built one does.
// Run: node --expose-gc --import tsx bench/scale/text-index-file.ts   — prints JSON.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperRecord } from '../../tests/support/paper';
import { MemoryPapers } from '../../tests/support/memory-papers';
import { TextIndex } from '../../electron/services/library/text-index';
import { TEXT_INDEX_FILE } from '../../electron/services/library/text-index-snapshot';
import { syntheticPapers } from '../support/synthetic';

const N = Number(process.env.QUIRE_TEXT_PAPERS ?? 200_000);
const SEED = 11;
const FILTERS = [['graph'], ['spectral', 'graph'], ['optim'], ['zzz'], ['neural', 'tion']];

const log = (msg: string) => process.stderr.write(`[text-index-file] ${msg}\n`);
/** The heap and typed arrays' memory outside it (postings' bytes). */
const heapMB = () => {
  // Twice: typed arrays' memory is let go once their objects are collected.
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  return Math.round((m.heapUsed + m.arrayBuffers) / 1e6);
};

async function answers(index: TextIndex): Promise<number[]> {
  const out: number[] = [];
  for (const f of FILTERS) out.push((await index.matching(f)).size);
  return out;
}

/** A session: the index made ready (built or restored), timed. */
async function ready(papers: MemoryPapers, dir: string) {
  const index = new TextIndex(papers, dir);
  const t0 = performance.now();
  await index.ready();
  return { index, ms: Math.round(performance.now() - t0) };
}

const dir = await mkdtemp(join(tmpdir(), 'quire-text-index-bench-'));
try {
  log(`${N} papers…`);
  const papers = new MemoryPapers(
    syntheticPapers(SEED, 0, N).map((p, i) => paperRecord(`p${i}`, { ...p, tags: [] })),
  );
  const baseHeap = heapMB();
  log('build');
  let built: Awaited<ReturnType<typeof ready>> | undefined = await ready(papers, dir);
  const buildMs = built.ms;
  const builtAnswers = await answers(built.index);
  const builtHeap = heapMB() - baseHeap;
  const t1 = performance.now();
  await built.index.close();
  const writeMs = Math.round(performance.now() - t1);
  built = undefined;
  const fileMB = Math.round((await stat(join(dir, TEXT_INDEX_FILE))).size / 1e6);
  log('restore');
  const restored = await ready(papers, dir);
  const same = JSON.stringify(await answers(restored.index)) === JSON.stringify(builtAnswers);
  // Against the same base as the built index (the built one is let go by now).
  const restoredHeap = heapMB() - baseHeap;
  log('restore after 1 % edited');
  const edited = Array.from({ length: N / 100 }, (_, k) => {
    const id = `p${k * 100}`;
    const head = papers.get(id)!;
    return paperRecord(id, { ...head, abstract: `Edited ${k}.`, tags: [] });
  });
  papers.set(...edited);
  const afterEdits = await ready(papers, dir);
  console.log(
    JSON.stringify({
      papers: N,
      buildMs,
      heapMB: { built: builtHeap, restored: restoredHeap },
      writeAtCloseMs: writeMs,
      fileMB,
      restoreMs: restored.ms,
      restoreAfterEditsMs: afterEdits.ms,
      restoredAnswersAsBuilt: same,
      answers: builtAnswers,
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
