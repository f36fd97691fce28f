// `quire search --json` for every development query over the sample feed: the documented shape,
// ranked results, and (as a quality guard) a relevant paper in the top 10 for most queries; a query
// on a topic the feed does not cover says "no close match" and still lists its weak results.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildProgram } from '../../electron/host/cli/main';
import type { Io } from '../../electron/host/cli/context';
import { FEED_PATH, HAS_FEED, NO_SHARED, SHARED_DIR } from '../support/shared-data';

/** The shape README documents for `quire search --json`. */
const SearchJsonSchema = z.strictObject({
  query: z.string(),
  mode: z.enum(['hybrid', 'vector', 'fts']),
  model: z.string().min(1),
  tookMs: z.number().nonnegative(),
  notice: z.string().optional(),
  noCloseMatch: z.boolean(),
  results: z.array(
    z.strictObject({
      rank: z.number().int().min(1),
      id: z.string().min(1),
      title: z.string(),
      year: z.number().int().nullable(),
      score: z.number(),
      vectorScore: z.number().nullable(),
      ftsScore: z.number().nullable(),
      relevance: z.number().min(0).max(1),
    }),
  ),
});

async function quire(args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false };
  process.exitCode = 0;
  await buildProgram(io).parseAsync(['node', 'quire', ...args]);
  if (process.exitCode) throw new Error(`quire ${args.join(' ')} failed: ${err}`);
  return out;
}

let lib: string;
beforeAll(async () => {
  lib = await mkdtemp(join(tmpdir(), 'quire-search-'));
});
afterAll(async () => {
  process.exitCode = 0;
  await rm(lib, { recursive: true, force: true });
});

describe.skipIf(!HAS_FEED)('quire search --json on the development queries', () => {
  it('answers every query in the documented shape', { timeout: 180_000 }, async () => {
    const imported = JSON.parse(await quire(['--library', lib, '--json', 'import', FEED_PATH]));
    expect(imported.imported).toBe(227);
    const listed = JSON.parse(await quire(['--library', lib, '--json', 'list', '--limit', '1000']));
    const idAt = (i: number) => listed.items[i].id as string;
    const dev = JSON.parse(
      readFileSync(join(SHARED_DIR, 'corpus', 'dev-queries.json'), 'utf8'),
    ) as {
      queries: { id: string; query: string; relevant: Record<string, number> }[];
    };
    let hitInTop10 = 0;
    for (const q of dev.queries) {
      const json = SearchJsonSchema.parse(
        JSON.parse(await quire(['--library', lib, '--json', 'search', q.query, '--k', '10'])),
      );
      expect(json).toMatchObject({ query: q.query, mode: 'hybrid', model: 'quire-glove-100d' });
      expect(json.notice).toBeUndefined();
      expect(json.results.length).toBe(10);
      expect(json.results.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const scores = json.results.map((r) => r.score);
      // Ranked by score, except that hybrid keeps the keyword search's top hit first (see fusion.ts).
      const rest = scores.slice(1);
      expect(rest).toEqual([...rest].sort((a, b) => b - a));
      const relevant = new Set(Object.keys(q.relevant).map((i) => idAt(Number(i))));
      if (json.results.some((r) => relevant.has(r.id))) hitInTop10++;
      // Every dev query has a likely relevant result (bench/search/calibration.ts measures it).
      expect(json.noCloseMatch).toBe(false);
    }
    expect(hitInTop10).toBeGreaterThanOrEqual(12);

    const off = SearchJsonSchema.parse(
      JSON.parse(await quire(['--library', lib, '--json', 'search', 'medieval French poetry'])),
    );
    expect(off.noCloseMatch).toBe(true);
    expect(off.results.length).toBe(10);
    expect(Math.max(...off.results.map((r) => r.relevance))).toBeLessThan(0.3);
  });
});
describe.skipIf(HAS_FEED)('quire search --json', () => {
  it(`dev queries: ${NO_SHARED}`, () => {});
});
