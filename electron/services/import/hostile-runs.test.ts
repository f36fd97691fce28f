// Super-linear regex guard: 1 MB runs of blanks, dots and letters in every field an importer cleans
// must finish (each case was quadratic before: a 1 MB blank run in one RIS line took ~16 minutes).
import { describe, expect, it } from 'vitest';
import { normaliseArxivId, normaliseDoi } from '@shared/papers/identity';
import { parseAuthorList } from './author-list';
import { decodeEntities, htmlNoteToText } from './entities';
import { cleanDoi, splitAuthors } from './limits';
import { parseText } from './index';

const MB = 1024 * 1024;
// Completion is the assertion; the timeout is only there so a regression fails instead of hanging CI.
const LONG = 120_000;

describe('importers on 1 MB hostile runs', () => {
  it(
    'RIS: a line with a 1 MB run of spaces before more text',
    async () => {
      const ris = `TY  - JOUR\nTI  - Real title\nN1  - ${' '.repeat(MB)}x\nER  - \n`;
      const out = await parseText(ris, 'run.ris', 'ris');
      expect(out.records.map((r) => r.title)).toEqual(['Real title']);
    },
    LONG,
  );

  it(
    'RIS: a 1 MB run of spaces at the end of a line',
    async () => {
      const ris = `TY  - JOUR\nTI  - Trailing blanks${' '.repeat(MB)}\nER  - \n`;
      const out = await parseText(ris, 'run.ris', 'ris');
      expect(out.records.map((r) => r.title)).toEqual(['Trailing blanks']);
    },
    LONG,
  );

  it(
    'DOI: a 1 MB run of dots inside the DOI',
    () => {
      const doi = `10.1234/${'.'.repeat(MB)}x`;
      expect(cleanDoi(doi)).toBe(doi);
      expect(normaliseDoi(`${doi}...`)).toBe(doi);
    },
    LONG,
  );

  it(
    'authors: a 1 MB run of spaces with no separator',
    () => {
      expect(splitAuthors(`Ada Lovelace${' '.repeat(MB)}x`)).toEqual(['Ada Lovelace x']);
      expect(splitAuthors(`A. Turing ${' '.repeat(MB)}and  B. Liskov`)).toEqual([
        'A. Turing',
        'B. Liskov',
      ]);
    },
    LONG,
  );

  it(
    'arXiv id: a 1 MB run of letters with no old-style id after it',
    () => {
      expect(normaliseArxivId('a'.repeat(MB))).toBe('');
      expect(normaliseArxivId(`${'a'.repeat(MB)} hep-th/9901001v2`)).toBe('hep-th/9901001');
      expect(normaliseArxivId('math.AG/0601001')).toBe('math.ag/0601001');
    },
    LONG,
  );

  it(
    'CSV: a 1 MB authors cell of spaces and a 1 MB DOI of dots',
    async () => {
      const csv = `title,authors,doi\nA paper,"Ann${' '.repeat(MB)}Bee","10.5555/${'.'.repeat(MB)}z"\n`;
      const out = await parseText(csv, 'run.csv', 'csv');
      expect(out.records).toHaveLength(1);
      expect(out.records[0]!.authors).toEqual(['Ann Bee']);
    },
    LONG,
  );

  it(
    'BibTeX: a title of 20k unclosed subscripts',
    async () => {
      const bib = `@article{k, title = {${'\\textsubscript{x'.repeat(20_000)}}, year = 2020}\n`;
      const out = await parseText(bib, 'run.bib', 'bibtex');
      expect(out.records.length + out.skipped.length).toBe(1);
    },
    LONG,
  );

  it(
    'HTML notes, references, CSV author cells and the Extra column: 1 MB runs',
    async () => {
      expect(htmlNoteToText(`<p>${'<'.repeat(MB)}x`)).toBe(`${'<'.repeat(MB)}x`);
      expect(decodeEntities(`${'&'.repeat(MB)}amp;`)).toBe(`${'&'.repeat(MB)}`);
      expect(parseAuthorList(`${'A.'.repeat(MB / 2)}a, B.`)).toHaveLength(1);
      expect(parseAuthorList(`Smith, ${'A.-B. '.repeat(MB / 8)}a`)).toHaveLength(1);
      const csv = `Title,Extra\nA paper,"${'\n'.repeat(MB)}x"\n`;
      const out = await parseText(csv, 'run.csv', 'csv');
      expect(out.records.map((r) => r.arxivId)).toEqual(['']);
    },
    LONG,
  );
});
