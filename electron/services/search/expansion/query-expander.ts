// Query expansion for search: model-vocabulary neighbours (soft term matching of the query's words
// against candidate papers) and pseudo-relevance feedback from the first pass's top papers.
import type { Paper } from '@shared/api/schemas';
import type { PaperHead } from '../../library/paper-head';
import { feedbackTerms } from './feedback';
import { LibraryTerms, type TermSource, type TermStats } from '../library-terms';
import { SoftMatcher, termTable, type SoftScore, type TermTable } from './soft-match';
import { stemKey, words } from './terms';
import type { Expansion, ExpansionOptions } from './types';

type Embed = (texts: string[]) => Promise<Float32Array[]>;

/** Library terms given vectors: the most frequent first (memory: 50k × 100 floats = 20 MB). */
const MAX_TABLE_TERMS = 50_000;
/**
 * Terms per request to the embedding worker. The worker answers in order, so a query's own embedding
 * waits for at most one slice: sent whole, the vocabulary left after the first search on a 100k-paper
 * library held a later query for 1.5 s.
 */
export const TERM_SLICE = 512;

/** Embeds `texts` a slice at a time, each slice sent once the one before is answered. */
export async function embedInSlices(embed: Embed, texts: string[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += TERM_SLICE)
    out.push(...(await embed(texts.slice(i, i + TERM_SLICE))));
  return out;
}

export class QueryExpander {
  private readonly terms: LibraryTerms;
  private ready: { key: string; table: TermTable } | undefined;
  private pending: { key: string; table: Promise<TermTable> } | undefined;
  /** Every library term's vector embedded so far, for the current model only. */
  private termVectors = new Map<string, Map<string, Float32Array>>();
  private average: { version: number; words: number } | undefined;
  /** Set while a rebuild waits for the library terms to be counted (rebuildWhenCounted). */
  private rebuilding: Promise<void> | undefined;

  constructor(
    /** The search service's library terms (shared with keyword expansion), or papers to count. */
    terms: LibraryTerms | TermSource,
    readonly options: ExpansionOptions,
  ) {
    this.terms = terms instanceof LibraryTerms ? terms : new LibraryTerms(terms);
  }

  /**
   * Prepares soft matching for one query (the library's term vectors and the query words' vectors),
   * so it can run while the first-pass searches do; the result scores candidate papers by id.
   */
  async neighbours(
    query: string,
    model: string,
    embed: Embed,
  ): Promise<(candidates: (PaperHead | Paper)[]) => Map<string, SoftScore>> {
    const qWords = [...new Set(words(query))];
    if (!qWords.length) return () => new Map();
    const [table, qVecs] = await Promise.all([this.table(model, embed), embed(qWords)]);
    const stats = this.terms.get();
    const m = new SoftMatcher(table, qWords, qVecs, (w) => stats.df.get(w) ?? 0, stats.n, {
      ...this.options.neighbours,
      averageWords: this.averageWords(stats),
    });
    return (candidates) =>
      new Map(
        candidates.map((p) => {
          const { words: ws, rows } = this.terms.wordsAndRows(p, table);
          return [p.id, m.scoreRows(ws, rows)];
        }),
      );
  }

  /** Distinct words per paper on average (Σ df / n), for the soft score's length normalisation. */
  private averageWords(stats: TermStats): number {
    if (this.average?.version !== stats.version) {
      let sum = 0;
      for (const c of stats.df.values()) sum += c;
      this.average = { version: stats.version, words: stats.n > 0 ? sum / stats.n : 0 };
    }
    return this.average.words;
  }

  /**
   * Brings the library's word statistics and per-paper words up to date (in the background, in short
   * slices): called after an import so the first searches find every paper already tokenized.
   */
  libraryChanged(): Promise<void> {
    return this.terms.update();
  }

  /** RM3 terms of the top papers (in rank order): the keyword query to add, and why. */
  feedback(query: string, top: Paper[]): { query: string; expansions: Expansion[] } {
    const o = this.options.keywordFeedback;
    if (!o.enabled || !top.length) return { query: '', expansions: [] };
    const exclude = new Set(words(query).map(stemKey));
    const docs = top.slice(0, o.docs).map((p, i) => ({
      text: `${p.title} ${p.abstract}`,
      // Rank-based weights: BM25 and fused scores are not probabilities.
      weight: 1 / (i + 1),
    }));
    const terms = feedbackTerms(docs, this.terms.get(), { terms: o.terms, exclude });
    return {
      query: terms.map((t) => t.term).join(' '),
      expansions: terms.map((t) => ({ from: query, to: t.term, kind: 'feedback' as const })),
    };
  }

  /**
   * The terms are still being counted (a library just opened, an import): once they are, the table is
   * rebuilt in the background at once, not at the next query. Left to the next query, the first hybrid
   * searches on a 1M library once it had settled each waited behind one of the ~100 slices of its
   * term vectors (p50 67 ms instead of 40; bench/scale/query-phases.ts).
   */
  private rebuildWhenCounted(model: string, embed: Embed): void {
    if (this.rebuilding || this.terms.isCurrent) return;
    const done = () => (this.rebuilding = undefined);
    this.rebuilding = this.terms.update().then(() => {
      done();
      // A failed build is retried by the next query (table()).
      this.table(model, embed).catch(() => undefined);
    }, done);
  }

  /** The library terms' vectors; while a changed library is re-embedded, the previous table serves. */
  private table(model: string, embed: Embed): Promise<TermTable> {
    const stats = this.terms.get();
    this.rebuildWhenCounted(model, embed);
    const key = `${model}@${stats.version}`;
    if (this.ready?.key === key) return Promise.resolve(this.ready.table);
    if (this.pending?.key !== key) {
      const terms = [...stats.df]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, MAX_TABLE_TERMS)
        .map(([t]) => t);
      // Only terms not embedded before are sent to the model: after an import that is a handful, so
      // the worker is not kept busy (query embeddings queue behind it) re-embedding the whole table.
      const known = this.termVectors.get(model) ?? new Map<string, Float32Array>();
      this.termVectors = new Map([[model, known]]);
      const missing = terms.filter((t) => !known.has(t));
      const table = embedInSlices(embed, missing).then((v) => {
        missing.forEach((t, i) => known.set(t, v[i]!));
        return termTable(
          terms,
          terms.map((t) => known.get(t)!),
        );
      });
      this.pending = { key, table };
      table.then(
        (t) => {
          if (this.pending?.key !== key) return;
          this.ready = { key, table: t };
          this.pending = undefined;
        },
        // A failed build is retried on the next query rather than cached.
        () => {
          if (this.pending?.key === key) this.pending = undefined;
        },
      );
      return this.ready?.key.startsWith(`${model}@`) ? Promise.resolve(this.ready.table) : table;
    }
    return this.ready?.key.startsWith(`${model}@`)
      ? Promise.resolve(this.ready.table)
      : this.pending.table;
  }
}
