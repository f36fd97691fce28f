// `quire search --explain`: the expansions used and each result's matched terms are added to the
// documented JSON shape, whose existing fields stay as they were; without the flag nothing changes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildProgram } from '../../electron/host/cli/main';
import type { Io } from '../../electron/host/cli/context';

const Result = z.strictObject({
  rank: z.number().int().min(1),
  id: z.string().min(1),
  title: z.string(),
  year: z.number().int().nullable(),
  score: z.number(),
  vectorScore: z.number().nullable(),
  ftsScore: z.number().nullable(),
  relevance: z.number().min(0).max(1),
});
const Plain = z.strictObject({
  query: z.string(),
  mode: z.enum(['hybrid', 'vector', 'fts']),
  model: z.string().min(1),
  tookMs: z.number().nonnegative(),
  notice: z.string().optional(),
  noCloseMatch: z.boolean(),
  results: z.array(Result),
});
const Kind = z.enum(['alias', 'stem', 'compound', 'neighbour', 'feedback']);
const Expansion = z.strictObject({ from: z.string(), to: z.string(), kind: Kind });
const Explained = Plain.extend({
  results: z.array(
    Result.extend({
      matched: z.array(
        z.strictObject({
          from: z.string(),
          to: z.string(),
          kind: z.union([Kind, z.literal('exact')]),
        }),
      ),
    }),
  ),
  expansions: z.array(Expansion),
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

let tmp: string;
let lib: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-explain-'));
  lib = join(tmp, 'lib');
  const papers = [
    {
      title: 'On over-squashing in message passing',
      abstract: 'Graph neural networks (GNNs) suffer from over-squashing of long-range messages.',
    },
    { title: 'Protein folding', abstract: 'Structures predicted from sequences.' },
  ];
  const file = join(tmp, 'papers.jsonl');
  await writeFile(file, papers.map((p) => JSON.stringify(p)).join('\n'));
  await quire(['--library', lib, '--json', 'import', file]);
});
afterAll(async () => {
  process.exitCode = 0;
  await rm(tmp, { recursive: true, force: true });
});

describe('quire search --explain', () => {
  it('adds the expansions and the matched terms to the JSON', { timeout: 120_000 }, async () => {
    const json = Explained.parse(
      JSON.parse(
        await quire(['--library', lib, '--json', 'search', 'GNN oversquashing', '--explain']),
      ),
    );
    expect(json.expansions).toEqual(
      expect.arrayContaining([
        { from: 'GNN', to: 'graph neural network', kind: 'alias' },
        { from: 'oversquashing', to: 'over-squashing', kind: 'compound' },
      ]),
    );
    expect(json.results[0]!.title).toBe('On over-squashing in message passing');
    expect(json.results[0]!.matched).toEqual(
      expect.arrayContaining([
        { from: 'GNN', to: 'graph neural network', kind: 'alias' },
        { from: 'oversquashing', to: 'over-squashing', kind: 'compound' },
      ]),
    );
  });

  it('keeps the documented shape without the flag', { timeout: 120_000 }, async () => {
    const json = Plain.parse(
      JSON.parse(await quire(['--library', lib, '--json', 'search', 'GNN oversquashing'])),
    );
    expect(json.results[0]!.title).toBe('On over-squashing in message passing');
  });

  it('prints the explanation under each result in text mode', { timeout: 120_000 }, async () => {
    const text = await quire(['--library', lib, 'search', 'GNN oversquashing', '--explain']);
    expect(text).toContain('expanded: GNN ≈ graph neural network, oversquashing = over-squashing');
    expect(text).toMatch(
      /1\. .*On over-squashing in message passing.*\n\s+matched: .*GNN ≈ graph neural network/,
    );
  });
});
