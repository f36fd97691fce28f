// Loads the library list in pages on demand, so a 10k-paper table only fetches what is on screen.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Api } from '@shared/api/client';
import { errorMessage } from '@shared/api/errors';
import type { ColumnFill, Paper, SORT_KEYS } from '@shared/api/schemas';
import { useLatest } from '../../lib/useLatest';

export type SortKey = (typeof SORT_KEYS)[number];
export type LibraryQuery = {
  text: string;
  tag: string;
  /** Papers with a pending suggestion of this tag; '' for no such filter. */
  suggestedTag?: string;
  /** Papers in this topic-map cluster; '' for no such filter. */
  cluster?: string;
  /** Only these papers (a selection from the map); undefined for no such filter. */
  ids?: string[];
  /** Papers with a highlight of this kind (`*`: any kind); '' or undefined for no such filter. */
  annotationKind?: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
};

/** Rows per library:list call: big enough that scrolling rarely waits, small enough to parse fast. */
export const PAGE_SIZE = 500;

export type PaperPages = {
  /** Null until the first page of the current query has arrived. */
  total: number | null;
  error: string | null;
  loading: boolean;
  /** Which optional columns the whole library fills (undefined until known, or from old hosts). */
  filled: ColumnFill | undefined;
  /** Bumps whenever loaded rows change, for memos that scan them. */
  revision: number;
  getRow(index: number): Paper | undefined;
  indexOf(id: string): number;
  ensureRange(first: number, last: number): void;
  /** Replaces a loaded paper after an edit, without refetching. */
  patch(paper: Paper): void;
  retry(): void;
};

function sameFill(a: ColumnFill, b: ColumnFill): boolean {
  return a.authors === b.authors && a.year === b.year && a.venue === b.venue && a.tags === b.tags;
}

/** The library:list input for one page of a query: empty filters are left out. */
function listInput(q: LibraryQuery, page: number) {
  return {
    text: q.text,
    ...(q.tag ? { tag: q.tag } : {}),
    ...(q.suggestedTag ? { suggestedTag: q.suggestedTag } : {}),
    ...(q.cluster ? { cluster: q.cluster } : {}),
    ...(q.ids ? { ids: q.ids } : {}),
    ...(q.annotationKind ? { annotationKind: q.annotationKind } : {}),
    sort: q.sort,
    dir: q.dir,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** Finds loaded rows by position and by id, across the loaded pages. */
function useRowLookup(pages: RefObject<Map<number, Paper[]>>) {
  const getRow = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [pages],
  );
  const indexOf = useCallback(
    (id: string) => {
      for (const [page, items] of pages.current) {
        const i = items.findIndex((p) => p.id === id);
        if (i >= 0) return page * PAGE_SIZE + i;
      }
      return -1;
    },
    [pages],
  );
  return { getRow, indexOf };
}

export function usePaperPages(api: Api, query: LibraryQuery, version: number): PaperPages {
  const gen = useRef(0);
  const pages = useRef(new Map<number, Paper[]>());
  // False while the rows on screen still belong to the previous query: they stay visible (no
  // flicker) until the new query's first answer replaces them.
  const fresh = useRef(false);
  const inFlight = useRef(new Set<number>());
  const lastRange = useRef<[number, number]>([0, 0]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [revision, setRevision] = useState(0);
  const [retryCount, setRetryCount] = useState(0);
  const [filled, setFilled] = useState<ColumnFill | undefined>(undefined);

  const queryRef = useLatest(query);

  const load = useCallback(
    (page: number) => {
      if (inFlight.current.has(page) || (fresh.current && pages.current.has(page))) return;
      const myGen = gen.current;
      inFlight.current.add(page);
      setPending((n) => n + 1);
      api
        .call('library:list', listInput(queryRef.current, page))
        .then(
          (res) => {
            if (myGen !== gen.current) return;
            if (!fresh.current) {
              pages.current = new Map();
              fresh.current = true;
            }
            pages.current.set(page, res.items);
            setTotal(res.total);
            if (res.filled) {
              const f = res.filled;
              setFilled((old) => (old && sameFill(old, f) ? old : f));
            }
            setError(null);
            setRevision((r) => r + 1);
          },
          (err: unknown) => {
            if (myGen !== gen.current) return;
            setError(errorMessage(err));
          },
        )
        .finally(() => {
          if (myGen === gen.current) inFlight.current.delete(page);
          setPending((n) => n - 1);
        });
    },
    [queryRef, api],
  );

  const ensureRange = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
    [load],
  );

  useEffect(() => {
    gen.current++;
    fresh.current = false;
    inFlight.current = new Set();
    load(0);
    // Also refetch what is on screen, so an edit or delete far down the list shows at once.
    const [first, last] = lastRange.current;
    ensureRange(first, last);
  }, [
    query.text,
    query.tag,
    query.suggestedTag,
    query.cluster,
    query.ids,
    query.annotationKind,
    query.sort,
    query.dir,
    version,
    retryCount,
    load,
    ensureRange,
  ]);

  const { getRow, indexOf } = useRowLookup(pages);

  const patch = useCallback((paper: Paper) => {
    // The first tag in a library edited in place (no refetch) must bring its column back.
    if (paper.tags.length > 0)
      setFilled((old) => (old && !old.tags ? { ...old, tags: true } : old));
    for (const items of pages.current.values()) {
      const i = items.findIndex((p) => p.id === paper.id);
      if (i >= 0) {
        items[i] = paper;
        setRevision((r) => r + 1);
        return;
      }
    }
  }, []);

  const retry = useCallback(() => setRetryCount((n) => n + 1), []);

  return {
    total,
    error,
    filled,
    loading: pending > 0,
    revision,
    getRow,
    indexOf,
    ensureRange,
    patch,
    retry,
  };
}
