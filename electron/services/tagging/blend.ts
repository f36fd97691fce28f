// The `auto` embedding tagger: zero-shot blended with neighbours as a tag's labels accumulate. A tag
// with n accepted papers gives the neighbours' vote the weight n / (n + HALF): with no labels it is
// pure zero-shot, with many it is mostly neighbours. HALF and the threshold were chosen by
// bench/tagging (micro-F1 on the sample feed, 20 % of labels accepted).
import type { CallContext } from '@shared/api/contract';
import type { TaggerName } from '@shared/api/tagging-contract';
import { neighbourScores, NEIGHBOURS, type NeighboursOptions } from './neighbours';
import type { ProposedTag, TaggerInput, TaggerOutput } from './tagger';
import {
  capPerPaper,
  MAX_PER_PAPER,
  round,
  TermCache,
  ZERO_SHOT,
  zeroShotScores,
  type ZeroShotOptions,
} from './zero-shot';
import type { VectorSource } from './vectors';

export type BlendOptions = {
  /** Accepted papers at which neighbours and zero-shot weigh the same. */
  half: number;
  /** Blended score at which a tag is proposed. */
  threshold: number;
  zeroShot: ZeroShotOptions;
  neighbours: NeighboursOptions;
};

export const BLEND: BlendOptions = {
  half: 16,
  threshold: 0.5,
  zeroShot: ZERO_SHOT,
  neighbours: NEIGHBOURS,
};

/** A proposal of the blend, attributed to the tagger that weighed most in it. */
export type BlendedProposal = ProposedTag & { tagger: TaggerName };

export class BlendTagger {
  private readonly cache = new TermCache();

  constructor(
    private readonly source: VectorSource,
    private readonly opts: BlendOptions = BLEND,
  ) {}

  async run(
    input: TaggerInput,
    ctx: CallContext,
  ): Promise<Omit<TaggerOutput, 'proposals'> & { proposals: BlendedProposal[] }> {
    const { opts } = this;
    const zs = await zeroShotScores(this.source, input, ctx, this.cache, opts.zeroShot);
    const nb = await neighbourScores(this.source, input, ctx, opts.neighbours);
    const proposals: BlendedProposal[] = [];
    for (let t = 0; t < input.vocabulary.length; t++) {
      const tag = input.vocabulary[t]!.name;
      const n = nb.examples[t]!;
      const w = n / (n + opts.half);
      for (let i = 0; i < input.papers.length; i++) {
        const p = input.papers[i]!;
        const z = zs.score[t]![i]!;
        if (Number.isNaN(z) || p.tags.includes(tag)) continue;
        // The zero-shot share cap holds in the blend too: a broad tag cannot flood the library.
        const zPart = zs.passes[t]![i] ? z : Math.min(z, 0.49);
        // Both scores are calibrated per tag so that their thresholds sit at 0.5.
        const v = nb.score[t]![i]!;
        const nPart = Number.isNaN(v) ? 0 : nb.passes[t]![i] ? v : Math.min(v, 0.49);
        const s = w > 0 ? (1 - w) * zPart + w * nPart : zPart;
        if (s < opts.threshold) continue;
        proposals.push({
          paperId: p.id,
          tag,
          tagger: w >= 0.5 ? 'neighbours' : 'zero-shot',
          score: round(s),
          evidence: {
            similarity: round(zs.cosine[t]![i]!),
            terms: zs.matched(t, i),
            ...(w > 0 ? { neighbours: nb.evidence(t, i) } : {}),
          },
        });
      }
    }
    return {
      model: zs.modelId,
      proposals: capPerPaper(proposals, MAX_PER_PAPER),
      notTagged: zs.noVector.map((i) => ({
        paperId: input.papers[i]!.id,
        reason: `no vector under "${zs.modelId}"`,
      })),
      // The neighbours "no labels yet" warning is no news in auto mode: zero-shot covers that case.
      warnings: zs.warnings,
    };
  }
}
