// Real-world export excerpts (tests/fixtures/real-world: Scopus/WoS/Zotero RIS, Zotero/Mendeley CSV,
// Zotero CSL-JSON, arXiv API Atom) imported through the real services into a LanceDB library on disk:
// stored fields, duplicate and different-work decisions match `<name>.expected.json`; BibTeX, CSL-JSON
// and CSV exports of the result import back to the same fields, and a second parser (bibtex-parse,
// citation-js) reads every BibTeX and CSL-JSON export. (`bibtex-*` fixtures have their own test.)
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import bibtexParse from 'bibtex-parse';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import type { ExportFormat, ImportResult, Paper } from '@shared/api/schemas';
import { createServices, type Services } from '../../electron/services';
import { FEED_PATH, HAS_FEED, NO_SHARED } from '../support/shared-data';

const DIR = resolve(__dirname, '../fixtures/real-world');
const MINE = /^(ris|csv|csl|arxiv)-.*\.(ris|csv|json|atom)$/;
const fixtures = readdirSync(DIR).filter((f) => MINE.test(f) && !f.endsWith('.expected.json'));

type Stored = Pick<
  Paper,
  | 'title'
  | 'authors'
  | 'year'
  | 'venue'
  | 'doi'
  | 'arxivId'
  | 'url'
  | 'abstract'
  | 'notes'
  | 'tags'
  | 'volume'
  | 'issue'
  | 'edition'
  | 'pages'
>;
/** As the expected files write them: volume, issue, edition and pages only where the fixture has them. */
type ExpectedPaper = Omit<Stored, 'volume' | 'issue' | 'edition' | 'pages'> &
  Partial<Pick<Stored, 'volume' | 'issue' | 'edition' | 'pages'>>;
type Expected = {
  format: ImportResult['format'];
  imported: number;
  duplicates: { index: number; match: string }[];
  distinct: { index: number; field: string }[];
  skipped: number;
  papers: ExpectedPaper[];
};

const stored = (p: Paper): Stored => ({
  title: p.title,
  authors: p.authors,
  year: p.year,
  venue: p.venue,
  doi: p.doi,
  arxivId: p.arxivId,
  url: p.url,
  abstract: p.abstract,
  notes: p.notes,
  tags: p.tags,
  volume: p.volume,
  issue: p.issue,
  edition: p.edition,
  pages: p.pages,
});

const withDetails = (p: ExpectedPaper): Stored => ({
  volume: '',
  issue: '',
  edition: '',
  pages: '',
  ...p,
});

const open: { services: Services; dir: string }[] = [];
async function library(): Promise<Api> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-realworld-'));
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  open.push({ services, dir });
  return createClient(inProcessTransport(services.dispatch));
}
afterAll(async () => {
  for (const { services, dir } of open) {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
});

async function papers(api: Api): Promise<Paper[]> {
  return (await api.call('library:list', { sort: 'addedAt', dir: 'asc', limit: 1000 })).items;
}

/** One row of the report table: fixture → expected / imported / duplicates / different works / skipped. */
function row(name: string, e: Expected, r: ImportResult): string {
  const dups = r.duplicates.map((d) => `#${d.index} same ${d.match}`).join(', ') || '—';
  const distinct = r.distinct.map((d) => `#${d.index} ${d.reason.field}`).join(', ') || '—';
  return `| ${name} | ${e.papers.length} | ${r.imported} | ${dups} | ${distinct} | ${r.skipped.length} |`;
}

describe('real-world import fixtures', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(7);
  });

  it.each(fixtures)('%s imports with the expected stored fields', async (name) => {
    const expected = JSON.parse(
      readFileSync(join(DIR, name.replace(/\.[^.]+$/, '.expected.json')), 'utf8'),
    ) as Expected;
    const api = await library();
    const r = await api.call('import:run', { source: { kind: 'path', path: join(DIR, name) } });
    console.log(row(name, expected, r));
    expect(r.format).toBe(expected.format);
    expect(r.skipped).toHaveLength(expected.skipped);
    expect(r.imported).toBe(expected.imported);
    expect(r.duplicates.map((d) => ({ index: d.index, match: d.match }))).toEqual(
      expected.duplicates,
    );
    expect(r.distinct.map((d) => ({ index: d.index, field: d.reason.field }))).toEqual(
      expected.distinct,
    );
    expect((await papers(api)).map(stored)).toEqual(expected.papers.map(withDetails));
  });

  const roundTrips = fixtures.flatMap((f) =>
    (['bibtex', 'csl-json', 'csv'] as const).map((x): [string, ExportFormat] => [f, x]),
  );
  it.each(roundTrips)('%s: a %s export imports back to the same fields', async (name, format) => {
    const api = await library();
    await api.call('import:run', { source: { kind: 'path', path: join(DIR, name) } });
    const first = (await papers(api)).map(stored);
    const out = await api.call('export:library', { format });
    // Another tool reads the export too, one item per paper with every author.
    if (format !== 'csv') {
      if (format === 'bibtex') expect(bibtexParse.entries(out.content)).toHaveLength(first.length);
      const cite = new Cite(format === 'bibtex' ? out.content : JSON.parse(out.content));
      expect(cite.data).toHaveLength(first.length);
      const authors = cite.data.map((d) => ((d.author as unknown[] | undefined) ?? []).length);
      expect(authors.reduce((a, b) => a + b, 0)).toBe(
        first.reduce((a, p) => a + p.authors.length, 0),
      );
    }
    const again = await library();
    // Every exported item was its own paper, and the export carries volume, issue, edition and
    // pages, so volumes of one work (same title, year, author) stay apart with no override.
    const r = await again.call('import:run', {
      source: { kind: 'text', name: out.filename, text: out.content },
    });
    expect([r.imported, r.duplicateCount]).toEqual([first.length, 0]);
    expect((await papers(again)).map(stored)).toEqual(first);
  });
});

describe('against the library', () => {
  it('a second export of the same works merges by DOI and keeps the other same-title work', async () => {
    const api = await library();
    await api.call('import:run', { source: { kind: 'path', path: join(DIR, 'ris-wos.ris') } });
    const [sports] = await papers(api);
    const r = await api.call('import:run', {
      source: { kind: 'path', path: join(DIR, 'csv-zotero.csv') },
    });
    expect(r.duplicates.map((d) => [d.index, d.match, d.existingId])).toEqual([
      [0, 'doi', sports!.id],
    ]);
    expect(r.distinct.map((d) => [d.index, d.otherId, d.reason.field])).toEqual([
      [1, sports!.id, 'doi'],
    ]);
    expect(r.imported).toBe(2);
    // The duplicate filled what the library copy lacked (tags), nothing else changed.
    const after = (await papers(api)).find((p) => p.id === sports!.id)!;
    expect(after.tags).toEqual(['exercise', 'depression', 'Humans', 'Adult']);
    expect(after.venue).toBe('SPORTS MEDICINE');
  });
});

/** A CSL-JSON file of one book's volumes (and other details), as Zotero writes it. */
function cslBook(items: Record<string, string>[]): { kind: 'text'; name: string; text: string } {
  const text = JSON.stringify(
    items.map((extra, i) => ({
      id: `item${i}`,
      type: 'book',
      title: 'The Collected Papers of Ada Whitcombe',
      author: [{ family: 'Whitcombe', given: 'Ada' }],
      issued: { 'date-parts': [[1952]] },
      ...extra,
    })),
  );
  return { kind: 'text', name: 'volumes.json', text };
}

describe('volumes and editions against the library', () => {
  it('keeps volume 2 and 3 of a work whose volume 1 is already in the library', async () => {
    const api = await library();
    await api.call('import:run', { source: cslBook([{ volume: '1' }]) });
    const [first] = await papers(api);
    expect(first!.volume).toBe('1');
    // Failed before: the library did not keep the volume, so both merged into volume 1's paper.
    const r = await api.call('import:run', { source: cslBook([{ volume: '2' }, { volume: '3' }]) });
    expect([r.imported, r.duplicateCount]).toEqual([2, 0]);
    expect(r.distinct.map((d) => [d.index, d.otherId, d.reason.field])).toEqual([
      [0, first!.id, 'volume'],
      [1, first!.id, 'volume'],
    ]);
    expect((await papers(api)).map((p) => p.volume)).toEqual(['1', '2', '3']);
  });

  it('a real duplicate fills the volume, issue, edition and pages the library copy lacks', async () => {
    const api = await library();
    await api.call('import:run', { source: cslBook([{}]) });
    const [paper] = await papers(api);
    expect([paper!.volume, paper!.pages]).toEqual(['', '']);
    const r = await api.call('import:run', {
      source: cslBook([{ volume: '4', issue: '2', edition: '2', page: '10-20' }]),
    });
    expect([r.imported, r.duplicateCount, r.mergedCount]).toEqual([0, 1, 1]);
    const after = (await papers(api))[0]!;
    expect([after.id, after.volume, after.issue, after.edition, after.pages]).toEqual([
      paper!.id,
      '4',
      '2',
      '2',
      '10-20',
    ]);
    // And from then on another volume of it is a different work.
    const next = await api.call('import:run', { source: cslBook([{ volume: '5' }]) });
    expect(next.distinct.map((d) => [d.otherId, d.reason.field])).toEqual([[paper!.id, 'volume']]);
  });
});

describe('merge override', () => {
  it('imports a would-be duplicate as its own paper when asked (keepSeparate)', async () => {
    const api = await library();
    const source = { kind: 'path' as const, path: join(DIR, 'csv-mendeley.csv') };
    const preview = await api.call('import:preview', { source });
    expect(preview.duplicates.map((d) => d.index)).toEqual([2]);
    const r = await api.call('import:run', { source, keepSeparate: [2] });
    expect([r.imported, r.duplicateCount]).toEqual([3, 0]);
    expect((await papers(api)).map((p) => p.venue)).toEqual([
      'Sports Medicine',
      'Maturitas',
      'Sports Med',
    ]);
  });
});

describe('the sample feed and its exports', () => {
  if (!HAS_FEED) it.skip(NO_SHARED, () => {});

  it.skipIf(!HAS_FEED)(
    'import as 227 papers each, with no same-title work split off',
    async () => {
      const api = await library();
      const r = await api.call('import:run', { source: { kind: 'path', path: FEED_PATH } });
      expect([r.imported, r.duplicateCount, r.distinctCount]).toEqual([227, 0, 0]);
      for (const format of ['bibtex', 'csl-json', 'csv', 'jsonl'] as const) {
        const out = await api.call('export:library', { format });
        const again = await library();
        const back = await again.call('import:run', {
          source: { kind: 'text', name: out.filename, text: out.content },
        });
        expect([format, back.imported, back.duplicateCount, back.distinctCount]).toEqual([
          format,
          227,
          0,
          0,
        ]);
      }
    },
    240_000,
  );
});
