// Test helper: an imported PaperDraft as the Paper the library would store (empty optional fields,
// fixed id and stamps), so import → export → import round trips start from importer output.
import type { Paper, PaperDraft } from '../../../shared/api/schemas';

export function draftAsPaper(d: PaperDraft, i: number, sourceFile: string): Paper {
  return {
    ...d,
    volume: d.volume ?? '',
    issue: d.issue ?? '',
    edition: d.edition ?? '',
    pages: d.pages ?? '',
    id: `p${i}`,
    sourceFile,
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
