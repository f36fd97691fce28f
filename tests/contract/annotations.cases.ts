// Contract cases of the annotations feature: highlights, their kinds, export and import, undo.
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import { rejection } from './suite-support';

export function annotationCases(api: Api): void {
  describe('annotations', () => {
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
  });
}
