// The library table's columns: which are shown (empty-everywhere columns hide unless the user
// shows them), and the grid tracks, where the title takes the width the others leave.
import type { ColumnFill } from '@shared/api/schemas';
import type { SortKey } from './usePaperPages';

export type ColumnId = 'title' | 'authors' | 'year' | 'venue' | 'tags' | 'added';
/** The columns a user can hide or show (the title always shows). */
export type OptionalColumn = Exclude<ColumnId, 'title'>;
/** Explicit choices from the column menu; a column without one follows the library's contents. */
export type ColumnPrefs = Partial<Record<OptionalColumn, boolean>>;

export type Column = { id: ColumnId; label: string; sort?: SortKey; className: string };

export const COLUMNS: readonly Column[] = [
  { id: 'title', label: 'Title', sort: 'title', className: 'col-title' },
  { id: 'authors', label: 'Authors', sort: 'authors', className: 'col-authors' },
  { id: 'year', label: 'Year', sort: 'year', className: 'col-year' },
  { id: 'venue', label: 'Venue', sort: 'venue', className: 'col-venue' },
  { id: 'tags', label: 'Tags', className: 'col-tags' },
  { id: 'added', label: 'Added', sort: 'addedAt', className: 'col-added' },
];

/** False when no paper in the library has a value there (unknown fill: assume it has). */
export function hasValues(id: ColumnId, filled: ColumnFill | undefined): boolean {
  if (id === 'title' || id === 'added' || !filled) return true;
  return filled[id];
}

export function visibleColumns(filled: ColumnFill | undefined, prefs: ColumnPrefs): Column[] {
  return COLUMNS.filter((c) => c.id === 'title' || (prefs[c.id] ?? hasValues(c.id, filled)));
}

/**
 * Grid tracks for the shown columns plus the column-menu button's. Widths live in CSS variables
 * (`--w-<id>` in app.css) so container queries can still narrow or drop a column.
 */
export function gridTemplate(columns: readonly Column[]): string {
  return [...columns.map((c) => `var(--w-${c.id})`), 'var(--w-menu)'].join(' ');
}
