// Keeps the views live when another process changes the library (a `quire import` while the app is
// open, another window): polls the papers table's revision and reports when it moves.
import { useEffect } from 'react';
import type { Api } from '@shared/api/client';
import { useLatest } from '../../lib/useLatest';

/** How often the revision is asked for: changes show within about a second. */
export const REVISION_POLL_MS = 700;

/**
 * Calls `onChange` whenever the library's revision differs from the one last seen. Polls only while
 * `enabled` and the page is visible.
 *
 * Every move counts, the app's own writes included: those cost one redundant refresh, whereas
 * treating the next read after a write as "ours" swallowed a CLI import that committed in the same
 * poll interval (the view stayed at the old count until something else refreshed it).
 */
export function useLibraryRevision(api: Api, enabled: boolean, onChange: () => void): void {
  const changed = useLatest(onChange);
  useEffect(() => {
    if (!enabled) return;
    let seen: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const poll = async () => {
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') {
        try {
          const { revision } = await api.call(
            'library:revision',
            {},
            { signal: controller.signal },
          );
          if (seen !== null && revision !== seen) changed.current();
          seen = revision;
        } catch {
          // A failed poll (server busy, restarting) is retried at the next tick.
        }
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), REVISION_POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, enabled, changed]);
}
