// What notebook code sees of the library: paper references (never whole records) for the
// sandbox's search() and papers(), and for the exporters' citations.
import type { Paper } from '@shared/api/schemas';
import type { PaperRef } from '@shared/notebook/registry';
import type { RunDeps } from './run';

export type LibraryReader = { get(id: string): Paper | undefined; all(): Paper[] };

export const paperRef = (p: Paper): PaperRef => ({
  id: p.id,
  title: p.title,
  authors: p.authors,
  year: p.year,
  venue: p.venue,
  doi: p.doi,
  arxivId: p.arxivId,
  url: p.url,
});

/** search(text): up to 50 papers whose title, abstract or authors contain it; papers(): the library. */
export function libraryHost(library: LibraryReader): RunDeps['host'] {
  return {
    search: (...args: unknown[]) => {
      const q = String(args[0] ?? '')
        .toLowerCase()
        .trim();
      if (!q) return [];
      return library
        .all()
        .filter((p) =>
          `${p.title}\n${p.abstract}\n${p.authors.join(', ')}`.toLowerCase().includes(q),
        )
        .slice(0, 50)
        .map(paperRef);
    },
    papers: () => library.all().slice(0, 10_000).map(paperRef),
  };
}
