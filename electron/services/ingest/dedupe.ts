// Duplicate detection for imports: DOI, then arXiv id, then normalised title, against the library and
// within the incoming file. A duplicate fills the empty fields of the paper it matches ("merged").
import type { DuplicateInfo, Paper, PaperDraft } from '../../../shared/api/schemas';
import { identityKeys } from '../../../shared/papers/identity';

type Fillable = Pick<
  Paper,
  'abstract' | 'authors' | 'year' | 'venue' | 'doi' | 'arxivId' | 'url' | 'notes' | 'tags'
>;

/** Copies into `target` the fields it lacks; returns true when anything changed. */
export function fillEmpty<T extends Fillable>(target: T, from: PaperDraft): boolean {
  let changed = false;
  for (const k of ['abstract', 'venue', 'doi', 'arxivId', 'url', 'notes'] as const) {
    if (!target[k] && from[k]) {
      target[k] = from[k];
      changed = true;
    }
  }
  if (target.authors.length === 0 && from.authors.length > 0) {
    target.authors = [...from.authors];
    changed = true;
  }
  if (target.year == null && from.year != null) {
    target.year = from.year;
    changed = true;
  }
  const tags = [...new Set([...target.tags, ...from.tags])];
  if (tags.length !== target.tags.length) {
    target.tags = tags;
    changed = true;
  }
  return changed;
}

export type DedupeOutcome = {
  /** Records that are new to the library, with in-file duplicates folded in. */
  fresh: PaperDraft[];
  duplicates: DuplicateInfo[];
  /** Library papers that gained fields from a duplicate (copies; the store is untouched). */
  merged: Paper[];
};

export function dedupe(drafts: PaperDraft[], existing: Iterable<Paper>): DedupeOutcome {
  const index = new Map<string, { paper: Paper } | { draft: PaperDraft }>();
  const copies = new Map<string, Paper>();
  for (const paper of existing) {
    for (const { key } of identityKeys(paper)) if (!index.has(key)) index.set(key, { paper });
  }
  const fresh: PaperDraft[] = [];
  const duplicates: DuplicateInfo[] = [];
  for (const draft of drafts) {
    const keys = identityKeys(draft);
    const hit = keys.map((k) => ({ ...k, entry: index.get(k.key) })).find((k) => k.entry);
    if (!hit?.entry) {
      const own = { ...draft, authors: [...draft.authors], tags: [...draft.tags] };
      fresh.push(own);
      for (const { key } of keys) index.set(key, { draft: own });
      continue;
    }
    if ('paper' in hit.entry) {
      const original = hit.entry.paper;
      const copy = copies.get(original.id) ?? {
        ...original,
        authors: [...original.authors],
        tags: [...original.tags],
      };
      if (fillEmpty(copy, draft)) copies.set(original.id, copy);
      duplicates.push({ title: draft.title, match: hit.match, existingId: original.id });
    } else {
      fillEmpty(hit.entry.draft, draft);
      duplicates.push({ title: draft.title, match: hit.match, existingId: null });
    }
    // Keys the duplicate brings (e.g. a DOI the first record lacked) now point at the same paper.
    for (const { key } of keys) if (!index.has(key)) index.set(key, hit.entry);
  }
  return { fresh, duplicates, merged: [...copies.values()] };
}
