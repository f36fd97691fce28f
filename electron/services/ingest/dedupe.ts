// Duplicate detection for imports, against the library and within the incoming file: the same DOI
// or arXiv id is the same work; the same normalised title is the same work only when nothing
// contradicts it (shared/papers/identity.ts). A duplicate fills the empty fields of the paper it
// matches ("merged"); a same-title record that is a different work is kept and reported.
import type { DistinctInfo, DuplicateInfo, Paper, PaperDraft } from '@shared/api/schemas';
import {
  contradiction,
  identityKeys,
  workKey,
  type Contradiction,
  type WorkKey,
} from '@shared/papers/identity';

type Detail = 'volume' | 'issue' | 'edition' | 'pages';
/** A library paper or a draft: drafts carry volume, issue, edition and pages only when the source did. */
type Fillable = Pick<
  Paper,
  'abstract' | 'authors' | 'year' | 'venue' | 'doi' | 'arxivId' | 'url' | 'notes' | 'tags'
> & { [K in Detail]?: string };

const TEXT_FIELDS = [
  'abstract',
  'venue',
  'doi',
  'arxivId',
  'url',
  'notes',
  'volume',
  'issue',
  'edition',
  'pages',
] as const;

/** Copies into `target` the fields it lacks; returns true when anything changed. */
export function fillEmpty<T extends Fillable>(target: T, from: PaperDraft): boolean {
  let changed = false;
  for (const k of TEXT_FIELDS) {
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
  /** Records that share a title with another but are a different work, so were kept. */
  distinct: DistinctInfo[];
  /** Library papers that gained fields from a duplicate (copies; the store is untouched). */
  merged: Paper[];
};

export type DedupeOptions = {
  /** Indices of incoming records to keep as their own paper even when they match (user override). */
  keepSeparate?: Iterable<number>;
};

type Entry = { paper: Paper } | { draft: PaperDraft };
/** The records sharing one title key, split by whether they had a DOI when they were added. */
type TitleGroup = { withDoi: Entry[]; withoutDoi: Entry[]; members: Set<Entry> };

/**
 * Same-title records compared per incoming record. Titles such as "Editorial" name thousands of
 * works: 10k "Editorial" rows with DOIs took 44 s when every pair was compared afresh, 0.4 s with
 * keys normalised once and DOI holders set aside; without DOIs every pair still needs a look, and
 * this cap holds 10k such rows to 3 s (2-core machine, 2026-11-30). Past it a same-title record is
 * kept as its own paper: at worst a duplicate to merge by hand, never a loss.
 */
const MAX_TITLE_CANDIDATES = 1000;

/**
 * The library as the duplicate check reads it: the papers holding an identity key (PaperStore keeps
 * an index of them), and the library's order, in which the papers sharing a key are compared.
 */
export type LibraryKeys = {
  withKey(key: string): Paper[];
  compare(a: Paper, b: Paper): number;
};

/** Library keys from a list of papers (tests, small libraries): every key computed up front. */
export function keysOf(papers: Iterable<Paper>): LibraryKeys {
  const byKey = new Map<string, Paper[]>();
  const rank = new Map<Paper, number>();
  for (const p of papers) {
    rank.set(p, rank.size);
    for (const { key } of identityKeys(p)) {
      const list = byKey.get(key);
      if (list) list.push(p);
      else byKey.set(key, [p]);
    }
  }
  return { withKey: (key) => byKey.get(key) ?? [], compare: (a, b) => rank.get(a)! - rank.get(b)! };
}

/**
 * Library papers join the tables when a record brings one of their keys, together with every paper
 * that shares a key with them, in library order: the tables then hold what they would if the whole
 * library had been entered first, without reading the papers no record touches.
 */
function loader(
  library: LibraryKeys,
  remember: (key: string, entry: Entry) => void,
): (keys: readonly { key: string }[]) => void {
  const loadedKeys = new Set<string>();
  return (keys) => {
    const todo = keys.map((k) => k.key).filter((k) => !loadedKeys.has(k));
    const found = new Map<string, Paper>();
    for (let key = todo.pop(); key !== undefined; key = todo.pop()) {
      if (loadedKeys.has(key)) continue;
      loadedKeys.add(key);
      for (const p of library.withKey(key)) {
        if (found.has(p.id)) continue;
        found.set(p.id, p);
        for (const k of identityKeys(p)) if (!loadedKeys.has(k.key)) todo.push(k.key);
      }
    }
    for (const paper of [...found.values()].sort(library.compare)) {
      const entry: Entry = { paper };
      for (const { key } of identityKeys(paper)) remember(key, entry);
    }
  };
}

export function dedupe(
  drafts: PaperDraft[],
  existing: Iterable<Paper> | LibraryKeys,
  opts: DedupeOptions = {},
): DedupeOutcome {
  const library = 'withKey' in existing ? existing : keysOf(existing);
  const keep = new Set(opts.keepSeparate ?? []);
  // DOI and arXiv keys name one work; a title key may name several (volumes, editions).
  const strong = new Map<string, Entry>();
  const byTitle = new Map<string, TitleGroup>();
  const copies = new Map<string, Paper>();
  const remember = (key: string, entry: Entry): void => {
    if (!key.startsWith('title:')) {
      if (!strong.has(key)) strong.set(key, entry);
      return;
    }
    let group = byTitle.get(key);
    if (!group) byTitle.set(key, (group = { withDoi: [], withoutDoi: [], members: new Set() }));
    if (group.members.has(entry)) return;
    group.members.add(entry);
    (current(entry).doi ? group.withDoi : group.withoutDoi).push(entry);
  };
  /** The current state of an entry: a library paper's copy once a duplicate filled it. */
  const current = (e: Entry): Paper | PaperDraft =>
    'paper' in e ? (copies.get(e.paper.id) ?? e.paper) : e.draft;
  // Normalised once per entry (and again after a merge changes it): a title such as "Editorial"
  // can name thousands of works, each compared with every later one.
  const workKeys = new Map<Entry, WorkKey>();
  const keyOf = (e: Entry): WorkKey => {
    let k = workKeys.get(e);
    if (!k) workKeys.set(e, (k = workKey(current(e))));
    return k;
  };

  const load = loader(library, remember);
  const fresh: PaperDraft[] = [];
  const duplicates: DuplicateInfo[] = [];
  const distinct: DistinctInfo[] = [];
  drafts.forEach((draft, index) => {
    const keys = identityKeys(draft);
    load(keys);
    const ownKey = workKey(draft);
    let hit: { match: DuplicateInfo['match']; entry: Entry } | null = null;
    let difference: { entry: Entry; reason: Contradiction } | null = null;
    if (!keep.has(index)) {
      for (const k of keys) {
        if (k.match !== 'title') {
          const entry = strong.get(k.key);
          if (entry) {
            hit = { match: k.match, entry };
            break;
          }
          continue;
        }
        const group = byTitle.get(k.key);
        if (!group) continue;
        // A record with a DOI cannot be one work with another record that has a different DOI
        // (the same DOI matched above), so only the records without one need a closer look.
        const candidates = draft.doi ? group.withoutDoi : [...group.withDoi, ...group.withoutDoi];
        for (const entry of candidates.slice(0, MAX_TITLE_CANDIDATES)) {
          const reason = contradiction(draft, current(entry), {
            ours: ownKey,
            theirs: keyOf(entry),
          });
          if (!reason) {
            hit = { match: 'title', entry };
            break;
          }
          difference ??= { entry, reason };
        }
        const other = group.withDoi[0];
        if (!hit && !difference && other) {
          const reason = contradiction(draft, current(other), {
            ours: ownKey,
            theirs: keyOf(other),
          });
          if (reason) difference = { entry: other, reason };
        }
      }
    }
    if (!hit) {
      const own: PaperDraft = { ...draft, authors: [...draft.authors], tags: [...draft.tags] };
      fresh.push(own);
      for (const { key } of keys) remember(key, { draft: own });
      if (difference) {
        const other = difference.entry;
        distinct.push({
          title: draft.title,
          index,
          otherId: 'paper' in other ? other.paper.id : null,
          reason: difference.reason,
        });
      }
      return;
    }
    const { entry } = hit;
    if ('paper' in entry) {
      const original = entry.paper;
      const copy = copies.get(original.id) ?? {
        ...original,
        authors: [...original.authors],
        tags: [...original.tags],
      };
      if (fillEmpty(copy, draft)) copies.set(original.id, copy);
      duplicates.push({ title: draft.title, match: hit.match, existingId: original.id, index });
    } else {
      fillEmpty(entry.draft, draft);
      duplicates.push({ title: draft.title, match: hit.match, existingId: null, index });
    }
    workKeys.delete(entry);
    // Keys the duplicate brings (e.g. a DOI the first record lacked) now point at the same paper.
    for (const { key } of keys) remember(key, entry);
  });
  return { fresh, duplicates, distinct, merged: [...copies.values()] };
}
