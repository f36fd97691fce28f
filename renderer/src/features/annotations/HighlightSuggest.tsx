// Highlights offered by a markdown cell's `@` completion: those whose passage or comment has every
// word typed (the service's search within highlights), listed after the papers; picking one
// inserts the quote.
import { useEffect, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { Annotation } from '@shared/annotations/types';
import { TexText } from '../../components/TexText';
import { SUGGEST_DEBOUNCE_MS } from '../notebooks/PaperSuggest';
import type { Kinds } from './useKinds';

const LIMIT = 5;

/** Highlights matching `query` (null: closed; fewer than 2 characters: none). */
export function useHighlightSuggestions(api: Api, query: string | null): Annotation[] {
  const [answer, setAnswer] = useState<{ query: string; items: Annotation[] } | null>(null);
  useEffect(() => {
    if (query === null || query.trim().length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      api.call('annotations:list', { query: query.trim(), limit: LIMIT }).then(
        (page) => live && setAnswer({ query, items: page.items }),
        // An older host without annotations: the paper list stands alone.
        () => live && setAnswer({ query, items: [] }),
      );
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);
  return query !== null && answer?.query === query ? answer.items : [];
}

export function HighlightOptions({
  items,
  kinds,
  active,
  onPick,
}: {
  items: readonly Annotation[];
  kinds: Kinds;
  /** Index of the active option among these highlights (-1: none). */
  active: number;
  onPick(a: Annotation): void;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <li className="nb-suggest-empty" role="presentation">
        Highlights — quote one
      </li>
      {items.map((a, i) => (
        <li
          key={a.id}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          data-testid="highlight-suggest-item"
          style={{ ['--hl' as string]: kinds.colourOf(a.kind) }}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(a);
          }}
        >
          <span className="nb-suggest-title">
            <span className="ann-swatch" aria-hidden /> “<TexText text={a.selectors.quote.exact} />”
          </span>
          <span className="nb-suggest-meta">
            {kinds.labelOf(a.kind)} · <TexText text={a.paperTitle} />
            {a.orphaned ? ' · orphaned' : ''}
          </span>
        </li>
      ))}
    </>
  );
}
