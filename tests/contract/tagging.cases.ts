// Contract cases of the tagging feature: the LLM provider settings, the tag vocabulary, suggestions
// and the user's decisions with undo.
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { rejection } from './suite-support';

export function taggingCases(api: Api): void {
  describe('tagging', () => {
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
  });
}
