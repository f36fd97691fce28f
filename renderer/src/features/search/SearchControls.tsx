// The controls beside the search box: the mode switch, the tag filter and the year range.
import { TagSelect, type ClusterOption } from '../../components/TagSelect';
import type { TagCount } from '@shared/api/schemas';
import { MODES, MODE_LABELS, MODE_TITLES } from './searchModes';
import type { SearchViewModel } from './useSearchView';

type Props = {
  s: SearchViewModel;
  similar: boolean;
  tags: TagCount[];
  suggestedTags?: TagCount[];
  clusters?: ClusterOption[];
};

export function SearchControls({ s, similar, tags, suggestedTags, clusters }: Props) {
  return (
    <div className="search-controls">
      <div className="segmented search-modes" role="radiogroup" aria-label="Search mode">
        {MODES.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={s.mode === m}
            className={s.mode === m ? 'active' : ''}
            data-testid={`search-mode-${m}`}
            title={MODE_TITLES[m]}
            disabled={similar}
            onClick={() => s.setMode(m)}
          >
            {MODE_LABELS[m]}
          </button>
        ))}
      </div>
      <TagSelect
        tags={tags}
        suggested={suggestedTags}
        clusters={clusters}
        value={s.activeTag}
        onChange={s.setTag}
        label="Only papers with tag"
        testId="search-tag"
      />
      <label className="year-field">
        <span>Year</span>
        <input
          type="number"
          inputMode="numeric"
          className="year-input"
          placeholder="from"
          aria-label="From year"
          data-testid="search-year-from"
          value={s.yearFrom}
          onChange={(e) => s.setYearFrom(e.target.value)}
        />
        <span aria-hidden="true">–</span>
        <input
          type="number"
          inputMode="numeric"
          className="year-input"
          placeholder="to"
          aria-label="To year"
          data-testid="search-year-to"
          value={s.yearTo}
          onChange={(e) => s.setYearTo(e.target.value)}
        />
      </label>
      {s.filtered && (
        <button type="button" className="link-button small" onClick={s.clearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
