// The one interface every tagger implements (zero-shot, neighbours, LLM): papers + vocabulary + the
// user's past decisions in, proposals above the tagger's own threshold out. The tagging service
// stores them as suggestions with provenance and never re-proposes a rejected (paper, tag) pair.
import type { CallContext } from '@shared/api/contract';
import type { Evidence, TaggerName } from '@shared/api/tagging-contract';

export type TaggerPaper = { id: string; title: string; abstract: string; tags: string[] };
export type TaggerTag = { name: string; description: string };
export type PastDecision = { paperId: string; tag: string; decision: 'accepted' | 'rejected' };

export type TaggerInput = {
  papers: TaggerPaper[];
  vocabulary: TaggerTag[];
  /** Accepted (including typed and imported tags) and rejected pairs. */
  decisions: PastDecision[];
  /** Per paper id, the tags worth asking about (short-listed by the embedding taggers); absent = all. */
  shortlist?: Map<string, string[]>;
};

export type ProposedTag = { paperId: string; tag: string; score: number; evidence: Evidence };

export type TaggerOutput = {
  /** The model that made the proposals (embedding model id, or provider:model for an LLM). */
  model: string;
  proposals: ProposedTag[];
  notTagged: { paperId: string; reason: string }[];
  warnings: string[];
};

export type Tagger = {
  name: TaggerName;
  run(input: TaggerInput, ctx: CallContext): Promise<TaggerOutput>;
};
