// CSV/TSV importer via papaparse: a header row names the columns (case-insensitive, with the aliases
// of Zotero, Mendeley, EndNote and Scopus exports in columns.ts).
import Papa from 'papaparse';
import { QuireError } from '@shared/api/errors';
import type { Importer } from './types';
import { parseAuthorList, parseTagList } from './author-list';
import { matchColumnLists } from './columns';
import { decodeDraftEntities, htmlNoteToText } from './entities';
import { cleanArxivId, Collector, type RawDraft } from './limits';

/** Zotero's "Extra" column carries the arXiv id of a preprint as a line "arXiv: 2001.08361". */
// `[^\S\n]*`, not `\s*`: a blank run of newlines would be rescanned from each one (quadratic).
const EXTRA_ARXIV = /(?:^|\n)[^\S\n]*arXiv:[^\S\n]*(\S+)/i;

export const csvImporter: Importer = {
  format: 'csv',
  label: 'CSV / TSV',
  extensions: ['csv', 'tsv', 'tab'],
  sniff(head) {
    const first = head.split('\n', 1)[0] ?? '';
    return /(^|[,;\t])\s*"?title"?\s*([,;\t]|$)/i.test(first) && /[,;\t]/.test(first);
  },
  async parse(text, ctx) {
    const isTsv = /\.(tsv|tab)$/i.test(ctx.name);
    const res = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: 'greedy',
      // Empty delimiter = papaparse guesses among , ; tab | from the first rows.
      delimiter: isTsv ? '\t' : '',
      transformHeader: (h) => h.trim(),
    });
    const fields = (res.meta.fields ?? []).filter((f) => f !== '');
    const cols = matchColumnLists(fields);
    const extra = fields.find((f) => f.toLowerCase() === 'extra');
    if (cols.title.length === 0) {
      throw new QuireError(
        'invalid_file',
        `${ctx.name} has no "title" column (columns found: ${fields.length ? fields.map((f) => `"${f}"`).join(', ') : 'none'}).`,
      );
    }
    // Rows papaparse could not delimit (an unclosed quote swallows the rest of the file).
    const badRows = new Map<number, string>();
    for (const e of res.errors) {
      if (e.type === 'Quotes' && e.row !== undefined) badRows.set(e.row, e.message);
    }
    const out = new Collector(ctx, res.data.length);
    const values = (row: Record<string, string>, field: keyof RawDraft): string[] =>
      cols[field].map((c) => (row[c] ?? '').trim()).filter(Boolean);
    /** First non-empty matching column. */
    const get = (row: Record<string, string>, field: keyof RawDraft): string =>
      values(row, field)[0] ?? '';
    res.data.forEach((row, k) => {
      // Header is line 1; rows are counted from 2 (a multi-line quoted cell shifts real lines).
      const at = `row ${k + 2}`;
      const bad = badRows.get(k);
      if (bad) {
        out.skip(at, bad);
        return;
      }
      out.add(
        decodeDraftEntities({
          title: get(row, 'title'),
          abstract: get(row, 'abstract'),
          authors: parseAuthorList(get(row, 'authors')),
          year: get(row, 'year'),
          venue: get(row, 'venue'),
          doi: get(row, 'doi'),
          arxivId:
            get(row, 'arxivId') ||
            cleanArxivId(EXTRA_ARXIV.exec(extra ? (row[extra] ?? '') : '')?.[1]),
          url: get(row, 'url'),
          notes: htmlNoteToText(get(row, 'notes')),
          // Every tag column (Zotero's manual and automatic tags), each split on its own.
          tags: values(row, 'tags').flatMap(parseTagList),
          volume: get(row, 'volume'),
          issue: get(row, 'issue'),
          edition: get(row, 'edition'),
          pages: get(row, 'pages'),
        }),
        at,
      );
    });
    return out.result();
  },
};
