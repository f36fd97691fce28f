// "Why it matched": which words of the query, and which of its expansions, a paper contains, and in
// which form ("ranked" found as "ranking", "GNN" found as "graph neural network"), so a user can
// trust or correct a result.
import type { MatchedTerm, Paper, QueryExpansion, SearchHit } from '@shared/api/schemas';
import type { SoftScore } from './expansion/soft-match';
import { hyphenatedCompounds } from './compound';
import { fold, lightStem, STOP_WORDS, tokens } from './words';

const HYPHEN = /[-\u2010\u2011]/u;

/**
 * A paper's words, by exact form, and the first of them with a given light stem. Only the words
 * that can have that stem are stemmed (a light stem is a prefix of its word, but for "ies" → "y"):
 * stemming every word of ten abstracts was ~7 ms of a hybrid query in a CPU profile (3k papers,
 * loaded 2-core machine), the largest part of its time on the services thread.
 */
function paperWords(p: Paper): {
  exact: Set<string>;
  withStem: (stem: string) => string | undefined;
} {
  const words = [...new Set([...tokens(p.title), ...tokens(p.abstract)])];
  const found = new Map<string, string | undefined>();
  const withStem = (stem: string) => {
    if (found.has(stem)) return found.get(stem);
    const prefix = stem.endsWith('y') ? stem.slice(0, -1) : stem;
    const w = words.find((x) => x.startsWith(prefix) && lightStem(x) === stem);
    found.set(stem, w);
    return w;
  };
  return { exact: new Set(words), withStem };
}

/** The query's content words as typed (hyphenated compounds split), without stop words. */
export function contentWords(query: string): string[] {
  const out: string[] = [];
  for (const m of query.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = fold(m[0]);
    if (!STOP_WORDS.has(w) && !out.some((o) => fold(o) === w)) out.push(m[0]);
  }
  return out;
}

/** The query's words and the expansions found in `paper`. */
export function explainHit(
  paper: Paper,
  query: string,
  expansions: readonly QueryExpansion[],
): MatchedTerm[] {
  const { exact, withStem } = paperWords(paper);
  const out: MatchedTerm[] = [];
  for (const q of contentWords(query)) {
    const w = fold(q);
    if (exact.has(w)) out.push({ from: q, to: w, kind: 'exact' });
    else {
      const found = withStem(lightStem(w));
      if (found) out.push({ from: q, to: found, kind: 'stem' });
    }
  }
  let compounds: Set<string> | undefined;
  for (const e of expansions) {
    let present: boolean;
    if (e.kind === 'compound' && HYPHEN.test(e.to)) {
      compounds ??= new Set([
        ...hyphenatedCompounds(paper.title),
        ...hyphenatedCompounds(paper.abstract),
      ]);
      present = compounds.has(fold(e.to));
    } else {
      const words = tokens(e.to).filter((w) => !STOP_WORDS.has(w));
      present =
        words.length > 0 &&
        words.every((w) => exact.has(w) || withStem(lightStem(w)) !== undefined);
    }
    if (present) out.push({ ...e });
  }
  // "over squashing" adds nothing where the paper writes "over-squashing" (found above).
  const spaced = (t: string) => t.replace(/[-\u2010\u2011]/gu, ' ');
  return out.filter(
    (m) =>
      !(
        m.kind === 'compound' &&
        out.some((o) => o !== m && o.kind === 'compound' && o.to !== m.to && spaced(o.to) === m.to)
      ),
  );
}

/** Stem matches across hits, as expansions of the query ("ranked" → "ranking"), once each. */
export function stemExpansions(matched: readonly MatchedTerm[][]): QueryExpansion[] {
  const seen = new Set<string>();
  const out: QueryExpansion[] = [];
  for (const m of matched.flat())
    if (m.kind === 'stem' && !seen.has(`${m.from}\n${m.to}`)) {
      seen.add(`${m.from}\n${m.to}`);
      out.push({ from: m.from, to: m.to, kind: 'stem' });
    }
  return out;
}

/**
 * The share of the query's content words `paper` holds: as typed, in another form ("ViTs" for
 * "ViT"), or through one of the query's expansions (an abbreviation's long form, a compound's other
 * spelling). Hybrid search uses it to judge whether BM25's top hit is a confident keyword match.
 */
export function heldShare(
  paper: Paper,
  query: string,
  expansions: readonly QueryExpansion[],
): number {
  const words = contentWords(query).map((w) => fold(w));
  if (!words.length) return 0;
  const held = new Set<string>();
  for (const m of explainHit(paper, query, expansions))
    for (const t of m.from.matchAll(/[\p{L}\p{N}]+/gu)) held.add(fold(t[0]));
  return words.filter((w) => held.has(w)).length / words.length;
}

/** The expansions the answer used: the query's own, then the neighbour words the shown papers
 * matched through, strongest first, each pair once. */
export function usedExpansions(
  expansions: QueryExpansion[],
  hits: SearchHit[],
  soft: Map<string, SoftScore>,
): QueryExpansion[] {
  const used = [...expansions, ...stemExpansions(hits.map((h) => h.matched ?? []))];
  const seen = new Set(used.map((e) => `${e.from}\u0000${e.to}`));
  for (const m of hits
    .flatMap((h) => soft.get(h.paper.id)?.matches ?? [])
    .filter((m) => m.from !== m.to)
    .sort((a, b) => b.similarity - a.similarity)) {
    const key = `${m.from}\u0000${m.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    used.push({ from: m.from, to: m.to, kind: 'neighbour' });
  }
  return used;
}
