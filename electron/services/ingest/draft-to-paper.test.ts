// An imported draft becomes a Paper with exactly the fields, in exactly the order, of a paper read
// back from disk, whatever order the source gave them in.
import { describe, expect, it } from 'vitest';
import { PaperDraftSchema } from '@shared/api/schemas';
import { paperToRow, rowToPaper } from '../library/schema';
import { draftToPaper } from './draft-to-paper';

describe('draftToPaper', () => {
  it('has the shape of a stored paper, the details a source lacks set to empty', () => {
    const draft = PaperDraftSchema.parse({
      tags: ['t'],
      pages: '1–9',
      title: 'Spectra',
      year: 2020,
      authors: ['Ada Lovelace'],
    });
    const p = draftToPaper(draft, 'id1', 'refs.bib', '2026-11-30T00:00:00.000Z');
    const stored = rowToPaper(paperToRow(p));
    expect(Object.keys(p)).toEqual(Object.keys(stored));
    expect(p).toEqual(stored);
    expect(p).toMatchObject({ pages: '1–9', volume: '', issue: '', edition: '', tags: ['t'] });
  });
});
