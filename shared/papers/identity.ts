// Paper identity: the normalised DOI, arXiv id and title keys that decide whether two records are one paper.
import type { WorkDifference } from '../api/schemas';

/** `https://doi.org/10.1000/XYZ` → `10.1000/xyz`; '' when it is not a DOI. DOIs are case-insensitive. */
export function normaliseDoi(raw: string): string {
  const m = /10\.\d{4,9}\/\S+/i.exec(raw.trim());
  return m ? stripTrailing(m[0], '.,;').toLowerCase() : '';
}

/**
 * Drops trailing characters from `chars`. A loop, not `/[.,;]+$/`: that regex retries from every
 * position of a long run that is not at the end, so a hostile 1 MB run took minutes (quadratic).
 */
export function stripTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * `arXiv:2001.08361v2`, `https://arxiv.org/abs/2001.08361` → `2001.08361`;
 * old-style `hep-th/9901001` is kept; the version suffix is dropped.
 */
export function normaliseArxivId(raw: string): string {
  const s = raw.trim();
  const modern = /(\d{4}\.\d{4,5})(v\d+)?/i.exec(s);
  if (modern) return modern[1]!;
  // The look-behind starts a match only where a run of letters starts: without it a long run with
  // no `/1234567` after it is rescanned from every letter (quadratic on hostile input).
  const old = /(?<![a-z-])([a-z-]+(?:\.[a-z]{2})?\/\d{7})(v\d+)?/i.exec(s);
  return old ? old[1]!.toLowerCase() : '';
}

/**
 * Title key for duplicate detection: NFKD, accents and LaTeX braces stripped, lower case,
 * punctuation and spacing collapsed. "Attention Is All You Need!" ≡ "attention is all you need".
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The keys a record can be matched by, strongest first. */
export function identityKeys(p: { doi: string; arxivId: string; title: string }): {
  match: 'doi' | 'arxivId' | 'title';
  key: string;
}[] {
  const keys: { match: 'doi' | 'arxivId' | 'title'; key: string }[] = [];
  const doi = normaliseDoi(p.doi);
  if (doi) keys.push({ match: 'doi', key: `doi:${doi}` });
  const arxiv = normaliseArxivId(p.arxivId);
  if (arxiv) keys.push({ match: 'arxivId', key: `arxiv:${arxiv}` });
  const t = titleKey(p.title);
  if (t) keys.push({ match: 'title', key: `title:${t}` });
  return keys;
}

/** The fields that tell two works with one title apart. Volume, issue, edition and pages are optional. */
export type WorkFacts = {
  doi: string;
  arxivId: string;
  title: string;
  year: number | null;
  authors: string[];
  volume?: string;
  issue?: string;
  edition?: string;
  pages?: string;
};

/** Why two records with the same title are different works. `ours` is the incoming value. */
export type Contradiction = WorkDifference;

const NAME_SUFFIX = /^(jr|sr|ii|iii|iv|v)$/;

/**
 * Normalised family name of a stored author ("Given Family", "Family, Given" or "Family I.N." as
 * some sources keep it): accents and case folded, a trailing "Jr."/"III" or initials dropped.
 * "Carlos A. Coello Coello" → "coello"; "Raglin J.S." → "raglin".
 */
export function familyKey(name: string): string {
  const comma = name.indexOf(',');
  const family = comma > 0 ? name.slice(0, comma) : name;
  const words = titleKey(family).split(' ').filter(Boolean);
  // Trailing suffixes, and trailing initials: Scopus writes "Raglin J.S." (family first, no comma).
  while (
    words.length > 1 &&
    (NAME_SUFFIX.test(words[words.length - 1]!) || words[words.length - 1]!.length === 1)
  ) {
    words.pop();
  }
  return words[words.length - 1] ?? '';
}

/** "2nd ed." / "Second edition" / "2" → "2"; volume "Vol. 3" → "3"; pages "123-130" → "123". */
function ordinalKey(raw: string | undefined): string {
  if (!raw) return '';
  const words: Record<string, string> = {
    first: '1',
    second: '2',
    third: '3',
    fourth: '4',
    fifth: '5',
    sixth: '6',
    seventh: '7',
    eighth: '8',
    ninth: '9',
    tenth: '10',
  };
  const s = titleKey(raw);
  const num = /\d+/.exec(s);
  if (num) return String(Number(num[0]));
  const word = s.split(' ').find((w) => words[w]);
  return word ? words[word]! : s.replace(/\b(vol|volume|no|number|ed|edition|pp|p)\b/g, '').trim();
}

/** WorkFacts normalised once, so comparing many same-title records stays cheap. */
export type WorkKey = {
  doi: string;
  arxivId: string;
  year: number | null;
  details: Record<DetailField, string>;
  families: string[];
};

type DetailField = 'volume' | 'issue' | 'edition' | 'pages';
const DETAILS: DetailField[] = ['volume', 'issue', 'edition', 'pages'];

export function workKey(f: WorkFacts): WorkKey {
  return {
    doi: normaliseDoi(f.doi),
    arxivId: normaliseArxivId(f.arxivId),
    year: f.year,
    details: {
      volume: ordinalKey(f.volume),
      issue: ordinalKey(f.issue),
      edition: ordinalKey(f.edition),
      pages: ordinalKey(f.pages),
    },
    families: f.authors.map(familyKey).filter(Boolean),
  };
}

/**
 * What, if anything, shows that two records sharing a title are different works: different DOIs
 * or arXiv ids, years more than one apart (a preprint and its journal version are often a year
 * apart), a different volume, issue, edition or first page, or first authors neither of whom
 * appears among the other record's authors. Null when nothing contradicts: then they are one work.
 */
export function contradiction(
  ours: WorkFacts,
  theirs: WorkFacts,
  keys: { ours: WorkKey; theirs: WorkKey } = { ours: workKey(ours), theirs: workKey(theirs) },
): Contradiction | null {
  const a = keys.ours;
  const b = keys.theirs;
  if (a.doi && b.doi && a.doi !== b.doi)
    return { field: 'doi', ours: ours.doi, theirs: theirs.doi };
  if (a.arxivId && b.arxivId && a.arxivId !== b.arxivId) {
    return { field: 'arxivId', ours: ours.arxivId, theirs: theirs.arxivId };
  }
  if (a.year != null && b.year != null && Math.abs(a.year - b.year) > 1) {
    return { field: 'year', ours: String(a.year), theirs: String(b.year) };
  }
  for (const field of DETAILS) {
    const x = a.details[field];
    const y = b.details[field];
    if (x && y && x !== y) return { field, ours: ours[field] ?? '', theirs: theirs[field] ?? '' };
  }
  const fa = a.families;
  const fb = b.families;
  if (fa.length > 0 && fb.length > 0 && !fb.includes(fa[0]!) && !fa.includes(fb[0]!)) {
    return { field: 'authors', ours: ours.authors[0]!, theirs: theirs.authors[0]! };
  }
  return null;
}

const FIELD_WORDS: Record<Contradiction['field'], string> = {
  doi: 'DOI',
  arxivId: 'arXiv id',
  year: 'year',
  volume: 'volume',
  issue: 'issue',
  edition: 'edition',
  pages: 'pages',
  authors: 'first author',
};

/** For people (CLI, import dialog): "year 2017, not 1990". */
export function differenceText(d: Contradiction): string {
  return `${FIELD_WORDS[d.field]} ${d.ours}, not ${d.theirs}`;
}
