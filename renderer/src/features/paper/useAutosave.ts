// Debounced autosave: saves after a pause in typing and at once on flush (blur, unmount).
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Keeps the latest value and saves it `delayMs` after the last change. Saves run one at a time,
 * so an older value can never overwrite a newer one on the server.
 */
export function useAutosave(
  save: (value: string) => Promise<void>,
  delayMs: number,
): {
  status: SaveStatus;
  error: string | null;
  change(value: string): void;
  flush(): void;
} {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = latest.current;
    if (value === null) return;
    latest.current = null;
    if (mounted.current) setStatus('saving');
    chain.current = chain.current.then(async () => {
      try {
        await saveRef.current(value);
        if (mounted.current && latest.current === null && timer.current === null) {
          setStatus('saved');
          setError(null);
        }
      } catch (err) {
        if (mounted.current) {
          setStatus('error');
          setError(err instanceof Error ? err.message : String(err));
        }
      }
    });
  }, []);

  const change = useCallback(
    (value: string) => {
      latest.current = value;
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  // Leaving the paper (or the view) must not drop what was typed in the last half second.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      flush();
    };
  }, [flush]);

  return { status, error, change, flush };
}
