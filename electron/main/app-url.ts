// Which URLs are Quire's own pages: the IPC handler, the permission handlers and the navigation
// guards trust only these. The renderer is served from app:// (app-protocol.ts), never from file://.
import { APP_HOST, APP_SCHEME } from './app-protocol';

export type AppUrlPolicy = {
  /** True for app://quire pages and, in development, the dev server's origin. */
  isAppUrl(url: string): boolean;
};

export type AppUrlOptions = {
  /** electron-vite's ELECTRON_RENDERER_URL in development; absent in production. */
  devServerUrl?: string;
};

export function createAppUrlPolicy({ devServerUrl }: AppUrlOptions = {}): AppUrlPolicy {
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  return {
    isAppUrl(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol === `${APP_SCHEME}:`) {
        // No credentials or port: app://x@quire or app://quire:1 are not what the window loads.
        return parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
      }
      // file: (any path), blob:, data: and every web origin are foreign; so is the dev server once packaged.
      return devOrigin !== null && devOrigin !== 'null' && parsed.origin === devOrigin;
    },
  };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
