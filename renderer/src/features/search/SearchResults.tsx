// The list of search results, a listbox driven from the search box.
import type { RefObject } from 'react';
import { Hit } from './SearchHitItem';
import type { SearchViewModel } from './useSearchView';

type Props = {
  s: SearchViewModel;
  listRef: RefObject<HTMLUListElement | null>;
  openId: string | null;
  version: number;
  onOpen(id: string): void;
};

export function SearchResults({ s, listRef, openId, version, onOpen }: Props) {
  const top = s.hits[0]?.score ?? 0;
  return (
    <ul
      ref={listRef}
      id="search-results"
      className={`search-results ${s.search.loading ? 'stale' : ''}`}
      role="listbox"
      aria-label="Search results"
    >
      {s.hits.map((h, i) => (
        <Hit
          key={h.paper.id}
          hit={h}
          index={i}
          top={top}
          current={i === s.cur}
          open={h.paper.id === openId}
          version={version}
          onClick={() => {
            s.moveTo(i);
            onOpen(h.paper.id);
          }}
        />
      ))}
    </ul>
  );
}
