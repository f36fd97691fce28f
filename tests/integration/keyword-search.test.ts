// Keyword search through the real services on a real LanceDB library: a library made by the previous
// format is upgraded (fold column) and then matches compounds and accented words it missed; the
// library's abbreviations expand queries both ways, follow imports and deletes (a query right after
// a large import already knows its papers' terms), and each hit says why it matched.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { Schema } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import type { Paper } from '@shared/api/schemas';
import { createServices, type Services } from '../../electron/services';
import { readMeta, writeMeta } from '../../electron/services/library/migrations';
import {
  FOLD_COLUMN,
  HAS_ABSTRACT_COLUMN,
  TEXT_HASH_COLUMN,
  PAPERS_TABLE,
  SCHEMA_VERSION,
  WORK_DETAIL_COLUMNS,
  papersSchema,
} from '../../electron/services/library/schema';
import { syntheticPapers, toJsonl } from '../../bench/support/synthetic';

let dir: string;
let services: Services | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-keyword-'));
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function open(): Promise<Api> {
  services = await createServices({ libraryDir: dir, mode: 'cli' });
  return createClient(inProcessTransport(services.dispatch));
}

const row = (id: string, title: string, abstract: string): Paper => ({
  id,
  title,
  abstract,
  authors: ['A. Author'],
  year: 2024,
  venue: '',
  doi: '',
  arxivId: '',
  url: '',
  sourceFile: 'old.jsonl',
  addedAt: `2026-01-01T00:00:0${id}.000Z`,
  updatedAt: '2026-01-01T00:00:00.000Z',
  notes: '',
  tags: [],
  volume: '',
  issue: '',
  edition: '',
  pages: '',
});

const OLD_PAPERS = [
  row('1', 'On over-squashing in message passing', 'Bottlenecks limit long-range information.'),
  row('2', 'Schrödinger bridges for generative modelling', 'Diffusion seen as transport.'),
  row('3', 'Ranking documents', 'A study of retrieval with learned rankers.'),
  row('4', 'Protein folding', 'Structures predicted from sequences.'),
];

/** Columns format 1 did not have: fold (format 2), work details (format 3), text summary (format 4). */
const LATER: ReadonlySet<string> = new Set([
  FOLD_COLUMN,
  ...WORK_DETAIL_COLUMNS,
  TEXT_HASH_COLUMN,
  HAS_ABSTRACT_COLUMN,
]);

/** A library written the way format 1 wrote it: no fold column, FTS on title and abstract only. */
async function createFormat1Library(): Promise<void> {
  const db = await lancedb.connect(join(dir, 'lancedb'));
  const v1 = new Schema(papersSchema.fields.filter((f) => !LATER.has(f.name)));
  const table = await db.createEmptyTable(PAPERS_TABLE, v1);
  await table.add(
    OLD_PAPERS.map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !LATER.has(k)))),
  );
  for (const column of ['title', 'abstract'])
    await table.createIndex(column, {
      config: lancedb.Index.fts({
        withPosition: false,
        stem: true,
        removeStopWords: true,
        asciiFolding: true,
        lowercase: true,
      }),
    });
  table.close();
  db.close();
  await writeMeta(dir, { format: 'quire-library', schemaVersion: 1, createdAt: 'x' });
}

const titles = (r: { hits: { paper: Paper }[] }) => r.hits.map((h) => h.paper.title);

describe('upgrading a format-1 library', () => {
  it('adds the fold column, keeps every paper, and then finds compounds and accented stems', async () => {
    await createFormat1Library();
    const api = await open();
    expect((await readMeta(dir))?.schemaVersion).toBe(SCHEMA_VERSION);
    const { items } = await api.call('library:list', { sort: 'addedAt', limit: 10 });
    expect(items).toEqual(OLD_PAPERS);

    const fts = (query: string) => api.call('search:query', { query, mode: 'fts', k: 10 });
    // Stemming and stop words as before: "rankings" meets "Ranking" and "rankers"' stem.
    expect(titles(await fts('the rankings'))).toEqual(['Ranking documents']);
    // Failed before: the solid spelling never met "over-squashing".
    expect(titles(await fts('oversquashing'))).toEqual(['On over-squashing in message passing']);
    // Failed before: LanceDB stems before folding accents, so "Schrödinger" (unstemmed) and
    // "schrodinger" (stemmed to "schroding") never met.
    expect(titles(await fts('schrodinger'))).toEqual([
      'Schrödinger bridges for generative modelling',
    ]);
  });

  it('is safe to run again after an interruption', async () => {
    await createFormat1Library();
    const { MIGRATIONS } = await import('../../electron/services/library/migrations');
    const db = await lancedb.connect(join(dir, 'lancedb'));
    await MIGRATIONS[0]!.run(db);
    await MIGRATIONS[0]!.run(db);
    db.close();
    const api = await open();
    const r = await api.call('search:query', { query: 'oversquashing', mode: 'fts', k: 10 });
    expect(titles(r)).toEqual(['On over-squashing in message passing']);
  });
});

describe('abbreviations learned from the library', () => {
  const PAPERS = [
    {
      title: 'Rewiring message passing',
      abstract:
        'Graph neural networks (GNNs) pass messages between nodes; rewiring the graph helps them.',
    },
    {
      title: 'Curvature and bottlenecks',
      abstract: 'We relate the curvature of graph neural networks to their bottlenecks.',
    },
    { title: 'A GNN for molecules', abstract: 'We train a GNN on small molecules.' },
    { title: 'Protein folding', abstract: 'Structures predicted from sequences.' },
  ];

  it('expands queries both ways, explains each hit, and follows imports and deletes', async () => {
    const api = await open();
    const imported = async (papers: typeof PAPERS) =>
      api.call('import:run', {
        source: {
          kind: 'text',
          name: 'papers.jsonl',
          text: papers.map((p) => JSON.stringify(p)).join('\n'),
        },
      });
    const fts = (query: string) => api.call('search:query', { query, mode: 'fts', k: 10 });

    // Without the defining paper the library knows no "GNN": only the literal match.
    await imported(PAPERS.slice(1));
    expect(titles(await fts('GNN'))).toEqual(['A GNN for molecules']);

    // Importing a paper that defines it teaches the alias.
    await imported(PAPERS.slice(0, 1));
    const short = await fts('GNN');
    expect(new Set(titles(short))).toEqual(
      new Set(['A GNN for molecules', 'Rewiring message passing', 'Curvature and bottlenecks']),
    );
    expect(short.expansions).toContainEqual({
      from: 'GNN',
      to: 'graph neural network',
      kind: 'alias',
    });
    const curvature = short.hits.find((h) => h.paper.title === 'Curvature and bottlenecks')!;
    expect(curvature.matched).toEqual([{ from: 'GNN', to: 'graph neural network', kind: 'alias' }]);
    // The paper writing the abbreviation still comes first: the words as typed weigh most.
    expect(short.hits[0]!.paper.title).toBe('A GNN for molecules');

    // The other way: the long form finds the paper that only writes "GNN".
    const long = await fts('graph neural networks');
    expect(titles(long)).toContain('A GNN for molecules');
    expect(long.expansions).toContainEqual({
      from: 'graph neural networks',
      to: 'GNN',
      kind: 'alias',
    });
    const hybrid = await api.call('search:query', { query: 'graph neural networks', k: 10 });
    expect(titles(hybrid)).toContain('A GNN for molecules');

    // Deleting the only paper that defines it forgets the alias; undoing the delete brings it back.
    const definer = short.hits.find((h) => h.paper.title === 'Rewiring message passing')!;
    const { undoToken } = await api.call('library:delete', { ids: [definer.paper.id] });
    const after = await fts('GNN');
    expect(titles(after)).toEqual(['A GNN for molecules']);
    expect(after.expansions ?? []).toEqual([]);
    await api.call('library:undoDelete', { undoToken });
    expect(titles(await fts('GNN'))).toContain('Curvature and bottlenecks');
  });

  it('orders papers with equal keyword scores by id, the same on every search', async () => {
    const api = await open();
    // Same abstract, titles without the query word and of equal length: equal BM25 scores.
    const text = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({
        title: `Note ${String.fromCharCode(65 + i)}`,
        abstract: 'We count zebrafish larvae in shallow tanks.',
      }),
    ).join('\n');
    await api.call('import:run', { source: { kind: 'text', name: 'ties.jsonl', text } });
    const orders: string[][] = [];
    for (let i = 0; i < 4; i++) {
      const r = await api.call('search:query', { query: 'zebrafish', mode: 'fts', k: 12 });
      expect(r.hits).toHaveLength(12);
      expect(new Set(r.hits.map((h) => h.score)).size).toBe(1);
      orders.push(r.hits.map((h) => h.paper.id));
    }
    expect(orders[0]).toEqual([...orders[0]!].sort());
    for (const o of orders) expect(o).toEqual(orders[0]);
  });

  it('a query right after a large import expands with the imported papers’ terms', async () => {
    const api = await open();
    const text = (papers: { title: string; abstract: string }[]) =>
      papers.map((p) => JSON.stringify(p)).join('\n');
    await api.call('import:run', { source: { kind: 'text', name: 'a.jsonl', text: text(PAPERS) } });
    // The library's terms are built by this first query, before the large import.
    expect((await api.call('search:query', { query: 'ViT', mode: 'fts', k: 10 })).expansions).toBe(
      undefined,
    );

    // More papers than a query waits for (1,000) to be counted; the ones that matter come last.
    const synthetic = toJsonl(syntheticPapers(13, 0, 1_500));
    const last = [
      {
        title: 'Patch attention',
        abstract: 'Vision transformers (ViTs) split images into patches.',
      },
      { title: 'Scaling up', abstract: 'We scale a vision transformer to a billion images.' },
      { title: 'Long-range graphs', abstract: 'Rewiring relieves over-squashing in deep GNNs.' },
    ];
    const r = await api.call('import:run', {
      source: { kind: 'text', name: 'b.jsonl', text: `${synthetic}\n${text(last)}` },
    });
    expect(r.imported).toBe(1_503);

    const vit = await api.call('search:query', { query: 'ViT', mode: 'fts', k: 10 });
    expect(vit.expansions).toContainEqual({ from: 'ViT', to: 'vision transformer', kind: 'alias' });
    const scaling = vit.hits.find((h) => h.paper.title === 'Scaling up');
    expect(scaling?.matched).toContainEqual({
      from: 'ViT',
      to: 'vision transformer',
      kind: 'alias',
    });
    const hybrid = await api.call('search:query', { query: 'ViT', mode: 'hybrid', k: 10 });
    expect(hybrid.expansions).toContainEqual({
      from: 'ViT',
      to: 'vision transformer',
      kind: 'alias',
    });
    expect(hybrid.hits[0]!.paper.title).toBe('Patch attention');
    const joined = await api.call('search:query', { query: 'oversquashing', mode: 'fts', k: 10 });
    expect(joined.expansions).toContainEqual({
      from: 'oversquashing',
      to: 'over-squashing',
      kind: 'compound',
    });
  }, 300_000);
});
