// What notebook code sees of the library: paper references (never whole records) for the
// sandbox's search() and papers(), and for the exporters' citations.
import type { Paper } from '@shared/api/schemas';
import type { PaperRef } from '@shared/notebook/registry';
import type { PaperReader } from '../library/paper-head';
import type { RunDeps } from './run';

export type LibraryReader = Pick<PaperReader, 'get' | 'all' | 'batches'>;

/** Most papers search() returns. */
const SEARCH_MAX = 50;

export const paperRef = (p: Omit<Paper, 'abstract'>): PaperRef => ({
  id: p.id,
  title: p.title,
  authors: p.authors,
  year: p.year,
  venue: p.venue,
  doi: p.doi,
  arxivId: p.arxivId,
  url: p.url,
});

/**
 * search(text): up to 50 papers whose title, abstract or authors contain it, read from the table
 * (abstracts are not in memory) until 50 are found; papers(): the library.
 */
export function libraryHost(library: LibraryReader): RunDeps['host'] {
  return {
    search: async (...args: unknown[]) => {
      const q = String(args[0] ?? '')
        .toLowerCase()
        .trim();
      if (!q) return [];
      const found: PaperRef[] = [];
      for await (const batch of library.batches()) {
        for (const p of batch) {
          const text = `${p.title}\n${p.abstract}\n${p.authors.join(', ')}`.toLowerCase();
          if (text.includes(q) && library.get(p.id)) found.push(paperRef(p));
          if (found.length === SEARCH_MAX) return found;
        }
      }
      return found;
    },
    papers: () => library.all().slice(0, 10_000).map(paperRef),
  };
}
