// The option choices of the CLI (formats, sort keys, search modes…), written out here so that
// start-up loads neither zod (the contract's schemas, ~50 ms) nor the notebook exporters (KaTeX,
// marked). `exactly` makes each list fail to compile unless it names every member of the
// contract's own list and nothing else, so the two cannot drift apart.
import type { MAP_METHODS } from '@shared/api/map-contract';
import type { EXPORT_FORMATS, IMPORT_FORMATS, SEARCH_MODES, SORT_KEYS } from '@shared/api/schemas';
import type { NotebookExportFormat } from '@shared/notebook/export/index';

type Member<L extends readonly string[]> = L[number];

/** `exactly<U>()(list)`: the list, accepted only when its members are exactly the union `U`. */
const exactly =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : never)): L =>
    list;

export const IMPORT_FORMAT_CHOICES = exactly<Member<typeof IMPORT_FORMATS>>()([
  'feed',
  'bibtex',
  'ris',
  'csl-json',
  'arxiv-atom',
  'csv',
  'jsonl',
]);
export const EXPORT_FORMAT_CHOICES = exactly<Member<typeof EXPORT_FORMATS>>()([
  'bibtex',
  'csl-json',
  'csv',
  'jsonl',
]);
export const SORT_KEY_CHOICES = exactly<Member<typeof SORT_KEYS>>()([
  'title',
  'year',
  'addedAt',
  'authors',
  'venue',
]);
export const SEARCH_MODE_CHOICES = exactly<Member<typeof SEARCH_MODES>>()([
  'hybrid',
  'vector',
  'fts',
]);
export const MAP_METHOD_CHOICES = exactly<Member<typeof MAP_METHODS>>()(['density', 'kmeans']);
export const NOTEBOOK_EXPORT_FORMAT_CHOICES = exactly<NotebookExportFormat>()([
  'md',
  'html',
  'ipynb',
]);
