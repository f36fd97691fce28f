// Accept, reject and undo in the review queue: applied on screen at once, sent to the service one
// after another in the order they were made, put back if the service refuses.
import {
  useCallback,
  useRef,
  useState,
  type Dispatch,
  type RefObject,
  type SetStateAction,
} from 'react';
import { errorMessage } from '@shared/api/errors';
import type { Suggestion } from '@shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import { useLatest } from '../../lib/useLatest';

type Done = {
  item: Suggestion;
  index: number;
  undoToken: string;
  decision: 'accepted' | 'rejected';
};

/** The parts of the queue's list state that decisions change. */
export type QueueListState = {
  itemsRef: RefObject<Suggestion[] | null>;
  cursorRef: RefObject<number>;
  /** Ids decided and not undone: a page fetched meanwhile may still list them as pending. */
  decided: RefObject<Set<string>>;
  setItems: Dispatch<SetStateAction<Suggestion[] | null>>;
  setTotal: Dispatch<SetStateAction<number>>;
  setCursorState: Dispatch<SetStateAction<number>>;
  fetchMore(): void;
};

function insertAt(list: Suggestion[] | null, item: Suggestion, index: number): Suggestion[] {
  const rest = (list ?? []).filter((s) => s.id !== item.id);
  return [...rest.slice(0, index), item, ...rest.slice(index)];
}

export function useQueueDecisions(state: QueueListState, onDecided: () => void) {
  const api = useApi();
  const { itemsRef, cursorRef, decided, setItems, setTotal, setCursorState, fetchMore } = state;
  const [done, setDone] = useState<Done[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Decisions and undos go to the service one after another, in the order they were made.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  const doneRef = useRef<Done[]>([]);
  const onDecidedRef = useLatest(onDecided);

  const enqueue = useCallback(
    (work: () => Promise<void>) => {
      inFlight.current++;
      chain.current = chain.current.then(work).finally(() => {
        inFlight.current--;
        if (inFlight.current === 0) onDecidedRef.current();
      });
    },
    [onDecidedRef],
  );
  /** Resolves once every decision made so far has reached the service (a page load waits). */
  const settled = useCallback(() => chain.current, []);

  /** Puts a suggestion back where it was and moves the cursor onto it. */
  const restore = useCallback(
    (item: Suggestion, index: number) => {
      decided.current.delete(item.id);
      const list = insertAt(itemsRef.current, item, index);
      itemsRef.current = list;
      setItems(list);
      setTotal((t) => t + 1);
      setCursorState(list.indexOf(item));
    },
    [decided, itemsRef, setItems, setTotal, setCursorState],
  );

  const send = useCallback(
    (item: Suggestion, index: number, decision: 'accepted' | 'rejected') =>
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
      }),
    [api, enqueue, restore],
  );

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
      send(item, index, decision);
      // Near the end of what is loaded: fetch the next pending ones (decided ones have left the list).
      if (next.length - index < 5) fetchMore();
    },
    [itemsRef, cursorRef, decided, setItems, setTotal, setCursorState, send, fetchMore],
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

  return { decide, undo, settled, canUndo: done.length > 0, status, error, setError };
}
