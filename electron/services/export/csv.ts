// CSV export (RFC 4180 via papaparse): one row per paper, lists joined by "; ".
import Papa from 'papaparse';
import type { Paper } from '@shared/api/schemas';

export const CSV_COLUMNS = [
  'title',
  'authors',
  'year',
  'venue',
  'volume',
  'issue',
  'edition',
  'pages',
  'doi',
  'arxivId',
  'url',
  'abstract',
  'notes',
  'tags',
  'id',
  'sourceFile',
  'addedAt',
  'updatedAt',
] as const;

export function toCsv(papers: Paper[]): string {
  return csvRows(papers, true);
}

/** The rows of these papers (each ending in CRLF), after the header line when `header` is set. */
export function csvRows(papers: Paper[], header: boolean): string {
  const rows = papers.map((p) =>
    CSV_COLUMNS.map((c) => {
      const v = p[c];
      if (Array.isArray(v)) return v.join('; ');
      return v === null ? '' : String(v);
    }),
  );
  // RFC 4180 asks for CRLF; a leading "=+-@" is left alone (no spreadsheet-formula escaping)
  // because it would change the data on re-import.
  const text = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', quotes: false, header },
  );
  return text ? `${text}\r\n` : '';
}
