// Library terms kept on disk between sessions: a new session restores them and tokenizes only papers
// whose text changed, its tables equal a full count's, and a snapshot it cannot trust is ignored.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { paperRecord } from '../../../tests/support/paper';
import { MemoryPapers } from '../../../tests/support/memory-papers';
import { LibraryTerms } from './library-terms';
import { readSnapshot, TERMS_SNAPSHOT_FILE, TermsFile } from './terms-snapshot';

/** Counts the papers whose text is read back from the library (to be tokenized). */
class ReadCounting extends MemoryPapers {
  textsRead = 0;
  override async read(ids: readonly string[]): Promise<Paper[]> {
    const out = await super.read(ids);
    this.textsRead += out.length;
    return out;
  }
  override async *batches(size = 2): AsyncGenerator<Paper[]> {
    for await (const batch of super.batches(size)) {
      this.textsRead += batch.length;
      yield batch;
    }
  }
}

const TOPICS = ['photonic lasers', 'graph attention', 'protein folding', 'sparse solvers'];
/** 1,200 papers: more than a snapshot waits for, with compounds and abbreviations among them. */
const PAPERS = Array.from({ length: 1_200 }, (_, i) =>
  paperRecord(`p${i}`, {
    title: `Study ${i} of ${TOPICS[i % 4]}`,
    abstract:
      i % 10 === 0
        ? `A graph neural network (GNN) limits over-squashing; case ${i % 37}.`
        : `We measure ${TOPICS[(i + 1) % 4]} in régime ${i % 53} with naïve baselines.`,
  }),
);

/** Everything a query reads from the tables. */
function tables(t: LibraryTerms) {
  return {
    n: t.size,
    df: new Map([...t.get().df].sort()),
    others: ['of', 'in', '7', 'a'].map((w) => t.df(w)),
    compound: t.compound('oversquashing'),
    aliases: t.aliases().sort((a, b) => a.long.localeCompare(b.long)),
  };
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-terms-'));
  file = join(dir, TERMS_SNAPSHOT_FILE);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function session(lib: MemoryPapers): Promise<LibraryTerms> {
  const t = await new LibraryTerms(lib, undefined, new TermsFile(file)).sync();
  await t.flushed();
  return t;
}

describe('library terms snapshot', () => {
  it('is written after a large count and restored by the next session without reading texts', async () => {
    const first = await session(new ReadCounting(PAPERS));
    expect((await readSnapshot(file))?.entries).toHaveLength(PAPERS.length);

    const lib = new ReadCounting(PAPERS);
    const second = await session(lib);
    expect(lib.textsRead).toBe(0);
    expect(tables(second)).toEqual(tables(first));
    expect(second.wordsOf(PAPERS[5]!)).toEqual(first.wordsOf(PAPERS[5]!));
  });

  it('tokenizes only papers edited or added since, and drops deleted ones', async () => {
    await session(new ReadCounting(PAPERS));
    const changed = [
      ...PAPERS.slice(2),
      { ...PAPERS[2]!, abstract: 'Quantum annealing (QA) for over-squashing.' },
      paperRecord('new', { title: 'Brand new topic', abstract: 'Holography.' }),
    ];
    const lib = new ReadCounting(changed);
    const restored = await session(lib);
    expect(lib.textsRead).toBe(2);
    const fresh = await new LibraryTerms(new MemoryPapers(changed)).sync();
    expect(tables(restored)).toEqual(tables(fresh));
    expect(restored.longForms('qa').map((a) => a.long)).toEqual(['quantum annealing']);
  });

  it('is ignored when cut short, corrupt or written by a parser that worked otherwise', async () => {
    const fresh = await new LibraryTerms(new MemoryPapers(PAPERS)).sync();
    await session(new ReadCounting(PAPERS));
    const text = await readFile(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    const spoilt = [
      lines.slice(0, -1).join('\n'),
      [lines[0], '[1,2', ...lines.slice(2)].join('\n'),
      [JSON.stringify({ ...header, parser: 'another' }), ...lines.slice(1)].join('\n'),
      [lines[0], JSON.stringify(['p1', 'h', 7, '']), ...lines.slice(2)].join('\n'),
      // A definition that is not one, and a word number past the vocabulary's end.
      [
        lines[0],
        JSON.stringify(['p0', 'h', 'AA==', '', 0, [{ short: 1 }]]),
        ...lines.slice(2),
      ].join('\n'),
      [lines[0], JSON.stringify(['p0', 'h', '/38=', '', 0, 0]), ...lines.slice(2)].join('\n'),
    ];
    for (const bad of spoilt) {
      await writeFile(file, bad);
      expect(await readSnapshot(file), bad.slice(0, 300)).toBeNull();
      const lib = new ReadCounting(PAPERS);
      expect(tables(await session(lib))).toEqual(tables(fresh));
      expect(lib.textsRead).toBe(PAPERS.length);
      // Counted from the texts, the session wrote a snapshot the next one can use.
      expect((await readSnapshot(file))?.entries).toHaveLength(PAPERS.length);
    }
  });

  it('a missing folder or file leaves the terms counted as before', async () => {
    const lib = new ReadCounting(PAPERS.slice(0, 50));
    const missing = join(dir, 'gone', TERMS_SNAPSHOT_FILE);
    const t = await new LibraryTerms(lib, undefined, new TermsFile(missing)).sync();
    expect(t.size).toBe(50);
    expect(lib.textsRead).toBe(50);
  });

  it('writes nothing once closed, though a count still under way may end later', async () => {
    const lib = new ReadCounting(PAPERS);
    const t = await session(lib);
    const before = await readFile(file, 'utf8');
    for (const p of PAPERS.slice(0, 1_100)) lib.remove(p.id);
    await t.sync();
    await t.flushed();
    expect(t.size).toBe(100);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('removes temporary files an hour old, left by writes that never finished', async () => {
    const old = join(dir, `.${TERMS_SNAPSHOT_FILE}.0a1b2c.tmp`);
    const recent = join(dir, `.${TERMS_SNAPSHOT_FILE}.3d4e5f.tmp`);
    await writeFile(old, 'half a snapshot');
    await writeFile(recent, 'another process writing now');
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(old, hoursAgo, hoursAgo);
    await session(new ReadCounting(PAPERS.slice(0, 10)));
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});
