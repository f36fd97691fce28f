// Round trips: tricky papers exported in every format come back the same through our importers,
// and an independent parser (bibtex-parse, papaparse, JSON.parse, citation-js) reads the files too.
import { Cite } from '@citation-js/core';
// Registers citation-js's BibTeX formats (the importer no longer loads it).
import '@citation-js/plugin-bibtex';
import bibtexParse from 'bibtex-parse';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type Paper } from '@shared/api/schemas';
import { parseText } from '../import';
import { paperRecord } from '../../../tests/support/library-fixtures';
import { exportPapers } from './index';

// Fixed stamps, as a file imported from BibTeX would carry them.
const stamp = {
  sourceFile: 'test.bib',
  addedAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
};

export const TRICKY: Paper[] = [
  paperRecord('p1', {
    ...stamp,
    title: 'Costs & Benefits: 50% of $5 #1 under_score {braces} ~tilde ^caret \\backslash',
    abstract:
      'We show that $\\alpha$-stable laws hold for x^2 + y_i; 100% of {CNN} runs & café 量子 😀 — “quoted”, "double" \'single\'.',
    authors: [
      'Erwin Schrödinger',
      'Ludwig van Beethoven',
      'Bill and Melinda Gates Foundation',
      'Plato',
    ],
    year: 2021,
    venue: 'Journal of R&D_Studies',
    doi: '10.5555/ABC_def.2021(3)',
    arxivId: '2104.01234',
    url: 'https://example.org/a_b?x=1%202&y=~z#frag',
    notes: 'Read twice; see §3.2 & {appendix}.',
    tags: ['scaling laws', 'mixture-of-experts', 'café'],
    volume: '12',
    issue: '3',
    edition: '2nd',
    pages: '210–224',
  }),
  paperRecord('p2', {
    ...stamp,
    title: '東京 Graph Gardens: 🌸 and Ünïcode',
    abstract: 'Plain abstract.',
    authors: ['李 小龙', 'Zoë Kettleworth'],
    year: 1999,
    venue: '',
    arxivId: 'hep-th/9901001',
    tags: ['graphs'],
    pages: 'e2101',
  }),
  paperRecord('p3', { ...stamp, title: 'Minimal Paper' }),
  // Same first author, year and first word as p1's key base, to force a suffix.
  paperRecord('p4', {
    ...stamp,
    title: 'Costs Revisited',
    authors: ['Erwin Schrödinger'],
    year: 2021,
  }),
  // TeX ligatures: a naive export turns these into en dashes and curly quotes on the way back.
  paperRecord('p5', {
    ...stamp,
    title: "Gromov--Wasserstein views --- and ``quoted'' words?` !`",
    abstract: "A model -- a joint one --- the ''un-learning\" of ``skills''.",
  }),
];

const FIELDS = [
  'title',
  'abstract',
  'authors',
  'year',
  'venue',
  'doi',
  'arxivId',
  'url',
  'notes',
  'tags',
  'volume',
  'issue',
  'edition',
  'pages',
] as const;
/** A draft leaves out the volume, issue, edition and pages its source lacks; a paper stores ''. */
const DETAILS: ReadonlySet<string> = new Set(['volume', 'issue', 'edition', 'pages']);
const pick = (p: object) =>
  Object.fromEntries(
    FIELDS.map((f) => {
      const v = (p as Record<string, unknown>)[f];
      return [f, DETAILS.has(f) ? (v ?? '') : v];
    }),
  );

describe.each(EXPORT_FORMATS)('round trip through %s', (format) => {
  it('our importer reads back every field', async () => {
    const file = exportPapers(TRICKY, format);
    const r = await parseText(file.content, file.filename, undefined);
    expect(r.format).toBe(format);
    expect(r.skipped).toEqual([]);
    expect(r.records.map(pick)).toEqual(TRICKY.map(pick));
  });
});

/** Undoes the exporter's LaTeX escapes, the way a LaTeX run would print them. */
function unlatex(s: string): string {
  return s
    .replace(/\\textbackslash(\{\})?/g, '\\')
    .replace(/\\textasciitilde(\{\})?/g, '~')
    .replace(/\\textasciicircum(\{\})?/g, '^')
    .replace(/\\([&%$#_{}])/g, '$1');
}
const stripBraces = (s: string): string => s.replace(/[{}]/g, '');
/** bibtex-parse's own brace stripping is approximate (it can split `\\textbackslash{}`), so strip first. */
const readBack = (v: unknown): string => stripBraces(unlatex(stripBraces(String(v ?? ''))));

describe('second parsers', () => {
  it('bibtex-parse reads the BibTeX export', () => {
    const { content } = exportPapers(TRICKY, 'bibtex');
    const entries = bibtexParse.entries(content);
    expect(entries.map((e) => e.key)).toEqual([
      'schrodinger2021costs',
      'anon1999graph',
      'anonndminimal',
      'schrodinger2021costsa',
      'anonndgromov',
    ]);
    entries.forEach((e, i) => {
      // bibtex-parse drops braces (escaped ones too) and some escapes itself; compare brace-free text.
      expect(readBack(e.TITLE)).toBe(stripBraces(TRICKY[i]!.title));
      expect(readBack(e.ABSTRACT)).toBe(stripBraces(TRICKY[i]!.abstract));
    });
    expect(entries[0]?.EPRINT).toBe('2104.01234');
    expect(entries[0]?.ARCHIVEPREFIX).toBe('arXiv');
    expect(entries[0]?.KEYWORDS).toBe('scaling laws, mixture-of-experts, café');
  });

  it('papaparse reads the CSV export', () => {
    const { content, mime } = exportPapers(TRICKY, 'csv');
    expect(mime).toBe('text/csv');
    const res = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true });
    expect(res.errors).toEqual([]);
    expect(res.data.map((r) => r.title)).toEqual(TRICKY.map((p) => p.title));
    expect(res.data[0]?.authors).toBe(TRICKY[0]!.authors.join('; '));
    expect(res.data[0]?.abstract).toBe(TRICKY[0]!.abstract);
    expect(res.data[2]?.year).toBe('');
  });

  it('JSON.parse reads every JSONL line as a full Paper', () => {
    const { content } = exportPapers(TRICKY, 'jsonl');
    const lines = content.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Paper)).toEqual(TRICKY);
  });

  it('the CSL-JSON export is valid CSL that citation-js reads', () => {
    const { content } = exportPapers(TRICKY, 'csl-json');
    const items = JSON.parse(content) as Record<string, unknown>[];
    expect(items[0]).toMatchObject({
      id: 'schrodinger2021costs',
      type: 'article-journal',
      author: [
        { family: 'Schrödinger', given: 'Erwin' },
        { family: 'van Beethoven', given: 'Ludwig' },
        { literal: 'Bill and Melinda Gates Foundation' },
        { family: 'Plato' },
      ],
      issued: { 'date-parts': [[2021]] },
      'container-title': 'Journal of R&D_Studies',
      DOI: '10.5555/ABC_def.2021(3)',
      keyword: 'scaling laws, mixture-of-experts, café',
    });
    const cite = new Cite(items);
    expect(cite.data).toHaveLength(TRICKY.length);
    expect(cite.data.map((d) => d.title)).toEqual(TRICKY.map((p) => p.title));
    // And citation-js can take it onwards, e.g. back to BibTeX.
    expect(cite.format('bibtex')).toMatch(/@article\{Schrodinger2021Costs,/);
  });
});

describe('export details', () => {
  it('names files and types per format', () => {
    expect(exportPapers([], 'bibtex')).toEqual({
      content: '',
      filename: 'quire-library.bib',
      mime: 'application/x-bibtex',
    });
    expect(exportPapers([], 'jsonl').filename).toBe('quire-library.jsonl');
    expect(exportPapers([], 'csl-json').content.trim()).toBe('[]');
  });

  it('escapes LaTeX specials in BibTeX and keeps Unicode', () => {
    const { content } = exportPapers([TRICKY[0]!], 'bibtex');
    expect(content).toContain(
      'title = {{Costs \\& Benefits: 50\\% of \\$5 \\#1 under\\_score \\{braces\\} \\textasciitilde{}tilde \\textasciicircum{}caret \\textbackslash{}backslash}}',
    );
    expect(content).toContain(
      'author = {Schrödinger, Erwin and van Beethoven, Ludwig and {Bill and Melinda Gates Foundation} and Plato}',
    );
    expect(content).toContain('journal = {Journal of R\\&D\\_Studies}');
    expect(content).toContain('url = {https://example.org/a_b?x=1%202&y=~z#frag}');
    expect(content).toContain('note = {Read twice; see §3.2 \\& \\{appendix\\}.}');
  });
});
