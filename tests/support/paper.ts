// One factory for a stored Paper in tests: every field filled with an empty default, overridable.
import type { Paper } from '@shared/api/schemas';

export function storedPaper(id: string, extra: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Title ${id}`,
    abstract: '',
    authors: [],
    year: null,
    venue: '',
    doi: '',
    arxivId: '',
    url: '',
    sourceFile: '',
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    notes: '',
    tags: [],
    volume: '',
    issue: '',
    edition: '',
    pages: '',
    ...extra,
  };
}
