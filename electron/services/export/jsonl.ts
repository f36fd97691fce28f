// JSON Lines export: one complete Paper object per line.
import type { Paper } from '@shared/api/schemas';

export function toJsonl(papers: Paper[]): string {
  // JSON.stringify escapes U+2028/2029 since ES2019, so every record stays on one line.
  return papers.map((p) => JSON.stringify(p)).join('\n') + (papers.length ? '\n' : '');
}
