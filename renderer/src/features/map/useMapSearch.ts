// Search hits to highlight on the map: the typed query (debounced) through search:query as a keyword
// search — semantic search ranks every paper, so its "best 200" would light up most of a small
// map; keyword hits are papers that actually match. A query that cannot run says why.
import { useEffect, useState } from 'react';
import { useApi } from '../../apiContext';
import { errorMessage } from '@shared/api/errors';

/** search:query answers at most this many hits: the map highlights the best ones. */
const MAX_HITS = 200;
const DEBOUNCE_MS = 250;

export type MapHits = { ids: ReadonlySet<string> | null; capped: boolean; error: string | null };

export function useMapSearch(query: string, version: number): MapHits {
  const api = useApi();
  const [hits, setHits] = useState<MapHits>({ ids: null, capped: false, error: null });
  const q = query.trim();

  useEffect(() => {
    let live = true;
    const t = setTimeout(
      () => {
        if (!q) {
          setHits({ ids: null, capped: false, error: null });
          return;
        }
        api.call('search:query', { query: q, mode: 'fts', k: MAX_HITS }).then(
          (r) =>
            live &&
            setHits({
              ids: new Set(r.hits.map((h) => h.paper.id)),
              capped: r.hits.length >= MAX_HITS,
              error: null,
            }),
          (err: unknown) => live && setHits({ ids: null, capped: false, error: errorMessage(err) }),
        );
      },
      q ? DEBOUNCE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, q, version]);

  return hits;
}
