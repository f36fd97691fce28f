// Words of the import dialog: format names and counted nouns.
import type { ImportFormat } from '@shared/api/schemas';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  feed: 'Paper feed (title line, abstract line)',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  'arxiv-atom': 'arXiv Atom',
  csv: 'CSV',
  jsonl: 'JSONL',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
