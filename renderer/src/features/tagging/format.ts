// Small pure helpers shared by the tagging views: scores, tagger names, local URLs.
import type { TaggerName } from '@shared/api/tagging-contract';

export const TAGGER_LABELS: Record<TaggerName, string> = {
  'zero-shot': 'Zero-shot',
  neighbours: 'Neighbours',
  llm: 'LLM',
};

/** Scores are 0..1; two decimals is what a reviewer can act on. */
export function formatScore(score: number): string {
  return score.toFixed(2);
}

/** Colours offered for new tags, picked in turn so neighbouring tags differ. */
export const TAG_PALETTE = [
  '#4f46e5',
  '#0e9f6e',
  '#d97706',
  '#db2777',
  '#0891b2',
  '#7c3aed',
  '#65a30d',
  '#dc2626',
  '#2563eb',
  '#9333ea',
] as const;

/** The first palette colour no tag uses yet (cycling once all are taken). */
export function nextColor(used: Iterable<string>): string {
  const taken = new Set([...used].map((c) => c.toLowerCase()));
  const free = TAG_PALETTE.find((c) => !taken.has(c));
  return free ?? TAG_PALETTE[taken.size % TAG_PALETTE.length] ?? TAG_PALETTE[0];
}

/**
 * True when a base URL points at this machine (loopback), so requests do not leave it.
 * An empty URL counts as local (nothing is sent); an unparsable one does not, so the user is
 * asked rather than a typo slipping past the confirmation.
 */
export function isLocalUrl(url: string): boolean {
  const trimmed = url.trim();
  if (!trimmed) return true;
  let host: string;
  try {
    host = new URL(trimmed).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host a remote URL sends requests to, for the confirmation text. */
export function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host;
  } catch {
    return url.trim();
  }
}
