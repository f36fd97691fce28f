// The import report's duplicate decisions: would-be merges (each can be overridden to import the
// record as its own paper) and records kept as different works despite the same title.
import type { DistinctInfo, DuplicateInfo } from '@shared/api/schemas';
import { differenceText } from '@shared/papers/identity';

const MATCH_WORDS: Record<DuplicateInfo['match'], string> = {
  doi: 'same DOI',
  arxivId: 'same arXiv id',
  title: 'same title',
};

export function DuplicateList({
  duplicates,
  count,
  keepSeparate,
  onKeepSeparate,
  disabled,
}: {
  duplicates: DuplicateInfo[];
  count: number;
  keepSeparate: ReadonlySet<number>;
  onKeepSeparate(index: number, keep: boolean): void;
  disabled: boolean;
}) {
  if (duplicates.length === 0) return null;
  return (
    <details className="issues" data-testid="import-duplicates">
      <summary>
        Duplicates ({count.toLocaleString()}): merged into the paper they repeat; tick one to import
        it as its own paper
      </summary>
      <ul>
        {duplicates.map((d) => (
          <li key={d.index}>
            <label>
              <input
                type="checkbox"
                data-testid={`keep-separate-${d.index}`}
                checked={keepSeparate.has(d.index)}
                disabled={disabled}
                onChange={(e) => onKeepSeparate(d.index, e.target.checked)}
              />{' '}
              {d.title}{' '}
              <span className="muted">
                — {MATCH_WORDS[d.match]}
                {keepSeparate.has(d.index) ? '; will be imported as its own paper' : ''}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function DistinctList({ distinct, count }: { distinct: DistinctInfo[]; count: number }) {
  if (distinct.length === 0) return null;
  return (
    <details className="issues" data-testid="import-distinct" open={count <= 5}>
      <summary>Kept as a different work despite the same title ({count.toLocaleString()})</summary>
      <ul>
        {distinct.map((d) => (
          <li key={d.index}>
            {d.title} <span className="muted">— {differenceText(d.reason)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
