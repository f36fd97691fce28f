// The Library's filters and sort: the filter box (debounced into the query text), tag or cluster,
// highlight kind, a selection from the map, and the sort column with its direction.
import { useEffect, useState } from 'react';
import { clusterValue } from '../../components/TagSelect';
import type { LibraryPreset } from '../../navigation/requests';
import type { SortKey } from './usePaperPages';

/** Keystrokes settle for this long before the list is refetched. */
export const FILTER_DEBOUNCE_MS = 150;

/** Dates and years read best newest-first; names read best A→Z. */
const FIRST_DIR: Record<SortKey, 'asc' | 'desc'> = {
  title: 'asc',
  authors: 'asc',
  venue: 'asc',
  year: 'desc',
  addedAt: 'desc',
};

export function useLibraryFilters() {
  const [filterInput, setFilterInput] = useState('');
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  // '' (no filter), `*` (any kind) or a kind id: papers with such a highlight.
  const [annotationKind, setAnnotationKind] = useState('');
  const [sort, setSort] = useState<SortKey>('addedAt');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [selection, setSelection] = useState<{ ids: string[]; label: string } | null>(null);

  useEffect(() => {
    const t = setTimeout(() => setText(filterInput.trim()), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [filterInput]);

  /** A preset from the map replaces the filters. */
  const applyPreset = (preset: LibraryPreset) => {
    setFilterInput('');
    setText('');
    if ('cluster' in preset) {
      setTag(clusterValue(preset.cluster));
      setSelection(null);
    } else {
      setTag('');
      setSelection({ ids: preset.ids, label: preset.label });
    }
  };

  const clearAll = () => {
    setFilterInput('');
    setText('');
    setTag('');
    setSelection(null);
    setAnnotationKind('');
  };

  const toggleSort = (key: SortKey) => {
    if (key === sort) setDir((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(key);
      setDir(FIRST_DIR[key]);
    }
  };

  return {
    ...{ filterInput, setFilterInput, text, tag, setTag, annotationKind, setAnnotationKind },
    ...{ sort, dir, toggleSort, selection, setSelection, applyPreset, clearAll },
  };
}
