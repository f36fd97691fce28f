// Authors stored in BibTeX's inverted form ("Coello Coello, Carlos A.") show in reading order, so a
// list joined with ", " is not read as four people.
import { describe, expect, it } from 'vitest';
import { formatAuthors } from './PaperTable';

describe('formatAuthors', () => {
  it('shows inverted names in reading order', () => {
    expect(formatAuthors(['Coello Coello, Carlos A.', 'King, Jr., Martin'])).toBe(
      'Carlos A. Coello Coello, Martin King Jr.',
    );
    expect(formatAuthors(['Ada Lovelace', 'Coello Coello, Carlos A.', 'X Y'])).toBe(
      'Ada Lovelace, Carlos A. Coello Coello +1',
    );
  });
});
