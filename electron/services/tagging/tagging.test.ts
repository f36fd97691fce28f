// The tagging service through the real services: LanceDB on disk, the bundled embedding model.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topicPapers } from './fixtures';
import { TAGGING_FILE } from './tagging-store';
import { terms } from './text';
import {
  T,
  TAGS,
  api,
  dir,
  failure,
  library,
  open,
  services,
  useTempLibrary,
} from './tagging.fixtures';

useTempLibrary();

describe('tag vocabulary', () => {
  it('lists tags papers already carry as imported, and tags:add describes them', T, async () => {
    const papers = topicPapers(3);
    papers[0]!.tags = ['graphs', 'to-read'];
    await library(papers, []);
    const before = await api.call('tags:list', {});
    expect(before.map((t) => t.name)).toEqual(['graphs', 'to-read']);
    expect(before[0]).toMatchObject({ paperCount: 1, description: '', origins: { imported: 1 } });
    const added = await api.call('tags:add', {
      name: 'graphs',
      description: 'Graph learning.',
      color: '#112233',
    });
    expect(added).toMatchObject({
      name: 'graphs',
      description: 'Graph learning.',
      color: '#112233',
      paperCount: 1,
    });
    const file = JSON.parse(await readFile(join(dir, TAGGING_FILE), 'utf8'));
    expect(file.tags).toEqual([
      expect.objectContaining({ name: 'graphs', description: 'Graph learning.' }),
    ]);
  });

  it('marks tags typed on a paper as typed', T, async () => {
    await library(topicPapers(2), []);
    const [p] = (await api.call('library:list', { limit: 1 })).items;
    await api.call('library:update', { id: p!.id, tags: ['mine'] });
    const [info] = await api.call('tags:list', {});
    expect(info).toMatchObject({ name: 'mine', origins: { typed: 1, imported: 0, accepted: 0 } });
  });

  it('renames and merges through papers and suggestions; removal is undoable', T, async () => {
    const papers = topicPapers(6);
    papers[0]!.tags = ['graph'];
    papers[1]!.tags = ['graph', 'gnn'];
    await library(papers);
    const run = await api.call('tagging:suggest', { tagger: 'zero-shot' });
    expect(run.suggestions.some((s) => s.tag === 'proteins')).toBe(true);

    const renamed = await api.call('tags:rename', { from: 'proteins', to: 'protein-science' });
    expect(renamed.name).toBe('protein-science');
    const list = await api.call('tagging:list', { decision: 'all', limit: 1000 });
    expect(list.items.some((s) => s.tag === 'proteins')).toBe(false);
    expect(list.items.some((s) => s.tag === 'protein-science')).toBe(true);
    const clash = await failure(api.call('tags:rename', { from: 'graph', to: 'gnn' }));
    expect(clash.message).toMatch(/already exists.*merge/);

    const merged = await api.call('tags:merge', { from: 'gnn', into: 'graph' });
    expect(merged.paperCount).toBe(2);
    const all = (await api.call('library:list', { limit: 1000 })).items;
    expect(all.filter((p) => p.tags.includes('graph')).map((p) => p.tags)).toEqual([
      ['graph'],
      ['graph'],
    ]);
    expect((await api.call('tags:list', {})).map((t) => t.name)).not.toContain('gnn');

    const removed = await api.call('tags:remove', { name: 'graph' });
    expect(removed.removedFromPapers).toBe(2);
    expect((await api.call('library:list', { tag: 'graph' })).total).toBe(0);
    const back = await api.call('tags:undoRemove', { undoToken: removed.undoToken });
    expect(back).toMatchObject({ name: 'graph', paperCount: 2 });
    expect(
      (await failure(api.call('tags:undoRemove', { undoToken: removed.undoToken }))).code,
    ).toBe('not_found');
  });
});

describe('zero-shot and neighbours taggers', () => {
  it(
    'zero-shot proposes each topic for its papers, with similarity and matched terms',
    T,
    async () => {
      const byId = await library(topicPapers(8));
      const r = await api.call('tagging:suggest', { tagger: 'zero-shot' });
      expect(r).toMatchObject({ tagger: 'zero-shot', model: 'quire-glove-100d', cancelled: false });
      expect(r.suggestions.length).toBeGreaterThan(6);
      const topicOf = {
        graphs: 'graphs',
        'reinforcement-learning': 'reinforcement',
        proteins: 'proteins',
      } as Record<string, string>;
      const right = r.suggestions.filter((s) => byId.get(s.paperId)!.topic === topicOf[s.tag]);
      expect(right.length / r.suggestions.length).toBeGreaterThan(0.8);
      const s = r.suggestions[0]!;
      expect(s.evidence.similarity).toEqual(expect.any(Number));
      expect(s.evidence.terms!.length).toBeGreaterThan(0);
      expect(s).toMatchObject({
        tagger: 'zero-shot',
        decision: 'pending',
        model: 'quire-glove-100d',
      });
      // Calibrated per tag: no tag is proposed for more than its top share of the library (15 %).
      for (const t of TAGS)
        expect(r.suggestions.filter((x) => x.tag === t.name).length).toBeLessThanOrEqual(32 * 0.15);
    },
  );

  it(
    'a suggestion cites the highlights that hold its matched terms (tagging:list and :suggest)',
    T,
    async () => {
      await library(topicPapers(8));
      const first = await api.call('tagging:suggest', { tagger: 'zero-shot' });
      const s = first.suggestions.find((x) => (x.evidence.terms?.length ?? 0) > 0)!;
      expect(s.evidence.highlights).toBeUndefined();
      const paper = await api.call('library:get', { id: s.paperId });
      // Highlight a word with the first matched term's stem (abstract, else title), and a passage
      // without any of the matched terms.
      const term = s.evidence.terms![0]!;
      const wordIn = (text: string) =>
        [...text.matchAll(/[\p{L}\p{N}]+/gu)].find((m) => terms(m[0])[0] === terms(term)[0]);
      const inAbstract = wordIn(paper.abstract);
      const field = inAbstract ? 'abstract' : 'title';
      const word = inAbstract ?? wordIn(paper.title);
      expect(word, `"${term}" in ${paper.title} / ${paper.abstract}`).toBeDefined();
      const at = word!.index;
      const held = await api.call('annotations:add', {
        paperId: paper.id,
        field,
        start: at,
        end: at + word![0].length,
        kind: 'method',
      });
      const study = paper.title.indexOf('study');
      await api.call('annotations:add', {
        paperId: paper.id,
        field: 'title',
        start: study,
        end: study + 'study'.length,
      });
      const listed = await api.call('tagging:list', { paperId: paper.id, tag: s.tag });
      expect(listed.items[0]!.evidence.highlights).toEqual([
        {
          annotationId: held.id,
          kind: 'method',
          quote: word![0],
          terms: [term],
        },
      ]);
      // A fresh run says so too; removing the highlight removes the citation.
      const again = await api.call('tagging:suggest', { tagger: 'zero-shot' });
      expect(again.suggestions.find((x) => x.id === s.id)?.evidence.highlights).toHaveLength(1);
      await api.call('annotations:remove', { ids: [held.id] });
      const after = await api.call('tagging:list', { paperId: paper.id, tag: s.tag });
      expect(after.items[0]!.evidence.highlights).toBeUndefined();
    },
  );

  it('a broad tag does not flood the library', T, async () => {
    await library(topicPapers(8), [
      {
        name: 'research',
        description: 'We study a method that improves results on benchmarks in practice.',
      },
    ]);
    const r = await api.call('tagging:suggest', { tagger: 'zero-shot' });
    expect(r.suggestions.length).toBeLessThanOrEqual(Math.floor(32 * 0.15));
  });

  it(
    'neighbours votes from accepted papers only (not for every paper when all labels are positive) and says which',
    T,
    async () => {
      const byId = await library(topicPapers(8));
      const none = await api.call('tagging:suggest', { tagger: 'neighbours' });
      expect(none.suggestions).toEqual([]);
      expect(none.warnings.join(' ')).toMatch(/No tag has accepted papers yet/);
      // Tag four graph papers by hand.
      const graphIds = [...byId].filter(([, p]) => p.topic === 'graphs').map(([id]) => id);
      for (const id of graphIds.slice(0, 4))
        await api.call('library:update', { id, tags: ['graphs'] });
      const r = await api.call('tagging:suggest', { tagger: 'neighbours' });
      const graphSugs = r.suggestions.filter((s) => s.tag === 'graphs');
      expect(graphSugs.length).toBeGreaterThan(0);
      expect(graphSugs.every((s) => byId.get(s.paperId)!.topic === 'graphs')).toBe(true);
      expect(graphSugs[0]!.evidence.neighbours![0]).toMatchObject({
        similarity: expect.any(Number),
      });
      expect(graphIds.slice(0, 4)).toContain(graphSugs[0]!.evidence.neighbours![0]!.paperId);
    },
  );
});

describe('decisions and provenance', () => {
  it(
    'accept adds the tag, reject is never proposed again by any tagger, undo restores',
    T,
    async () => {
      await library(topicPapers(8));
      const r = await api.call('tagging:suggest', { tagger: 'zero-shot' });
      const [a, b] = r.suggestions;
      const acc = await api.call('tagging:decide', { ids: [a!.id], decision: 'accepted' });
      expect((await api.call('library:get', { id: a!.paperId })).tags).toContain(a!.tag);
      await api.call('tagging:decide', { ids: [b!.id], decision: 'rejected' });
      for (const tagger of ['zero-shot', 'auto'] as const) {
        const again = await api.call('tagging:suggest', { tagger });
        expect(again.suggestions.some((s) => s.paperId === b!.paperId && s.tag === b!.tag)).toBe(
          false,
        );
        expect(again.suggestions.some((s) => s.paperId === a!.paperId && s.tag === a!.tag)).toBe(
          false,
        );
      }
      const rejected = await api.call('tagging:list', { decision: 'rejected' });
      expect(rejected.items).toEqual([
        expect.objectContaining({ id: b!.id, decidedAt: expect.any(String) }),
      ]);
      expect(await api.call('tagging:undo', { undoToken: acc.undoToken })).toEqual({ restored: 1 });
      expect((await api.call('library:get', { id: a!.paperId })).tags).not.toContain(a!.tag);
      // Provenance survives a restart.
      await services.close();
      await open();
      const [kept] = (await api.call('tagging:list', { decision: 'rejected' })).items;
      expect(kept).toMatchObject({
        id: b!.id,
        tagger: 'zero-shot',
        model: 'quire-glove-100d',
        score: b!.score,
      });
    },
  );

  it('acceptAbove counts first, accepts, and is undone', T, async () => {
    await library(topicPapers(8));
    await api.call('tagging:suggest', { tagger: 'zero-shot' });
    const pending = (await api.call('tagging:list', { tag: 'proteins' })).items;
    const dry = await api.call('tagging:acceptAbove', {
      tag: 'proteins',
      minScore: 0,
      dryRun: true,
    });
    expect(dry).toEqual({ count: pending.length, undoToken: null });
    expect((await api.call('library:list', { tag: 'proteins' })).total).toBe(0);
    const done = await api.call('tagging:acceptAbove', { tag: 'proteins', minScore: 0 });
    expect(done.count).toBe(pending.length);
    expect((await api.call('library:list', { tag: 'proteins' })).total).toBe(pending.length);
    await api.call('tagging:undo', { undoToken: done.undoToken! });
    expect((await api.call('library:list', { tag: 'proteins' })).total).toBe(0);
  });

  it('library and search filter by suggested tag; export keeps only accepted tags', T, async () => {
    await library(topicPapers(8));
    const r = await api.call('tagging:suggest', { tagger: 'zero-shot' });
    const want = new Set(r.suggestions.filter((s) => s.tag === 'proteins').map((s) => s.paperId));
    const listed = await api.call('library:list', { suggestedTag: 'proteins', limit: 1000 });
    expect(new Set(listed.items.map((p) => p.id))).toEqual(want);
    const found = await api.call('search:query', {
      query: 'protein',
      mode: 'fts',
      filters: { suggestedTag: 'proteins' },
    });
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.hits.every((h) => want.has(h.paper.id))).toBe(true);
    const tagsInExport = async () =>
      (await api.call('export:library', { format: 'jsonl' })).content
        .split('\n')
        .filter(Boolean)
        .flatMap((l) => (JSON.parse(l) as { tags: string[] }).tags);
    expect(await tagsInExport()).toEqual([]);
    await api.call('tagging:decide', {
      ids: [r.suggestions.find((s) => s.tag === 'proteins')!.id],
      decision: 'accepted',
    });
    expect(await tagsInExport()).toEqual(['proteins']);
  });
});
