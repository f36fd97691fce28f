// Search service: keyword (LanceDB FTS, BM25), semantic (vector) and hybrid search with filters and
// highlights, and "more like this" from a paper's own vector.
import type { ParsedInputOf } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type {
  Paper,
  QueryExpansion,
  SearchFilters,
  SearchHit,
  SearchMode,
  SearchResult,
} from '@shared/api/schemas';
import type { EmbeddingService } from '../embedding/embedding-service';
import {
  filterSets,
  hasFilters,
  matchesFilters,
  type AnnotatedPapers,
  type ClusterPapers,
  type SuggestedPapers,
} from '../library/filter';
import type { PaperHead } from '../library/paper-head';
import type { FtsClause, PaperStore } from '../library/store';
import { calibrate } from './calibration';
import { EXPANSION_WEIGHTS, expandQuery, type ExpansionWeights } from './expand';
import { heldShare, usedExpansions } from './explain';
import { rocchio, combineKeyword } from './expansion/feedback';
import { QueryExpander } from './expansion/query-expander';
import type { SoftScore } from './expansion/soft-match';
import { EXPANSION, type Expansion, type ExpansionOptions } from './expansion/types';
import { byScoreThenId, FUSION, fuse, type Fused, type FusionMethod, type Ranked } from './fusion';
import { hitsAhead, passingIds, softScoresOf } from './hit-papers';
import { searchHits, type HitInputs } from './hits';
import { LibraryTerms } from './library-terms';
import { candidatesOf, SoftScores } from './soft-scores';
import { TermsFile } from './terms-snapshot';

/** Prefilter by id list up to this many allowed papers; past it, over-fetch and filter afterwards. */
const PREFILTER_MAX = 5_000;

type ForSearch = Awaited<ReturnType<EmbeddingService['forSearch']>>;

export class SearchService {
  /** Words, compounds and abbreviations of this library: keyword expansion and soft matching. */
  private readonly terms: LibraryTerms;
  private readonly expander: QueryExpander;

  constructor(
    private readonly papers: PaperStore,
    private readonly embeddings: EmbeddingService,
    private readonly fusion: FusionMethod = FUSION,
    /** Pending suggestions by tag, for the `suggestedTag` filter. */
    private readonly suggested?: SuggestedPapers,
    /** Members of a topic-map cluster, for the `cluster` filter. */
    private readonly clusterPapers?: ClusterPapers,
    expansion: ExpansionOptions = EXPANSION,
    /** Weights of the library-term expansions (bench/search/quality.ts compares others). */
    private readonly expansionWeights: ExpansionWeights = EXPANSION_WEIGHTS,
    /** Papers with a highlight of a kind, for the `annotationKind` filter. */
    private readonly annotated?: AnnotatedPapers,
  ) {
    this.terms = new LibraryTerms(papers, undefined, TermsFile.in(papers.dir));
    this.expander = new QueryExpander(this.terms, expansion);
  }

  /**
   * The library changed (an import): once search has used its terms (words, compounds,
   * abbreviations, per-paper words), the new papers' are counted in the background while they are
   * embedded, instead of during the next search. Resolves when the terms are current; never rejects,
   * as the papers are saved by then (a count that failed is tried again by the next query).
   */
  libraryChanged(): Promise<void> {
    return this.terms.keepCurrent().catch(() => undefined);
  }

  /** Lets a snapshot of the library terms being written finish (closing the library). */
  close(): Promise<void> {
    return this.terms.flushed();
  }

  /** Ids allowed by the filters: undefined = all; a list when small enough to prefilter. */
  private async allowed(
    filters: SearchFilters,
  ): Promise<{ ids?: string[]; test?: (p: PaperHead) => boolean }> {
    if (!hasFilters(filters)) return {};
    const sets = await filterSets(
      filters,
      (typed) => this.papers.withWords(typed),
      this.suggested,
      this.clusterPapers,
      this.annotated,
    );
    const ok = this.papers.all().filter((p) => matchesFilters(p, filters, undefined, sets));
    if (ok.length <= PREFILTER_MAX) return { ids: ok.map((p) => p.id) };
    const set = new Set(ok.map((p) => p.id));
    return { test: (p) => set.has(p.id) };
  }

  private async keyword(query: FtsClause[], depth: number, ids?: string[]): Promise<Ranked[]> {
    return byScoreThenId(
      (await this.papers.fullTextSearch(query, depth, ids)).map((r) => ({
        id: r.id,
        score: r.score,
      })),
    );
  }

  private async semantic(
    query: string,
    depth: number,
    ids?: string[],
  ): Promise<{ model: string; ranked: Ranked[]; vector: Float32Array; s: ForSearch }> {
    const s = await this.embeddings.forSearch();
    const vector = await s.embedQuery(query);
    const hits = await s.vectors.search(vector, depth, { onlyIds: ids });
    return {
      model: s.modelId,
      ranked: hits.map((h) => ({ id: h.id, score: h.similarity })),
      vector,
      s,
    };
  }

  /**
   * Second pass from the first pass's top papers (pseudo-relevance feedback): RM3 terms added to the
   * keyword side, the query vector moved towards their centroid (Rocchio) on the semantic side.
   */
  private async feedback(
    query: string,
    first: Ranked[],
    fts: Ranked[],
    vec: { vector: Float32Array; s: ForSearch } | undefined,
    depth: number,
    ids: string[] | undefined,
    test: ((p: PaperHead) => boolean) | undefined,
    expansions: Expansion[],
  ): Promise<{ fts?: Ranked[]; vec?: Ranked[] }> {
    const { keywordFeedback: kf, vectorFeedback: vf } = this.expander.options;
    const heads: PaperHead[] = [];
    for (const r of first) {
      const p = this.papers.get(r.id);
      if (p && (!test || test(p))) heads.push(p);
      if (heads.length >= Math.max(kf.docs, vf.docs)) break;
    }
    if (!heads.length) return {};
    const top = await this.papers.read(heads.map((p) => p.id));
    const terms = kf.enabled && fts.length ? this.expander.feedback(query, top) : undefined;
    if (terms?.query) expansions.push(...terms.expansions);
    const [ftsOut, vecOut] = await Promise.all([
      terms?.query
        ? this.keyword(this.expand(terms.query).clauses, depth, ids).then((b) =>
            combineKeyword(fts, b, kf.weight),
          )
        : undefined,
      vf.enabled && vec
        ? vec.s
            .embedTexts(top.slice(0, vf.docs).map((p) => `${p.title} ${p.abstract}`))
            .then((docs) =>
              vec.s.vectors.search(rocchio(vec.vector, docs, vf.weight), depth, { onlyIds: ids }),
            )
            .then((hits) => hits.map((h) => ({ id: h.id, score: h.similarity })))
        : undefined,
    ]);
    return { fts: ftsOut, vec: vecOut };
  }

  /**
   * Soft matching (model-vocabulary neighbours) for a hybrid query, prepared while the first pass
   * runs; without the model there is none, and hybrid falls back to keyword + semantic fusion.
   */
  private softScores(
    query: string,
    mode: SearchMode,
    k: number,
    test: ((p: PaperHead) => boolean) | undefined,
  ): SoftScores | undefined {
    const { neighbours } = this.expander.options;
    if (mode !== 'hybrid' || this.fusion.kind !== 'soft' || !neighbours.enabled) return undefined;
    const scorer = this.embeddings
      .forSearch()
      .then((s) => this.expander.neighbours(query, s.modelId, s.embedTexts))
      .catch(() => undefined);
    const depth = Math.max(neighbours.depth, k);
    return new SoftScores(scorer, (fts, vec) =>
      candidatesOf([fts, vec], depth, this.papers, this.terms, test),
    );
  }

  /** The query with the library's compounds and abbreviations as FTS clauses, and what was added. */
  private expand(query: string) {
    return expandQuery(query, this.terms, this.expansionWeights);
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
    // Built on first use; after a change the previous terms serve while the change is counted.
    await this.terms.current();
    const expanded = this.expand(input.query);
    const feedbackUsed: Expansion[] = [];
    const softScores = this.softScores(input.query, mode, input.k, test);
    // Keyword and semantic searches run concurrently: the slower one sets the latency, not their sum.
    // The semantic list (first at 1M) is soft-scored as it arrives.
    const [ftsOut, vecOut] = await Promise.all([
      mode !== 'vector' ? this.keyword(expanded.clauses, depth, ids) : Promise.resolve([]),
      mode !== 'fts'
        ? this.semantic(input.query, depth, ids).then(
            (s) => {
              softScores?.early(s.ranked);
              return { ok: true as const, s };
            },
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
    let soft = new Map<string, SoftScore>();
    const rank = async () =>
      mode === 'hybrid'
        ? fuse(
            fts,
            vec,
            this.fusion,
            softScoresOf(soft),
            await this.heldByKeywordTop(fts, soft, input.query, expanded.expansions),
          )
        : mode === 'fts'
          ? fts
          : vec;
    const { keywordFeedback, vectorFeedback } = this.expander.options;
    if (keywordFeedback.enabled || vectorFeedback.enabled) {
      const second = await this.feedback(
        input.query,
        await rank(),
        fts,
        vecOut?.ok ? vecOut.s : undefined,
        depth,
        ids,
        test,
        feedbackUsed,
      );
      fts = second.fts ?? fts;
      vec = second.vec ?? vec;
    }
    if (mode === 'hybrid' && softScores) {
      await softScores.add(fts, vec);
      soft = softScores.scores;
      // Every paper the answer can show, BM25's top hit (for its anchor) among them, in one read.
      await this.papers.read(
        hitsAhead(this.papers, { fts, vec, soft, fusion: this.fusion }, input.k, test),
      );
    }
    const ranked = await rank();
    // Keyword modes searched the expansions too, so their words light up and explain a hit.
    const expansions: QueryExpansion[] =
      mode === 'vector' ? [] : [...expanded.expansions, ...feedbackUsed];
    const hits = await this.hitsOf(ranked, {
      fts,
      vec,
      soft,
      test,
      query: input.query,
      k: input.k,
      expansions,
    });
    const used = usedExpansions(expansions, hits, soft);
    // Calibration comes last and never reorders: ranking belongs to fusion.ts.
    const calibrated = calibrate(hits, mode);
    return {
      mode,
      model,
      hits: calibrated.hits,
      tookMs: Math.round((performance.now() - t0) * 10) / 10,
      ...(notice ? { notice } : {}),
      ...(used.length ? { expansions: used } : {}),
      noCloseMatch: calibrated.noCloseMatch,
    };
  }

  /**
   * How much of the query BM25's top hit holds: its own words' idf share there (SoftScore.exact), or
   * the share held in other word forms and through the query's expansions ("ViTs", "vision
   * transformer" for "ViT"). Fusion puts that hit first only when it holds enough (anchorMinExact).
   */
  private async heldByKeywordTop(
    fts: Ranked[],
    soft: Map<string, SoftScore>,
    query: string,
    expansions: QueryExpansion[],
  ): Promise<number> {
    const [top] = fts[0] ? await this.papers.read([fts[0].id]) : [];
    if (!top) return 0;
    return Math.max(soft.get(top.id)?.exact ?? 0, heldShare(top, query, expansions));
  }

  /** The first `k` ranked papers that pass the filters, whole (abstracts read from the table). */
  private async topPassing(
    ranked: readonly Ranked[],
    k: number,
    test: ((p: PaperHead) => boolean) | undefined,
  ): Promise<Map<string, Paper>> {
    const ids = passingIds(this.papers, ranked, k, test);
    return new Map((await this.papers.read(ids)).map((p) => [p.id, p]));
  }

  /** The top `k` ranked papers that pass the filters, with their highlights and why they matched. */
  private async hitsOf(ranked: Fused[], r: HitInputs): Promise<SearchHit[]> {
    return searchHits(ranked, await this.topPassing(ranked, r.k, r.test), r);
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
    const others = found.filter((h) => h.id !== source.id);
    const whole = await this.topPassing(
      others.map((h) => ({ id: h.id, score: h.similarity })),
      input.k,
      test,
    );
    const hits: SearchHit[] = [];
    for (const h of others) {
      const paper = whole.get(h.id);
      if (!paper) continue;
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
