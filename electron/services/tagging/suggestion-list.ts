// tagging:list — one page of suggestions for review: pending ones the user can still act on (not
// re-proposing a rejected pair), filtered by decision, tag, tagger or paper, in the order asked for.
import type { ParsedInputOf } from '@shared/api/contract';
import type { SuggestionPage } from '@shared/api/tagging-contract';
import type { TaggingContext } from './context';

export function listSuggestions(
  c: TaggingContext,
  input: ParsedInputOf<'tagging:list'>,
): SuggestionPage {
  const rejected = c.rejectedPairs();
  const pending = new Set(c.visiblePending(rejected).map((s) => s.id));
  let items = c.state.suggestions.filter(
    (s) =>
      (s.decision !== 'pending' || pending.has(s.id)) &&
      (input.decision === 'all' || s.decision === input.decision) &&
      (!input.tag || s.tag === input.tag) &&
      (!input.tagger || s.tagger === input.tagger) &&
      (!input.paperId || s.paperId === input.paperId),
  );
  const title = (id: string) => c.papers.get(id)?.title ?? '';
  if (input.sort === 'score') items = items.sort((a, b) => b.score - a.score);
  else if (input.sort === 'paper')
    items = items.sort(
      (a, b) => title(a.paperId).localeCompare(title(b.paperId)) || b.score - a.score,
    );
  else items = items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    total: items.length,
    offset: input.offset,
    items: items.slice(input.offset, input.offset + input.limit).map((s) => c.withTitle(s)),
  };
}
