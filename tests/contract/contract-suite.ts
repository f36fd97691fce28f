// The contract tests: the same behaviour asserted through every transport (in-process, HTTP + SSE,
// Electron IPC), each over real services on a real LanceDB library in a temp folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/client';
import type { Progress } from '../../shared/api/contract';
import { QuireError } from '../../shared/api/errors';
import { SCHEMA_VERSION } from '../../electron/services/library/schema';

/**
 * Papers per export chunk in the services under test: small, so a cancel sent over HTTP or IPC when
 * the first chunk is written arrives while many chunks remain (it takes a few event-loop turns).
 */
export const EXPORT_CHUNK_FOR_TESTS = 5;

export type ContractSetup = () => Promise<{ api: Api; close(): Promise<void> }>;

const jsonl = (n: number, prefix = 'Paper') =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      title: `${prefix} ${i}: on the scaling of ${['graphs', 'experts', 'laws'][i % 3]}`,
      abstract: `Abstract ${i}. We study things at scale ${i}.`,
      authors: [`Ada Lovelace ${i % 7}`],
      year: 2000 + (i % 25),
    }),
  ).join('\n');

async function rejection(p: Promise<unknown>): Promise<QuireError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(QuireError);
    return err as QuireError;
  }
  throw new Error('expected the call to fail');
}

export function describeContract(name: string, setup: ContractSetup): void {
  describe(`contract over ${name}`, () => {
    let api: Api;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ api, close } = await setup());
    });
    afterAll(async () => {
      await close();
    });

    it('app:info describes an empty library', async () => {
      const info = await api.call('app:info', {});
      expect(info.paperCount).toBe(0);
      expect(info.schemaVersion).toBe(SCHEMA_VERSION);
      expect(info.location).toMatch(/./);
    });

    it('import:preview writes nothing; import:run imports with progress', async () => {
      const source = { kind: 'text' as const, name: 'five.jsonl', text: jsonl(5) };
      const preview = await api.call('import:preview', { source });
      expect(preview).toMatchObject({ format: 'jsonl', newCount: 5, duplicateCount: 0 });
      expect((await api.call('app:info', {})).paperCount).toBe(0);

      const events: Progress[] = [];
      const result = await api.call(
        'import:run',
        { source },
        { onProgress: (p) => events.push(p) },
      );
      expect(result).toMatchObject({ imported: 5, duplicateCount: 0, cancelled: false });
      expect(events.some((e) => e.phase === 'write' && e.done === 5 && e.total === 5)).toBe(true);

      const again = await api.call('import:run', { source });
      expect(again).toMatchObject({ imported: 0, duplicateCount: 5 });
    });

    it('library:revision moves when the library changes', async () => {
      const before = (await api.call('library:revision', {})).revision;
      expect(typeof before).toBe('number');
      expect((await api.call('library:revision', {})).revision).toBe(before);
      const [first] = (await api.call('library:list', { limit: 1 })).items;
      await api.call('library:update', { id: first!.id, notes: 'revision check' });
      expect((await api.call('library:revision', {})).revision).toBeGreaterThan(before);
      await api.call('library:update', { id: first!.id, notes: '' });
    });

    it('library:list filters, sorts and pages', async () => {
      const all = await api.call('library:list', { sort: 'year', dir: 'desc' });
      expect(all.total).toBe(5);
      expect(all.items.map((p) => p.year)).toEqual([2004, 2003, 2002, 2001, 2000]);
      const filtered = await api.call('library:list', { text: 'EXPERTS scale' });
      expect(filtered.items.map((p) => p.title)).toEqual([
        'Paper 1: on the scaling of experts',
        'Paper 4: on the scaling of experts',
      ]);
      const page = await api.call('library:list', { sort: 'title', offset: 1, limit: 2 });
      expect(page).toMatchObject({ total: 5, offset: 1 });
      expect(page.items.map((p) => p.title.slice(0, 7))).toEqual(['Paper 1', 'Paper 2']);
    });

    it('library:update edits notes and tags; library:tags counts them', async () => {
      const [first] = (await api.call('library:list', { sort: 'title', limit: 1 })).items;
      const updated = await api.call('library:update', {
        id: first!.id,
        notes: 'Read twice. ∑ α → ∞ 🚀',
        tags: ['scaling', 'to-read'],
      });
      expect(updated.notes).toBe('Read twice. ∑ α → ∞ 🚀');
      expect((await api.call('library:get', { id: first!.id })).tags).toEqual([
        'scaling',
        'to-read',
      ]);
      expect(await api.call('library:tags', {})).toEqual([
        { tag: 'scaling', count: 1 },
        { tag: 'to-read', count: 1 },
      ]);
      expect((await api.call('library:list', { tag: 'to-read' })).total).toBe(1);
    });

    it('rejects input of the wrong type with invalid_input naming the field', async () => {
      const err = await rejection(api.call('library:list', { limit: 'ten' } as never));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toContain('limit');
      const tagErr = await rejection(api.call('library:update', { id: 'x', tags: ['a,b'] }));
      expect(tagErr.code).toBe('invalid_input');
    });

    it('answers not_found for an unknown paper', async () => {
      const err = await rejection(api.call('library:get', { id: 'no-such-paper' }));
      expect(err.code).toBe('not_found');
    });

    it('library:delete can be undone', async () => {
      const { items } = await api.call('library:list', { limit: 2 });
      const ids = items.map((p) => p.id);
      const del = await api.call('library:delete', { ids });
      expect(del.deleted).toBe(2);
      expect((await api.call('app:info', {})).paperCount).toBe(3);
      expect(await api.call('library:undoDelete', { undoToken: del.undoToken })).toEqual({
        restored: 2,
      });
      expect((await api.call('app:info', {})).paperCount).toBe(5);
      const again = await rejection(api.call('library:undoDelete', { undoToken: del.undoToken }));
      expect(again.code).toBe('not_found');
    });

    it('export:library round-trips through import', async () => {
      const out = await api.call('export:library', { format: 'jsonl' });
      expect(out).toMatchObject({ format: 'jsonl', count: 5 });
      const preview = await api.call('import:preview', {
        source: { kind: 'text', name: out.filename, text: out.content },
      });
      expect(preview).toMatchObject({ newCount: 0, duplicateCount: 5 });
    });

    it('llm:set stores the LLM provider; llm:get reads it; a remote server needs allowRemote', async () => {
      expect(await api.call('llm:check', {})).toMatchObject({ ok: false, models: [] });
      const set = await api.call('llm:set', {
        baseUrl: 'http://localhost:11434',
        model: 'qwen2.5:3b',
        timeoutSeconds: 30,
      });
      expect(set).toMatchObject({ baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5:3b' });
      expect(await api.call('llm:get', {})).toEqual(set);
      const remote = await rejection(api.call('llm:set', { baseUrl: 'http://192.0.2.7:8000' }));
      expect(remote.code).toBe('invalid_input');
      expect(remote.message).toMatch(/not on this machine/);
      const bad = await rejection(api.call('llm:set', { timeoutSeconds: 0 }));
      expect(bad.code).toBe('invalid_input');
      expect(await api.call('llm:get', {})).toEqual(set);
      // No provider again, as a fresh library has (later tests rely on it).
      expect(await api.call('llm:set', { baseUrl: '', model: '' })).toMatchObject({ baseUrl: '' });
    });

    it('an unreadable file is a clear invalid_file error and changes nothing', async () => {
      const garbage = Buffer.from([0, 159, 146, 150, 0, 255, 1, 2, 3, 0]).toString('base64');
      const err = await rejection(
        api.call('import:run', { source: { kind: 'bytes', name: 'junk.bib', base64: garbage } }),
      );
      expect(err.code).toBe('invalid_file');
      expect(err.message).toContain('junk.bib');
      expect((await api.call('app:info', {})).paperCount).toBe(5);
    });

    it('tags:* keep the vocabulary: typed tags count, rename, merge, remove and undo', async () => {
      const before = await api.call('tags:list', {});
      expect(before.find((t) => t.name === 'to-read')).toMatchObject({
        paperCount: 1,
        pendingCount: 0,
        origins: { typed: 1, imported: 0, accepted: 0 },
      });
      const added = await api.call('tags:add', {
        name: 'graphs',
        description: 'Papers on graphs.',
        color: '#336699',
      });
      expect(added).toMatchObject({ name: 'graphs', color: '#336699', paperCount: 0 });
      expect((await rejection(api.call('tags:add', { name: 'x', color: 'red' }))).code).toBe(
        'invalid_input',
      );
      expect((await api.call('tags:rename', { from: 'to-read', to: 'reading' })).paperCount).toBe(
        1,
      );
      expect((await api.call('tags:merge', { from: 'reading', into: 'scaling' })).paperCount).toBe(
        1,
      );
      const removed = await api.call('tags:remove', { name: 'scaling' });
      expect(removed.removedFromPapers).toBe(1);
      expect((await api.call('library:list', { tag: 'scaling' })).total).toBe(0);
      expect(await api.call('tags:undoRemove', { undoToken: removed.undoToken })).toMatchObject({
        name: 'scaling',
        paperCount: 1,
      });
      expect((await rejection(api.call('tags:rename', { from: 'nope', to: 'x' }))).code).toBe(
        'not_found',
      );
    });

    it('tagging:suggest is a job; decisions are undoable; suggested tags filter list and search', async () => {
      await api.call('tags:add', { name: 'laws', description: 'Power laws.' });
      const events: Progress[] = [];
      const run = await api.call(
        'tagging:suggest',
        { tagger: 'zero-shot', tags: ['laws'] },
        { onProgress: (p) => events.push(p) },
      );
      expect(events.some((e) => e.phase === 'zero-shot' && e.done === e.total)).toBe(true);
      expect(run.suggestions.map((s) => [s.title, s.tag, s.tagger])).toEqual([
        ['Paper 2: on the scaling of laws', 'laws', 'zero-shot'],
      ]);
      const [s] = run.suggestions;
      expect((await api.call('tagging:list', { tag: 'laws' })).items).toEqual([s]);
      expect(
        (await api.call('library:list', { suggestedTag: 'laws' })).items.map((p) => p.id),
      ).toEqual([s!.paperId]);
      const found = await api.call('search:query', {
        query: 'scaling',
        mode: 'fts',
        filters: { suggestedTag: 'laws' },
      });
      expect(found.hits.map((h) => h.paper.id)).toEqual([s!.paperId]);

      const accepted = await api.call('tagging:decide', { ids: [s!.id], decision: 'accepted' });
      expect(accepted.changed).toBe(1);
      expect((await api.call('library:get', { id: s!.paperId })).tags).toContain('laws');
      expect(await api.call('tagging:undo', { undoToken: accepted.undoToken })).toEqual({
        restored: 1,
      });
      expect((await api.call('library:get', { id: s!.paperId })).tags).not.toContain('laws');
      expect(
        await api.call('tagging:acceptAbove', { tag: 'laws', minScore: 0, dryRun: true }),
      ).toEqual({ count: 1, undoToken: null });

      await api.call('tagging:decide', { ids: [s!.id], decision: 'rejected' });
      const again = await api.call('tagging:suggest', { tagger: 'auto', tags: ['laws'] });
      expect(again.suggestions).toEqual([]);
      expect((await api.call('tagging:list', { decision: 'rejected' })).total).toBe(1);

      expect(
        (await rejection(api.call('tagging:decide', { ids: ['nope'], decision: 'accepted' }))).code,
      ).toBe('not_found');
      expect((await rejection(api.call('tagging:undo', { undoToken: 'nope' }))).code).toBe(
        'not_found',
      );
      const llm = await rejection(api.call('tagging:suggest', { tagger: 'llm' }));
      expect(llm.code).toBe('unavailable');
      expect(llm.message).toMatch(/No LLM provider is configured/);
      await api.call('tags:remove', { name: 'laws' });
    });

    it('annotations:* highlight, find, filter, export, import, remove with undo', async () => {
      // Its own paper, deleted at the end, so the suite's counts elsewhere are unchanged.
      const text = JSON.stringify({
        title: 'Annotated paper on mixtures of experts',
        abstract: 'Abstract. We study things at scale with $n \\log n$ experts.',
      });
      await api.call('import:run', { source: { kind: 'text', name: 'annotated.jsonl', text } });
      const [paper] = (await api.call('library:list', { text: 'annotated', limit: 1 })).items;
      const start = paper!.abstract.indexOf('We study');
      const a = await api.call('annotations:add', {
        paperId: paper!.id,
        field: 'abstract',
        start,
        end: start + 'We study things'.length,
        kind: 'result',
        comment: 'Scale with $n \\log n$ 🧪',
      });
      expect(a).toMatchObject({ orphaned: false, anchor: { start, method: 'position' } });
      expect(await api.call('annotations:get', { id: a.id })).toEqual(a);
      const b = await api.call('annotations:add', { paperId: paper!.id, quote: 'experts' });
      expect(b).toMatchObject({ field: 'title', kind: 'claim' });
      const missing = await rejection(
        api.call('annotations:add', { paperId: paper!.id, quote: 'not in this paper' }),
      );
      expect(missing.code).toBe('invalid_input');
      expect(missing.message).toMatch(/does not occur in the paper's title or abstract/);
      const huge = await rejection(
        api.call('annotations:update', { id: a.id, comment: 'x'.repeat(1_048_576) }),
      );
      expect(huge.message).toMatch(/comment is at most 100,000 characters/);

      const found = await api.call('annotations:list', { query: 'LOG things' });
      expect(found.items.map((x) => x.id)).toEqual([a.id]);
      expect((await api.call('library:list', { annotationKind: 'result' })).items).toEqual([
        expect.objectContaining({ id: paper!.id }),
      ]);
      const kinds = await api.call('annotations:kinds:get', {});
      expect(kinds.map((k) => k.id)).toContain('limitation');
      expect(await api.call('annotations:kinds:set', { kinds })).toEqual(kinds);

      const w3c = await api.call('annotations:export', { format: 'w3c' });
      expect(JSON.parse(w3c.content)).toMatchObject({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        total: 2,
      });
      const md = await api.call('annotations:export', { format: 'markdown' });
      expect(md.files).toHaveLength(1);
      expect(md.content).toContain('> We study things ^q-');
      expect(await api.call('annotations:import', { text: w3c.content })).toMatchObject({
        restored: 0,
        alreadyPresent: 2,
        keptAside: [],
      });

      const removed = await api.call('annotations:remove', { ids: [a.id, b.id] });
      expect(removed.removed).toBe(2);
      expect((await api.call('annotations:list', {})).total).toBe(0);
      expect(await api.call('annotations:undoRemove', { undoToken: removed.undoToken })).toEqual({
        restored: 2,
      });
      // Deleting the paper takes its highlights to the trash; undo brings them back.
      const del = await api.call('library:delete', { ids: [paper!.id] });
      expect((await api.call('annotations:list', {})).total).toBe(0);
      await api.call('library:undoDelete', { undoToken: del.undoToken });
      expect((await api.call('annotations:list', {})).total).toBe(2);
      await api.call('library:delete', { ids: [paper!.id] });
    });
    it(
      'map:compute streams progress and map:get returns the saved map',
      { timeout: 120_000 },
      async () => {
        expect((await api.call('map:get', {})).state).toBe('none');
        const phases: string[] = [];
        const st = await api.call(
          'map:compute',
          { seed: 3 },
          { onProgress: (p) => phases.push(p.phase) },
        );
        expect(phases).toContain('project');
        expect(st.state).toBe('current');
        expect(st.map!.points.ids).toHaveLength(5);
        expect(await api.call('map:get', {})).toEqual(st);
        const bad = await rejection(api.call('map:compute', { method: 'density', k: 3 }));
        expect(bad.code).toBe('invalid_input');
        const none = await rejection(
          api.call('map:renameCluster', { clusterId: 'c999', label: 'x' }),
        );
        expect(none.code).toBe('not_found');
        // Naming with an LLM when none is configured: a clear error through every transport.
        const noLlm = await rejection(api.call('map:nameClusters', {}));
        expect(noLlm.code).toBe('invalid_input');
        expect(noLlm.message).toMatch(/^No LLM is configured/);

        // Library and search filter by a cluster of the map: exactly its members, in either. Two
        // k-means clusters, so a cluster is a strict part of the library.
        const map = (await api.call('map:compute', { method: 'kmeans', k: 2, seed: 3 })).map!;
        const cluster = map.clusters[0]!;
        const members = map.points.ids.filter((_, i) => map.points.cluster[i] === 0).sort();
        expect(members.length).toBeGreaterThan(0);
        expect(members.length).toBeLessThan(5);
        const listed = await api.call('library:list', { cluster: cluster.id });
        expect(listed.items.map((p) => p.id).sort()).toEqual(members);
        const found = await api.call('search:query', {
          query: 'paper',
          mode: 'fts',
          filters: { cluster: cluster.id },
        });
        expect(found.hits.length).toBeGreaterThan(0);
        for (const h of found.hits) expect(members).toContain(h.paper.id);
        // The ids filter (a lasso selection opened in the library): those papers, unknown ids ignored.
        const picked = await api.call('library:list', { ids: [members[0]!, 'no-such-paper'] });
        expect(picked.items.map((p) => p.id)).toEqual([members[0]]);
        const gone = await rejection(api.call('library:list', { cluster: 'c999' }));
        expect(gone.code).toBe('not_found');
        expect(gone.message).toMatch(/no cluster "c999"/);
      },
    );

    it('cancelling a long import keeps whole papers only', async () => {
      const abort = new AbortController();
      const source = { kind: 'text' as const, name: 'big.jsonl', text: jsonl(3000, 'Bulk') };
      const call = api.call(
        'import:run',
        { source },
        {
          signal: abort.signal,
          onProgress: (p) => {
            if (p.phase === 'write' && p.done > 0) abort.abort();
          },
        },
      );
      const outcome = await call.then(
        (r) => ({ kept: r.imported, cancelled: r.cancelled }),
        (e: QuireError) => ({ kept: -1, cancelled: e.code === 'cancelled' }),
      );
      expect(outcome.cancelled).toBe(true);
      const { total, items } = await api.call('library:list', { text: 'bulk', limit: 1000 });
      // Batches are all-or-nothing: whatever was kept is a multiple of the batch size, each row whole.
      expect(total % 500).toBe(0);
      expect(total).toBeLessThan(3000);
      for (const p of items) expect(p.abstract).toMatch(/^Abstract \d+\./);
    });

    it('embeddings:status counts the papers a cancelled import left without vectors; embeddings:update makes them', async () => {
      const before = await api.call('embeddings:status', {});
      expect(before.missing).toBeGreaterThan(0);
      expect(before.missing).toBe(before.total - before.embedded);
      const events: Progress[] = [];
      const after = await api.call('embeddings:update', {}, { onProgress: (p) => events.push(p) });
      expect(after).toMatchObject({ missing: 0, embedded: before.total, total: before.total });
      expect(events.some((p) => p.phase === 'embed' && p.total === before.missing)).toBe(true);
    });

    it('graph:library is a job: a plan first, progress in phases, cancel ends it, the next graph completes', async () => {
      // Papers of its own, embedded, so the test also runs alone (-t).
      const source = { kind: 'text' as const, name: 'graph.jsonl', text: jsonl(80, 'Graphable') };
      await api.call('import:run', { source });
      const status = await api.call('embeddings:update', {});
      expect(status.embedded).toBeGreaterThanOrEqual(80);
      const plan = await api.call('graph:libraryPlan', { k: 5, metrics: ['counts'] });
      expect(plan).toMatchObject({ papers: status.embedded, nodes: status.embedded });
      expect(plan.seconds).toBeGreaterThan(0);
      const sampled = await api.call('graph:libraryPlan', {
        k: 5,
        metrics: ['counts'],
        sample: 50,
      });
      expect(sampled.nodes).toBe(50);
      expect(sampled.seconds).toBeLessThan(plan.seconds);

      // Cancelled from its first progress event, i.e. while the kNN search is under way.
      const abort = new AbortController();
      const seen: Progress[] = [];
      const cancelled = await rejection(
        api.call(
          'graph:library',
          { k: 5, metrics: ['counts', 'distances', 'louvain'] },
          {
            signal: abort.signal,
            onProgress: (p) => {
              seen.push(p);
              abort.abort();
            },
          },
        ),
      );
      expect(cancelled.code).toBe('cancelled');
      expect(seen[0]).toMatchObject({ phase: 'neighbours', done: 0 });

      // The worker is free: the next graph (a seeded sample) runs to its end with both phases.
      const events: Progress[] = [];
      const g = await api.call(
        'graph:library',
        { k: 5, metrics: ['counts', 'louvain'], sample: 50 },
        { onProgress: (p) => events.push(p) },
      );
      expect(g.nodes).toHaveLength(50);
      const phases = [...new Set(events.map((p) => p.phase))];
      expect(phases).toEqual(['neighbours', 'metrics']);
      const knn = events.filter((p) => p.phase === 'neighbours');
      expect(knn.at(-1)).toMatchObject({ done: (50 * 49) / 2, total: (50 * 49) / 2 });
      expect(events.filter((p) => p.phase === 'metrics').map((p) => p.message)).toEqual([
        'counts',
        'louvain',
      ]);
    });

    it('graph:metrics is a job: progress per metric group', async () => {
      const events: Progress[] = [];
      const m = await api.call(
        'graph:metrics',
        { graph: { kind: 'karate' }, metrics: ['degree', 'betweenness'] },
        { onProgress: (p) => events.push(p) },
      );
      expect(m.nNodes).toBe(34);
      expect(events).toEqual([
        { phase: 'metrics', done: 0, total: 2, message: 'degree' },
        { phase: 'metrics', done: 1, total: 2, message: 'betweenness' },
      ]);
    });

    it('export:library is a job: progress in papers written, cancel ends it with no content, the next export completes', async () => {
      // Papers of its own, so the export spans many chunks (a cancel lands between two of them).
      const source = { kind: 'text' as const, name: 'export.jsonl', text: jsonl(1000, 'Export') };
      await api.call('import:run', { source });
      const papers = (await api.call('app:info', {})).paperCount;
      expect(papers).toBeGreaterThanOrEqual(1000);

      // Cancelled from the first progress event after papers were written.
      const abort = new AbortController();
      const seen: Progress[] = [];
      let result: unknown = null;
      const cancelled = await rejection(
        api
          .call(
            'export:library',
            { format: 'bibtex' },
            {
              signal: abort.signal,
              onProgress: (p) => {
                seen.push(p);
                if (p.done > 0) abort.abort();
              },
            },
          )
          .then((r) => (result = r)),
      );
      expect(cancelled.code).toBe('cancelled');
      expect(result).toBeNull();
      expect(seen[0]).toEqual({ phase: 'papers', done: 0, total: papers });
      expect(seen.at(-1)!.done).toBeLessThan(papers);

      // The next export runs to its end: progress rises to the total, every paper is in the file.
      const events: Progress[] = [];
      const out = await api.call(
        'export:library',
        { format: 'bibtex' },
        { onProgress: (p) => events.push(p) },
      );
      expect(out).toMatchObject({ format: 'bibtex', count: papers, filename: 'quire-library.bib' });
      expect(out.content.match(/^@\w+\{/gm)).toHaveLength(papers);
      expect(events.every((p) => p.phase === 'papers' && p.total === papers)).toBe(true);
      const done = events.map((p) => p.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(done.length).toBeGreaterThan(2);
      expect(events.at(-1)).toEqual({ phase: 'papers', done: papers, total: papers });
    });

    it('notebooks:export is a job: progress in cells exported, up to every cell', async () => {
      const cell = (i: number) => ({
        id: `md${i}`,
        type: 'markdown',
        source: `## Part ${i}\n\nSome $x^${i}$ maths.`,
        outputs: [],
        inputsHash: null,
        ranAt: null,
      });
      const { notebook } = await api.call('notebooks:create', {
        title: 'Exported',
        cells: [cell(1), cell(2), cell(3)],
      });
      for (const format of ['md', 'html', 'ipynb'] as const) {
        const events: Progress[] = [];
        const out = await api.call(
          'notebooks:export',
          { id: notebook.id, format },
          { onProgress: (p) => events.push(p) },
        );
        expect(out.content).toContain('Part 3');
        expect(events[0]).toEqual({ phase: 'cells', done: 0, total: 3 });
        expect(events.at(-1)).toEqual({ phase: 'cells', done: 3, total: 3 });
        expect(events.map((p) => p.done)).toEqual([0, 1, 2, 3, 3]);
      }
    });
  });
}
