// The tagging service: the vocabulary (tags:*) and suggestions with provenance and decisions
// (tagging:*) of one library, as contract handlers. The `llm` tagger is optional (tagging/llm/).
import type { Handlers } from '@shared/api/contract';
import type { Suggestion } from '@shared/api/tagging-contract';
import type { PaperStore } from '../library/store';
import { TaggingContext } from './context';
import { withHighlightEvidence, type PaperQuotes } from './highlight-evidence';
import { Suggestions, type SuggestionDeps } from './suggestions';
import { TagAdmin } from './tag-admin';
import type { Tagger } from './tagger';
import { TaggingStore } from './tagging-store';
import type { TagEdit } from './typed-tags';

export type TaggingHandlerName =
  | 'tags:list'
  | 'tags:add'
  | 'tags:rename'
  | 'tags:merge'
  | 'tags:remove'
  | 'tags:undoRemove'
  | 'tagging:suggest'
  | 'tagging:list'
  | 'tagging:decide'
  | 'tagging:acceptAbove'
  | 'tagging:undo';

export type TaggingService = {
  handlers: Pick<Handlers, TaggingHandlerName>;
  /** Paper ids with a pending suggestion of `tag` (library and search `suggestedTag` filter). */
  suggestedPapers(tag: string): Set<string>;
  /** Call after library:update and library:tagPapers so typed tags are marked as typed. */
  noteTyped(edits: readonly TagEdit[]): Promise<void>;
  close(): Promise<void>;
};

export async function createTaggingService(deps: {
  libraryDir: string;
  papers: PaperStore;
  vectors: SuggestionDeps['vectors'];
  ensureEmbedded: SuggestionDeps['ensureEmbedded'];
  /** The `llm` tagger, when an LLM provider is configured. */
  /** The `llm` tagger as configured now (settings change between runs); null when none is. */
  llmTagger?: () => Tagger | null;
  /** Each paper's highlighted passages, cited in a suggestion's evidence when they hold its terms. */
  highlights?: () => Promise<PaperQuotes>;
}): Promise<TaggingService> {
  const store = await TaggingStore.open(deps.libraryDir);
  const c = new TaggingContext(deps.papers, store);
  const admin = new TagAdmin(c);
  const suggestions = new Suggestions(c, deps);
  // Highlights are evidence on the side: an unreadable highlights file must not hide suggestions.
  const cite = async <T extends { items: Suggestion[] }>(page: T): Promise<T> => {
    const quotes = await deps.highlights?.().catch(() => undefined);
    return quotes ? { ...page, items: withHighlightEvidence(page.items, quotes) } : page;
  };
  return {
    handlers: {
      'tags:list': async () => admin.list(),
      'tags:add': (input) => admin.add(input),
      'tags:rename': (input) => admin.rename(input),
      'tags:merge': (input) => admin.merge(input),
      'tags:remove': (input) => admin.remove(input),
      'tags:undoRemove': (input) => admin.undoRemove(input),
      'tagging:suggest': async (input, ctx) => {
        const run = await suggestions.suggest(input, ctx);
        return { ...run, suggestions: (await cite({ items: run.suggestions })).items };
      },
      'tagging:list': async (input) => cite(suggestions.list(input)),
      'tagging:decide': (input) => suggestions.decide(input),
      'tagging:acceptAbove': (input) => suggestions.acceptAbove(input),
      'tagging:undo': (input) => suggestions.undo(input),
    },
    suggestedPapers: (tag) => c.suggestedPapers(tag),
    noteTyped: (changes) => suggestions.noteTyped(changes),
    close: () => store.close(),
  };
}
