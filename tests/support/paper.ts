// One factory for a stored Paper in tests: every field set to its empty value, overridden by
// `extra`. `addedAt` grows by one second per call, so "recently added" orders are the call order.
import type { Paper } from '@shared/api/schemas';

let added = 0;

export function paperRecord(id: string, extra: Partial<Paper> = {}): Paper {
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
    sourceFile: 'test.jsonl',
    addedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, added++)).toISOString(),
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

/** A stored paper, whole (its abstract read from the table): what an edit starts from. */
export async function storedPaper(
  store: { read(ids: readonly string[]): Promise<Paper[]> },
  id: string,
): Promise<Paper> {
  const [p] = await store.read([id]);
  if (!p) throw new Error(`no paper ${id} in the store`);
  return p;
}
