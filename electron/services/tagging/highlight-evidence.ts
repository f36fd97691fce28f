// Tagging evidence from the user's highlights: a suggestion whose matched terms occur in one of the
// paper's highlighted passages says which ones (provenance only; scores are not changed).
import type { Suggestion } from '@shared/api/tagging-contract';
import { terms } from './text';

export type PaperQuotes = ReadonlyMap<
  string,
  readonly { id: string; kind: string; quote: string }[]
>;

/** At most this many highlights are cited per suggestion: the evidence panel stays readable. */
export const MAX_HIGHLIGHTS = 3;

export function withHighlightEvidence(items: Suggestion[], quotes: PaperQuotes): Suggestion[] {
  // Stemmed quote terms, once per highlight however many suggestions its paper has.
  const stems = new Map<string, Set<string>>();
  const stemsOf = (id: string, quote: string) => {
    let s = stems.get(id);
    if (!s) stems.set(id, (s = new Set(terms(quote))));
    return s;
  };
  return items.map((item) => {
    const matched = item.evidence.terms ?? [];
    const own = quotes.get(item.paperId);
    if (matched.length === 0 || !own?.length) return item;
    const highlights = own
      .map((h) => {
        const inQuote = stemsOf(h.id, h.quote);
        // A matched term is a surface word (e.g. "networks"); compare by stem as the tagger did.
        const held = matched.filter((t) => terms(t).some((st) => inQuote.has(st)));
        return { annotationId: h.id, kind: h.kind, quote: h.quote, terms: held };
      })
      .filter((h) => h.terms.length > 0)
      .sort((a, b) => b.terms.length - a.terms.length)
      .slice(0, MAX_HIGHLIGHTS);
    return highlights.length > 0 ? { ...item, evidence: { ...item.evidence, highlights } } : item;
  });
}
