// Search service: keyword (LanceDB FTS, BM25), semantic (vector) and hybrid search with filters and
// highlights, and "more like this" from a paper's own vector.
import type { ParsedInputOf } from '../../../shared/api/contract';
import { QuireError } from '../../../shared/api/errors';
import type {
  Paper,
  QueryExpansion,
  SearchFilters,
  SearchHit,
  SearchMode,
  SearchResult,
} from '../../../shared/api/schemas';
import type { EmbeddingService } from '../embedding/embedding-service';
import {
  filterSets,
  hasFilters,
  matchesFilters,
  type ClusterPapers,
  type SuggestedPapers,
} from '../library/filter';
import type { FtsClause, PaperStore } from '../library/store';
import { EXPANSION_WEIGHTS, expandQuery, type ExpansionWeights } from './expand';
import { explainHit, stemExpansions } from './explain';
import { FUSION, fuse, type FusionMethod, type Ranked } from './fusion';
import { highlight, mergeSpans, phraseSpans, queryTerms } from './highlight';
import { LibraryTerms } from './library-terms';

/** Prefilter by id list up to this many allowed papers; past it, over-fetch and filter afterwards. */
const PREFILTER_MAX = 5_000;

export class SearchService {
  /** Words, compounds and abbreviations of this library, for query expansion. */
  private readonly terms = new LibraryTerms();

  constructor(
    private readonly papers: PaperStore,
    private readonly embeddings: EmbeddingService,
    private readonly fusion: FusionMethod = FUSION,
    /** Pending suggestions by tag, for the `suggestedTag` filter. */
    private readonly suggested?: SuggestedPapers,
    /** Members of a topic-map cluster, for the `cluster` filter. */
    private readonly clusterPapers?: ClusterPapers,
    /** Weights of the query expansions (bench/search/quality.ts compares others). */
    private readonly expansionWeights: ExpansionWeights = EXPANSION_WEIGHTS,
  ) {}

  /** Ids allowed by the filters: undefined = all; a list when small enough to prefilter. */
  private async allowed(
    filters: SearchFilters,
  ): Promise<{ ids?: string[]; test?: (p: Paper) => boolean }> {
    if (!hasFilters(filters)) return {};
    const sets = await filterSets(filters, this.suggested, this.clusterPapers);
    const ok = this.papers.all().filter((p) => matchesFilters(p, filters, undefined, sets));
    if (ok.length <= PREFILTER_MAX) return { ids: ok.map((p) => p.id) };
    const set = new Set(ok.map((p) => p.id));
    return { test: (p) => set.has(p.id) };
  }

  private async keyword(query: FtsClause[], depth: number, ids?: string[]): Promise<Ranked[]> {
    return (await this.papers.fullTextSearch(query, depth, ids)).map((r) => ({
      id: r.id,
      score: r.score,
    }));
  }

  private async semantic(
    query: string,
    depth: number,
    ids?: string[],
  ): Promise<{ model: string; ranked: Ranked[] }> {
    const s = await this.embeddings.forSearch();
    const v = await s.embedQuery(query);
    const hits = await s.vectors.search(v, depth, { onlyIds: ids });
    return { model: s.modelId, ranked: hits.map((h) => ({ id: h.id, score: h.similarity })) };
  }

  async query(input: ParsedInputOf<'search:query'>): Promise<SearchResult> {
    const t0 = performance.now();
    const { ids, test } = await this.allowed(input.filters);
    const depth = Math.max(100, input.k * 5) * (test ? 4 : 1);
    let mode: SearchMode = input.mode;
    let notice: string | undefined;
    let fts: Ranked[] = [];
    let vec: Ranked[] = [];
    let model = this.embeddings.activeModel;
    const expanded = expandQuery(input.query, this.terms.sync(this.papers), this.expansionWeights);
    // Keyword and semantic searches run concurrently: the slower one sets the latency, not their sum.
    const [ftsOut, vecOut] = await Promise.all([
      mode !== 'vector' ? this.keyword(expanded.clauses, depth, ids) : Promise.resolve([]),
      mode !== 'fts'
        ? this.semantic(input.query, depth, ids).then(
            (s) => ({ ok: true as const, s }),
            (err: unknown) => ({ ok: false as const, err }),
          )
        : Promise.resolve(null),
    ]);
    fts = ftsOut;
    if (vecOut?.ok) {
      vec = vecOut.s.ranked;
      model = vecOut.s.model;
    } else if (vecOut) {
      const err = vecOut.err;
      if (mode === 'vector' || (err instanceof QuireError && err.code === 'cancelled')) throw err;
      // Hybrid still answers from keywords when the model cannot load; the notice says so.
      mode = 'fts';
      notice = `Semantic search is unavailable (${(err as Error).message}); showing keyword matches.`;
    }
    if (vecOut?.ok) notice = await this.coverageNotice(mode);
    const ranked = mode === 'hybrid' ? fuse(fts, vec, this.fusion) : mode === 'fts' ? fts : vec;
    const ftsScore = new Map(fts.map((r) => [r.id, r.score]));
    const vecScore = new Map(vec.map((r) => [r.id, r.score]));
    // Keyword modes searched the expansions too, so their words light up and explain a hit.
    const expansions: QueryExpansion[] = mode === 'vector' ? [] : expanded.expansions;
    const single = expansions.filter((e) => !/[\s\-\u2010\u2011]/u.test(e.to.trim()));
    const phrases = expansions.filter((e) => !single.includes(e)).map((e) => e.to);
    const terms = [
      ...new Set([...queryTerms(input.query), ...single.flatMap((e) => queryTerms(e.to))]),
    ];
    const spans = (text: string) => mergeSpans(highlight(text, terms), phraseSpans(text, phrases));
    const hits: SearchHit[] = [];
    for (const r of ranked) {
      const paper = this.papers.get(r.id);
      if (!paper || (test && !test(paper))) continue;
      hits.push({
        paper,
        score: r.score,
        vectorScore: vecScore.get(r.id) ?? null,
        ftsScore: ftsScore.get(r.id) ?? null,
        highlights: {
          title: spans(paper.title),
          abstract: spans(paper.abstract),
        },
        matched: explainHit(paper, input.query, expansions),
      });
      if (hits.length >= input.k) break;
    }
    const used = [...expansions, ...stemExpansions(hits.map((h) => h.matched ?? []))];
    return {
      mode,
      model,
      hits,
      tookMs: Math.round((performance.now() - t0) * 10) / 10,
      ...(notice ? { notice } : {}),
      ...(used.length ? { expansions: used } : {}),
    };
  }

  /** Says how many papers the vectors do not cover yet, so an incomplete answer is never silent. */
  private async coverageNotice(mode: SearchMode): Promise<string | undefined> {
    const { missing, total } = await this.embeddings.unembedded();
    if (missing === 0) return undefined;
    const n = `${missing.toLocaleString('en')} of ${total.toLocaleString('en')} papers have no vectors yet`;
    return mode === 'vector'
      ? `${n}; semantic search cannot find them until they are embedded.`
      : `${n}; they are found by keywords only.`;
  }

  async similar(input: ParsedInputOf<'search:similar'>): Promise<SearchResult> {
    const t0 = performance.now();
    const source = this.papers.get(input.id);
    if (!source) throw new QuireError('not_found', `No paper with id "${input.id}".`);
    const s = await this.embeddings.forSearch();
    const v = await s.vectors.vectorOf(source.id);
    if (!v)
      throw new QuireError(
        'unavailable',
        `"${source.title}" has no vector yet: embeddings are still being computed.`,
      );
    const { ids, test } = await this.allowed(input.filters);
    const depth = (input.k + 1) * (test ? 4 : 1);
    const found = await s.vectors.search(v, Math.max(depth, 20), { onlyIds: ids });
    const hits: SearchHit[] = [];
    for (const h of found) {
      const paper = this.papers.get(h.id);
      if (!paper || paper.id === source.id || (test && !test(paper))) continue;
      hits.push({
        paper,
        score: h.similarity,
        vectorScore: h.similarity,
        ftsScore: null,
        highlights: { title: [], abstract: [] },
      });
      if (hits.length >= input.k) break;
    }
    return {
      mode: 'vector',
      model: s.modelId,
      hits,
      tookMs: Math.round((performance.now() - t0) * 10) / 10,
    };
  }
}
