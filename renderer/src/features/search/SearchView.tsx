// The Search view: one search box (hybrid, semantic or keyword), results as you type with the
// matched terms highlighted, keyboard navigation, filters, "more like this", and the paper pane.
import { useEffect, useRef, type ReactNode } from 'react';
import type { ClusterOption } from '../../components/TagSelect';
import type { TagCount } from '@shared/api/schemas';
import { useRequests } from '../../navigation/useRequests';
import { NoCloseMatch, WeakResultsNote } from './NoCloseMatch';
import { SearchBox } from './SearchBox';
import { SearchControls } from './SearchControls';
import { SearchIntro, SearchNoMatch } from './SearchEmpty';
import { SearchResults } from './SearchResults';
import { SearchSub } from './SearchSub';
import { useSearchView, type SimilarTo } from './useSearchView';
import './search.css';

export { MODE_KEY, MODE_LABELS } from './searchModes';
export type { SimilarTo } from './useSearchView';

type Props = {
  /** The view is visible (polls and the embeddings line only then). */
  active: boolean;
  version: number;
  tags: TagCount[];
  /** Tags with suggestions waiting for review, offered as "suggested: X". */
  suggestedTags?: TagCount[];
  /** Clusters of the topic map, offered in the tag filter. */
  clusters?: ClusterOption[];
  /** The paper shown in the pane beside the results. */
  openId: string | null;
  onOpen(id: string): void;
  /** "More like this": show papers like this one instead of the query's results. */
  similarTo: SimilarTo | null;
  onExitSimilar(): void;
  onImport(): void;
  pane: ReactNode;
};

export function SearchView(props: Props) {
  const { active, version, openId, onOpen, similarTo, onExitSimilar } = props;
  const s = useSearchView(props);
  const { search, hits, cur, state, req, found } = s;
  const result = search.result;
  const similar = similarTo !== null;
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Arriving at the view puts the cursor in the box: the view is for typing.
  useEffect(() => {
    if (active) inputRef.current?.focus();
  }, [active]);

  // `/` and the palette ask for the box (a request: see navigation/requests.ts).
  useRequests('search', () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  // Keep the highlighted hit in view while moving with the keyboard.
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${cur}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [cur]);

  return (
    <div
      className="search-view"
      data-testid="search-view"
      data-state={state}
      // The query the results on screen answer (for tests and tools), once they have arrived.
      data-answered={search.fresh && req?.kind === 'query' ? req.query : undefined}
    >
      <div className="search-head">
        <SearchBox
          s={s}
          inputRef={inputRef}
          similar={similar}
          onOpen={onOpen}
          onExitSimilar={onExitSimilar}
        />
        <SearchControls
          s={s}
          similar={similar}
          tags={props.tags}
          suggestedTags={props.suggestedTags}
          clusters={props.clusters}
        />
      </div>

      <SearchSub s={s} active={active} similarTo={similarTo} onExitSimilar={onExitSimilar} />

      <div className="library-split">
        <div className="search-main">
          {search.error && (
            <div
              className="banner banner-error search-error"
              role="alert"
              data-testid="search-error"
            >
              {search.error}
            </div>
          )}
          {state === 'idle' && (
            <SearchIntro noPapers={s.emb.status?.total === 0} onImport={props.onImport} />
          )}
          {state === 'empty' && (
            <SearchNoMatch
              query={s.query}
              mode={s.mode}
              similar={similar}
              filtered={s.filtered}
              onMode={s.setMode}
            />
          )}
          {state === 'no-close-match' && (
            <NoCloseMatch
              query={s.query}
              count={found.length}
              best={Math.max(...found.map((h) => h.relevance ?? 0))}
              filtered={s.filtered}
              onShow={s.showWeak}
            />
          )}
          {hits.length > 0 && result?.noCloseMatch && <WeakResultsNote />}
          {hits.length > 0 && (
            <SearchResults
              s={s}
              listRef={listRef}
              openId={openId}
              version={version}
              onOpen={onOpen}
            />
          )}
        </div>
        {props.pane}
      </div>
    </div>
  );
}
