// The one place components get the API from, so tests can hand them a fake transport.
import { createContext, useContext } from 'react';
import type { Api } from '@shared/api/client';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi: no ApiContext provider above this component.');
  return api;
}
