// The renderer's Content Security Policy: one definition for the app:// response header and the
// index.html meta tag (which browser mode and the electron-vite dev server also serve).

/**
 * Directive → sources, and why each source is there. What the renderer needs was read from its code:
 * bundled ES modules only (no inline script, no eval: mathjs, KaTeX, uPlot and sigma need neither),
 * style attributes (React `style`, KaTeX's layout, uPlot's cursor and legend), notebook SVG outputs as
 * data: images, KaTeX's fonts, and no workers, frames, media or plugins.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Everything not listed below is refused.
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  // KaTeX and uPlot position glyphs and cursors with style attributes; there is no nonce for those.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  // Notebook SVG outputs are shown as data: images (renderer/src/features/notebooks/Outputs.tsx).
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'", 'data:']],
  // Browser mode calls /api on its own origin; Electron talks over IPC and fetches nothing.
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  // Meaningful only as a header: browsers ignore it (and warn) in a meta tag.
  ['frame-ancestors', ["'none'"]],
];

/** Directives a `<meta http-equiv>` policy cannot carry (CSP3 §6.1: they are ignored there). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function serialize(directives: typeof CSP_DIRECTIVES): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The `Content-Security-Policy` header sent with every app:// response. */
export function cspHeader(): string {
  return serialize(CSP_DIRECTIVES);
}

/** The same policy for renderer/index.html's meta tag: the header minus header-only directives. */
export function cspMetaContent(): string {
  return serialize(CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
}

/** Parses a policy string into directive → sources, for comparing two policies regardless of spacing. */
export function parseCsp(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name.toLowerCase(), sources);
  }
  return parsed;
}
