// Test helper: an imported PaperDraft as the Paper the library would store (draftToPaper with a
// fixed id and stamps), so import → export → import round trips start from importer output.
import type { Paper, PaperDraft } from '@shared/api/schemas';
import { draftToPaper } from '../ingest/draft-to-paper';

export function draftAsPaper(d: PaperDraft, i: number, sourceFile: string): Paper {
  return draftToPaper(d, `p${i}`, sourceFile, '2026-01-01T00:00:00.000Z');
}
