// Issue 12's BibTeX defects, one test each: what real JabRef/Zotero/lab files hold must be stored as written.
import bibtexParse from 'bibtex-parse';
import { describe, expect, it } from 'vitest';
import type { Paper, PaperDraft } from '@shared/api/schemas';
import { exportPapers } from '../export';
import { draftAsPaper } from './draft-paper.fixtures';
import { parseText } from './index';

async function one(bib: string): Promise<PaperDraft> {
  const r = await parseText(bib, 'x.bib', undefined);
  expect(r.skipped).toEqual([]);
  expect(r.records).toHaveLength(1);
  return r.records[0]!;
}

const asPaper = (d: PaperDraft, i = 0): Paper => draftAsPaper(d, i, 'x.bib');

describe('crossref', () => {
  it('an @InCollection inherits year, and booktitle from the title of a @Book written after it', async () => {
    const r = await parseText(
      `@InCollection{ch1, author = {Ito, Kenji}, title = {A Chapter}, crossref = "PPSN2014", pages = {1--9}}
@Book{PPSN2014, title = {Parallel Problem Solving from Nature}, year = 2014, publisher = {Springer},
  doi = {10.5555/book.2014}}`,
      'x.bib',
      undefined,
    );
    const ch = r.records.find((p) => p.title === 'A Chapter')!;
    expect(ch.year).toBe(2014);
    expect(ch.venue).toBe('Parallel Problem Solving from Nature');
    // The book's DOI is the book's: inheriting it would make every chapter the same work.
    expect(ch.doi).toBe('');
  });

  it('an @InProceedings keeps its own booktitle and takes the year from its @Proceedings', async () => {
    const p = (
      await parseText(
        `@Proceedings{conf, title = {Proceedings of Conf}, year = {2016}}
@InProceedings{a, title = {Paper}, booktitle = {Conf '16}, crossref = {CONF}}`,
        'x.bib',
        undefined,
      )
    ).records.find((x) => x.title === 'Paper')!;
    expect(p).toMatchObject({ year: 2016, venue: "Conf '16" });
  });
});

describe('macros', () => {
  it('@string macros joined with # fill the venue', async () => {
    const p = await one(
      '@string{ieee = "IEEE"}\n@string{tec = ieee # " Transactions on Evolutionary Computation"}\n' +
        '@article{a, title = {T}, journal = tec # { (Special Issue)}}',
    );
    expect(p.venue).toBe('IEEE Transactions on Evolutionary Computation (Special Issue)');
  });

  it('@preamble definitions are used', async () => {
    const p = await one(
      '@preamble{ "\\newcommand{\\noopsort}[1]{} \\newcommand{\\swname}[1]{\\textsf{#1}}" }\n' +
        '@article{a, title = {{\\noopsort{a}}Solving with \\swname{Gurobi}}}',
    );
    expect(p.title).toBe('Solving with Gurobi');
  });

  it('an unbraced one-argument macro does not skip the entry', async () => {
    const p = await one(
      '@article{a, Title = {Homing in the desert ant, {\\textit Cataglyphis fortis}}, year = 2019}',
    );
    expect(p.title).toBe('Homing in the desert ant, Cataglyphis fortis');
  });

  it('an unknown macro keeps its argument, not its name', async () => {
    const p = await one('@article{a, title = {Ordering fronts in \\proglang{R} quickly}}');
    expect(p.title).toBe('Ordering fronts in R quickly');
  });
});

describe('verbatim fields', () => {
  it('a URL is stored exactly: no %252f, no %3C', async () => {
    const url = 'https://x.example.com/retrieve?doi=10.1016%2fj.beem.2019.04.002&q=<a>';
    const p = await one(`@article{a, title = {T}, url = {${url}}}`);
    expect(p.url).toBe(url);
  });
});

describe('LaTeX to Unicode', () => {
  it('accents become precomposed letters (NFC), also on a dotless i', async () => {
    const p = await one(
      "@article{a, title = {Garc{\\'\\i}a and Sven-{\\AA}ke and na\\\"{\\i}ve}, author = {Garc{\\'\\i}a, Jos{\\'e}}}",
    );
    expect(p.title).toBe('García and Sven-Åke and naïve');
    expect(p.title).toBe(p.title.normalize('NFC'));
    expect(p.title).not.toMatch(/\u0131|\p{M}/u);
    expect(p.authors).toEqual(['José García']);
  });

  it('math is kept as $…$ TeX', async () => {
    const p = await one('@article{a, title = {Memory spans of $7\\pm2$ items}}');
    expect(p.title).toBe('Memory spans of $7\\pm2$ items');
  });
});

describe('names', () => {
  it('"Sven-{\\AA}ke Christianson" is given Sven-Åke, family Christianson', async () => {
    const p = await one('@article{a, title = {T}, author = {Sven-{\\AA}ke Christianson}}');
    expect(p.authors).toEqual(['Sven-Åke Christianson']);
  });

  it('"Chen, Zhao-qian" survives BibTeX export and import', async () => {
    const p = await one('@article{a, title = {T}, author = {Chen, Zhao-qian}}');
    expect(p.authors).toEqual(['Zhao-qian Chen']);
    const bib = exportPapers([asPaper(p)], 'bibtex').content;
    expect(bib).toContain('author = {Chen, Zhao-qian}');
    expect((await one(bib)).authors).toEqual(['Zhao-qian Chen']);
  });

  it('"Carlos A. {Coello Coello}" exports to CSL as family "Coello Coello" and comes back', async () => {
    const p = await one('@article{a, title = {T}, author = {Carlos A. {Coello Coello}}}');
    const csl = JSON.parse(exportPapers([asPaper(p)], 'csl-json').content) as {
      author: unknown[];
    }[];
    expect(csl[0]!.author).toEqual([{ family: 'Coello Coello', given: 'Carlos A.' }]);
    const back = await parseText(
      exportPapers([asPaper(p)], 'csl-json').content,
      'x.json',
      undefined,
    );
    expect(back.records[0]!.authors).toEqual(p.authors);
    const bib = exportPapers([asPaper(p)], 'bibtex').content;
    expect(bib).toContain('author = {Coello Coello, Carlos A.}');
    expect((await one(bib)).authors).toEqual(p.authors);
  });
});

describe('notes', () => {
  it('line breaks in notes survive BibTeX export and import, and bibtex-parse reads the file', async () => {
    const notes = 'First point.\nSecond point.\n\nA new paragraph: see §2 & {appendix}.';
    const paper = asPaper({ ...(await one('@article{a, title = {T}}')), notes });
    const bib = exportPapers([paper], 'bibtex').content;
    expect(bibtexParse.entries(bib)).toHaveLength(1);
    expect((await one(bib)).notes).toBe(notes);
  });
});

describe('syntax real files use', () => {
  it('reads parenthesised entries, upper-case types, quoted values with braces and bare numbers', async () => {
    const r = await parseText(
      '@ARTICLE(k1, TITLE = "A {"}quoted{"} {T}itle", YEAR = 1999, Journal = {J})\n' +
        '@Misc{k2, title = {Second}, howpublished = {\\url{https://example.org/x_y}}}',
      'x.bib',
      undefined,
    );
    expect(r.skipped).toEqual([]);
    expect(r.records.map((p) => [p.title, p.year, p.venue, p.url])).toEqual([
      ['A "quoted" Title', 1999, 'J', ''],
      ['Second', null, '', 'https://example.org/x_y'],
    ]);
  });

  it('reads past a missing comma and a % comment between fields, and says so', async () => {
    const r = await parseText(
      '@article{k, title = {T} year = 2000,\n  % note = {old},\n  author = {Ito, Kenji}}',
      'x.bib',
      undefined,
    );
    expect(r.records.map((p) => [p.title, p.year, p.notes, p.authors])).toEqual([
      ['T', 2000, '', ['Kenji Ito']],
    ]);
    expect(r.warnings).toEqual([
      'entry k (line 1): a comma is missing before field "year"; read anyway.',
    ]);
  });

  it('names the problem when an entry cannot be read, and keeps the others', async () => {
    const r = await parseText(
      '@article{bad, title = {T}, author = "Ito, Kenji, year = 2000}\n@article{good, title = {Good}}',
      'x.bib',
      undefined,
    );
    expect(r.records.map((p) => p.title)).toEqual(['Good']);
    expect(r.skipped).toEqual([
      {
        at: 'entry bad (line 1)',
        reason: 'could not parse: a quoted field value has no closing "',
      },
    ]);
  });
});

describe('HTML entities', () => {
  it('are decoded once in text fields (web exports write &amp;), never in verbatim ones', async () => {
    const d = await one(
      `@article{e1, title = {Caf&eacute; networks &amp; R\\&D at 7&plusmn;2}, journal = {Ecology &amp; Society},
  url = {https://example.org/?a=1&amp;b=2}, note = {Seen at &lt;conference&gt;}}`,
    );
    expect(d.title).toBe('Café networks & R&D at 7±2');
    expect(d.venue).toBe('Ecology & Society');
    expect(d.notes).toBe('Seen at <conference>');
    expect(d.url).toBe('https://example.org/?a=1&amp;b=2');
  });
});
