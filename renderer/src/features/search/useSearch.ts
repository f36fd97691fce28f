// Runs searches as the user types: debounced, each request cancelling the previous one, and
// answers that arrive out of order dropped. No state is set synchronously in an effect: whether a
// search is in flight is derived from the key of the last answer.
import { useEffect, useRef, useState } from 'react';
import type { Api } from '@shared/api/client';
import { QuireError, errorMessage } from '@shared/api/errors';
import type { SearchFilters, SearchMode, SearchResult } from '@shared/api/schemas';

/** Keystrokes settle for this long before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 150;
export const SEARCH_K = 30;

export type SearchRequest =
  | { kind: 'query'; query: string; mode: SearchMode; filters: SearchFilters }
  | { kind: 'similar'; id: string; filters: SearchFilters };

type Answer = { key: string; result: SearchResult } | { key: string; error: string };

export type SearchState = {
  /** The request the answer below belongs to; null when there is nothing to search for. */
  key: string | null;
  loading: boolean;
  /** The latest answer, possibly for an older request while the new one is in flight. */
  result: SearchResult | null;
  error: string | null;
  /** True when `result`/`error` answer the current request. */
  fresh: boolean;
};

export function requestKey(req: SearchRequest | null, version: number | string): string | null {
  return req ? JSON.stringify([req, version]) : null;
}

/** `version` re-runs the same request when it changes (after imports, deletes, new vectors). */
export function useSearch(
  api: Api,
  req: SearchRequest | null,
  version: number | string,
): SearchState {
  const key = requestKey(req, version);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (!key) return;
    // The key carries the whole request, so the effect depends on one string only.
    const [r] = JSON.parse(key) as [SearchRequest, unknown];
    const mine = ++seq.current;
    const controller = new AbortController();
    const run = () => {
      const call =
        r.kind === 'query'
          ? api.call(
              'search:query',
              { query: r.query, mode: r.mode, k: SEARCH_K, filters: r.filters },
              { signal: controller.signal },
            )
          : api.call(
              'search:similar',
              { id: r.id, k: SEARCH_K, filters: r.filters },
              { signal: controller.signal },
            );
      call.then(
        (result) => {
          if (mine === seq.current) setAnswer({ key, result });
        },
        (err: unknown) => {
          if (mine !== seq.current || controller.signal.aborted) return;
          if (err instanceof QuireError && err.code === 'cancelled') return;
          setAnswer({ key, error: errorMessage(err) });
        },
      );
    };
    const timer = setTimeout(run, r.kind === 'query' ? SEARCH_DEBOUNCE_MS : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key]);

  if (!key) return { key: null, loading: false, result: null, error: null, fresh: false };
  const fresh = answer?.key === key;
  return {
    key,
    loading: !fresh,
    result: answer && 'result' in answer ? answer.result : null,
    error: fresh && answer && 'error' in answer ? answer.error : null,
    fresh,
  };
}
