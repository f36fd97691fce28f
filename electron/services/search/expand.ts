// Query expansion from the library's own text: abbreviations both ways ("GNN" ↔ "graph neural
// network") and compound spellings ("oversquashing" ↔ "over-squashing" ↔ "over squashing"). Each
// expansion becomes a weighted keyword clause, so the words as typed still count most.
import type { QueryExpansion } from '@shared/api/schemas';
import type { FtsClause } from '../library/store';
import { joinCompound } from './compound';
import type { LibraryTerms } from './library-terms';
import { fold, lightStem, STOP_WORDS } from './words';

/**
 * Weights of the expansion clauses against the query's own words (1). Measured with
 * bench/search/quality.ts; a weight of 0 turns a kind off (it is still named in explanations when
 * the paper contains it, never searched).
 */
export type ExpansionWeights = {
  /** An abbreviation's clause, spread over the words of a long form. */
  alias: number;
  /** A joined or hyphenated spelling of the query's words. */
  compound: number;
  /** A split spelling ("over squashing"), whose words must all occur. */
  split: number;
  /** Long forms tried per abbreviation ("RL": reinforcement learning, representation learning). */
  maxLongForms: number;
};

/**
 * Keyword search on the sample feed (MRR@10 / nDCG@10), all off → these: 13 dev queries 0.880 / 0.710
 * → 0.880 / 0.725, title → abstract 0.944 / 0.953 → 0.945 / 0.954. Alias 0.8 and compound 1 gained
 * nDCG but lost MRR on both sets; split alone lost 0.002 nDCG on titles (it exists for the spaced
 * spellings these sets lack), so it is kept small.
 */
export const EXPANSION_WEIGHTS: ExpansionWeights = {
  alias: 0.5,
  compound: 0.5,
  split: 0.25,
  maxLongForms: 2,
};

const TOKEN = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;
const HYPHEN = /[-\u2010\u2011]/u;

export type Expanded = { expansions: QueryExpansion[]; clauses: FtsClause[] };

/** The best split of an unknown or compound word into two library words ("over" + "squashing"). */
function split(word: string, terms: LibraryTerms): [string, string] | null {
  let best: [string, string] | null = null;
  for (let i = 2; i <= word.length - 3; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (!terms.hasWord(a) || !terms.hasWord(b)) continue;
    if (!best || Math.min(a.length, b.length) > Math.min(best[0].length, best[1].length))
      best = [a, b];
  }
  return best;
}

export function expandQuery(
  query: string,
  terms: LibraryTerms,
  weights: ExpansionWeights = EXPANSION_WEIGHTS,
): Expanded {
  const expansions: QueryExpansion[] = [];
  // Folded before LanceDB sees it: its stemmer runs before its accent folding (see compound.ts).
  const clauses: FtsClause[] = [{ text: fold(query), weight: 1 }];
  const seen = new Set<string>();
  const add = (e: QueryExpansion, c: FtsClause) => {
    const key = `${e.kind}\n${e.from.toLowerCase()}\n${e.to.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    expansions.push(e);
    if (c.weight > 0) clauses.push(c);
  };
  const toks = [...query.matchAll(TOKEN)].map((m) => ({ typed: m[0], folded: fold(m[0]) }));

  // Abbreviation → long forms ("GNNs" → "graph neural network").
  for (const t of toks) {
    if (HYPHEN.test(t.folded) || STOP_WORDS.has(t.folded)) continue;
    let forms = terms.longForms(t.folded);
    if (!forms.length && t.folded.endsWith('s')) forms = terms.longForms(t.folded.slice(0, -1));
    for (const a of forms.slice(0, weights.maxLongForms))
      add(
        { from: t.typed, to: a.long, kind: 'alias' },
        { text: a.long, weight: weights.alias / a.long.split(' ').length },
      );
  }

  // Long form → abbreviation ("graph neural networks" → "GNN").
  const parts = toks.flatMap((t) => {
    const typed = t.typed.split(HYPHEN);
    return t.folded.split(HYPHEN).map((w, i) => ({ typed: typed[i]!, stem: lightStem(w) }));
  });
  for (let i = 0; i < parts.length; i++) {
    for (const a of terms.aliasesStartingWith(parts[i]!.stem)) {
      const words = a.long.split(' ');
      if (i + words.length > parts.length) continue;
      if (!words.every((w, j) => lightStem(w) === parts[i + j]!.stem)) continue;
      const from = parts
        .slice(i, i + words.length)
        .map((p) => p.typed)
        .join(' ');
      add({ from, to: a.short, kind: 'alias' }, { text: a.short, weight: weights.alias });
    }
  }

  // Compounds: joined, hyphenated and split spellings that the library uses.
  for (const [i, t] of toks.entries()) {
    if (HYPHEN.test(t.folded)) {
      const joined = joinCompound(t.folded);
      if (terms.hasWord(joined))
        add(
          { from: t.typed, to: joined, kind: 'compound' },
          { text: joined, weight: weights.compound },
        );
      continue;
    }
    const next = toks[i + 1];
    if (next && !HYPHEN.test(next.folded) && /^\p{L}+$/u.test(t.folded + next.folded)) {
      const joined = t.folded + next.folded;
      if (terms.hasWord(joined))
        add(
          { from: `${t.typed} ${next.typed}`, to: joined, kind: 'compound' },
          { text: joined, weight: weights.compound },
        );
    }
    if (t.folded.length < 6 || !/^\p{L}+$/u.test(t.folded)) continue;
    const hyphenated = terms.compound(t.folded);
    if (hyphenated)
      add(
        { from: t.typed, to: hyphenated, kind: 'compound' },
        // The fold column finds "over-squashing" for the query as typed; this names the match.
        { text: t.folded, weight: 0 },
      );
    // Split only words the library writes apart or not at all: "understanding" stays whole.
    if (!hyphenated && terms.hasWord(t.folded)) continue;
    const s = split(t.folded, terms);
    if (s)
      add(
        { from: t.typed, to: s.join(' '), kind: 'compound' },
        { text: s.join(' '), weight: weights.split, allWords: true },
      );
  }
  return { expansions, clauses };
}
