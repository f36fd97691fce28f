// Seeded property tests: names of every BibTeX shape (von parts, multi-word family names, Jr, accents,
// organisations) and text full of LaTeX specials, math and ligatures survive export → import exactly.
import bibtexParse from 'bibtex-parse';
import { describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { storedName } from '@shared/papers/names';
import { parseText } from '../import';
import { cleanLine } from '../import/limits';
import { exportPapers } from './index';
import { mulberry32 } from '@shared/random';
import { paperRecord } from '../../../tests/support/library-fixtures';

const GIVEN = [
  'Carlos A.',
  'Zhao-qian',
  'Sven-Åke',
  'José M.',
  'Ana Luísa',
  'J. R. R.',
  'Søren',
  '',
];
const VON = ['', '', '', 'van', 'van der', 'de la', 'von'];
const FAMILY = ['Coello Coello', 'Chen', 'Christianson', 'García Márquez', 'Łukasiewicz', "O'Neil"];
const JR = ['', '', '', '', 'Jr.', 'III'];
const GROUPS = ['IEEE Standards Association', 'Bill and Melinda Gates Foundation', 'Plato'];

const rng = mulberry32;

function names(seed: number, n: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, () =>
    r() < 0.1
      ? pick(GROUPS)
      : storedName({ first: pick(GIVEN), von: pick(VON), last: pick(FAMILY), jr: pick(JR) }),
  );
}

const paper = (i: number, authors: string[]): Paper =>
  paperRecord(`p${i}`, {
    title: `Paper ${i}`,
    authors,
    year: 2000 + i,
    sourceFile: 'x',
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

describe('name round trips', () => {
  const papers = Array.from({ length: 60 }, (_, i) => paper(i, [...new Set(names(1000 + i, 5))]));

  it.each([
    ['bibtex', 'x.bib'],
    ['csl-json', 'x.json'],
  ] as const)('%s export → import keeps every name exactly', async (format, file) => {
    const out = exportPapers(papers, format).content;
    if (format === 'bibtex') expect(bibtexParse.entries(out)).toHaveLength(papers.length);
    const back = await parseText(out, file, undefined);
    expect(back.skipped).toEqual([]);
    expect(back.records.map((p) => p.authors)).toEqual(papers.map((p) => p.authors));
  });
});

/** Pieces that trip LaTeX escaping: specials, math, ligatures, accents, an NFD accent, emoji. */
const TOKENS = [
  'a',
  'B',
  ' ',
  '$',
  '\\',
  '{',
  '}',
  '~',
  '^',
  '_',
  '%',
  '&',
  '#',
  '-',
  '--',
  "'",
  '`',
  "''",
  '``',
  '\\alpha',
  'x^2',
  'é',
  '😀',
  '?',
  '!',
  '"',
  '<',
  '>',
  '$x$',
  '$ y$',
  '5',
  '\\~{}',
  '\\i',
  '{}',
  ',',
  ';',
  '@',
  '(',
  ')',
  '=',
  'and',
  'e\u0301',
];

describe('text round trips', () => {
  const r = rng(42);
  // Stored text is what the importer stores: cleaned to one line, NFC.
  const text = (): string =>
    cleanLine(
      Array.from(
        { length: 1 + Math.floor(r() * 12) },
        () => TOKENS[Math.floor(r() * TOKENS.length)],
      ).join(''),
    );
  const papers = Array.from({ length: 300 }, (_, i) => ({
    ...paper(i, []),
    title: cleanLine(`T${i} ${text()}`),
    abstract: text(),
    venue: text(),
    notes: text(),
  }));

  it('BibTeX export → import keeps titles, abstracts, venues and notes exactly', async () => {
    const out = exportPapers(papers, 'bibtex').content;
    expect(bibtexParse.entries(out)).toHaveLength(papers.length);
    const back = await parseText(out, 'x.bib', undefined);
    expect(back.skipped).toEqual([]);
    const pick = (p: { title: string; abstract: string; venue: string; notes: string }) => [
      p.title,
      p.abstract,
      p.venue,
      p.notes,
    ];
    expect(back.records.map(pick)).toEqual(papers.map(pick));
  });
});
