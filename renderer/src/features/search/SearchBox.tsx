// The search box: a combobox over the results, with ↑ ↓ to move, Enter to open and Esc to clear.
import type { RefObject } from 'react';
import { Icon } from '../../components/Icon';
import type { SearchViewModel } from './useSearchView';

type Props = {
  s: SearchViewModel;
  inputRef: RefObject<HTMLInputElement | null>;
  similar: boolean;
  onOpen(id: string): void;
  onExitSimilar(): void;
};

export function SearchBox({ s, inputRef, similar, onOpen, onExitSimilar }: Props) {
  const { hits, cur, input } = s;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (hits.length === 0) return;
      e.preventDefault();
      const d = e.key === 'ArrowDown' ? 1 : -1;
      s.moveTo(Math.max(0, Math.min(hits.length - 1, cur + d)));
    } else if (e.key === 'Enter') {
      const hit = hits[cur];
      if (hit) {
        e.preventDefault();
        onOpen(hit.paper.id);
      }
    } else if (e.key === 'Escape') {
      if (input || similar) {
        e.preventDefault();
        e.stopPropagation();
        s.setInput('');
        if (similar) onExitSimilar();
      }
    }
  };

  return (
    <div className="search-box">
      <Icon name="search" size={18} />
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        placeholder="Search your papers by meaning or by keyword…"
        aria-label="Search papers"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={hits.length ? `search-hit-${cur}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        data-testid="search-input"
        value={input}
        onChange={(e) => {
          s.setInput(e.target.value);
          if (similar) onExitSimilar();
        }}
        onKeyDown={onKeyDown}
      />
      {s.search.loading && s.search.result && (
        <span className="search-spinner" aria-hidden="true" />
      )}
      <kbd className="filter-kbd" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
