// Which tags the LLM is asked about for each paper: the embedding taggers' short-list (or the whole
// vocabulary when it is small), minus tags the paper already carries or the user rejected for it.
import type { TaggerInput, TaggerTag } from '../tagger';

/** Tags per question: beyond this, small models lose track and JSON-schema enums grow unwieldy. */
export const MAX_CANDIDATES = 30;

export type CandidatePlan = {
  /** Papers with at least one tag to ask about, in input order. */
  perPaper: { paperId: string; tags: TaggerTag[] }[];
  warnings: string[];
};

export function planCandidates(input: TaggerInput): CandidatePlan {
  const warnings: string[] = [];
  const vocab = new Map(input.vocabulary.map((t) => [t.name.toLowerCase(), t]));
  if (vocab.size === 0)
    return {
      perPaper: [],
      warnings: [
        'The tag vocabulary is empty: add tags with a one-sentence description first (quire tags add NAME --description TEXT).',
      ],
    };
  if (!input.shortlist && vocab.size > MAX_CANDIDATES)
    return {
      perPaper: [],
      warnings: [
        `The vocabulary has ${vocab.size} tags; the LLM tagger asks about at most ${MAX_CANDIDATES} per paper, short-listed by the embedding taggers. Run it with --tagger auto (which short-lists first), or choose at most ${MAX_CANDIDATES} tags.`,
      ],
    };
  const blocked = new Map<string, Set<string>>();
  for (const d of input.decisions) {
    let s = blocked.get(d.paperId);
    if (!s) blocked.set(d.paperId, (s = new Set()));
    s.add(d.tag.toLowerCase());
  }
  const perPaper: CandidatePlan['perPaper'] = [];
  let clipped = 0;
  for (const p of input.papers) {
    const names = input.shortlist ? (input.shortlist.get(p.id) ?? []) : [...vocab.keys()];
    const has = new Set([...p.tags.map((t) => t.toLowerCase()), ...(blocked.get(p.id) ?? [])]);
    const seen = new Set<string>();
    const tags: TaggerTag[] = [];
    for (const n of names) {
      const key = n.toLowerCase();
      const tag = vocab.get(key);
      if (!tag || has.has(key) || seen.has(key)) continue;
      seen.add(key);
      tags.push(tag);
    }
    if (tags.length > MAX_CANDIDATES) clipped++;
    if (tags.length > 0) perPaper.push({ paperId: p.id, tags: tags.slice(0, MAX_CANDIDATES) });
  }
  if (clipped > 0)
    warnings.push(
      `${clipped} paper(s) had more than ${MAX_CANDIDATES} short-listed tags; the LLM was asked about the first ${MAX_CANDIDATES}.`,
    );
  return { perPaper, warnings };
}
