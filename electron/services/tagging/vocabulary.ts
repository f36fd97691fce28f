// The vocabulary as the user sees it: tags described in tagging.json plus every tag papers already
// carry (typed, or imported from BibTeX keywords and CSV/JSONL `tags`), with colours and counts.
import { createHash } from 'node:crypto';
import type { Paper } from '@shared/api/schemas';
import type { StoredTag, TaggingState } from './tagging-store';

/** Distinct on light and dark backgrounds (Tableau 10). */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** A stable default colour per name, so a tag keeps its colour across sessions without being stored. */
export function defaultColor(name: string): string {
  const h = createHash('sha1').update(name).digest();
  return PALETTE[h[0]! % PALETTE.length]!;
}

/** Stored tags first (in creation order), then tags found only on papers, by name. */
export function vocabulary(
  state: TaggingState,
  papers: readonly Pick<Paper, 'tags'>[],
): StoredTag[] {
  const out = new Map<string, StoredTag>(state.tags.map((t) => [t.name, t]));
  const found = new Set<string>();
  for (const p of papers) for (const t of p.tags) if (!out.has(t)) found.add(t);
  for (const name of [...found].sort((a, b) => a.localeCompare(b)))
    out.set(name, { name, description: '', color: defaultColor(name), createdAt: '' });
  return [...out.values()];
}
