// The review queue's state: the pending suggestions for the current filters, a cursor, and
// decisions applied at once on screen and sent in order, each undoable with `u`.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Suggestion, TaggerName } from '@shared/api/tagging-contract';
import { errorMessage } from '@shared/api/errors';
import { useApi } from '../../apiContext';
import { useQueueDecisions } from './useQueueDecisions';

export type QueueFilters = {
  tag: string;
  tagger: TaggerName | '';
  sort: 'score' | 'paper' | 'created';
};

/** Suggestions fetched per page; more are fetched as the reviewer nears the end. */
export const QUEUE_PAGE = 200;

export type ReviewQueue = {
  items: Suggestion[] | null;
  total: number;
  error: string | null;
  cursor: number;
  current: Suggestion | null;
  setCursor(i: number): void;
  move(delta: number): void;
  decide(decision: 'accepted' | 'rejected'): void;
  undo(): void;
  canUndo: boolean;
  /** The filters the items on screen answer (they stay until the next page arrives). */
  loadedFor: QueueFilters | null;
  /** Last thing done, for the live region ("Accepted robotics for …"). */
  status: string;
  reload(): void;
};

export function useReviewQueue(
  filters: QueueFilters,
  version: number,
  onDecided: () => void,
): ReviewQueue {
  const [items, setItems] = useState<Suggestion[] | null>(null);
  const [total, setTotal] = useState(0);
  // Loading and deciding fail separately: a later page load must not hide a refused decision.
  const [loadError, setLoadError] = useState<string | null>(null);
  const [cursor, setCursorState] = useState(0);
  const [loadedFor, setLoadedFor] = useState<QueueFilters | null>(null);
  const [nonce, setNonce] = useState(0);
  const gen = useRef(0);
  const decided = useRef(new Set<string>());
  const itemsRef = useRef<Suggestion[] | null>(null);
  const cursorRef = useRef(0);
  // In the same commit as the rows: with a passive effect, a key pressed right after they appeared
  // (a fast reviewer, a loaded machine) found no items and did nothing.
  useLayoutEffect(() => {
    itemsRef.current = items;
    cursorRef.current = cursor;
  });
  const api = useApi();
  const fetchMore = useCallback(() => setNonce((n) => n + 1), []);
  const decisions = useQueueDecisions(
    { itemsRef, cursorRef, decided, setItems, setTotal, setCursorState, fetchMore },
    onDecided,
  );
  const { setError, settled } = decisions;

  const { tag, tagger, sort } = filters;
  useEffect(() => {
    const mine = ++gen.current;
    // Wait for decisions still on their way, so the page does not show them again as pending.
    void settled().then(() =>
      api
        .call('tagging:list', {
          decision: 'pending',
          sort,
          offset: 0,
          limit: QUEUE_PAGE,
          ...(tag ? { tag } : {}),
          ...(tagger ? { tagger } : {}),
        })
        .then(
          (page) => {
            if (mine !== gen.current) return;
            const keepId = itemsRef.current?.[cursorRef.current]?.id;
            const fresh = page.items.filter((s) => !decided.current.has(s.id));
            const at = keepId ? fresh.findIndex((s) => s.id === keepId) : -1;
            setItems(fresh);
            setTotal(page.total - (page.items.length - fresh.length));
            setLoadError(null);
            setLoadedFor({ tag, tagger, sort });
            setCursorState(
              at >= 0 ? at : Math.min(cursorRef.current, Math.max(0, fresh.length - 1)),
            );
          },
          (err: unknown) => mine === gen.current && setLoadError(errorMessage(err)),
        ),
    );
  }, [api, settled, tag, tagger, sort, version, nonce]);

  const reload = useCallback(() => {
    setError(null);
    setNonce((n) => n + 1);
  }, [setError]);

  const setCursor = useCallback((i: number) => {
    const n = itemsRef.current?.length ?? 0;
    setCursorState(Math.max(0, Math.min(i, n - 1)));
  }, []);
  const move = useCallback((d: number) => setCursor(cursorRef.current + d), [setCursor]);

  const current = items?.[cursor] ?? null;
  return {
    items,
    total,
    error: decisions.error ?? loadError,
    cursor,
    current,
    setCursor,
    move,
    decide: decisions.decide,
    undo: decisions.undo,
    canUndo: decisions.canUndo,
    status: decisions.status,
    loadedFor,
    reload,
  };
}
