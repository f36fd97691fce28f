// What the Search view shows about the current search: its state and its one-line status text.
import type { SearchResult } from '@shared/api/schemas';
import { MODE_LABELS } from './searchModes';

export type ViewState = 'idle' | 'error' | 'loading' | 'no-close-match' | 'results' | 'empty';

export function searchState(s: {
  key: string | null;
  error: string | null;
  loading: boolean;
  hideWeak: boolean;
  count: number;
}): ViewState {
  if (!s.key) return 'idle';
  if (s.error) return 'error';
  if (s.loading) return 'loading';
  if (s.hideWeak) return 'no-close-match';
  return s.count ? 'results' : 'empty';
}

export function statusText(s: {
  key: string | null;
  error: string | null;
  result: SearchResult | null;
  fresh: boolean;
  similar: boolean;
}): string {
  const { result } = s;
  if (!s.key) return '';
  if (s.error) return 'Search failed';
  // Until the answer to the current request arrives, the hits on screen belong to the previous one.
  if (!result || !s.fresh) return 'Searching…';
  const n = result.hits.length;
  const what = s.similar
    ? `${n} similar ${n === 1 ? 'paper' : 'papers'}`
    : result.noCloseMatch && n > 0
      ? `No close match · ${n} weak ${n === 1 ? 'result' : 'results'} · ${MODE_LABELS[result.mode]}`
      : `${n === 0 ? 'No' : n} ${n === 1 ? 'result' : 'results'} · ${MODE_LABELS[result.mode]}`;
  return `${what} · ${result.model} · ${result.tookMs.toLocaleString()} ms`;
}
