// LibraryService.list on a real LanceDB store: the `match` order the `@` reference picker uses.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../../shared/api/schemas';
import { LibraryService } from './library-service';
import { PaperStore } from './store';

const paper = (id: string, title: string, abstract: string): Paper => ({
  id,
  title,
  abstract,
  authors: [],
  year: 2020,
  venue: '',
  doi: '',
  arxivId: '',
  url: '',
  sourceFile: 'test.jsonl',
  addedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  notes: '',
  tags: [],
});

let dir: string;
let store: PaperStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-libsvc-'));
  store = await PaperStore.open(dir);
  await store.add([
    paper('a', 'A Dynamical Model of Neural Scaling Laws', 'Scaling laws for neural networks.'),
    paper('b', 'Scaling Laws for Neural Language Models', 'We study empirical scaling laws.'),
    paper('c', 'Broken Neural Scaling Laws', 'A form for neural scaling laws.'),
  ]);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('LibraryService.list sort "match"', () => {
  it('offers the paper whose title starts with the typed text first', async () => {
    const lib = new LibraryService(store);
    const input = { text: 'Scaling Laws for Neu', offset: 0, limit: 8, dir: 'asc' as const };
    const byTitle = await lib.list({ ...input, sort: 'title' });
    // By title, the picker used to offer "A Dynamical Model…" first and Enter inserted it.
    expect(byTitle.items[0]!.id).toBe('a');
    const byMatch = await lib.list({ ...input, sort: 'match' });
    expect(byMatch.items.map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });
});
