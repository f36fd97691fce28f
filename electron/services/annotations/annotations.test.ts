// The annotations service end to end on a real library (LanceDB on disk, annotations.json): add,
// limits, search hits and filters, remove with undo, trash with deleted papers, W3C/Markdown export
// and import into a fresh library, papers missing on import. The cases run in order on one library.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import {
  openLibrary,
  paperByTitle,
  rejection,
  type TestLibrary,
} from '../../../tests/support/library-fixtures';
import { ANNOTATIONS_FILE } from './annotation-store';
import { essence, PAPERS, W3C_SCHEMA } from './annotations.fixtures';

// One library for the whole file: the cases below run in order and build on each other's highlights.
let lib: TestLibrary;
let rewire: Paper;
beforeAll(async () => {
  lib = await openLibrary(PAPERS);
  rewire = await paperByTitle(lib.api, 'Curvature');
}, 120_000);
afterAll(async () => lib?.close());

describe('annotations service: adding and editing', () => {
  it('adds a highlight from a selection and from a quote; a quote not in the paper is refused', async () => {
    const text = rewire.abstract;
    const start = text.indexOf('Our method');
    const a = await lib.api.call('annotations:add', {
      paperId: rewire.id,
      field: 'abstract',
      start,
      end: start + 'Our method needs no labels.'.length,
      kind: 'method',
      comment: 'Unsupervised: $\\mathcal{L} = 0$ labels.',
    });
    expect(a).toMatchObject({
      paperId: rewire.id,
      field: 'abstract',
      kind: 'method',
      orphaned: false,
      paperTitle: rewire.title,
      selectors: { quote: { exact: 'Our method needs no labels.' } },
      anchor: { method: 'position', start },
    });
    // The CLI's way: a quote typed across a line break (the import stored a space there).
    const b = await lib.api.call('annotations:add', {
      paperId: rewire.id,
      quote: 'by 40%.\n   Our method',
      kind: 'result',
    });
    expect(b.selectors.quote.exact).toBe('by 40%. Our method');
    // Overlapping highlights are both kept.
    const listed = await lib.api.call('annotations:list', { paperId: rewire.id });
    expect(listed.items.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());

    const title = await lib.api.call('annotations:add', {
      paperId: rewire.id,
      quote: 'over-squashing',
    });
    expect(title).toMatchObject({ field: 'title', kind: 'claim' });

    const err = await rejection(
      lib.api.call('annotations:add', {
        paperId: rewire.id,
        quote: 'transformers are all you need',
      }),
    );
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/does not occur in the paper's title or abstract/);
    const unknownKind = await rejection(
      lib.api.call('annotations:add', { paperId: rewire.id, quote: 'labels', kind: 'bogus' }),
    );
    expect(unknownKind.message).toMatch(/Unknown highlight kind "bogus".*claim, method/);
    const outside = await rejection(
      lib.api.call('annotations:add', {
        paperId: rewire.id,
        field: 'title',
        start: 0,
        end: 10_000,
      }),
    );
    expect(outside.message).toMatch(/outside the paper's title/);
  });

  it('refuses a 1 MB comment with a clear message and keeps the highlight as it was', async () => {
    const [a] = (await lib.api.call('annotations:list', { paperId: rewire.id, kind: 'method' }))
      .items;
    const err = await rejection(
      lib.api.call('annotations:update', { id: a!.id, comment: 'x'.repeat(1_048_576) }),
    );
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/comment is at most 100,000 characters/);
    expect((await lib.api.call('annotations:get', { id: a!.id })).comment).toBe(a!.comment);
    // Just under the limit is accepted.
    const big = await lib.api.call('annotations:update', {
      id: a!.id,
      comment: 'y'.repeat(100_000),
    });
    expect(big.comment).toHaveLength(100_000);
    await lib.api.call('annotations:update', { id: a!.id, comment: a!.comment });
  });
});

describe('annotations service: search, removal, trash', () => {
  it('searches within highlights and comments, filters the library by kind, marks search hits', async () => {
    const byComment = await lib.api.call('annotations:list', { query: 'UNSUPERVISED' });
    expect(byComment.items.map((x) => x.kind)).toEqual(['method']);
    const byQuote = await lib.api.call('annotations:list', { query: 'our METHOD' });
    expect(byQuote.items.map((x) => x.kind).sort()).toEqual(['method', 'result']);
    expect((await lib.api.call('annotations:list', { query: 'nowhere' })).total).toBe(0);

    const methodPapers = await lib.api.call('library:list', { annotationKind: 'method' });
    expect(methodPapers.items.map((p) => p.id)).toEqual([rewire.id]);
    expect((await lib.api.call('library:list', { annotationKind: 'question' })).total).toBe(0);
    expect((await lib.api.call('library:list', { annotationKind: '*' })).total).toBe(1);

    const found = await lib.api.call('search:query', { query: 'labels', mode: 'fts' });
    const hit = found.hits.find((h) => h.paper.id === rewire.id);
    // The match "labels" is inside the method highlight (and in its comment), not the result one.
    expect(hit?.annotations).toEqual([
      expect.objectContaining({ kind: 'method', field: 'abstract', inComment: true }),
    ]);
    const other = found.hits.filter((h) => h.paper.id !== rewire.id);
    expect(other.every((h) => h.annotations === undefined)).toBe(true);
    const filtered = await lib.api.call('search:query', {
      query: 'laws',
      mode: 'fts',
      filters: { annotationKind: 'method' },
    });
    expect(filtered.hits).toHaveLength(0);
  });

  it('removes with undo; a kind in use cannot be dropped from the list', async () => {
    const before = (await lib.api.call('annotations:list', {})).items;
    const r = await lib.api.call('annotations:remove', { ids: [before[0]!.id] });
    expect(r.removed).toBe(1);
    expect((await lib.api.call('annotations:list', {})).total).toBe(before.length - 1);
    expect(await lib.api.call('annotations:undoRemove', { undoToken: r.undoToken })).toEqual({
      restored: 1,
    });
    expect((await lib.api.call('annotations:list', {})).items).toEqual(before);
    expect(
      (await rejection(lib.api.call('annotations:undoRemove', { undoToken: r.undoToken }))).code,
    ).toBe('not_found');

    const kinds = await lib.api.call('annotations:kinds:get', {});
    expect(kinds.map((k) => k.id)).toEqual(['claim', 'method', 'result', 'limitation', 'question']);
    const err = await rejection(
      lib.api.call('annotations:kinds:set', { kinds: kinds.filter((k) => k.id !== 'method') }),
    );
    expect(err.message).toMatch(/"method" is used by 1 highlight/);
    const renamed = await lib.api.call('annotations:kinds:set', {
      kinds: [
        ...kinds.filter((k) => k.id !== 'question'),
        { id: 'doubt', label: 'Doubt', color: '#AA0000' },
      ],
    });
    expect(renamed.at(-1)).toEqual({ id: 'doubt', label: 'Doubt', color: '#aa0000' });
  });

  it('a deleted paper takes its highlights to the trash; undo brings both back', async () => {
    const before = (await lib.api.call('annotations:list', { paperId: rewire.id })).items;
    expect(before.length).toBeGreaterThan(0);
    const del = await lib.api.call('library:delete', { ids: [rewire.id] });
    expect((await lib.api.call('annotations:list', {})).total).toBe(0);
    expect((await lib.api.call('library:list', { annotationKind: '*' })).total).toBe(0);
    // Still on disk, in the trash.
    const file = JSON.parse(await readFile(join(lib.dir, ANNOTATIONS_FILE), 'utf8'));
    expect(file.annotations).toHaveLength(0);
    expect(file.trash.at(-1)).toMatchObject({ token: del.undoToken, reason: 'paper-delete' });
    await lib.api.call('library:undoDelete', { undoToken: del.undoToken });
    expect((await lib.api.call('annotations:list', { paperId: rewire.id })).items).toEqual(before);
  });
});

describe('annotations service: W3C export and import', () => {
  it('exports W3C JSON-LD that validates, and imports it into a fresh library with the same papers', async () => {
    const axp = await paperByTitle(lib.api, 'Scaling');
    await lib.api.call('annotations:add', {
      paperId: axp.id,
      quote: 'Larger experts help little.',
      kind: 'limitation',
    });
    const known = await paperByTitle(lib.api, 'A paper known');
    await lib.api.call('annotations:add', {
      paperId: known.id,
      quote: '🧪 results: café',
      kind: 'result',
      comment: 'é ✓',
    });
    const original = (await lib.api.call('annotations:list', {})).items;
    expect(original.length).toBeGreaterThanOrEqual(5);

    const out = await lib.api.call('annotations:export', { format: 'w3c' });
    const doc = JSON.parse(out.content);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(W3C_SCHEMA);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.total).toBe(original.length);
    const sources = doc.first.items.map((x: { target: { source: string } }) => x.target.source);
    expect(sources).toContain('https://doi.org/10.1234/rewire.2024');
    expect(sources).toContain('https://arxiv.org/abs/2401.00001');
    expect(sources).toContain(`urn:quire:paper:${known.id}`);
    // Positions in code points: the emoji counts once.
    const emoji = doc.first.items.find((x: { target: { source: string } }) =>
      x.target.source.startsWith('urn:'),
    );
    expect(emoji.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 6, end: 21 });
    expect(emoji.body).toEqual([
      { type: 'TextualBody', value: 'é ✓', format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'result', purpose: 'tagging' },
    ]);

    // A fresh library with the same papers (new ids, another order).
    const fresh = await openLibrary([...PAPERS].reverse());
    try {
      await fresh.api.call('annotations:kinds:set', {
        kinds: await lib.api.call('annotations:kinds:get', {}),
      });
      const r = await fresh.api.call('annotations:import', { text: out.content, name: 'h.jsonld' });
      expect(r).toEqual({
        restored: original.length,
        alreadyPresent: 0,
        keptAside: [],
        keptAsideFile: null,
      });
      const restored = (await fresh.api.call('annotations:list', {})).items;
      expect(restored.map(essence)).toEqual(original.map(essence));
      expect(restored.map((a) => a.paperTitle)).toEqual(original.map((a) => a.paperTitle));
      // Importing the same file again adds nothing.
      const again = await fresh.api.call('annotations:import', {
        text: out.content,
        name: 'h.jsonld',
      });
      expect(again).toMatchObject({ restored: 0, alreadyPresent: original.length });
    } finally {
      await fresh.close();
    }
  }, 180_000);
});

describe('annotations service: import without the papers, Markdown export', () => {
  it('keeps aside, in a file, imported annotations whose paper is not in the library', async () => {
    const out = await lib.api.call('annotations:export', { format: 'w3c' });
    const partial = await openLibrary([PAPERS[1]!]);
    try {
      const r = await partial.api.call('annotations:import', {
        text: out.content,
        name: 'h.jsonld',
      });
      const total = JSON.parse(out.content).total as number;
      expect(r.restored).toBe(1);
      expect(r.keptAside).toHaveLength(total - 1);
      expect(r.keptAside.map((k) => k.reason)).toContain(
        'no paper in this library matches DOI 10.1234/rewire.2024',
      );
      expect(
        r.keptAside.some((k) => /the title "A paper known only by its title"/.test(k.reason)),
      ).toBe(true);
      const aside = JSON.parse(await readFile(r.keptAsideFile!, 'utf8'));
      expect(aside.first.items).toHaveLength(total - 1);
      expect(aside.first.items.map((x: { id: string }) => x.id).sort()).toEqual(
        r.keptAside.map((k) => k.annotationId).sort(),
      );
      // Not a W3C file: a clear message, nothing written.
      const bad = await rejection(
        partial.api.call('annotations:import', { text: '{"a": 1}', name: 'x.json' }),
      );
      expect(bad).toMatchObject({ code: 'invalid_file' });
      expect(bad.message).toMatch(/x\.json: the file has no W3C Annotation/);
      const notJson = await rejection(
        partial.api.call('annotations:import', { text: 'nope', name: 'y.json' }),
      );
      expect(notJson.message).toMatch(/y\.json is not JSON/);
      expect((await partial.api.call('annotations:list', {})).total).toBe(1);
    } finally {
      await partial.close();
    }
  }, 120_000);

  it('exports Markdown per paper, quote blocks with comments and block ids', async () => {
    const out = await lib.api.call('annotations:export', {
      format: 'markdown',
      paperIds: [rewire.id],
    });
    expect(out.files).toHaveLength(1);
    const md = out.files[0]!;
    expect(md.name).toBe(
      `Curvature-based rewiring against over-squashing (${rewire.id.slice(0, 8)}).md`,
    );
    expect(md.content).toMatch(/^---\ntitle: "Curvature-based rewiring against over-squashing"\n/);
    expect(md.content).toContain('doi: "10.1234/rewire.2024"');
    expect(md.content).toMatch(
      /---\n\n> by 40%\. Our method \^q-[A-Za-z0-9-]+\n\n\*\*Result\*\* · abstract/,
    );
    expect(md.content).toContain('Unsupervised: $\\mathcal{L} = 0$ labels.');
  });
});
