// Shared set-up of the tagging views' tests: Testing Library with room for a loaded machine, and a
// render inside the API context.
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Api } from '@shared/api/client';
import { ApiContext } from '../../apiContext';

export { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

// Two shared cores under load: give async UI updates room (the default is 1 s).
configure({ asyncUtilTimeout: 10_000 });

/** Renders `ui` with `api` as the API every component below gets from useApi(). */
export function renderWithApi(api: Api, ui: ReactElement) {
  return render(<ApiContext.Provider value={api}>{ui}</ApiContext.Provider>);
}
