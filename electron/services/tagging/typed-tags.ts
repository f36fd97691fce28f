// Tags the user typed or took off papers (library:update, library:tagPapers): what each edit added
// and removed, so provenance marks the added ones as typed and forgets the removed ones.
import type { Paper } from '@shared/api/schemas';

export type TagEdit = { before: Pick<Paper, 'tags'>; after: Pick<Paper, 'id' | 'tags'> };

/** Each edited paper's added and removed tags; papers whose tags did not change are left out. */
export function typedTags(
  edits: readonly TagEdit[],
): { id: string; added: string[]; removed: string[] }[] {
  return edits
    .map(({ before, after }) => ({
      id: after.id,
      added: after.tags.filter((t) => !before.tags.includes(t)),
      removed: before.tags.filter((t) => !after.tags.includes(t)),
    }))
    .filter((c) => c.added.length + c.removed.length > 0);
}
