// Maps CSL-JSON items (from CSL-JSON files) to raw drafts.
import { parseName, storedName } from '@shared/papers/names';
import { cleanArxivId, splitTags, type RawDraft } from './limits';

export type CslName = {
  given?: string;
  family?: string;
  literal?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
};

export type CslItem = {
  title?: string;
  abstract?: string;
  author?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][]; raw?: string; literal?: string };
  'container-title'?: string | string[];
  'collection-title'?: string;
  'event-title'?: string;
  DOI?: string;
  URL?: string;
  note?: string;
  keyword?: string;
  number?: string | number;
  archive?: string;
  archive_location?: string;
  publisher?: string;
  volume?: string | number;
  issue?: string | number;
  edition?: string | number;
  page?: string | number;
};

/**
 * The stored form of a CSL name (shared/papers/names.ts): "Given particle Family" when that splits back the
 * same, else "particle Family, Suffix, Given"; `literal` wins. Lower-case words leading the family name
 * ("van Beethoven") are its particle, as citeproc reads them.
 */
export function cslName(n: CslName): string {
  if (n.literal) return n.literal;
  const particle = [n['dropping-particle'], n['non-dropping-particle']]
    .filter((p) => p && p.trim())
    .join(' ');
  let von = particle;
  let last = (n.family ?? '').trim();
  if (!von && /\s/.test(last)) {
    const split = parseName(`${last}, x`);
    von = split.von;
    last = split.last;
  }
  return storedName({ first: n.given ?? '', von, last, jr: n.suffix ?? '' });
}

function cslYear(issued: CslItem['issued']): number | string | null {
  const first = issued?.['date-parts']?.[0]?.[0];
  if (first !== undefined && first !== null && first !== '') {
    return typeof first === 'number' ? first : String(first);
  }
  return issued?.raw ?? issued?.literal ?? null;
}

/** arXiv id from the places CSL producers put it: archive_location, number, URL, DOI. */
export function cslArxivId(item: CslItem): string {
  const isArxivSource = /arxiv/i.test(
    [item.archive, item.publisher, firstString(item['container-title'])].join(' '),
  );
  if (item.archive_location && (isArxivSource || /arxiv/i.test(item.archive_location))) {
    const id = cleanArxivId(item.archive_location);
    if (id) return id;
  }
  // Zotero writes preprints as number "arXiv:2001.08361" with publisher "arXiv".
  if (item.number !== undefined && (isArxivSource || /arxiv/i.test(String(item.number)))) {
    const id = cleanArxivId(String(item.number));
    if (id) return id;
  }
  if (item.URL && /arxiv\.org\/(abs|pdf)\//i.test(item.URL)) return cleanArxivId(item.URL);
  if (item.DOI && /10\.48550\/arxiv\./i.test(item.DOI)) return cleanArxivId(item.DOI);
  return '';
}

function firstString(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function cslToDraft(item: CslItem): RawDraft {
  return {
    title: item.title,
    abstract: item.abstract,
    authors: (item.author ?? []).map(cslName),
    year: cslYear(item.issued),
    venue: firstString(item['container-title']) || item['event-title'] || '',
    doi: item.DOI,
    arxivId: cslArxivId(item),
    url: item.URL,
    notes: item.note,
    tags: item.keyword ? splitTags(item.keyword) : [],
    volume: item.volume,
    issue: item.issue,
    edition: item.edition,
    pages: item.page,
  };
}
