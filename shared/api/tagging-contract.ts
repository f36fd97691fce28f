// Tagging methods of the API contract (see contract.ts). Owned by the tagging feature: the tag
// vocabulary of a library, suggestions from local taggers with their provenance, the user's
// decisions, and the settings of a local LLM provider. Service: electron/services/tagging/.
import { z } from 'zod';
import { method } from './method';
import { TagSchema } from './schemas';

const Id = z.string().min(1).max(200);

export const TAGGER_NAMES = ['zero-shot', 'neighbours', 'llm'] as const;
export const TaggerNameSchema = z.enum(TAGGER_NAMES);
export type TaggerName = z.infer<typeof TaggerNameSchema>;

export const DECISIONS = ['pending', 'accepted', 'rejected'] as const;
export const DecisionSchema = z.enum(DECISIONS);
export type Decision = z.infer<typeof DecisionSchema>;

/** `#rrggbb`. */
export const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour looks like #3366cc');

/** A tag of the library's vocabulary. */
export type TagInfo = {
  name: string;
  /** One sentence saying what the tag means; '' when none was given. */
  description: string;
  color: string;
  /** Papers that carry the tag (accepted or typed). */
  paperCount: number;
  /** Suggestions of this tag waiting for a decision. */
  pendingCount: number;
  /** Where the tag on those papers came from: typed by the user, imported, or an accepted suggestion. */
  origins?: { typed: number; imported: number; accepted: number };
};

/** Why a tagger proposed a tag. Only the parts the tagger has are present. */
export type Evidence = {
  /** Cosine similarity of the paper to the tag's name + description (zero-shot). */
  similarity?: number;
  /** Description terms found in the title or abstract (zero-shot). */
  terms?: string[];
  /** Nearest labelled papers that voted (neighbours); negative votes have `rejected: true`. */
  neighbours?: { paperId: string; title: string; similarity: number; rejected?: boolean }[];
  /** The LLM's one-line reason. */
  reason?: string;
  /**
   * The paper's highlights that hold some of the matched `terms` (with the terms they hold):
   * computed on read, so it follows highlights added or removed after the run.
   */
  highlights?: { annotationId: string; kind: string; quote: string; terms: string[] }[];
};

/** One proposal of one tag for one paper, with where it came from and what the user decided. */
export type Suggestion = {
  id: string;
  paperId: string;
  title: string;
  tag: string;
  tagger: TaggerName;
  /** The model that made it: embedding model id, or the LLM's provider + model. */
  model: string;
  /** 0..1, comparable within one tagger. */
  score: number;
  evidence: Evidence;
  /** ISO-8601 instant. */
  createdAt: string;
  decision: Decision;
  decidedAt: string | null;
};

export type SuggestRunResult = {
  tagger: TaggerName | 'auto';
  model: string;
  /** Pending suggestions above the tagger's threshold after this run (new and earlier ones). */
  suggestions: Suggestion[];
  /** How many of those this run created. */
  created: number;
  /** Papers the tagger could not tag, with the reason (e.g. an LLM answer that stayed invalid). */
  notTagged: { paperId: string; reason: string }[];
  warnings: string[];
  cancelled: boolean;
};

export type SuggestionPage = { total: number; offset: number; items: Suggestion[] };

/** A local OpenAI-compatible server (Ollama, LM Studio, llama.cpp server, vLLM). */
export type LlmSettings = {
  /** e.g. http://127.0.0.1:11434/v1 ; '' when none is set. */
  baseUrl: string;
  model: string;
  /** A model of the same server for embeddings (`/v1/embeddings`), listed as `server:<name>` in the model manager; '' when none. */
  embeddingModel: string;
  /** Set by the user to allow a server that is not on this machine (requests leave it). */
  allowRemote: boolean;
  /** Seconds before a request is abandoned. */
  timeoutSeconds: number;
  /** Which LLM the `llm` tagger uses: the server above, or a transformers.js model from the model manager. */
  provider: 'openai-compatible' | 'transformers';
  /** Model manager id of a transformers.js text-generation model (provider `transformers`). */
  localModel: string;
};

export const LlmSettingsInputSchema = z.object({
  baseUrl: z.string().max(500).optional(),
  model: z.string().max(200).optional(),
  embeddingModel: z.string().max(200).optional(),
  allowRemote: z.boolean().optional(),
  timeoutSeconds: z.number().int().min(1).max(600).optional(),
  provider: z.enum(['openai-compatible', 'transformers']).optional(),
  localModel: z.string().max(200).optional(),
});

export const SuggestInputSchema = z.object({
  tagger: z.enum(['auto', ...TAGGER_NAMES]).default('auto'),
  /** Omit for the whole library. */
  paperIds: z.array(Id).max(1_000_000).optional(),
  /** Omit for the whole vocabulary. */
  tags: z.array(TagSchema).max(5000).optional(),
});

export const SuggestionListInputSchema = z.object({
  decision: z.enum([...DECISIONS, 'all']).default('pending'),
  tag: TagSchema.optional(),
  tagger: TaggerNameSchema.optional(),
  paperId: Id.optional(),
  sort: z.enum(['score', 'paper', 'created']).default('score'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});

export const taggingMethods = {
  /** The vocabulary, with counts; tags that papers already carry are part of it. */
  'tags:list': method<TagInfo[]>()(z.object({}).default({})),
  /** Adds a tag; on an existing tag, sets the description (and colour) given. */
  'tags:add': method<TagInfo>()(
    z.object({
      name: TagSchema,
      description: z.string().max(1000).optional(),
      color: ColorSchema.optional(),
    }),
  ),
  /** Renames a tag everywhere: papers' tags and stored suggestions. */
  'tags:rename': method<TagInfo>()(z.object({ from: TagSchema, to: TagSchema })),
  /** Merges `from` into `into`: papers keep one; suggestions are rewritten. */
  'tags:merge': method<TagInfo>()(z.object({ from: TagSchema, into: TagSchema })),
  /** Deletes a tag from the vocabulary, the papers and the suggestions; undoable. */
  'tags:remove': method<{ removedFromPapers: number; undoToken: string }>()(
    z.object({ name: TagSchema }),
  ),
  'tags:undoRemove': method<TagInfo>()(z.object({ undoToken: z.string().min(1).max(200) })),

  /** Runs a tagger over the library (or some papers): progress, cancel. */
  'tagging:suggest': method<SuggestRunResult>()(SuggestInputSchema, { job: true }),
  /** Stored suggestions, filtered and sorted (the review queue, a paper's suggestions). */
  'tagging:list': method<SuggestionPage>()(SuggestionListInputSchema),
  /** Accepts, rejects or resets suggestions; accepting adds the tag to the paper. Undoable. */
  'tagging:decide': method<{ changed: number; undoToken: string }>()(
    z.object({ ids: z.array(Id).min(1).max(100_000), decision: DecisionSchema }),
  ),
  /** Accepts every pending suggestion of a tag at or above a score; `dryRun` only counts. */
  'tagging:acceptAbove': method<{ count: number; undoToken: string | null }>()(
    z.object({
      tag: TagSchema,
      minScore: z.number().min(0).max(1),
      tagger: TaggerNameSchema.optional(),
      dryRun: z.boolean().default(false),
    }),
  ),
  /** Undoes a `tagging:decide` or `tagging:acceptAbove`. */
  'tagging:undo': method<{ restored: number }>()(
    z.object({ undoToken: z.string().min(1).max(200) }),
  ),

  /** The LLM provider settings of this library. */
  'llm:get': method<LlmSettings>()(z.object({}).default({})),
  'llm:set': method<LlmSettings>()(LlmSettingsInputSchema),
  /** Asks the configured server for its models: proves it is reachable. */
  'llm:check': method<{ ok: boolean; models: string[]; message: string }>()(
    z.object({}).default({}),
  ),
} as const;

export type TaggingMethodName = keyof typeof taggingMethods;
