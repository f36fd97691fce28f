// The one way views ask each other for things (focus the filter, open a map selection, focus Search):
// typed requests on a bus the shell provides, each delivered once to the view it names.
import type { Paper } from '@shared/api/schemas';

/** "Open in library" from the map: a cluster, or a set of papers shown as a removable chip. */
export type LibraryPreset = { cluster: string } | { ids: string[]; label: string };

/** What each view can be asked, by target. */
export type Requests = {
  library:
    | { kind: 'focusFilter' }
    | { kind: 'focusTable' }
    | { kind: 'preset'; preset: LibraryPreset }
    /** Shows an edited paper in its row without refetching. */
    | { kind: 'patch'; paper: Paper }
    /** A paper was deleted: if it was selected, select its neighbour in the table. */
    | { kind: 'deleted'; id: string };
  search: { kind: 'focus' };
  paper: { kind: 'focusNotes' };
};
export type Target = keyof Requests;

type Listener<T extends Target> = (request: Requests[T]) => void;

/**
 * Delivers each request to the one listener of its target; a request for a view that is not
 * mounted yet (Search before its first visit) waits for it, so "switch, then ask" needs no counters.
 */
export class RequestBus {
  private readonly listeners = new Map<Target, Listener<Target>>();
  private readonly waiting = new Map<Target, Requests[Target][]>();

  send<T extends Target>(to: T, request: Requests[T]): void {
    const listener = this.listeners.get(to) as Listener<T> | undefined;
    if (listener) listener(request);
    else this.waiting.set(to, [...(this.waiting.get(to) ?? []), request]);
  }

  /** Listens for a target's requests (one listener per target); returns the unsubscribe. */
  listen<T extends Target>(to: T, listener: Listener<T>): () => void {
    this.listeners.set(to, listener as Listener<Target>);
    const queued = (this.waiting.get(to) ?? []) as Requests[T][];
    this.waiting.delete(to);
    for (const request of queued) listener(request);
    return () => {
      if (this.listeners.get(to) === listener) this.listeners.delete(to);
    };
  }
}
