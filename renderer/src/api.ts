// Picks the transport: the Electron preload bridge when present, else HTTP with the URL's token.
import { createClient, type Api } from '@shared/api/client';
import { httpTransport } from '@shared/api/http-client';
import { ipcTransport, type Bridge } from '@shared/api/ipc';

export type ApiSetup =
  | {
      kind: 'ready';
      api: Api;
      mode: 'electron' | 'browser';
      /** The desktop menu's commands (Electron only). */
      onCommand?: Bridge['onCommand'];
    }
  | { kind: 'no-token' };

const TOKEN_KEY = 'quire.token';

/** Reads `?token=` once, keeps it for this tab only, and takes it out of the address bar. */
function takeToken(win: Window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token still works for this page load.
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setupApi(win: Window = window): ApiSetup {
  const bridge = (win as Window & { quire?: Bridge }).quire;
  if (bridge) {
    const api = createClient(ipcTransport(bridge));
    return { kind: 'ready', api, mode: 'electron', onCommand: bridge.onCommand?.bind(bridge) };
  }
  const token = takeToken(win);
  if (!token) return { kind: 'no-token' };
  return {
    kind: 'ready',
    api: createClient(httpTransport({ baseUrl: '', token })),
    mode: 'browser',
  };
}
