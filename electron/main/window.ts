// The main window: a locked-down BrowserWindow over the built renderer (or the dev server in development).
import { BrowserWindow, nativeTheme, shell, type WebContents } from 'electron';
import type { AppUrlPolicy } from './app-url';
import { isExternalWebUrl } from './app-url';

export type WindowOptions = {
  preloadPath: string;
  /** out/renderer/index.html; loaded unless `devServerUrl` is set. */
  rendererFile: string;
  /** electron-vite's ELECTRON_RENDERER_URL (development only). */
  devServerUrl?: string;
};

// The renderer's --bg (renderer/src/styles) per theme: no white flash before first paint.
const BACKGROUND = { light: '#ffffff', dark: '#17181c' } as const;

export function themeBackground(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

export function createMainWindow({
  preloadPath,
  rendererFile,
  devServerUrl,
}: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Quire',
    show: false,
    backgroundColor: themeBackground(),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });

  const onThemeChange = () => {
    if (!win.isDestroyed()) win.setBackgroundColor(themeBackground());
  };
  nativeTheme.on('updated', onThemeChange);
  win.on('closed', () => nativeTheme.off('updated', onThemeChange));

  win.once('ready-to-show', () => win.show());
  // ready-to-show never fires when the page fails to load; show the window anyway so the error is visible.
  win.webContents.once('did-fail-load', () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });

  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
  return win;
}

/**
 * Applied to every WebContents (via app's `web-contents-created`): no popups, no webviews,
 * no navigation away from Quire's pages; web links open in the user's browser instead.
 */
export function hardenWebContents(contents: WebContents, policy: AppUrlPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfWebLink(url);
    return { action: 'deny' };
  });
  // will-frame-navigate covers the main frame and iframes alike (will-navigate sees only the main frame).
  contents.on('will-frame-navigate', (event) => {
    if (policy.isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openIfWebLink(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (policy.isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openIfWebLink(event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function openIfWebLink(url: string): void {
  if (isExternalWebUrl(url)) {
    shell
      .openExternal(url)
      .catch((err: unknown) => console.error(`Quire: could not open ${url}:`, err));
  }
}
