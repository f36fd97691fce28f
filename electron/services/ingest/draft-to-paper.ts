// An imported PaperDraft as the Paper the library stores: the details a source lacks (volume,
// issue, edition, pages) become '', and identity and stamps come from the caller.
import type { Paper, PaperDraft } from '@shared/api/schemas';

export function draftToPaper(d: PaperDraft, id: string, sourceFile: string, at: string): Paper {
  return {
    ...d,
    volume: d.volume ?? '',
    issue: d.issue ?? '',
    edition: d.edition ?? '',
    pages: d.pages ?? '',
    id,
    sourceFile,
    addedAt: at,
    updatedAt: at,
  };
}
