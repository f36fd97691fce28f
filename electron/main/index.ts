// Electron main entry (bundled to out/main/main.js): app lifecycle, services, IPC, menu and the window.
import { errorMessage } from '@shared/api/errors';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { Services } from '../services/index';
import type { Dispatch } from '@shared/api/dispatcher';
import { IPC_COMMAND } from '@shared/api/ipc';
import { allocatorRestartEnv } from '../../scripts/allocator-env.mjs';
import type { MenuCommand } from '@shared/menu-commands';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { createAppUrlPolicy } from './app-url';
import { registerIpc } from './ipc';
import { resolveLibraryDir } from './library-dir';
import { installMenu } from './menu';
import { hardenWebContents } from './navigation-guard';
import { allowPermissionCheck, allowPermissionRequest } from './permissions';
import { utilityLauncher } from './utility-launcher';
import { createMainWindow, openExternalLink } from './window';

// LanceDB reads these when its native module loads (the services are imported in start(), after
// this): a bounded thread pool (its full-text index build deadlocks on 2 cores with the default) and
// no retry warnings on stderr.
process.env.LANCE_CPU_THREADS ??= '4';
process.env.LANCEDB_LOG ??= 'error';

// The bundle sits in out/main; the preload and renderer builds are its siblings (also inside app.asar).
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const preloadPath = path.join(outDir, 'preload', 'preload.cjs');
const rendererDir = path.join(outDir, 'renderer');
// Set by electron-vite dev only; a packaged app never loads from a server.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
// DevTools (menu item, shortcut and the tools themselves) exist only when running from source.
const devTools = !app.isPackaged;

const policy = createAppUrlPolicy({ devServerUrl });

// The renderer is served from app://quire, not file://: a file page could read any other file URL.
// Privileges must be registered before `ready`.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

app.setName('Quire');
// userData defaults to package.json's lowercase "name" when run from source but to "Quire" when
// packaged; pin it so both use one folder. Must precede the lock, which is keyed by this folder.
app.setPath('userData', path.join(app.getPath('appData'), 'Quire'));

// glibc reads its allocator settings at start-up (scripts/allocator-env.mjs): a packaged app on Linux
// started without them starts again with them, before anything is opened. `npm start` sets them.
const restartEnv = app.isPackaged ? allocatorSettings() : null;
if (restartEnv) {
  for (const [key, value] of Object.entries(restartEnv)) process.env[key] ??= value;
  app.relaunch();
  app.exit(0);
} else if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the running window: two processes must not write one library at once.
  app.quit();
} else {
  start();
}

/** The environment to relaunch with; a QUIRE_MALLOC the app does not know is reported, not fatal. */
function allocatorSettings(): NodeJS.ProcessEnv | null {
  try {
    return allocatorRestartEnv();
  } catch (err) {
    console.error(`Quire: ${errorMessage(err)}; glibc's own allocator settings are kept.`);
    return null;
  }
}

function start(): void {
  const libraryDir = resolveLibraryDir(process.env, process.argv, app.getPath('userData'));
  let mainWindow: BrowserWindow | null = null;

  // Services start in parallel with the window, so the first paint does not wait for the library to open.
  // Loaded only now: LanceDB reads LANCEDB_LOG and LANCE_CPU_THREADS when it loads (set above).
  const servicesReady = app.whenReady().then(async () =>
    (await import('../services/index')).createServices({
      libraryDir,
      mode: 'electron',
      warmSearch: true,
      appVersion: app.getVersion(),
      launchSandbox: utilityLauncher,
      // Packaged: electron-builder's extraResources; in development the sources' resources/models.
      bundledModelsDir: app.isPackaged ? path.join(process.resourcesPath, 'models') : undefined,
    }),
  );
  servicesReady.catch((err: unknown) => {
    const message = errorMessage(err);
    console.error('Quire: the library could not be opened:', err);
    dialog.showErrorBox('Quire could not open its library', `${libraryDir}\n\n${message}`);
  });

  // Calls made before the services are up wait for them, instead of failing with "no handler registered".
  const dispatch: Dispatch = async (method, input, ctx) => {
    let services: Services;
    try {
      services = await servicesReady;
    } catch (err) {
      const message = errorMessage(err);
      return {
        ok: false,
        error: { code: 'unavailable', message: `The library is not open: ${message}` },
      };
    }
    return services.dispatch(method, input, ctx);
  };
  const ipc = registerIpc(ipcMain, dispatch, { isAppUrl: policy.isAppUrl });

  const openWindow = () => {
    mainWindow = createMainWindow({ preloadPath, devServerUrl, devTools });
    mainWindow.on('closed', () => (mainWindow = null));
  };

  const sendCommand = (command: MenuCommand) => {
    const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
    if (target && !target.isDestroyed()) target.webContents.send(IPC_COMMAND, command);
  };

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, policy, (url) => {
      void openExternalLink(url, BrowserWindow.fromWebContents(contents));
    }),
  );

  app.on('second-instance', () => {
    if (!app.isReady()) return; // the first window is about to open anyway
    if (!mainWindow) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir }));
    // Every permission is refused but a sanitised clipboard write from our own pages (permissions.ts).
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(allowPermissionRequest(permission, details.requestingUrl, policy.isAppUrl)),
    );
    ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
      allowPermissionCheck(permission, requestingOrigin, policy.isAppUrl),
    );
    // No WebHID/WebUSB/WebSerial device is ever offered to a page.
    ses.setDevicePermissionHandler(() => false);
    installMenu(
      {
        send: sendCommand,
        showLibraryFolder: () => void shell.openPath(libraryDir),
      },
      { devTools },
    );
    openWindow();
    // macOS keeps the app running without windows; clicking the dock icon brings one back.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the services (flush the library, stop workers) before the process exits; quitting waits for it.
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    ipc.abortAll();
    servicesReady
      .then(
        (services) => services.close(),
        () => undefined, // never opened: nothing to close
      )
      .catch((err: unknown) => console.error('Quire: closing the services failed:', err))
      .finally(() => app.quit());
  });
}
