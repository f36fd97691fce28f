// `quire tags` and `quire tag` as users run them: child processes on a real library folder, with the
// bundled embedding model.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonl, topicPapers } from '../../electron/services/tagging/fixtures';
import { quireOk, runQuire } from '../support/quire-cli';

let tmp: string;
let lib: string;

const quire = (args: string[]) => runQuire([...args, '--library', lib]);

const ok = (args: string[]) => quireOk([...args, '--library', lib]);

type Shown = { paperId: string; title: string; tag: string; score: number; evidence: unknown };

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-cli-tags-'));
  lib = join(tmp, 'lib');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('quire tags / quire tag', () => {
  it(
    'refuses to suggest with an empty vocabulary, naming the fix',
    { timeout: 120_000 },
    async () => {
      const r = await quire(['tag', 'suggest']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^quire: The tag vocabulary is empty: add tags first/);
    },
  );

  it('builds a vocabulary, suggests, decides, and edits tags', { timeout: 600_000 }, async () => {
    const file = join(tmp, 'papers.jsonl');
    await writeFile(file, toJsonl(topicPapers(8)));
    await ok(['import', file]);
    await ok([
      'tags',
      'add',
      'graphs',
      '--description',
      'Graph neural networks: message passing between nodes along edges.',
    ]);
    await ok([
      'tags',
      'add',
      'proteins',
      '--description',
      'Protein structure, folding and binding of molecules.',
      '--color',
      '#aa3300',
    ]);
    await ok(['tags', 'add', 'rl']);
    const described = await ok([
      'tags',
      'add',
      'rl',
      '--description',
      'An agent learns a policy from reward in an environment.',
    ]);
    expect(described).toMatch(/Tag "rl": An agent learns/);
    const list = JSON.parse(await ok(['tags', 'list', '--json']));
    expect(list.map((t: { name: string }) => t.name)).toEqual(['graphs', 'proteins', 'rl']);
    expect(list[1]).toMatchObject({ color: '#aa3300', paperCount: 0 });

    const first = JSON.parse(await ok(['tag', 'suggest', '--tagger', 'zero-shot', '--json']));
    expect(Object.keys(first)).toEqual(['tagger', 'model', 'suggestions']);
    expect(first).toMatchObject({ tagger: 'zero-shot', model: 'quire-glove-100d' });
    expect(first.suggestions.length).toBeGreaterThan(3);
    for (const s of first.suggestions as Shown[])
      expect(Object.keys(s)).toEqual(['paperId', 'title', 'tag', 'score', 'evidence']);
    const [a, b] = first.suggestions as Shown[];

    // Reject one: it never comes back, from any tagger.
    expect(await ok(['tag', 'reject', '--paper', b!.paperId, '--tag', b!.tag])).toMatch(/Rejected/);
    const again = JSON.parse(await ok(['tag', 'suggest', '--json']));
    expect(again.tagger).toBe('auto');
    expect(
      (again.suggestions as Shown[]).some((s) => s.paperId === b!.paperId && s.tag === b!.tag),
    ).toBe(false);

    // Accept one, then undo it from another process.
    const acc = await ok(['tag', 'accept', '--paper', a!.paperId, '--tag', a!.tag]);
    const token = /quire tag undo (\S+)/.exec(acc)![1]!;
    const tagged = JSON.parse(await ok(['list', '--tag', a!.tag, '--json']));
    expect(tagged.items.map((p: { id: string }) => p.id)).toEqual([a!.paperId]);
    expect(await ok(['tag', 'undo', token])).toMatch(/Restored 1/);
    expect(JSON.parse(await ok(['list', '--tag', a!.tag, '--json'])).total).toBe(0);

    // Bulk accept: count first, then accept.
    const dry = JSON.parse(
      await ok(['tag', 'accept', '--tag', 'proteins', '--min-score', '0', '--dry-run', '--json']),
    );
    expect(dry.count).toBeGreaterThan(0);
    const bulk = JSON.parse(
      await ok(['tag', 'accept', '--tag', 'proteins', '--min-score', '0', '--json']),
    );
    expect(bulk.count).toBe(dry.count);
    expect(JSON.parse(await ok(['list', '--tag', 'proteins', '--json'])).total).toBe(dry.count);

    await ok(['tags', 'rename', 'proteins', 'protein-science']);
    expect(JSON.parse(await ok(['list', '--tag', 'protein-science', '--json'])).total).toBe(
      dry.count,
    );
    const clash = await quire(['tags', 'rename', 'rl', 'graphs']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/already exists: merge/);
    expect(await ok(['tags', 'merge', 'protein-science', 'graphs'])).toMatch(/Merged/);
    expect(JSON.parse(await ok(['list', '--tag', 'graphs', '--json'])).total).toBe(dry.count);
    expect(await ok(['tags', 'remove', 'graphs'])).toMatch(
      new RegExp(`from the vocabulary and ${dry.count} papers`),
    );
    const names = JSON.parse(await ok(['tags', 'list', '--json'])).map(
      (t: { name: string }) => t.name,
    );
    expect(names).toEqual(['rl']);
  });

  it('bad arguments get one clear line', { timeout: 300_000 }, async () => {
    const llm = await quire(['tag', 'suggest', '--tagger', 'llm']);
    expect(llm.code).toBe(1);
    expect(llm.stderr).toMatch(/No LLM provider is configured.*quire llm set/);
    const score = await quire(['tag', 'accept', '--tag', 'rl', '--min-score', 'high']);
    expect(score.stderr).toMatch(/--min-score must be a number from 0 to 1/);
    const none = await quire(['tag', 'accept', '--paper', 'nope', '--tag', 'rl']);
    expect(none.stderr).toMatch(/No paper with id "nope"/);
  });
});
