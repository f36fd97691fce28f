// Zero-shot tagger: how close each paper's stored vector is to the embedded "name: description" of
// each tag, plus lexical evidence (the tag's stemmed terms found in the title or abstract, weighted by
// rarity). Thresholds are calibrated per tag on the tag's own score distribution over the library
// (z-score, capped at a top share), because a broad description raises every paper's similarity and
// one constant threshold would then tag the whole library. Constants chosen by bench/tagging.
import type { CallContext } from '@shared/api/contract';
import { Slicer } from './slices';
import type { Tagger, TaggerInput, TaggerOutput, TaggerPaper, TaggerTag } from './tagger';
import { tagText, termSurfaces, terms } from './text';
import { alignVectors, centred, dot, requireVectors, unitDiff, type VectorSource } from './vectors';
import { textHash } from '../library/paper-head';

export type ZeroShotOptions = {
  /** Weight of the lexical overlap (0..1) added to the cosine. */
  lexWeight: number;
  /** A paper is proposed when its score is this many standard deviations above the tag's mean. */
  zMin: number;
  /** …and among the tag's top share of the library, however broad the tag. */
  maxShare: number;
  /** Compare vectors with the library's mean removed (see vectors.ts `centred`). */
  centre: boolean;
};

export const ZERO_SHOT: ZeroShotOptions = {
  lexWeight: 0.7,
  zMin: 1.4,
  maxShare: 0.15,
  centre: false,
};

/** At most this many suggestions per paper and tagger, so a 1,000-tag vocabulary cannot bury a paper. */
export const MAX_PER_PAPER = 5;

/** Dense zero-shot scores: per tag, per paper (same order as the input), NaN where a paper has no vector. */
export type ZeroShotScores = {
  modelId: string;
  /** Calibrated score in 0..1; ≥ 0.5 means above the tag's threshold. */
  score: Float32Array[];
  cosine: Float32Array[];
  /** Matched surface terms of paper i for tag t, computed on demand. */
  matched(t: number, i: number): string[];
  /** Tag t passes its threshold for paper i (z-score and top-share cap). */
  passes: Uint8Array[];
  warnings: string[];
  noVector: number[];
};

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Stemmed term sets of papers, cached by id and a hash of the text so a re-run does not tokenise the
 * library again (the text itself is not kept: the library keeps abstracts on disk, paper-head.ts).
 */
export class TermCache {
  private readonly cache = new Map<string, { hash: string; terms: Set<string> }>();

  of(p: TaggerPaper): Set<string> {
    const text = `${p.title}\n${p.abstract}`;
    const hash = textHash(text);
    const hit = this.cache.get(p.id);
    if (hit && hit.hash === hash) return hit.terms;
    const set = new Set(terms(text));
    this.cache.set(p.id, { hash, terms: set });
    return set;
  }
}

export async function zeroShotScores(
  source: VectorSource,
  input: Pick<TaggerInput, 'papers' | 'vocabulary'>,
  ctx: CallContext,
  cache: TermCache,
  opts: ZeroShotOptions = ZERO_SHOT,
): Promise<ZeroShotScores> {
  const slicer = new Slicer(ctx.signal);
  const { papers, vocabulary } = input;
  const aligned = await alignVectors(source, papers);
  requireVectors(aligned, papers.length);
  const { dims, rows } = aligned;
  const warnings: string[] = [];
  const embedded = await source.embedTexts(vocabulary.map(tagText), ctx.signal);
  let vectors = aligned.vectors;
  let tagVectors = embedded;
  if (opts.centre) {
    const c = centred(aligned);
    vectors = c.vectors;
    tagVectors = embedded.map((q) => {
      if (!q) return null;
      const out = new Float32Array(dims);
      unitDiff(q, 0, c.mean, out, 0, dims);
      return out;
    });
  }
  vocabulary.forEach((t, j) => {
    if (!t.description)
      warnings.push(
        `Tag "${t.name}" has no description: zero-shot used its name alone. Describe it in a sentence for better suggestions.`,
      );
    if (!embedded[j])
      warnings.push(
        `The model "${aligned.modelId}" knows none of the words of tag "${t.name}": only words found in the papers count for it.`,
      );
  });

  // Lexical: tag terms weighted by inverse document frequency over the papers of the run.
  const paperTerms: Set<string>[] = [];
  for (const p of papers) {
    paperTerms.push(cache.of(p));
    await slicer.tick();
  }
  const df = new Map<string, number>();
  const tagTerms = vocabulary.map((t) => tagTermWeights(t));
  for (const tt of tagTerms) for (const term of tt.keys()) df.set(term, 0);
  for (const set of paperTerms)
    for (const term of set) if (df.has(term)) df.set(term, df.get(term)! + 1);
  const n = papers.length;
  const idf = (term: string) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 0.1;

  const score: Float32Array[] = [];
  const cosine: Float32Array[] = [];
  const passes: Uint8Array[] = [];
  for (let j = 0; j < vocabulary.length; j++) {
    ctx.onProgress({ phase: 'zero-shot', done: j, total: vocabulary.length });
    const q = tagVectors[j];
    const weights = [...tagTerms[j]!].map(([term, w]) => [term, w * idf(term)] as const);
    const total = weights.reduce((s, [, w]) => s + w, 0) || 1;
    const cos = new Float32Array(n);
    const raw = new Float64Array(n);
    let sum = 0;
    let sum2 = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      if (r < 0) {
        cos[i] = NaN;
        raw[i] = NaN;
        continue;
      }
      const c = q ? dot(q, 0, vectors, r * dims, dims) : 0;
      let lex = 0;
      const set = paperTerms[i]!;
      for (const [term, w] of weights) if (set.has(term)) lex += w;
      const x = c + opts.lexWeight * (lex / total);
      cos[i] = c;
      raw[i] = x;
      sum += x;
      sum2 += x * x;
      count++;
      if ((i & 1023) === 0) await slicer.tick();
    }
    const mean = sum / Math.max(1, count);
    // A floor on the spread keeps a tiny or uniform library from turning noise into large z-scores.
    const sd = Math.max(Math.sqrt(Math.max(0, sum2 / Math.max(1, count) - mean * mean)), 0.02);
    const cap = Math.max(1, Math.floor(opts.maxShare * count));
    const cutoff = kthLargest(raw, cap);
    const s = new Float32Array(n);
    const pass = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(raw[i]!)) {
        s[i] = NaN;
        continue;
      }
      const z = (raw[i]! - mean) / sd;
      s[i] = logistic(2 * (z - opts.zMin));
      pass[i] = z >= opts.zMin && raw[i]! >= cutoff ? 1 : 0;
    }
    score.push(s);
    cosine.push(cos);
    passes.push(pass);
    await slicer.tick();
  }

  ctx.onProgress({ phase: 'zero-shot', done: vocabulary.length, total: vocabulary.length });
  const surfaces = vocabulary.map((t) => termSurfaces(tagText(t)));
  return {
    modelId: aligned.modelId,
    score,
    cosine,
    passes,
    warnings,
    noVector: [...rows.keys()].filter((i) => rows[i]! < 0),
    matched: (t, i) => {
      const set = paperTerms[i]!;
      return [...surfaces[t]!].filter(([term]) => set.has(term)).map(([, word]) => word);
    },
  };
}

/** A tag's terms: name words count double (the name is what the user means most). */
function tagTermWeights(t: TaggerTag): Map<string, number> {
  const out = new Map<string, number>();
  for (const term of terms(t.description)) out.set(term, 1);
  for (const term of terms(t.name.replace(/[-_/]+/g, ' '))) out.set(term, 2);
  return out;
}

/** The k-th largest finite value (k ≥ 1); -Infinity when there are fewer. */
function kthLargest(values: Float64Array, k: number): number {
  const finite = Array.from(values).filter((v) => Number.isFinite(v));
  if (finite.length < k) return -Infinity;
  finite.sort((a, b) => b - a);
  return finite[k - 1]!;
}

/** Keeps each paper's best `max` proposals. */
export function capPerPaper<T extends { paperId: string; score: number }>(
  list: T[],
  max: number,
): T[] {
  const byPaper = new Map<string, T[]>();
  for (const p of list) {
    const l = byPaper.get(p.paperId);
    if (l) l.push(p);
    else byPaper.set(p.paperId, [p]);
  }
  const out: T[] = [];
  for (const l of byPaper.values()) out.push(...l.sort((a, b) => b.score - a.score).slice(0, max));
  return out;
}

export function createZeroShotTagger(
  source: VectorSource,
  opts: ZeroShotOptions = ZERO_SHOT,
): Tagger {
  const cache = new TermCache();
  return {
    name: 'zero-shot',
    async run(input: TaggerInput, ctx: CallContext): Promise<TaggerOutput> {
      const s = await zeroShotScores(source, input, ctx, cache, opts);
      const proposals = [];
      for (let t = 0; t < input.vocabulary.length; t++) {
        const tag = input.vocabulary[t]!.name;
        for (let i = 0; i < input.papers.length; i++) {
          const p = input.papers[i]!;
          if (!s.passes[t]![i] || p.tags.includes(tag)) continue;
          proposals.push({
            paperId: p.id,
            tag,
            score: round(s.score[t]![i]!),
            evidence: { similarity: round(s.cosine[t]![i]!), terms: s.matched(t, i) },
          });
        }
      }
      return {
        model: s.modelId,
        proposals: capPerPaper(proposals, MAX_PER_PAPER),
        notTagged: s.noVector.map((i) => ({
          paperId: input.papers[i]!.id,
          reason: `no vector under "${s.modelId}" (its text has no word the model knows, or embeddings are not computed yet)`,
        })),
        warnings: s.warnings,
      };
    },
  };
}

export const round = (x: number) => Math.round(x * 1e4) / 1e4;
