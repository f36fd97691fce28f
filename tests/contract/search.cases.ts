// Contract cases of embeddings and search: vectors for every paper, queries, "more like this".
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { DEFAULT_MODEL } from '../../electron/services';
import { rejection } from './suite-support';

export function embeddingCases(api: Api): void {
  describe('embeddings', () => {
    it('embeddings:status counts the papers a cancelled import left without vectors; embeddings:update makes them', async () => {
      const before = await api.call('embeddings:status', {});
      expect(before.missing).toBeGreaterThan(0);
      expect(before.missing).toBe(before.total - before.embedded);
      const events: Progress[] = [];
      const after = await api.call('embeddings:update', {}, { onProgress: (p) => events.push(p) });
      expect(after).toMatchObject({ missing: 0, embedded: before.total, total: before.total });
      expect(events.some((p) => p.phase === 'embed' && p.total === before.missing)).toBe(true);
    });
  });
}

export function searchCases(api: Api): void {
  describe('search', () => {
    it('search:query answers in each mode with highlights; an empty query is refused', async () => {
      for (const mode of ['hybrid', 'vector', 'fts'] as const) {
        const r = await api.call('search:query', { query: 'scaling of experts', mode, k: 5 });
        expect(r).toMatchObject({ mode, model: DEFAULT_MODEL });
        expect(r.hits.length).toBeGreaterThan(0);
        expect(r.hits.length).toBeLessThanOrEqual(5);
        if (mode === 'hybrid') continue;
        const scores = r.hits.map((h) => h.score);
        expect(scores, mode).toEqual([...scores].sort((a, b) => b - a));
      }
      const fts = await api.call('search:query', { query: 'experts', mode: 'fts', k: 200 });
      for (const h of fts.hits) {
        expect(h.paper.title).toMatch(/experts/);
        const [span] = h.highlights.title;
        expect(h.paper.title.slice(span![0], span![1]).toLowerCase()).toBe('experts');
      }
      const years = await api.call('search:query', {
        query: 'scaling',
        mode: 'fts',
        filters: { yearFrom: 2003, yearTo: 2004 },
      });
      expect(years.hits.length).toBeGreaterThan(0);
      for (const h of years.hits) expect([2003, 2004]).toContain(h.paper.year);
      const empty = await rejection(api.call('search:query', { query: '   ' }));
      expect(empty.code).toBe('invalid_input');
      expect(empty.message).toMatch(/type something to search for/);
    });

    it('search:similar: the papers nearest a paper, best first, without the paper itself', async () => {
      const [paper] = (await api.call('library:list', { text: 'Paper 4', limit: 1 })).items;
      const r = await api.call('search:similar', { id: paper!.id, k: 4 });
      expect(r.model).toBe(DEFAULT_MODEL);
      expect(r.hits).toHaveLength(4);
      expect(r.hits.map((h) => h.paper.id)).not.toContain(paper!.id);
      const scores = r.hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const h of r.hits) expect(h.vectorScore).toEqual(expect.any(Number));
      const filtered = await api.call('search:similar', {
        id: paper!.id,
        filters: { yearFrom: 2003, yearTo: 2003 },
      });
      expect(filtered.hits.length).toBeGreaterThan(0);
      for (const h of filtered.hits) expect(h.paper.year).toBe(2003);
      const unknown = await rejection(api.call('search:similar', { id: 'no-such-paper' }));
      expect(unknown.code).toBe('not_found');
    });
  });
}
