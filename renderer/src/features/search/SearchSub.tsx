// The line under the search box: "papers like X", the search status, embeddings and notices.
import { TexText } from '../../components/TexText';
import { EmbeddingsLine } from './EmbeddingsLine';
import type { SimilarTo, SearchViewModel } from './useSearchView';

type Props = {
  s: SearchViewModel;
  active: boolean;
  similarTo: SimilarTo | null;
  onExitSimilar(): void;
};

export function SearchSub({ s, active, similarTo, onExitSimilar }: Props) {
  const { search } = s;
  const result = search.result;
  return (
    <div className="search-sub">
      {similarTo && (
        <div className="similar-head" data-testid="similar-head">
          <span>
            Papers like{' '}
            <strong>{similarTo.title ? <TexText text={similarTo.title} /> : 'Untitled'}</strong>
          </span>
          <button
            type="button"
            className="link-button"
            data-testid="similar-back"
            onClick={onExitSimilar}
          >
            ← Back to search
          </button>
        </div>
      )}
      {search.key && (
        <div
          className={`search-status ${search.loading ? 'loading' : ''}`}
          data-testid="search-status"
          aria-live="polite"
        >
          {s.statusText}
        </div>
      )}
      {active && <EmbeddingsLine e={s.emb} variant="search" />}
      {result?.notice && search.fresh && (
        <p className="search-notice" role="status" data-testid="search-notice">
          {result.notice}
        </p>
      )}
    </div>
  );
}
