// Notebook search as the user types: debounced notebooks:search over titles and contents; answers
// to an older query are dropped.
import { useEffect, useState } from 'react';
import type { NotebookSearchHit } from '@shared/api/notebook-contract';
import { useApi } from '../../../apiContext';

export const NOTEBOOK_SEARCH_DEBOUNCE_MS = 200;

/** The hits for `query`, or null while they are on their way (and for an empty query). */
export function useNotebookSearch(query: string): NotebookSearchHit[] | null {
  const api = useApi();
  const [answer, setAnswer] = useState<{ q: string; hits: NotebookSearchHit[] } | null>(null);
  const q = query.trim();
  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.call('notebooks:search', { query: q, limit: 50 }, { signal: controller.signal }).then(
        (hits) => !controller.signal.aborted && setAnswer({ q, hits }),
        () => !controller.signal.aborted && setAnswer({ q, hits: [] }),
      );
    }, NOTEBOOK_SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, q]);
  return q && answer?.q === q ? answer.hits : null;
}
