// What a library keeps on disk between sessions so a new one need not read and split every paper's
// text again: the text filter's word index (library/text-index-snapshot.ts) and search's library terms
// (search/terms-snapshot.ts). For N synthetic papers held in memory (QUIRE_SESSION_PAPERS, default
// 200000; no LanceDB: each table's own cost, not reading the papers table), for each: made from the
// papers' text, written at closing, the file's size, and taken by a new session (unchanged, and for
// the word index with 1 % of the papers edited since); the heap (with typed arrays) each holds, and
// a check that the restored one answers as the one made from text does.
// Run: node --expose-gc --import tsx bench/scale/session-files.ts   — prints JSON.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperRecord } from '../../tests/support/paper';
import { MemoryPapers } from '../../tests/support/memory-papers';
import { TextIndex } from '../../electron/services/library/text-index';
import { TEXT_INDEX_FILE } from '../../electron/services/library/text-index-snapshot';
import { LibraryTerms } from '../../electron/services/search/library-terms';
import { TERMS_SNAPSHOT_FILE, TermsFile } from '../../electron/services/search/terms-snapshot';
import { syntheticPapers } from '../support/synthetic';

const N = Number(process.env.QUIRE_SESSION_PAPERS ?? 200_000);
const SEED = 11;
const FILTERS = [['graph'], ['spectral', 'graph'], ['optim'], ['zzz'], ['neural', 'tion']];
const WORDS = ['graph', 'spectral', 'neural', 'optimization', 'kernel'];

const log = (msg: string) => process.stderr.write(`[session-files] ${msg}\n`);

/** The heap and typed arrays' memory outside it (postings' bytes), after collecting garbage. */
const heapMB = () => {
  // Twice: typed arrays' memory is let go once their objects are collected.
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  return Math.round((m.heapUsed + m.arrayBuffers) / 1e6);
};

/** What `run` made (let go by setting it undefined) and how long it took. */
const timed = async <T>(run: () => Promise<T>): Promise<{ made?: T; ms: number }> => {
  const t0 = performance.now();
  const made = await run();
  return { made, ms: Math.round(performance.now() - t0) };
};

const fileMB = async (dir: string, name: string) =>
  Math.round((await stat(join(dir, name))).size / 1e6);

async function wordIndex(papers: MemoryPapers, dir: string, base: number) {
  const answers = async (index: TextIndex) => {
    const out: number[] = [];
    for (const f of FILTERS) out.push((await index.matching(f)).size);
    return JSON.stringify(out);
  };
  const session = () =>
    timed(async () => {
      const index = new TextIndex(papers, dir);
      await index.ready();
      return index;
    });
  const built = await session();
  const builtAnswers = await answers(built.made!);
  const builtMB = heapMB() - base;
  const write = await timed(() => built.made!.close());
  built.made = undefined;
  const restored = await session();
  const same = (await answers(restored.made!)) === builtAnswers;
  // Against the same base (the built index is let go by now).
  const restoredMB = heapMB() - base;
  await restored.made!.close();
  papers.set(
    ...Array.from({ length: N / 100 }, (_, k) => {
      const head = papers.get(`p${k * 100}`)!;
      return paperRecord(head.id, { ...head, abstract: `Edited ${k}.`, tags: [] });
    }),
  );
  const afterEdits = await session();
  return {
    buildMs: built.ms,
    writeAtCloseMs: write.ms,
    fileMB: await fileMB(dir, TEXT_INDEX_FILE),
    restoreMs: restored.ms,
    restoreAfter1PctEditedMs: afterEdits.ms,
    heapMB: { built: builtMB, restored: restoredMB },
    restoredAnswersAsBuilt: same,
  };
}

async function libraryTerms(papers: MemoryPapers, dir: string, base: number) {
  const answers = (t: LibraryTerms) => JSON.stringify([t.size, ...WORDS.map((w) => t.df(w))]);
  const session = () => timed(() => new LibraryTerms(papers, undefined, TermsFile.in(dir)).sync());
  const counted = await session();
  const countedAnswers = answers(counted.made!);
  const countedMB = heapMB() - base;
  const write = await timed(() => counted.made!.flushed());
  counted.made = undefined;
  const restored = await session();
  return {
    countMs: counted.ms,
    writeAtCloseMs: write.ms,
    fileMB: await fileMB(dir, TERMS_SNAPSHOT_FILE),
    restoreMs: restored.ms,
    heapMB: { counted: countedMB, restored: heapMB() - base },
    restoredAnswersAsCounted: answers(restored.made!) === countedAnswers,
  };
}

const dir = await mkdtemp(join(tmpdir(), 'quire-session-files-'));
try {
  log(`${N} papers…`);
  const papers = (): MemoryPapers =>
    new MemoryPapers(
      syntheticPapers(SEED, 0, N).map((p, i) => paperRecord(`p${i}`, { ...p, tags: [] })),
    );
  let library = papers();
  log('library terms');
  const terms = await libraryTerms(library, dir, heapMB());
  library = papers();
  log('word index');
  const words = await wordIndex(library, dir, heapMB());
  console.log(JSON.stringify({ papers: N, wordIndex: words, libraryTerms: terms }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
