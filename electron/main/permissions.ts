// Which web permissions Quire's pages get: the answers for session.setPermissionRequestHandler and
// setPermissionCheckHandler. Pure, so the policy is tested without Electron.

/**
 * The only permission granted, and only to Quire's own pages: writing plain text to the clipboard
 * (navigator.clipboard.writeText for copy buttons; sanitised and write-only). The renderer uses no
 * camera, microphone, location, notifications, MIDI, HID/USB/serial, fullscreen API, idle detection,
 * storage access or clipboard reads; Edit › Copy/Paste are native menu roles and need no permission.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** For setPermissionRequestHandler: `requestingUrl` is the frame's URL (details.requestingUrl). */
export function allowPermissionRequest(
  permission: string,
  requestingUrl: string | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  return (
    GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl)
  );
}

/** For setPermissionCheckHandler: `requestingOrigin` is an origin such as app://quire. */
export function allowPermissionCheck(
  permission: string,
  requestingOrigin: string,
  isAppUrl: (url: string) => boolean,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin);
}
