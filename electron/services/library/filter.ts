// Paper filters shared by listing and search: words that must all occur, tag, suggested tag, topic-map
// cluster, year range.
import type { Paper, SearchFilters } from '@shared/api/schemas';
import type { PaperHead } from './paper-head';

/** The lower-cased text the text filter searches: every typed word must occur in it. */
export function searchableText(p: Paper): string {
  return [
    p.title,
    p.authors.join(' '),
    p.abstract,
    p.venue,
    p.notes,
    p.doi,
    p.arxivId,
    p.tags.join(' '),
    p.year ?? '',
  ]
    .join('\n')
    .toLowerCase();
}

export function words(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Answers which papers have a pending suggestion of a tag (given by the tagging service). */
export type SuggestedPapers = (tag: string) => ReadonlySet<string>;

/** Answers which papers are in a cluster of the active model's map (given by the map service). */
export type ClusterPapers = (clusterId: string) => Promise<ReadonlySet<string>>;

/** Answers which papers have a highlight of a kind, `*` for any (given by the annotations service). */
export type AnnotatedPapers = (kind: string) => Promise<ReadonlySet<string>>;

/**
 * Ids of the papers a filter selects, with the papers' heads when the answer had them at hand (the
 * word index does): a list then takes those, not a lookup of each id.
 */
export interface PaperIds extends Iterable<string> {
  readonly size: number;
  has(id: string): boolean;
  readonly heads?: readonly PaperHead[];
}

/** Answers which papers hold every typed word (text-index.ts). */
export type TextPapers = (typed: readonly string[]) => Promise<PaperIds>;

/**
 * Sets answered for one query: papers holding the typed words, pending suggestions, cluster members,
 * highlights.
 */
export type FilterSets = {
  text?: PaperIds;
  suggested?: PaperIds;
  cluster?: PaperIds;
  annotated?: PaperIds;
};

/** Resolves the sets a query's filters need (the cluster one asks the map, which may reject). */
export async function filterSets(
  f: SearchFilters,
  text: TextPapers,
  suggested?: SuggestedPapers,
  cluster?: ClusterPapers,
  annotated?: AnnotatedPapers,
): Promise<FilterSets> {
  const typed = words(f.text);
  const withText = typed.length > 0 ? await text(typed) : undefined;
  return {
    ...(withText ? { text: withText } : {}),
    ...(f.suggestedTag ? { suggested: suggested?.(f.suggestedTag) ?? new Set<string>() } : {}),
    ...(f.cluster ? { cluster: (await cluster?.(f.cluster)) ?? new Set<string>() } : {}),
    ...(f.annotationKind
      ? { annotated: (await annotated?.(f.annotationKind)) ?? new Set<string>() }
      : {}),
  };
}

/**
 * Whether a paper passes the filters. The text filter is answered by `sets.text` (filterSets): a
 * paper's abstract is not in memory to look at.
 */
export function matchesFilters(
  p: Omit<Paper, 'abstract'>,
  f: SearchFilters,
  textWords = words(f.text),
  sets: FilterSets = {},
): boolean {
  if (f.tag && !p.tags.includes(f.tag)) return false;
  if (f.suggestedTag && !sets.suggested?.has(p.id)) return false;
  if (f.cluster && !sets.cluster?.has(p.id)) return false;
  if (f.annotationKind && !sets.annotated?.has(p.id)) return false;
  if (f.yearFrom != null && (p.year == null || p.year < f.yearFrom)) return false;
  if (f.yearTo != null && (p.year == null || p.year > f.yearTo)) return false;
  if (textWords.length === 0) return true;
  return sets.text?.has(p.id) ?? false;
}

export function hasFilters(f: SearchFilters): boolean {
  return Boolean(
    f.tag ||
    f.suggestedTag ||
    f.cluster ||
    f.annotationKind ||
    f.yearFrom != null ||
    f.yearTo != null ||
    words(f.text).length,
  );
}
