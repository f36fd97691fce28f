// The "no close match" state: a search whose hits are all unlikely to be relevant says so plainly,
// and keeps those weak results one click away instead of presenting them as answers.
import { percent } from '@shared/search/relevance';
import './relevance.css';

type Props = {
  query: string;
  /** How many weak results are hidden, and the best one's estimated relevance. */
  count: number;
  best: number;
  filtered: boolean;
  onShow(): void;
};

export function NoCloseMatch({ query, count, best, filtered, onShow }: Props) {
  return (
    <div className="search-empty no-close-match" data-testid="search-no-close-match" role="status">
      <h2>
        No close match for “{query}”{filtered ? ' with these filters' : ''}
      </h2>
      <p>
        Nothing in your library looks relevant: the best of the {count}{' '}
        {count === 1 ? 'paper' : 'papers'} found has an estimated {percent(best)} chance of being
        what you are looking for. Try other words, or check the spelling.
      </p>
      <button
        type="button"
        className="button"
        data-testid="search-show-weak"
        onClick={onShow}
        autoFocus={false}
      >
        Show {count} weak {count === 1 ? 'result' : 'results'}
      </button>
    </div>
  );
}

/** Above weak results the user chose to see: a reminder that none is a close match. */
export function WeakResultsNote() {
  return (
    <p className="search-notice weak-results-note" role="status" data-testid="search-weak-note">
      No close match: these are the nearest papers, but none is likely to be relevant.
    </p>
  );
}
