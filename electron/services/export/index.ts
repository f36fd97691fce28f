// Export entry point: serialises papers to a format other tools read.
import type { ExportFormat, Paper } from '@shared/api/schemas';
import { toBibtex } from './bibtex';
import { toCslJson } from './csl-json';
import { toCsv } from './csv';
import { toJsonl } from './jsonl';

export type ExportedFile = { content: string; filename: string; mime: string };

const WRITERS: Record<ExportFormat, { write: (p: Paper[]) => string; ext: string; mime: string }> =
  {
    bibtex: { write: toBibtex, ext: 'bib', mime: 'application/x-bibtex' },
    'csl-json': { write: toCslJson, ext: 'json', mime: 'application/vnd.citationstyles.csl+json' },
    csv: { write: toCsv, ext: 'csv', mime: 'text/csv' },
    jsonl: { write: toJsonl, ext: 'jsonl', mime: 'application/x-ndjson' },
  };

export function exportPapers(papers: Paper[], format: ExportFormat): ExportedFile {
  const w = WRITERS[format];
  return { content: w.write(papers), filename: `quire-library.${w.ext}`, mime: w.mime };
}
