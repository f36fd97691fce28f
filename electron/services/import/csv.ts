// CSV/TSV importer via papaparse: a header row names the columns (case-insensitive, with aliases).
import Papa from 'papaparse';
import { QuireError } from '../../../shared/api/errors';
import type { Importer } from './types';
import { matchColumns } from './columns';
import { Collector, splitAuthors, splitTags } from './limits';

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
    const cols = matchColumns(fields);
    if (!cols.title) {
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
    const get = (row: Record<string, string>, key: string | undefined): string =>
      key ? (row[key] ?? '') : '';
    res.data.forEach((row, k) => {
      // Header is line 1; rows are counted from 2 (a multi-line quoted cell shifts real lines).
      const at = `row ${k + 2}`;
      const bad = badRows.get(k);
      if (bad) {
        out.skip(at, bad);
        return;
      }
      out.add(
        {
          title: get(row, cols.title),
          abstract: get(row, cols.abstract),
          authors: splitAuthors(get(row, cols.authors)),
          year: get(row, cols.year),
          venue: get(row, cols.venue),
          doi: get(row, cols.doi),
          arxivId: get(row, cols.arxivId),
          url: get(row, cols.url),
          notes: get(row, cols.notes),
          tags: splitTags(get(row, cols.tags)),
        },
        at,
      );
    });
    return out.result();
  },
};
