// The app:// scheme: serves the built renderer (out/renderer) to the window with Quire's CSP on every
// response. Plain Node (fetch's Request/Response and fs) so tests run the handler on real files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cspHeader } from './content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'quire';
/** The window's origin; only pages under it (and the dev server in development) are Quire's. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged (before `ready`). `standard` gives the scheme an origin,
 * relative URLs and storage; `secure` a secure context; `supportFetchAPI` lets the page fetch its own
 * files (same origin only); `codeCache` keeps V8's compiled code between runs. Deliberately absent:
 * `bypassCSP`, `allowServiceWorkers`, and `corsEnabled`, which would let other origins read app://
 * responses (Electron serves custom schemes without checking Access-Control-Allow-Origin).
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export type AppFileResolution =
  { ok: true; file: string } | { ok: false; status: 400 | 404; reason: string };

/**
 * Maps an app:// URL onto a file inside `rendererDir`, or says why not. Refuses other hosts, encoded
 * separators, dot segments and anything that resolves outside the folder, whatever Chromium's URL
 * parser left in the path.
 */
export function resolveAppFile(rendererDir: string, url: string): AppFileResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { ok: false, status: 404, reason: `not an ${APP_ORIGIN} URL` };
  }
  // An encoded / or \ would become a separator only after decoding, past the URL parser's checks.
  if (/%(2f|5c|00)/i.test(parsed.pathname)) {
    return { ok: false, status: 400, reason: 'encoded separator in path' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  const segments = decoded.split(/[/\\]/);
  if (segments.some((s) => s === '..' || s === '.')) {
    return { ok: false, status: 400, reason: 'dot segment in path' };
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return { ok: false, status: 400, reason: 'path outside the renderer folder' };
  }
  return { ok: true, file };
}

export type AppProtocolOptions = {
  /** out/renderer (inside app.asar when packaged; Electron's fs reads from it transparently). */
  rendererDir: string;
};

/** The protocol.handle handler: GET/HEAD of files below rendererDir, every response carrying the CSP. */
export function createAppProtocolHandler({
  rendererDir,
}: AppProtocolOptions): (request: Request) => Promise<Response> {
  const csp = cspHeader();
  const headers = (extra: Record<string, string>): Record<string, string> => ({
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  const plain = (status: number, text: string) =>
    new Response(text, {
      status,
      headers: headers({ 'Content-Type': 'text/plain; charset=utf-8' }),
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, `${request.method} is not allowed on ${APP_ORIGIN}.`);
    }
    const resolved = resolveAppFile(rendererDir, request.url);
    if (!resolved.ok) return plain(resolved.status, `Refused ${request.url}: ${resolved.reason}.`);
    let body: Buffer;
    try {
      body = await readFile(resolved.file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
        return plain(404, `Not found: ${request.url}`);
      }
      return plain(500, `Could not read ${request.url}: ${code ?? 'unknown error'}`);
    }
    const type = MIME[path.extname(resolved.file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: headers({ 'Content-Type': type, 'Cache-Control': 'no-cache' }),
    });
  };
}
