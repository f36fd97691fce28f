// A stored paper for library tests: titled `Title <id>`, other fields empty unless given, and
// `addedAt` one second apart in creation order (so the "Added" sort is the order of the calls).
import type { Paper } from '@shared/api/schemas';

let n = 0;
export const paper = (id: string, extra: Partial<Paper> = {}): Paper => ({
  id,
  title: `Title ${id}`,
  abstract: '',
  authors: [],
  year: null,
  venue: '',
  doi: '',
  arxivId: '',
  url: '',
  sourceFile: 'test.jsonl',
  addedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n++)).toISOString(),
  updatedAt: '2026-01-01T00:00:00.000Z',
  notes: '',
  tags: [],
  volume: '',
  issue: '',
  edition: '',
  pages: '',
  ...extra,
});
