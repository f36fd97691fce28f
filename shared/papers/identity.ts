// Paper identity: the normalised DOI, arXiv id and title keys that decide whether two records are one paper.

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
