// Where an import's `optimize()` time goes as the papers table grows (issue 16: at 1M papers it was
// 38 s of a 60 s import). The papers table's own schema and full-text settings, grown in 10k appends
// of synthetic papers (no embedding: the vectors are another table), each followed by optimize() as
// an import does, three times over:
// - `none`: no index: compaction and version pruning only;
// - `id`: the id B-tree, as every library has;
// - `all`: the id B-tree and the three full-text indexes (title, abstract, fold), as a library has.
// So `id` against `none` is the B-tree's upkeep, `all` against `id` the full-text indexes'. Each
// step gives the fragments compaction rewrote: LanceDB's compaction (no options in its JS API)
// merges neighbouring fragments below 1,048,576 rows that the same indexes cover, so below 1M rows
// an import's optimize() rewrites the whole table once the index covers it.
// Run: npx tsx bench/scale/optimize-split.ts   — QUIRE_SPLIT_ROWS (default 200000); prints JSON.
import '../../electron/services/lance-env';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { FTS_COLUMNS, ftsIndexConfig } from '../../electron/services/library/full-text';
import { pruneOlderThan } from '../../electron/services/library/lance-sql';
import { PAPERS_TABLE, paperToRow, papersSchema } from '../../electron/services/library/schema';
import { paperRecord } from '../../tests/support/paper';
import { syntheticPapers } from '../support/synthetic';
import { r1 } from '../support/timing';

const ROWS = Number(process.env.QUIRE_SPLIT_ROWS ?? 200_000);
const STEP = 10_000;
const SEED = 11;
const VARIANTS = ['none', 'id', 'all'] as const;
type Variant = (typeof VARIANTS)[number];

const log = (msg: string) => process.stderr.write(`[optimize-split] ${msg}\n`);

function rows(from: number): Record<string, unknown>[] {
  return syntheticPapers(SEED, from, STEP).map((p, j) =>
    paperToRow(paperRecord(`p${from + j}`, { ...p, tags: [] })),
  );
}

async function indexes(table: lancedb.Table, variant: Variant): Promise<void> {
  if (variant === 'none') return;
  await table.createIndex('id', { config: lancedb.Index.btree() });
  if (variant === 'id') return;
  for (const column of FTS_COLUMNS) await table.createIndex(column, { config: ftsIndexConfig() });
}

/** One table grown to ROWS: optimize() seconds and fragments rewritten after each append. */
async function grow(variant: Variant) {
  const dir = await mkdtemp(join(tmpdir(), `quire-optimize-${variant}-`));
  try {
    const db = await lancedb.connect(dir);
    const table = await db.createEmptyTable(PAPERS_TABLE, papersSchema);
    const steps: { rows: number; optimizeS: number; fragmentsRewritten: number }[] = [];
    for (let from = 0; from < ROWS; from += STEP) {
      await table.add(rows(from));
      if (from === 0) await indexes(table, variant);
      const t0 = performance.now();
      const stats = await table.optimize(pruneOlderThan(60_000));
      const optimizeS = r1((performance.now() - t0) / 1000);
      steps.push({
        rows: from + STEP,
        optimizeS,
        fragmentsRewritten: stats.compaction.fragmentsRemoved,
      });
      log(`${variant} ${from + STEP}: optimize ${optimizeS} s`);
    }
    return steps;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const byVariant: Record<string, Awaited<ReturnType<typeof grow>>> = {};
for (const v of VARIANTS) byVariant[v] = await grow(v);
const sizes = [...new Set([STEP * 2, Math.round(ROWS / 2 / STEP) * STEP, ROWS])];
const at = (v: Variant, n: number) => byVariant[v]!.find((s) => s.rows === n);
console.log(
  JSON.stringify(
    {
      rows: ROWS,
      step: STEP,
      // Seconds of optimize() after the append that reached each size, per variant, and how many
      // fragments compaction rewrote with all the indexes.
      summary: sizes.map((n) => ({
        rows: n,
        noIndexS: at('none', n)?.optimizeS,
        idIndexS: at('id', n)?.optimizeS,
        allIndexesS: at('all', n)?.optimizeS,
        fragmentsRewritten: at('all', n)?.fragmentsRewritten,
      })),
      steps: byVariant,
    },
    null,
    2,
  ),
);
