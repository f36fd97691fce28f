// An imported PaperDraft as the Paper the library stores: the details a source lacks (volume,
// issue, edition, pages) become '', and identity and stamps come from the caller.
import type { Paper, PaperDraft } from '@shared/api/schemas';

export function draftToPaper(d: PaperDraft, id: string, sourceFile: string, at: string): Paper {
  // Every field named, in the order rowToPaper builds them: papers imported in this process then
  // share one object shape with papers loaded from disk, which keeps the loops over the whole
  // library (filters, column fill) monomorphic. Spreading the draft gave each source's key order:
  // a list call's column scan took 14 ms at 40k papers instead of under 1 ms.
  return {
    id,
    title: d.title,
    abstract: d.abstract,
    authors: d.authors,
    year: d.year,
    venue: d.venue,
    doi: d.doi,
    arxivId: d.arxivId,
    url: d.url,
    sourceFile,
    addedAt: at,
    updatedAt: at,
    notes: d.notes,
    tags: d.tags,
    volume: d.volume ?? '',
    issue: d.issue ?? '',
    edition: d.edition ?? '',
    pages: d.pages ?? '',
  };
}
