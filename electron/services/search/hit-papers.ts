// Which papers a search's answer shows, so they can be read whole: the first k ranked papers that
// pass the filters, and for a hybrid search, named before its ranking is final.
import type { PaperHead } from '../library/paper-head';
import type { SoftScore } from './expansion/soft-match';
import { fuse, type FusionMethod, type Ranked } from './fusion';

type Heads = { get(id: string): PaperHead | undefined };
type Test = ((p: PaperHead) => boolean) | undefined;

/** The ids of the first `k` distinct ranked papers in the library that pass the filters. */
export function passingIds(papers: Heads, ranked: readonly Ranked[], k: number, test: Test) {
  const ids = new Set<string>();
  for (const x of ranked) {
    const p = papers.get(x.id);
    if (!p || (test && !test(p))) continue;
    ids.add(p.id);
    if (ids.size >= k) break;
  }
  return [...ids];
}

/** Soft matching's scores alone, as fusion takes them. */
export function softScoresOf(soft: ReadonlyMap<string, SoftScore>): Map<string, number> {
  return new Map([...soft].map(([id, x]) => [id, x.score]));
}

/**
 * Every paper a hybrid answer of `k` hits can show, known once soft matching has scored the
 * candidates but before BM25's top hit is anchored (which needs that paper read whole): the top of
 * the ranking without the anchor, and that hit. Search reads them in one read, and nothing else:
 * reading each list's top papers as it arrived slowed a 1M search by 1.1–1.25x on two cores
 * (bench/scale/read-ahead.ts).
 */
export function hitsAhead(
  papers: Heads,
  lists: {
    fts: Ranked[];
    vec: Ranked[];
    soft: ReadonlyMap<string, SoftScore>;
    fusion: FusionMethod;
  },
  k: number,
  test: Test,
): string[] {
  const { fts, vec, soft, fusion } = lists;
  const unanchored = fuse(fts, vec, fusion, softScoresOf(soft));
  return passingIds(papers, [...fts.slice(0, 1), ...unanchored], k + 1, test);
}
