// Navigation rules applied to every WebContents (app's `web-contents-created`): no popups, no
// webviews, no navigation or redirect away from Quire's pages; links go to the external-link gate.
// Takes WebContents structurally (no `electron` import) so tests drive it with an in-memory emitter.
import type { AppUrlPolicy } from './app-url';

/** The part of Electron's navigation events the guard uses (will-frame-navigate, will-redirect). */
export type NavigationEventLike = {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
};

/** The part of a WebContents the guard uses. */
export type GuardedContents = {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEventLike) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
};

/**
 * Installs the guard. `openLink` receives every URL the page tried to leave for (window.open,
 * target=_blank, middle-click, a link click); it decides whether the OS may open it.
 */
export function hardenWebContents(
  contents: GuardedContents,
  policy: AppUrlPolicy,
  openLink: (url: string) => void,
): void {
  // window.open, target=_blank and middle-clicks never create a window; web links go to the gate.
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
  const guard = (event: NavigationEventLike) => {
    if (policy.isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openLink(event.url);
  };
  // will-frame-navigate covers every frame, the main one included, and is where links are handed
  // on; will-navigate (main frame only, emitted for the same navigation) is a backstop that only
  // refuses, so one click never asks twice. A redirect from an allowed URL is caught by will-redirect.
  contents.on('will-frame-navigate', guard);
  contents.on('will-navigate', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
