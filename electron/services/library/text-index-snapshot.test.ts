// The text filter's word index kept on disk: a new session takes it instead of reading every paper's
// text, indexes only what changed since, answers as a scan of the text would, and ignores a file it
// cannot trust.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { paperRecord as paper } from '../../../tests/support/paper';
import { MemoryPapers } from '../../../tests/support/memory-papers';
import { searchableText, words } from './filter';
import { PaperStore } from './store';
import { TextIndex } from './text-index';
import { indexLines, readIndex, TEXT_INDEX_FILE } from './text-index-snapshot';
import { WORD_SPLIT } from './text-words';

const TOPICS = ['spectral graph', 'kernel methods', 'über Graphen', 'naïve Bayes', '深層学習'];
/** More papers than a save waits for (1,000 changed). */
const library = (n: number, tag = ''): Paper[] =>
  Array.from({ length: n }, (_, i) =>
    paper(`p${i}`, {
      title: `${TOPICS[i % TOPICS.length]} study ${i}${tag}`,
      abstract: `Paper number ${i} on ${TOPICS[(i * 7) % TOPICS.length]}.`,
      tags: i % 10 === 0 ? ['tenth'] : [],
    }),
  );

const QUERIES = [
  'spectral',
  'graph',
  'raph',
  'über',
  'naïve bayes',
  '学習',
  'tenth',
  'study 12',
  'x9',
];

/** The papers read from the library's table, by id or in passes. */
class CountingPapers extends MemoryPapers {
  readIds: string[] = [];
  passes = 0;
  override read(ids: readonly string[]): Promise<Paper[]> {
    this.readIds.push(...ids);
    return super.read(ids);
  }
  override batches(size?: number): AsyncGenerator<Paper[]> {
    this.passes++;
    return super.batches(size);
  }
}

const scan = (papers: readonly Paper[], text: string) =>
  papers
    .filter((p) => words(text).every((w) => searchableText(p).includes(w)))
    .map((p) => p.id)
    .sort();

async function expectAnswersOf(index: TextIndex, papers: readonly Paper[]) {
  for (const q of QUERIES)
    expect([...(await index.matching(words(q)))].sort(), q).toEqual(scan(papers, q));
}

/** A session: the index built (or restored) over `papers`, then closed (saved if due). */
async function session(dir: string, papers: CountingPapers): Promise<TextIndex> {
  const index = new TextIndex(papers, dir);
  await index.ready();
  expect(index.isBuilt).toBe(true);
  return index;
}

describe('the text index on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-text-index-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is written after a build and taken by the next session without reading any text', async () => {
    const papers = library(1_200);
    const first = await session(dir, new CountingPapers(papers));
    await first.close();
    expect(existsSync(join(dir, TEXT_INDEX_FILE))).toBe(true);

    const again = new CountingPapers(papers);
    const second = await session(dir, again);
    expect(again.passes).toBe(0);
    expect(again.readIds).toEqual([]);
    await expectAnswersOf(second, papers);
  });

  it('indexes only the papers edited, retagged or added since, and leaves out deleted ones', async () => {
    const papers = library(1_200);
    await (await session(dir, new CountingPapers(papers))).close();

    const now = new CountingPapers(papers);
    now.set({ ...papers[3]!, abstract: 'Now about zeugmata.' }); // text
    now.set({ ...papers[4]!, tags: ['retagged'] }); // another field the filter reads
    now.set(paper('new1', { title: 'Fresh spectral paper' }));
    now.remove('p5');
    const index = await session(dir, now);
    expect(now.passes).toBe(0);
    expect(now.readIds.sort()).toEqual(['new1', 'p3', 'p4']);
    await expectAnswersOf(index, now.papers());
    expect([...(await index.matching(['zeugmata']))]).toEqual(['p3']);
    expect([...(await index.matching(['retagged']))]).toEqual(['p4']);
  });

  it('starts the restore over when a paper is written during it, without reading the whole text', async () => {
    const papers = library(1_200);
    await (await session(dir, new CountingPapers(papers))).close();
    const now = new CountingPapers(papers);
    const index = new TextIndex(now, dir);
    index.warm();
    const late = paper('late', { title: 'Spectral latecomer' });
    now.set(late);
    index.added([late]);
    await index.ready();
    expect(index.isBuilt).toBe(true);
    expect(now.passes).toBe(0);
    expect(now.readIds).toEqual(['late']);
    await expectAnswersOf(index, now.papers());
  });

  it('has a filter in a large library wait for the index taken from its file, not read the text', async () => {
    const papers = library(6_000); // past the size where filters wait for a build (5k)
    await (await session(dir, new CountingPapers(papers))).close();
    const now = new CountingPapers(papers);
    const index = new TextIndex(now, dir);
    index.warm();
    const found = [...(await index.matching(['spectral']))].sort();
    expect(found).toEqual(scan(papers, 'spectral'));
    expect(now.passes).toBe(0);
    expect(index.isBuilt).toBe(true);
  });

  it('is built afresh when most of the library changed since', async () => {
    await (await session(dir, new CountingPapers(library(1_200)))).close();
    const changed = library(1_200, ' revised');
    const now = new CountingPapers(changed);
    const index = await session(dir, now);
    expect(now.passes).toBe(1);
    expect(now.readIds).toEqual([]);
    await expectAnswersOf(index, changed);
  });

  it('holds the index as it was when writing began, while papers are added during the write', async () => {
    const papers = new CountingPapers(library(1_200));
    const index = await session(dir, papers);
    type Built = { headAt: never[]; vocab: { list: string[] }; posts: never[] };
    const built = (index as unknown as { index: Built }).index;
    const lines = indexLines(
      { headAt: built.headAt, words: built.vocab.list, posts: built.posts },
      WORD_SPLIT,
    );
    const written = [lines.next().value as string];
    // Papers added after the first line, with new words and more papers for old words' postings.
    const late = [
      paper('late1', { title: 'Spectral zymurgy' }),
      paper('late2', { title: 'Kernel' }),
    ];
    papers.set(...late);
    index.added(late);
    for (const line of lines) written.push(line);
    // The session's own save (after its build) is done with before the file is replaced.
    await index.close();
    const file = join(dir, TEXT_INDEX_FILE);
    await writeFile(file, written.map((l) => `${l}\n`).join(''));
    const read = await readIndex(file, WORD_SPLIT);
    expect(read?.papers).toHaveLength(1_200);

    const now = new CountingPapers(papers.papers());
    const next = await session(dir, now);
    expect(now.readIds.sort()).toEqual(['late1', 'late2']);
    await expectAnswersOf(next, now.papers());
    expect([...(await next.matching(['zymurgy']))]).toEqual(['late1']);
  });

  it('is ignored when cut short, corrupt, of another version or split otherwise', async () => {
    const papers = library(1_200);
    await (await session(dir, new CountingPapers(papers))).close();
    const file = join(dir, TEXT_INDEX_FILE);
    const good = await readFile(file, 'utf8');
    expect(await readIndex(file, WORD_SPLIT)).not.toBeNull();
    const lines = good.trimEnd().split('\n');
    const postingLine = lines.findIndex((l) => l.startsWith('{"t":'));
    const withPosting = (t: unknown[]) =>
      lines.map((l, i) => (i === postingLine ? JSON.stringify({ t }) : l)).join('\n');
    const firstPostings = (JSON.parse(lines[postingLine]!) as { t: unknown[] }).t;
    const spoilt = [
      good.slice(0, Math.floor(good.length * 0.7)),
      lines.slice(0, -1).join('\n'),
      good.replace('"version":1', '"version":99'),
      good.replace('{"t":[', '{"t":[['),
      // A posting naming a paper past the last one, a varint cut short, papers out of order.
      withPosting([1_200, ...firstPostings.slice(1)]),
      withPosting([Buffer.from([0x85]).toString('base64'), ...firstPostings.slice(1)]),
      withPosting([Buffer.from([5, 0]).toString('base64'), ...firstPostings.slice(1)]),
      lines.filter((l) => !l.startsWith('{"w":')).join('\n'),
    ];
    for (const bad of spoilt) {
      await writeFile(file, bad);
      expect(await readIndex(file, WORD_SPLIT), bad.slice(0, 200)).toBeNull();
      const now = new CountingPapers(papers);
      const index = await session(dir, now);
      await expectAnswersOf(index, papers);
      expect(now.passes).toBe(1);
      await index.close();
    }
    await writeFile(file, good);
    expect(await readIndex(file, `${WORD_SPLIT} changed`)).toBeNull();
  });

  it('is written by the library when it closes, and read when it opens', async () => {
    const store = await PaperStore.open(dir);
    await store.add(library(1_100));
    expect((await store.withWords(['spectral'])).size).toBe(220);
    await store.close();
    expect(existsSync(join(dir, TEXT_INDEX_FILE))).toBe(true);
    const read = await readIndex(join(dir, TEXT_INDEX_FILE), WORD_SPLIT);
    expect(read?.papers).toHaveLength(1_100);
    const reopened = await PaperStore.open(dir);
    expect((await reopened.withWords(['spectral'])).size).toBe(220);
    await reopened.close();
  });
});
