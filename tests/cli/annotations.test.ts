// `quire annotations add|list|export|import` as users run them: child processes through
// bin/quire.mjs on real library folders; the W3C export restores into a second library.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quireOk, runQuire } from '../support/quire-cli';

let tmp: string;

const quire = (lib: string, args: string[]) => runQuire([...args, '--library', lib]);

const ok = (lib: string, args: string[]) => quireOk([...args, '--library', lib]);

const PAPERS = [
  {
    title: 'Sparse experts scale',
    abstract: 'We fit power laws to sparse models. Larger experts help little beyond $k=8$.',
    doi: '10.5555/experts',
  },
  {
    title: 'Rewiring graphs',
    abstract: 'Curvature-based rewiring reduces over-squashing. It needs no labels.',
  },
];

type Row = {
  id: string;
  paperId: string;
  title: string;
  field: string;
  quote: string;
  kind: string;
  comment: string;
  orphaned: boolean;
};

let lib: string;
let ids: Record<string, string>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-cli-annotations-'));
  lib = join(tmp, 'lib');
  const file = join(tmp, 'papers.jsonl');
  await writeFile(file, PAPERS.map((p) => JSON.stringify(p)).join('\n'));
  await ok(lib, ['import', file]);
  const listed = JSON.parse(await ok(lib, ['list', '--json'])) as {
    items: { id: string; title: string }[];
  };
  ids = Object.fromEntries(listed.items.map((p) => [p.title, p.id]));
}, 600_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('quire annotations add and list', () => {
  it(
    'adds highlights whose quote is in the paper and refuses one that is not',
    { timeout: 600_000 },
    async () => {
      const experts = ids['Sparse experts scale']!;
      const added = JSON.parse(
        await ok(lib, [
          'annotations',
          'add',
          '--paper',
          experts,
          '--quote',
          'Larger experts help little',
          '--kind',
          'limitation',
          '--comment',
          'Only up to $k=8$.',
          '--json',
        ]),
      ) as Row;
      expect(added).toMatchObject({
        paperId: experts,
        title: 'Sparse experts scale',
        field: 'abstract',
        quote: 'Larger experts help little',
        kind: 'limitation',
        comment: 'Only up to $k=8$.',
        orphaned: false,
      });
      const plain = await ok(lib, [
        'annotations',
        'add',
        '--paper',
        ids['Rewiring graphs']!,
        '--quote',
        'needs no labels',
      ]);
      expect(plain).toMatch(
        /^Highlighted "needs no labels" in the abstract of "Rewiring graphs" as claim \(id [\w-]+\)\.\n$/,
      );

      const missing = await quire(lib, [
        'annotations',
        'add',
        '--paper',
        experts,
        '--quote',
        'dense transformers',
      ]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toBe(
        `quire: The quote "dense transformers" does not occur in the paper's title or abstract.\n`,
      );
      const noPaper = await quire(lib, ['annotations', 'add', '--paper', 'nope', '--quote', 'x']);
      expect(noPaper.stderr).toBe('quire: No paper with id "nope".\n');
      const badKind = await quire(lib, [
        'annotations',
        'add',
        '--paper',
        experts,
        '--quote',
        'power laws',
        '--kind',
        'Bogus Kind',
      ]);
      expect(badKind.code).toBe(1);
      expect(badKind.stderr).toMatch(
        /^quire: annotations:add: kind: a kind id is lower-case letters/,
      );
    },
  );

  it('lists highlights as JSON and text, by paper', { timeout: 600_000 }, async () => {
    const all = JSON.parse(await ok(lib, ['annotations', 'list', '--json'])) as Row[];
    expect(all.map((r) => [r.title, r.quote, r.kind, r.orphaned])).toEqual([
      ['Rewiring graphs', 'needs no labels', 'claim', false],
      ['Sparse experts scale', 'Larger experts help little', 'limitation', false],
    ]);
    for (const r of all)
      expect(Object.keys(r).sort()).toEqual([
        'comment',
        'field',
        'id',
        'kind',
        'orphaned',
        'paperId',
        'quote',
        'title',
      ]);
    const one = JSON.parse(
      await ok(lib, ['annotations', 'list', '--paper', ids['Rewiring graphs']!, '--json']),
    ) as Row[];
    expect(one.map((r) => r.quote)).toEqual(['needs no labels']);
    const text = await ok(lib, ['annotations', 'list']);
    expect(text).toContain('limitation "Larger experts help little"');
    expect(text).toContain('Only up to $k=8$.');
  });
});

// Uses the two highlights the cases above added.
describe('quire annotations export and import', () => {
  it(
    'exports W3C JSON-LD and Markdown, and imports into another library',
    { timeout: 900_000 },
    async () => {
      const out = join(tmp, 'h.jsonld');
      await ok(lib, ['annotations', 'export', '--format', 'w3c', '--out', out]);
      const doc = JSON.parse(await readFile(out, 'utf8'));
      expect(doc).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', total: 2 });

      const printed = await ok(lib, ['annotations', 'export', '--format', 'markdown']);
      expect(printed).toContain('> Larger experts help little ^q-');
      const notes = join(tmp, 'notes') + '/';
      await ok(lib, ['annotations', 'export', '--format', 'markdown', '--out', notes]);
      expect((await readdir(notes)).sort()).toEqual(
        [
          expect.stringMatching(/^Rewiring graphs \(\w+\)\.md$/),
          expect.stringMatching(/^Sparse experts scale \(\w+\)\.md$/),
        ].sort((a, b) => (String(a) < String(b) ? -1 : 1)),
      );

      // A second library has only one of the two papers: one restored, one kept aside in a file.
      const other = join(tmp, 'other');
      const file = join(tmp, 'one.jsonl');
      await writeFile(file, JSON.stringify(PAPERS[0]));
      await ok(other, ['import', file]);
      const r = await ok(other, ['annotations', 'import', out]);
      expect(r).toMatch(
        /^Restored 1 highlights \(0 already present\)\.\n1 kept aside in .*annotations-kept-aside/,
      );
      expect(r).toContain(
        '"needs no labels": no paper in this library matches the title "Rewiring graphs"',
      );
      const restored = JSON.parse(await ok(other, ['annotations', 'list', '--json'])) as Row[];
      const original = JSON.parse(await ok(lib, ['annotations', 'list', '--json'])) as Row[];
      expect(restored.map(({ paperId: _p, ...rest }) => rest)).toEqual(
        original
          .filter((o) => o.title === 'Sparse experts scale')
          .map(({ paperId: _p, ...rest }) => rest),
      );

      const bad = await quire(other, ['annotations', 'import', join(tmp, 'nope.jsonld')]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^quire: cannot read .*nope\.jsonld: no such file\n$/);
    },
  );
});
