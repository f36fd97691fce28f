// Real-world BibTeX (JabRef, Zotero, hand-kept lab files; tests/fixtures/real-world/bibtex-*.bib) through the
// real services: each file stores exactly its expected fields, and BibTeX and CSL-JSON exports of the library
// import back into a fresh library unchanged (issue 12). bibtex-parse and citation-js read every export.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import bibtexParse from 'bibtex-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import type { Paper, PaperDraft, SkippedRecord } from '@shared/api/schemas';
import { createServices, type Services } from '../../electron/services';

const DIR = resolve(__dirname, '../fixtures/real-world');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.startsWith('bibtex-') && f.endsWith('.bib'))
  .sort();

type Expected = { records: PaperDraft[]; skipped: SkippedRecord[]; warnings: string[] };

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

/** The stored fields; a draft's absent volume, issue, edition or pages is stored as ''. */
const DETAILS: ReadonlySet<string> = new Set(['volume', 'issue', 'edition', 'pages']);
const pick = (p: PaperDraft | Paper): PaperDraft =>
  Object.fromEntries(FIELDS.map((k) => [k, DETAILS.has(k) ? (p[k] ?? '') : p[k]])) as PaperDraft;
const byTitle = (a: PaperDraft, b: PaperDraft): number => a.title.localeCompare(b.title);

const opened: { services: Services; dir: string }[] = [];

async function library(): Promise<Api> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-bib-'));
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  opened.push({ services, dir });
  return createClient(inProcessTransport(services.dispatch));
}

async function papers(api: Api): Promise<PaperDraft[]> {
  const { items } = await api.call('library:list', { limit: 1000 });
  return items.map(pick).sort(byTitle);
}

async function importText(api: Api, name: string, text: string) {
  return api.call('import:run', { source: { kind: 'text', name, text } });
}

afterAll(async () => {
  for (const { services, dir } of opened) {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
});

describe.each(FIXTURES)('%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const expected = JSON.parse(
    readFileSync(join(DIR, file.replace(/\.bib$/, '.expected.json')), 'utf8'),
  ) as Expected;
  let api: Api;
  let stored: PaperDraft[];

  beforeAll(async () => {
    api = await library();
    const r = await importText(api, file, text);
    expect(r.format).toBe('bibtex');
    expect(r.skipped).toEqual(expected.skipped);
    expect(r.warnings).toEqual(expected.warnings);
    expect(r.duplicateCount).toBe(0);
    stored = await papers(api);
  }, 120_000);

  it('stores exactly the expected fields', () => {
    expect(stored).toEqual(expected.records.map(pick).sort(byTitle));
  });

  it('BibTeX export → fresh library is exact, and bibtex-parse reads the export', async () => {
    const out = await api.call('export:library', { format: 'bibtex' });
    const second = bibtexParse.entries(out.content);
    expect(second).toHaveLength(stored.length);
    expect(second.map((e) => String(e.TITLE ?? e.title ?? '')).every(Boolean)).toBe(true);
    // citation-js too reads every entry, with every author.
    const cite = new Cite(out.content);
    expect(cite.data).toHaveLength(stored.length);
    const authors = cite.data.map((d) => ((d.author as unknown[] | undefined) ?? []).length);
    expect(authors.reduce((a, b) => a + b, 0)).toBe(
      stored.reduce((a, p) => a + p.authors.length, 0),
    );
    const again = await library();
    const r = await importText(again, out.filename, out.content);
    expect(r.skipped).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(await papers(again)).toEqual(stored);
    // And once more: the export of the re-imported library is the same file.
    expect((await again.call('export:library', { format: 'bibtex' })).content).toBe(out.content);
  }, 120_000);

  it('CSL-JSON export → fresh library is exact (names included)', async () => {
    const out = await api.call('export:library', { format: 'csl-json' });
    const again = await library();
    const r = await importText(again, out.filename, out.content);
    expect(r.skipped).toEqual([]);
    expect(await papers(again)).toEqual(stored);
  }, 120_000);
});
