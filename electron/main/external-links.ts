// Which links may leave Quire for the user's browser or mail client, and how the user is asked:
// pure functions, so the decision is tested without Electron (window.ts does the opening).

/** Hosts whose https links open without asking: where the paper pane's DOI and arXiv links point. */
export const TRUSTED_LINK_HOSTS: readonly string[] = ['doi.org', 'arxiv.org'];

// Operating systems hand long URLs to handlers that choke on them; no paper link comes near this.
const MAX_URL_LENGTH = 4096;

export type ExternalLinkDecision =
  /** A trusted https link: opened at once. `url` is the parsed, normalised form to hand to the OS. */
  | { action: 'open'; url: string }
  /** Any other web or mail link: opened only after the user confirms, with `target` shown to them. */
  | { action: 'confirm'; url: string; target: string; scheme: 'http' | 'https' | 'mailto' }
  /** Never opened: `reason` says why (for the log). */
  | { action: 'refuse'; reason: string };

function isTrustedHost(hostname: string, trusted: readonly string[]): boolean {
  return trusted.some((h) => hostname === h || hostname.endsWith(`.${h}`));
}

/**
 * Decides what happens to a link the renderer tried to open (window.open, target=_blank, a
 * navigation away from app://). Only http, https and mailto ever leave the app: file:, javascript:,
 * smb:, custom handlers (ms-msdt:, vscode:…) can run code or leak credentials through the OS.
 */
export function decideExternalLink(
  raw: string,
  trusted: readonly string[] = TRUSTED_LINK_HOSTS,
): ExternalLinkDecision {
  if (raw.length > MAX_URL_LENGTH) {
    return { action: 'refuse', reason: `link longer than ${MAX_URL_LENGTH} characters` };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { action: 'refuse', reason: 'not a valid URL' };
  }
  if (url.protocol === 'mailto:') {
    const target = decodeURIComponentSafe(url.pathname);
    if (!target) return { action: 'refuse', reason: 'mailto link without an address' };
    return { action: 'confirm', url: url.href, target, scheme: 'mailto' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { action: 'refuse', reason: `the ${url.protocol} scheme is not opened outside Quire` };
  }
  // https://doi.org@evil.example reads as doi.org but goes to evil.example.
  if (url.username !== '' || url.password !== '') {
    return { action: 'refuse', reason: 'link carries a user name or password' };
  }
  if (url.protocol === 'https:' && url.port === '' && isTrustedHost(url.hostname, trusted)) {
    return { action: 'open', url: url.href };
  }
  return {
    action: 'confirm',
    url: url.href,
    target: url.host,
    scheme: url.protocol === 'https:' ? 'https' : 'http',
  };
}

/** What dialog.showMessageBox is given: the button at index 0 opens, anything else cancels. */
export type ConfirmDialog = {
  type: 'question';
  buttons: [string, string];
  defaultId: number;
  cancelId: number;
  noLink: true;
  title: string;
  message: string;
  detail: string;
};

/** The confirmation for a `confirm` decision: names the destination and shows the full URL. */
export function confirmDialog(
  decision: Extract<ExternalLinkDecision, { action: 'confirm' }>,
): ConfirmDialog {
  const mail = decision.scheme === 'mailto';
  const warning =
    decision.scheme === 'http'
      ? '\n\nThis link is not encrypted (http), so others may read it.'
      : '';
  return {
    type: 'question',
    buttons: [mail ? 'Open Mail' : 'Open in Browser', 'Cancel'],
    // Enter cancels: opening must be a deliberate choice.
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Open link',
    message: mail
      ? `Write an email to ${decision.target}?`
      : `Open ${decision.target} in your browser?`,
    detail: `${decision.url}${warning}`,
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
