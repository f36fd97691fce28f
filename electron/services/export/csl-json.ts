// CSL-JSON export: what Zotero, pandoc and citation-js read.
import type { Paper } from '@shared/api/schemas';
import { isCanonicalName, looksLikeGroup, parseName } from '@shared/papers/names';
import { citationKeys } from './bibtex';

type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

/**
 * A stored name split by the BibTeX rules (shared/papers/names.ts): "Carlos A. Coello Coello" is stored as
 * "Coello Coello, Carlos A." and becomes {family: "Coello Coello", given: "Carlos A."}. The von part stays
 * in the family name ("van Beethoven"), which citeproc and Zotero read as a particle. Organisations
 * ("… and …") and comma names not in Quire's form ("Google, Inc.") stay literal.
 */
export function toCslName(name: string): CslName {
  const trimmed = name.trim();
  if (!trimmed || looksLikeGroup(trimmed)) return { literal: name };
  if (trimmed.includes(',') && !isCanonicalName(trimmed)) return { literal: name };
  const p = parseName(trimmed);
  const family = [p.von, p.last].filter(Boolean).join(' ');
  const out: CslName = { family };
  if (p.first) out.given = p.first;
  if (p.jr) out.suffix = p.jr;
  return out;
}

/** CSL items; `keys` (citation keys unique over the whole export) are chosen here unless given. */
export function toCslItems(
  papers: Paper[],
  keys: string[] = citationKeys(papers),
): Record<string, unknown>[] {
  return papers.map((p, i) => {
    const item: Record<string, unknown> = {
      id: keys[i],
      type: p.venue ? 'article-journal' : 'article',
      title: p.title,
    };
    if (p.authors.length) item.author = p.authors.map(toCslName);
    if (p.year !== null) item.issued = { 'date-parts': [[p.year]] };
    if (p.abstract) item.abstract = p.abstract;
    if (p.venue) item['container-title'] = p.venue;
    if (p.volume) item.volume = p.volume;
    if (p.issue) item.issue = p.issue;
    if (p.edition) item.edition = p.edition;
    if (p.pages) item.page = p.pages;
    if (p.doi) item.DOI = p.doi;
    if (p.url) item.URL = p.url;
    if (p.arxivId) {
      // Where the preprint lives; Quire's importer (and Zotero's) read it back from here.
      item.archive = 'arXiv';
      item.archive_location = p.arxivId;
    }
    if (p.notes) item.note = p.notes;
    if (p.tags.length) item.keyword = p.tags.join(', ');
    return item;
  });
}

export function toCslJson(papers: Paper[]): string {
  return `${JSON.stringify(toCslItems(papers), null, 2)}\n`;
}
