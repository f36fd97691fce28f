// The main window: a locked-down BrowserWindow over the app:// renderer (or the dev server in
// development), and the one place where links leave Quire for the OS.
import { BrowserWindow, dialog, nativeTheme, shell } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';
import { confirmDialog, decideExternalLink } from './external-links';

export type WindowOptions = {
  preloadPath: string;
  /** electron-vite's ELECTRON_RENDERER_URL (development only); otherwise app://quire/index.html. */
  devServerUrl?: string;
  /** DevTools exist only in development (`!app.isPackaged`). */
  devTools: boolean;
};

// The renderer's --bg (renderer/src/styles) per theme: no white flash before first paint.
const BACKGROUND = { light: '#ffffff', dark: '#17181c' } as const;

export function themeBackground(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

export function createMainWindow({
  preloadPath,
  devServerUrl,
  devTools,
}: WindowOptions): BrowserWindow {
  // Written out here, not built elsewhere, so Electronegativity reads the real preferences.
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Quire',
    show: false,
    backgroundColor: themeBackground(),
    webPreferences: {
      // The sandboxed preload exposes window.quire (4 functions) and nothing else; main checks every call.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // No auxclick events: a middle-click can do nothing but reach setWindowOpenHandler's gate.
      disableBlinkFeatures: 'Auxclick',
      devTools,
      // Offline: on Windows and Linux Chromium's spellchecker downloads dictionaries from Google's
      // servers; macOS uses the system's own, which never leaves the machine.
      spellcheck: process.platform === 'darwin',
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

  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return win;
}

let asking = false;

/**
 * Opens a link the renderer tried to leave for, if external-links.ts allows it: trusted hosts at
 * once, other web and mail links after the user confirms in a dialog naming the destination.
 */
export async function openExternalLink(url: string, parent: BrowserWindow | null): Promise<void> {
  const decision = decideExternalLink(url);
  if (decision.action === 'refuse') {
    console.warn(`Quire: not opening ${url.slice(0, 200)}: ${decision.reason}`);
    return;
  }
  if (decision.action === 'confirm') {
    // One question at a time: a page calling window.open in a loop must not bury the user in dialogs.
    if (asking) return;
    asking = true;
    try {
      const options = confirmDialog(decision);
      const { response } =
        parent && !parent.isDestroyed()
          ? await dialog.showMessageBox(parent, options)
          : await dialog.showMessageBox(options);
      if (response !== 0) return;
    } finally {
      asking = false;
    }
  }
  try {
    // Only a URL decideExternalLink returned reaches the OS (http/https/mailto, allowlist or consent).
    await shell.openExternal(decision.url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  } catch (err) {
    console.error(`Quire: could not open ${decision.url}:`, err);
  }
}
