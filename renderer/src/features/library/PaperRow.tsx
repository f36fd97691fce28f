// One row of the library table (or its loading skeleton), with the cell formatting it needs.
import { displayName } from '@shared/papers/names';
import type { Paper } from '@shared/api/schemas';
import { TexText } from '../../components/TexText';
import type { ColumnId } from './columns';

export const ROW_HEIGHT = 36;

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

export function formatAuthors(stored: string[]): string {
  const authors = stored.map(displayName);
  if (authors.length <= 2) return authors.join(', ');
  return `${authors.slice(0, 2).join(', ')} +${authors.length - 2}`;
}

type RowProps = {
  index: number;
  start: number;
  paper: Paper | undefined;
  shown: ReadonlySet<ColumnId>;
  selected: boolean;
  onSelect(id: string): void;
  onOpen(id: string): void;
};

export function Row({ index, start, paper, shown, selected, onSelect, onOpen }: RowProps) {
  const style = { transform: `translateY(${start}px)`, height: ROW_HEIGHT };
  if (!paper) {
    return (
      <div className="row row-loading" role="row" aria-rowindex={index + 2} style={style}>
        <div className="cell col-title">
          <span className="skeleton" />
        </div>
      </div>
    );
  }
  return (
    <div
      id={`row-${paper.id}`}
      className={`row ${selected ? 'selected' : ''} ${index % 2 ? 'odd' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="paper-row"
      data-paper-id={paper.id}
      style={style}
      onMouseDown={() => onSelect(paper.id)}
      onDoubleClick={() => onOpen(paper.id)}
    >
      <div role="gridcell" className="cell col-title" title={paper.title}>
        {paper.title ? <TexText text={paper.title} /> : <span className="muted">Untitled</span>}
      </div>
      {shown.has('authors') && (
        <div
          role="gridcell"
          className="cell col-authors"
          title={paper.authors.map(displayName).join('; ')}
        >
          {formatAuthors(paper.authors)}
        </div>
      )}
      {shown.has('year') && (
        <div role="gridcell" className="cell col-year">
          {paper.year ?? ''}
        </div>
      )}
      {shown.has('venue') && (
        <div role="gridcell" className="cell col-venue" title={paper.venue}>
          {paper.venue}
        </div>
      )}
      {shown.has('tags') && (
        <div role="gridcell" className="cell col-tags">
          {paper.tags.map((t) => (
            <span key={t} className="chip chip-small">
              {t}
            </span>
          ))}
        </div>
      )}
      {shown.has('added') && (
        <div role="gridcell" className="cell col-added">
          {formatDate(paper.addedAt)}
        </div>
      )}
    </div>
  );
}
