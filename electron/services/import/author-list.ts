// Author lists as spreadsheets and RIS write them: "Last, First; Last, First" (Zotero, Mendeley,
// EndNote), "Last, F., Last, F.M." (older Scopus), "Last F.; Last F." or "First Last and First Last",
// turned into Quire's "Given Family" names.
import { parseName, storedName } from '@shared/papers/names';
import { splitAuthors } from './limits';

/** Initials such as "J.", "J.-P.", "A.B.", "J. R. R." (what Scopus writes for given names). */
const INITIALS = /^(?:\p{Lu}\.?(?:-\p{Lu}\.?)?\s*)+$/u;

/** A generational suffix written after a comma: "Martin Luther King, Jr." is already given-first. */
const SUFFIX = /^(jr|sr|[ivx]{1,4})\.?$/i;

/**
 * "Family, Given[, Suffix]" → the stored form of `shared/papers/names.ts` (BibTeX's name rules):
 * "Given Family" where that reads back the same, else kept inverted ("Coello Coello, Carlos A."), so
 * a CSV or RIS round trip of a multi-word family name is exact. "Given Family, Jr." is unchanged.
 */
export function invertName(s: string): string {
  const parts = s.split(',').map((p) => p.trim());
  if (parts.length === 2 && SUFFIX.test(parts[1]!)) return `${parts[0]}, ${parts[1]}`;
  if (parts.length < 2 || !parts[1]) return parts[0] ?? '';
  // Spreadsheets write "Family, Given, Suffix"; BibTeX's order is "Family, Suffix, Given".
  const [family, given, ...suffix] = parts;
  const bibtex = suffix.length ? `${family}, ${suffix.join(' ')}, ${given}` : `${family}, ${given}`;
  return storedName(parseName(bibtex));
}

/** Splits an author cell into "Given Family" names. */
export function parseAuthorList(cell: string): string[] {
  const s = cell.trim();
  if (!s) return [];
  if (s.includes(';') || / and /i.test(s.replace(/\s+/g, ' '))) {
    return splitAuthors(s).map(invertName);
  }
  if (!s.includes(',')) return [s];
  const parts = s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  // "Smith, J., Doe, A.B.": family names alternate with initials.
  const paired =
    parts.length % 2 === 0 && parts.every((p, i) => (i % 2 === 1) === INITIALS.test(p));
  if (paired) {
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += 2) out.push(invertName(`${parts[i]}, ${parts[i + 1]}`));
    return out;
  }
  // "Smith, John" (one author, family first) against "John Smith, Jane Doe" (several, given first).
  if (parts.length === 2 && !/\s/.test(parts[0]!)) return [invertName(s)];
  return parts;
}

/** Tag cells: `;`-separated when any `;` is present (Zotero, Mendeley), else `,`-separated. */
export function parseTagList(cell: string): string[] {
  return cell
    .split(cell.includes(';') ? ';' : ',')
    .map((t) => t.trim())
    .filter(Boolean);
}
