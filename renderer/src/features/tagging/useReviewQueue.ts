// The review queue's state: the pending suggestions for the current filters, a cursor, and
// decisions applied at once on screen and sent in order, each undoable with `u`.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../../../shared/api/client';
import type { Suggestion, TaggerName } from '../../../../shared/api/tagging-contract';
import { errorMessage } from '../../../../shared/api/errors';

export type QueueFilters = {
  tag: string;
  tagger: TaggerName | '';
  sort: 'score' | 'paper' | 'created';
};

/** Suggestions fetched per page; more are fetched as the reviewer nears the end. */
export const QUEUE_PAGE = 200;

type Done = {
  item: Suggestion;
  index: number;
  undoToken: string;
  decision: 'accepted' | 'rejected';
};

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
  api: Api,
  filters: QueueFilters,
  version: number,
  onDecided: () => void,
): ReviewQueue {
  const [items, setItems] = useState<Suggestion[] | null>(null);
  const [total, setTotal] = useState(0);
  // Loading and deciding fail separately: a later page load must not hide a refused decision.
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursorState] = useState(0);
  const [done, setDone] = useState<Done[]>([]);
  const [status, setStatus] = useState('');
  const [loadedFor, setLoadedFor] = useState<QueueFilters | null>(null);
  const [nonce, setNonce] = useState(0);
  // Decisions and undos go to the service one after another, in the order they were made.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  const gen = useRef(0);
  // Ids decided in this session and not undone: a page fetched while they were on their way
  // may still list them as pending.
  const decided = useRef(new Set<string>());
  const itemsRef = useRef<Suggestion[] | null>(null);
  const cursorRef = useRef(0);
  const doneRef = useRef<Done[]>([]);
  useEffect(() => {
    itemsRef.current = items;
    cursorRef.current = cursor;
  });
  const onDecidedRef = useRef(onDecided);
  useEffect(() => {
    onDecidedRef.current = onDecided;
  });

  const { tag, tagger, sort } = filters;
  useEffect(() => {
    const mine = ++gen.current;
    // Wait for decisions still on their way, so the page does not show them again as pending.
    void chain.current.then(() =>
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
  }, [api, tag, tagger, sort, version, nonce]);

  const reload = useCallback(() => {
    setError(null);
    setNonce((n) => n + 1);
  }, []);

  const setCursor = useCallback((i: number) => {
    const n = itemsRef.current?.length ?? 0;
    setCursorState(Math.max(0, Math.min(i, n - 1)));
  }, []);
  const move = useCallback((d: number) => setCursor(cursorRef.current + d), [setCursor]);

  const enqueue = useCallback((work: () => Promise<void>) => {
    inFlight.current++;
    chain.current = chain.current.then(work).finally(() => {
      inFlight.current--;
      if (inFlight.current === 0) onDecidedRef.current();
    });
  }, []);

  /** Puts a suggestion back where it was and moves the cursor onto it. */
  const restore = useCallback((item: Suggestion, index: number) => {
    decided.current.delete(item.id);
    const list = insertAt(itemsRef.current, item, index);
    itemsRef.current = list;
    setItems(list);
    setTotal((t) => t + 1);
    setCursorState(list.indexOf(item));
  }, []);

  const decide = useCallback(
    (decision: 'accepted' | 'rejected') => {
      const list = itemsRef.current;
      const index = cursorRef.current;
      const item = list?.[index];
      if (!list || !item) return;
      // Shown at once, so the reviewer can keep pressing keys; put back if the service refuses.
      decided.current.add(item.id);
      const next = list.filter((s) => s.id !== item.id);
      itemsRef.current = next;
      setItems(next);
      setTotal((t) => Math.max(0, t - 1));
      setCursorState(Math.min(index, Math.max(0, next.length - 1)));
      setStatus(
        `${decision === 'accepted' ? 'Accepted' : 'Rejected'} ${item.tag} for ${item.title}`,
      );
      enqueue(async () => {
        try {
          const res = await api.call('tagging:decide', { ids: [item.id], decision });
          doneRef.current = [
            ...doneRef.current,
            { item, index, undoToken: res.undoToken, decision },
          ];
          setDone(doneRef.current);
          setError(null);
        } catch (err) {
          restore(item, index);
          setError(
            `Could not ${decision === 'accepted' ? 'accept' : 'reject'} “${item.tag}”: ${errorMessage(err)}`,
          );
        }
      });
      // Near the end of what is loaded: fetch the next pending ones (decided ones have left the list).
      if (next.length - index < 5) setNonce((n) => n + 1);
    },
    [api, enqueue, restore],
  );

  const undo = useCallback(() => {
    enqueue(async () => {
      const last = doneRef.current.at(-1);
      if (!last) return;
      doneRef.current = doneRef.current.slice(0, -1);
      setDone(doneRef.current);
      try {
        await api.call('tagging:undo', { undoToken: last.undoToken });
        restore(last.item, last.index);
        setStatus(
          `Undid: ${last.decision === 'accepted' ? 'accept' : 'reject'} ${last.item.tag} for ${last.item.title}`,
        );
        setError(null);
      } catch (err) {
        setError(`Could not undo: ${errorMessage(err)}`);
      }
    });
  }, [api, enqueue, restore]);

  const current = items?.[cursor] ?? null;
  return {
    items,
    total,
    error: error ?? loadError,
    cursor,
    current,
    setCursor,
    move,
    decide,
    undo,
    canUndo: done.length > 0,
    status,
    loadedFor,
    reload,
  };
}

function insertAt(list: Suggestion[] | null, item: Suggestion, index: number): Suggestion[] {
  const rest = (list ?? []).filter((s) => s.id !== item.id);
  return [...rest.slice(0, index), item, ...rest.slice(index)];
}
