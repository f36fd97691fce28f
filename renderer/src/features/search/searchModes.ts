// The three search modes: their labels, tooltips and the remembered choice in localStorage.
import type { SearchMode } from '@shared/api/schemas';

export const MODE_KEY = 'quire.search.mode';

export const MODE_LABELS: Record<SearchMode, string> = {
  hybrid: 'Hybrid',
  vector: 'Semantic',
  fts: 'Keyword',
};
export const MODE_TITLES: Record<SearchMode, string> = {
  hybrid: 'Meaning and keywords together (best for most queries)',
  vector: 'By meaning: finds papers that say it in other words',
  fts: 'By keywords: exact words, names and acronyms',
};
export const MODES: SearchMode[] = ['hybrid', 'vector', 'fts'];

export function readMode(): SearchMode {
  try {
    const m = localStorage.getItem(MODE_KEY);
    if (m === 'hybrid' || m === 'vector' || m === 'fts') return m;
  } catch {
    // Storage may be disabled.
  }
  return 'hybrid';
}

export function saveMode(m: SearchMode): void {
  try {
    localStorage.setItem(MODE_KEY, m);
  } catch {
    // Remembered for this session only.
  }
}
