// What the Search view shows without results: the introduction before typing, and "no match".
import type { SearchMode } from '@shared/api/schemas';
import { Icon } from '../../components/Icon';
import { MODES, MODE_LABELS } from './searchModes';

export function SearchIntro({ noPapers, onImport }: { noPapers: boolean; onImport(): void }) {
  return (
    <div className="search-empty" data-testid="search-empty">
      <div className="empty-mark" aria-hidden="true">
        <Icon name="search" size={34} />
      </div>
      <h2>Search by meaning and by keyword</h2>
      <p>
        <strong>Hybrid</strong> search combines both: it finds papers that use your words and papers
        that say the same thing in other words, all on this machine. <strong>Semantic</strong> looks
        at meaning only; <strong>Keyword</strong> at exact words, names and acronyms.
      </p>
      <p className="hint">
        Press <kbd>/</kbd> to search from anywhere; <kbd>↑</kbd> <kbd>↓</kbd> move through the
        results, <kbd>Enter</kbd> opens a paper, <kbd>Esc</kbd> clears.
      </p>
      {noPapers && (
        <button type="button" className="button primary" onClick={onImport}>
          <Icon name="import" /> Import papers
        </button>
      )}
    </div>
  );
}

type NoMatchProps = {
  query: string;
  mode: SearchMode;
  similar: boolean;
  filtered: boolean;
  onMode(m: SearchMode): void;
};

export function SearchNoMatch({ query, mode, similar, filtered, onMode }: NoMatchProps) {
  const otherModes = MODES.filter((m) => m !== mode && m !== 'hybrid');
  return (
    <div className="search-empty" data-testid="search-empty">
      <h2>
        {similar ? 'No similar papers found' : <>No papers match “{query}”</>}
        {filtered ? ' with these filters' : ''}
      </h2>
      {!similar && (
        <p>
          Try{' '}
          {otherModes.map((m, i) => (
            <span key={m}>
              {i > 0 && ' or '}
              <button type="button" className="link-button" onClick={() => onMode(m)}>
                {MODE_LABELS[m]}
              </button>
            </span>
          ))}{' '}
          search
          {filtered ? ', or clear the filters' : ''}.
        </p>
      )}
    </div>
  );
}
