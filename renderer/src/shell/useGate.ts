// The shell's first question: can the library be reached, and does it accept our token?
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '@shared/api/client';
import { QuireError, errorMessage } from '@shared/api/errors';

export type Gate = 'checking' | 'ok' | 'unauthorized' | { unavailable: string };

export function useGate(api: Api): { gate: Gate; checkServer(): void } {
  const [gate, setGate] = useState<Gate>('checking');
  const checkServer = useCallback(() => {
    api.call('app:info', {}).then(
      () => setGate('ok'),
      (err: unknown) => {
        if (err instanceof QuireError && err.code === 'unauthorized') {
          try {
            sessionStorage.removeItem('quire.token');
          } catch {
            // Nothing to forget.
          }
          setGate('unauthorized');
        } else setGate({ unavailable: errorMessage(err) });
      },
    );
  }, [api]);
  useEffect(checkServer, [checkServer]);
  return { gate, checkServer };
}
