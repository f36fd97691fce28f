// BibTeX export: stable citation keys, LaTeX-escaped text, Unicode kept as UTF-8.
import type { Paper } from '@shared/api/schemas';
import { familyName, looksLikeGroup, parseName } from '@shared/papers/names';

/**
 * Escapes LaTeX specials; `~`, `^` and `\` become text commands so they are not accents. TeX ligatures
 * are broken with `{}` so that BibTeX readers keep `--`, `''` and ``` `` ``` as typed instead of turning
 * them into dashes and curly quotes (24 of the 227 sample abstracts contain one).
 */
export function escapeLatex(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(MATH)) {
    if (!isMath(m[1]!)) continue;
    out += escapeText(s.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + escapeText(s.slice(last));
}

function escapeText(s: string): string {
  return escapeSpecials(s).replace(/(?<=[-'`?!])(?=[-'`])/g, '{}');
}

/**
 * Inline math as the importer stores it (`$7\pm2$`) is written back as math, not as escaped dollars, so
 * LaTeX typesets it. Pandoc's rule tells math from prices ("$5 and $10"): no space inside either dollar, no
 * digit right after the closing one; and the TeX must be safe inside a field (balanced braces, no `%#&`).
 */
const MATH = /\$([^$\n]+)\$(?!\d)/g;

function isMath(inner: string): boolean {
  if (/^\s|\s$/.test(inner) || /[%#&]/.test(inner)) return false;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0 && !inner.endsWith('\\');
}

function escapeSpecials(s: string): string {
  return s.replace(/[\\{}&%$#_~^]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${c}`;
    }
  });
}

/** URLs and DOIs are verbatim fields: only characters that would break the braces are encoded. */
function verbatim(s: string): string {
  return s.replace(/[{}\s\\]/g, (c) => encodeURIComponent(c));
}

const STOP = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'from',
  'at',
  'by',
  'is',
  'are',
]);

function ascii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase();
}

/** firstauthorfamily + year + first significant title word, e.g. `kaplan2020scaling`. */
export function baseKey(p: Paper): string {
  const first = p.authors[0];
  const family = first ? parseName(first).last || familyName(first) : '';
  const words = p.title.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // Keys stay ASCII for classic BibTeX; words with no ASCII letters (e.g. CJK) are passed over.
  const word =
    words.find((w) => !STOP.has(w.toLowerCase()) && ascii(w)) ?? words.find((w) => ascii(w)) ?? '';
  return `${ascii(family) || 'anon'}${p.year ?? 'nd'}${ascii(word)}`;
}

function suffix(n: number): string {
  // 1 → a, 26 → z, 27 → aa: enough letters for any number of clashes.
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

/** Keys for a list of papers, unique within the list; the first of a clash keeps the bare key. */
export function citationKeys(papers: Paper[]): string[] {
  const used = new Set<string>();
  return papers.map((p) => {
    const base = baseKey(p);
    let key = base;
    for (let n = 1; used.has(key); n++) key = base + suffix(n);
    used.add(key);
    return key;
  });
}

/**
 * One BibTeX name, written "von Last, Jr, First" so that every BibTeX reader splits it as Quire does
 * (shared/papers/names.ts). Organisations written with "and" are braced whole, or BibTeX would split them.
 */
export function bibName(name: string): string {
  if (looksLikeGroup(name) || /[{}\\]/.test(name)) return `{${escapeLatex(name)}}`;
  const p = parseName(name);
  const family = [p.von, p.last].filter(Boolean).join(' ');
  if (!p.first && !p.jr)
    return family.includes(' ') && !p.von ? `{${escapeLatex(family)}}` : escapeLatex(family);
  if (p.jr)
    return `${escapeLatex(family)}, ${escapeLatex(p.jr)}, ${escapeLatex(p.first)}`.trimEnd();
  return `${escapeLatex(family)}, ${escapeLatex(p.first)}`;
}

/** One entry, ending in a newline; entries are separated by a blank line. */
export function bibtexEntry(p: Paper, key: string): string {
  const fields: [string, string][] = [];
  const add = (k: string, v: string): void => {
    if (v) fields.push([k, v]);
  };
  // Double braces keep the title's capitalisation when a style would lower-case it.
  fields.push(['title', `{${escapeLatex(p.title)}}`]);
  add('author', p.authors.map(bibName).join(' and '));
  add('year', p.year === null ? '' : String(p.year));
  add('journal', escapeLatex(p.venue));
  add('volume', escapeLatex(p.volume));
  add('number', escapeLatex(p.issue));
  add('edition', escapeLatex(p.edition));
  // BibTeX writes a page range with `--`; the importer reads it back as the en dash it stored.
  add('pages', escapeLatex(p.pages).replace(/(?<!-)\u2013(?!-)/g, '--'));
  add('doi', verbatim(p.doi));
  if (p.arxivId) {
    add('eprint', verbatim(p.arxivId));
    add('archivePrefix', 'arXiv');
  }
  add('url', verbatim(p.url));
  add('abstract', escapeLatex(p.abstract));
  // Quire's notes travel as `note`, tags as `keywords`; the importer reads them back.
  add('note', escapeLatex(p.notes));
  add('keywords', escapeLatex(p.tags.join(', ')));
  const type = p.venue ? 'article' : 'misc';
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

export function toBibtex(papers: Paper[]): string {
  const keys = citationKeys(papers);
  return papers.map((p, i) => bibtexEntry(p, keys[i] as string)).join('\n');
}
