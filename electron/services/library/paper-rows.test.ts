// Reading heads from a real LanceDB table: a large library's heads come without any abstract read,
// equal to the heads made from the whole papers; a row without its stored text hash gets one from its
// paper; a small library is read whole and every paper handed on for the cache; a pass over every
// paper reads only the abstracts beside the heads.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { paperRecord } from '../../../tests/support/paper';
import { headOf } from './paper-head';
import { readByHeads, readHeads, scanByHeads } from './paper-rows';
import { PAPERS_TABLE, TEXT_HASH_COLUMN, paperToRow, papersSchema } from './schema';

const PAPERS = [
  paperRecord('a', { title: 'Scaling laws', abstract: 'Loss falls as a power law.' }),
  paperRecord('b', { title: 'No abstract' }),
  paperRecord('c', { title: 'Blank abstract', abstract: '\t \n' }),
];

let dir: string;
let db: lancedb.Connection;
let table: lancedb.Table;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-heads-'));
  db = await lancedb.connect(dir);
  table = await db.createEmptyTable(PAPERS_TABLE, papersSchema);
});
afterEach(async () => {
  table.close();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const byId = <T extends { id: string }>(xs: T[]) =>
  [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('readHeads', () => {
  it('reads heads only, equal to those made from the whole papers', async () => {
    await table.add(PAPERS.map(paperToRow));
    const kept: Paper[] = [];
    const { heads, rowIds } = await readHeads(table, false, (p) => kept.push(p));
    expect(byId(heads)).toEqual(PAPERS.map((p) => headOf(p)));
    expect(kept).toEqual([]);
    expect([...rowIds.values()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('makes a head from the paper when its row has no text hash', async () => {
    await table.add(PAPERS.map((p) => ({ ...paperToRow(p), [TEXT_HASH_COLUMN]: '' })));
    const { heads } = await readHeads(table, false, () => undefined);
    expect(byId(heads)).toEqual(PAPERS.map((p) => headOf(p)));
  });

  it('reads a small library whole, handing every paper on', async () => {
    await table.add(PAPERS.map(paperToRow));
    const kept: Paper[] = [];
    const { heads } = await readHeads(table, true, (p) => kept.push(p));
    expect(byId(kept)).toEqual(PAPERS);
    expect(byId(heads)).toEqual(PAPERS.map((p) => headOf(p)));
  });
});

describe('readByHeads', () => {
  const heads = (papers: Paper[]) => {
    const map = new Map(papers.map((p) => [p.id, headOf(p)]));
    return (id: string) => map.get(id);
  };

  it('makes whole papers from the heads and the abstracts, equal to the stored ones', async () => {
    const papers = [
      ...PAPERS,
      paperRecord('d', { title: 'Tagged', abstract: 'Résumé', tags: ['x', 'y z'], year: null }),
    ];
    await table.add(papers.map(paperToRow));
    const read = await readByHeads(table, ['d', 'a', 'c', 'gone'], heads(papers), () => true);
    expect(byId(read)).toEqual(byId([papers[3]!, papers[0]!, papers[2]!]));
    // The head's pooled arrays are not handed out.
    const tags = read.find((p) => p.id === 'd')!.tags;
    expect(tags).not.toBe(heads(papers)('d')!.tags);
  });

  it('reads whole rows when a head no longer matches its abstract, or a write landed meanwhile', async () => {
    await table.add(PAPERS.map(paperToRow));
    // A head of another state: its abstract edited, so the stored abstract does not match its hash.
    const edited = PAPERS.map((p) => (p.id === 'a' ? { ...p, abstract: 'Rewritten.' } : p));
    expect(await readByHeads(table, ['a'], heads(edited), () => true)).toEqual([PAPERS[0]]);
    const stale = PAPERS.map((p) => ({ ...p, notes: 'not yet written' }));
    expect(await readByHeads(table, ['b'], heads(stale), () => false)).toEqual([PAPERS[1]]);
  });
});

describe('scanByHeads', () => {
  const scanned = async (known: Paper[], size?: number) => {
    const map = new Map(known.map((p) => [p.id, headOf(p)]));
    const out: Paper[][] = [];
    for await (const batch of scanByHeads(table, (id) => map.get(id), size)) out.push(batch);
    return out;
  };

  it('gives every paper the library knows, whole, from its head and its abstract', async () => {
    const papers = [...PAPERS, paperRecord('d', { abstract: 'Résumé', tags: ['x'], year: null })];
    await table.add(papers.map(paperToRow));
    const batches = await scanned(papers, 3);
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(byId(batches.flat())).toEqual(byId(papers));
  });

  it('leaves out a row the library does not know, and reads whole a row its head does not match', async () => {
    await table.add(PAPERS.map(paperToRow));
    // The library's heads: 'a' of another state (its abstract edited, the write not landed), no 'c'.
    const heads = [{ ...PAPERS[0]!, abstract: 'Rewritten.' }, PAPERS[1]!];
    const all = (await scanned(heads)).flat();
    expect(byId(all)).toEqual([PAPERS[0], PAPERS[1]]);
  });
});
