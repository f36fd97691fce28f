// React end of the request bus: the shell provides one bus; a view handles its requests after it renders.
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { RequestBus, type Requests, type Target } from './requests';
import { useLatest } from '../lib/useLatest';

export const NavigationContext = createContext<RequestBus | null>(null);

/** The bus to send requests on; outside a provider (a view tested alone) a private one. */
export function useNavigation(): RequestBus {
  const bus = useContext(NavigationContext);
  const [own] = useState(() => new RequestBus());
  return bus ?? own;
}

/**
 * Handles the requests sent to `to`. They run after the view's next commit, so a request sent
 * together with a view switch finds the view shown (a hidden input cannot take focus).
 */
export function useRequests<T extends Target>(to: T, handle: (request: Requests[T]) => void): void {
  const bus = useNavigation();
  const inbox = useRef<Requests[T][]>([]);
  const [arrived, setArrived] = useState(0);
  const handleRef = useLatest(handle);
  useEffect(
    () =>
      bus.listen(to, (request) => {
        inbox.current.push(request);
        setArrived((n) => n + 1);
      }),
    [bus, to],
  );
  useEffect(() => {
    const requests = inbox.current;
    inbox.current = [];
    for (const request of requests) handleRef.current(request);
  }, [handleRef, arrived]);
}
