// The Library's toolbar: the filter box (`/`), tag and highlight-kind filters, the map selection
// chip, the paper count, Export and Import.
import type { ComponentProps, RefObject } from 'react';
import type { AnnotationKind } from '@shared/annotations/types';
import { Icon } from '../../components/Icon';
import { TagSelect } from '../../components/TagSelect';
import { KindFilter } from '../annotations/KindFilter';
import { ExportMenu } from './ExportMenu';
import type { useLibraryFilters } from './useLibraryFilters';

type Props = {
  filters: ReturnType<typeof useLibraryFilters>;
  filterRef: RefObject<HTMLInputElement | null>;
  /** ↓ or Enter in the filter box: on to the table. */
  onFilterDone(): void;
  tagSelect: Pick<ComponentProps<typeof TagSelect>, 'tags' | 'suggested' | 'clusters' | 'value'>;
  kinds: readonly AnnotationKind[];
  count: number | null;
  exportMenu: ComponentProps<typeof ExportMenu>;
  onImport(): void;
};

export function LibraryToolbar(props: Props) {
  const { filters: f, filterRef, onFilterDone, tagSelect, kinds, count, exportMenu } = props;
  const { onImport } = props;
  return (
    <div className="toolbar">
      <div className="filter-box">
        <Icon name="search" />
        <input
          ref={filterRef}
          type="search"
          className="filter-input"
          placeholder="Filter by title, author, abstract, notes…"
          aria-label="Filter papers"
          data-testid="filter-input"
          value={f.filterInput}
          onChange={(e) => f.setFilterInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && f.filterInput) {
              e.stopPropagation();
              f.setFilterInput('');
            } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              onFilterDone();
            }
          }}
        />
        <kbd className="filter-kbd" aria-hidden="true">
          /
        </kbd>
      </div>
      <TagSelect {...tagSelect} onChange={f.setTag} label="Filter by tag" testId="tag-filter" />
      <KindFilter kinds={kinds} value={f.annotationKind} onChange={f.setAnnotationKind} />
      {f.selection && (
        <span className="chip" data-testid="library-selection-chip">
          {f.selection.label} ({f.selection.ids.length.toLocaleString()})
          <button
            type="button"
            className="chip-remove"
            aria-label="Show all papers again"
            onClick={() => f.setSelection(null)}
          >
            ×
          </button>
        </span>
      )}
      <span className="count" data-testid="library-count" aria-live="polite">
        {count === null
          ? 'Loading…'
          : `${count.toLocaleString()} ${count === 1 ? 'paper' : 'papers'}`}
      </span>
      <div className="toolbar-spacer" />
      <ExportMenu {...exportMenu} />
      <button
        type="button"
        className="button primary"
        data-testid="import-button"
        onClick={onImport}
      >
        <Icon name="import" /> Import
      </button>
    </div>
  );
}
