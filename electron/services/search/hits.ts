// A search's hits from its ranking: the top papers that passed the filters (read whole by the
// service), each with its scores, the spans to highlight in title and abstract, and why it matched.
import type { MatchedTerm, Paper, QueryExpansion, SearchHit } from '@shared/api/schemas';
import type { PaperHead } from '../library/paper-head';
import { explainHit } from './explain';
import type { SoftScore } from './expansion/soft-match';
import type { Fused, Ranked } from './fusion';
import { highlight, mergeSpans, phraseSpans, queryTerms } from './highlight';

export type HitInputs = {
  fts: Ranked[];
  vec: Ranked[];
  soft: Map<string, SoftScore>;
  test: ((p: PaperHead) => boolean) | undefined;
  query: string;
  k: number;
  expansions: QueryExpansion[];
};

/** The first `r.k` ranked papers found in `whole` (those that passed the filters), as hits. */
export function searchHits(
  ranked: readonly Fused[],
  whole: ReadonlyMap<string, Paper>,
  r: HitInputs,
): SearchHit[] {
  const ftsScore = new Map(r.fts.map((x) => [x.id, x.score]));
  const vecScore = new Map(r.vec.map((x) => [x.id, x.score]));
  const single = r.expansions.filter((e) => !/[\s\-\u2010\u2011]/u.test(e.to.trim()));
  const phrases = r.expansions.filter((e) => !single.includes(e)).map((e) => e.to);
  const terms = [...new Set([...queryTerms(r.query), ...single.flatMap((e) => queryTerms(e.to))])];
  const spans = (text: string) => mergeSpans(highlight(text, terms), phraseSpans(text, phrases));
  const hits: SearchHit[] = [];
  for (const x of ranked) {
    const paper = whole.get(x.id);
    if (!paper) continue;
    // Words the paper met only through a model-vocabulary neighbour ("light" ~ "optical").
    const neighbours: MatchedTerm[] = (r.soft.get(x.id)?.matches ?? [])
      .filter((m) => m.from !== m.to)
      .map((m) => ({ from: m.from, to: m.to, kind: 'neighbour' }));
    const matched = [...explainHit(paper, r.query, r.expansions)];
    for (const n of neighbours) if (!matched.some((m) => m.from === n.from)) matched.push(n);
    hits.push({
      paper,
      score: x.score,
      vectorScore: vecScore.get(x.id) ?? null,
      ftsScore: ftsScore.get(x.id) ?? null,
      highlights: { title: spans(paper.title), abstract: spans(paper.abstract) },
      matched,
      ...(x.anchored ? { anchored: true } : {}),
    });
    if (hits.length >= r.k) break;
  }
  return hits;
}
