// Reference-list entries for notebook exports, in APA 7 order: authors (family name and initials,
// up to six, then "et al."), (year), title, venue in italics, DOI (else arXiv, else URL) as a link.
// Written here rather than with citation-js: the project carries its BibTeX/RIS parsers but not
// @citation-js/plugin-csl (CSL styles and citeproc), and exports must stay pure and synchronous.
// Missing parts are left out with their punctuation, never printed as an empty field.
import { looksLikeGroup, parseName } from '../../papers/names';
import type { PaperRef } from '../registry';
import { escapeHtml } from './markup';

const MAX_AUTHORS = 6;

/** "Hoffmann, J." ("Carlos A. Coello Coello" → "Coello Coello, C. A."); groups as written. */
export function citedName(name: string): string {
  const t = name.trim();
  if (looksLikeGroup(t) || /[{}\\]/.test(t)) return t;
  const p = parseName(t);
  const family = [p.von, p.last].filter(Boolean).join(' ');
  if (!family) return t;
  const initials = p.first
    .split(/\s+/)
    .filter(Boolean)
    // Hyphenated given names keep their hyphen: "Jean-Paul" → "J.-P.".
    .map((w) =>
      w
        .split('-')
        .map((part) => (part ? `${[...part][0]!.toUpperCase()}.` : ''))
        .join('-'),
    )
    .join(' ');
  return [family + (p.jr ? ` ${p.jr}` : ''), initials].filter(Boolean).join(', ');
}

/** "A, B, & C" (APA), the first six and "et al." after that. */
export function authorList(authors: readonly string[]): string {
  const names = authors.map(citedName).filter(Boolean);
  if (names.length === 0) return '';
  if (names.length > MAX_AUTHORS) return `${names.slice(0, MAX_AUTHORS).join(', ')}, et al.`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]!}`;
}

/** The link a reference carries: DOI first, then arXiv, then the paper's URL. */
export function referenceLink(p: PaperRef): string | null {
  if (p.doi) return `https://doi.org/${p.doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')}`;
  if (p.arxivId) return `https://arxiv.org/abs/${p.arxivId}`;
  return p.url || null;
}

/** A sentence that ends with exactly one full stop (titles may end in "?" or "."). */
const sentence = (s: string): string => (/[.?!]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

type Parts = { authors: string; year: string; title: string; venue: string; link: string | null };

function partsOf(p: PaperRef): Parts {
  return {
    authors: authorList(p.authors),
    year: p.year ? String(p.year) : 'n.d.',
    title: p.title.trim() || 'Untitled',
    // A preprint without a venue is cited as one (APA: "arXiv preprint arXiv:2402.01092").
    venue: p.venue.trim() || (p.arxivId ? `arXiv preprint arXiv:${p.arxivId}` : ''),
    link: referenceLink(p),
  };
}

/** Markdown: `Hoffmann, J., & Borgeaud, S. (2022). Title. *NeurIPS*. <https://doi.org/…>` */
export function citationMarkdown(p: PaperRef): string {
  const c = partsOf(p);
  // Without authors APA moves the title first: "Title. (2022). *Venue*."
  const head = c.authors
    ? `${sentence(c.authors)} (${c.year}). ${sentence(c.title)}`
    : `${sentence(c.title)} (${c.year}).`;
  const esc = (s: string) => s.replace(/([*_[\]<>])/g, '\\$1');
  const venue = c.venue ? ` *${esc(sentence(c.venue).replace(/\.$/, ''))}*.` : '';
  return `${esc(head)}${venue}${c.link ? ` <${c.link}>` : ''}`;
}

/** The same entry as HTML (escaped; the link a real anchor). */
export function citationHtml(p: PaperRef): string {
  const c = partsOf(p);
  const head = c.authors
    ? `${sentence(c.authors)} (${c.year}). ${sentence(c.title)}`
    : `${sentence(c.title)} (${c.year}).`;
  const venue = c.venue ? ` <i>${escapeHtml(sentence(c.venue).replace(/\.$/, ''))}</i>.` : '';
  const link = c.link
    ? ` <a class="link" href="${escapeHtml(c.link)}">${escapeHtml(c.link)}</a>`
    : '';
  return `${escapeHtml(head)}${venue}${link}`;
}
