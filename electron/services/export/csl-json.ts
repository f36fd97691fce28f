// CSL-JSON export: what Zotero, pandoc and citation-js read.
import type { Paper } from '../../../shared/api/schemas';
import { citationKeys } from './bibtex';

type CslName = { family: string; given?: string } | { literal: string };

/** "Given Family" → {family, given}; a one-word name is a family name; "org, x" stays literal. */
export function toCslName(name: string): CslName {
  const parts = name.trim().split(/\s+/);
  if (name.includes(',') || parts.length === 0) return { literal: name };
  if (parts.length === 1) return { family: parts[0]! };
  return { family: parts[parts.length - 1]!, given: parts.slice(0, -1).join(' ') };
}

export function toCslItems(papers: Paper[]): Record<string, unknown>[] {
  const keys = citationKeys(papers);
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
