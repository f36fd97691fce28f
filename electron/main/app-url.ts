// Which URLs are Quire's own pages: the IPC handler and the navigation guards trust only these.
import { pathToFileURL } from 'node:url';

export type AppUrlPolicy = {
  /** True for the built renderer's files and, in development, the dev server's origin. */
  isAppUrl(url: string): boolean;
};

export type AppUrlOptions = {
  /** Folder holding the built renderer (out/renderer); file URLs outside it are foreign. */
  rendererDir: string;
  /** electron-vite's ELECTRON_RENDERER_URL in development; absent in production. */
  devServerUrl?: string;
};

export function createAppUrlPolicy({ rendererDir, devServerUrl }: AppUrlOptions): AppUrlPolicy {
  // Trailing slash so that /out/renderer-evil/ does not pass as /out/renderer/.
  const rendererPrefix = pathToFileURL(rendererDir).pathname.replace(/\/?$/, '/');
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  return {
    isAppUrl(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol === 'file:') {
        // A file URL's host must be empty, or Windows would treat it as a UNC share.
        return parsed.host === '' && parsed.pathname.startsWith(rendererPrefix);
      }
      return devOrigin !== null && parsed.origin === devOrigin;
    },
  };
}

/** http(s) links open in the user's browser; other schemes (file:, javascript:, custom) never leave the app. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
