// What the tagging service's parts share: the papers, the tagging file, undo tokens, and the views of
// the state every part needs (vocabulary, visible pending suggestions, rejected pairs).
import { QuireError } from '@shared/api/errors';
import type { Paper } from '@shared/api/schemas';
import type { Suggestion, TagInfo } from '@shared/api/tagging-contract';
import { readInOrder, type PaperHead } from '../library/paper-head';
import type { PaperStore } from '../library/store';
import type { StoredSuggestion, StoredTag, TaggingStore } from './tagging-store';
import type { TaggerPaper } from './tagger';
import { vocabulary } from './vocabulary';
import { newToken } from '../tokens';

/** How many undoable changes are kept (as for deleted papers). */
const UNDO_DEPTH = 50;

export const pairKey = (paperId: string, tag: string) => `${paperId}\u0000${tag}`;

export class TaggingContext {
  constructor(
    readonly papers: PaperStore,
    readonly store: TaggingStore,
  ) {}

  get state() {
    return this.store.state;
  }

  vocabulary(): StoredTag[] {
    return vocabulary(this.state, this.papers.all());
  }

  findTag(name: string): StoredTag {
    const t = this.vocabulary().find((v) => v.name === name);
    if (!t) throw new QuireError('not_found', `No tag "${name}" in the vocabulary.`);
    return t;
  }

  /** (paper, tag) pairs the user rejected: never proposed again, by any tagger. */
  rejectedPairs(): Set<string> {
    const out = new Set<string>();
    for (const s of this.state.suggestions)
      if (s.decision === 'rejected') out.add(pairKey(s.paperId, s.tag));
    return out;
  }

  /** A pending suggestion is shown while its paper exists, lacks the tag, and the pair is not rejected. */
  visiblePending(rejected = this.rejectedPairs()): StoredSuggestion[] {
    return this.state.suggestions.filter((s) => {
      if (s.decision !== 'pending') return false;
      const p = this.papers.get(s.paperId);
      return !!p && !p.tags.includes(s.tag) && !rejected.has(pairKey(s.paperId, s.tag));
    });
  }

  /** Paper ids with a visible pending suggestion of `tag` (the `suggestedTag` filter). */
  suggestedPapers(tag: string): Set<string> {
    return new Set(
      this.visiblePending()
        .filter((s) => s.tag === tag)
        .map((s) => s.paperId),
    );
  }

  withTitle(s: StoredSuggestion): Suggestion {
    const title = (id: string) => this.papers.get(id)?.title ?? '';
    const nb = s.evidence.neighbours;
    return {
      ...s,
      title: title(s.paperId),
      evidence: nb
        ? { ...s.evidence, neighbours: nb.map((n) => ({ ...n, title: title(n.paperId) })) }
        : s.evidence,
    };
  }

  tagInfo(t: StoredTag): TagInfo {
    return this.tagInfos([t])[0]!;
  }

  /** Counts for many tags in one pass over the papers and suggestions (1,000 tags stay fast). */
  tagInfos(tags: StoredTag[]): TagInfo[] {
    const counts = new Map(
      tags.map((t) => [
        t.name,
        {
          paperCount: 0,
          origins: { typed: 0, imported: 0, accepted: 0 },
          pending: new Set<string>(),
        },
      ]),
    );
    for (const p of this.papers.all())
      for (const tag of p.tags) {
        const c = counts.get(tag);
        if (!c) continue;
        c.paperCount++;
        c.origins[this.originOf(p.id, tag)]++;
      }
    for (const s of this.visiblePending()) counts.get(s.tag)?.pending.add(s.paperId);
    return tags.map((t) => {
      const c = counts.get(t.name)!;
      return {
        name: t.name,
        description: t.description,
        color: t.color,
        paperCount: c.paperCount,
        pendingCount: c.pending.size,
        origins: c.origins,
      };
    });
  }

  /** Tags on papers with no recorded origin came with the paper (import) or predate this feature. */
  originOf(paperId: string, tag: string): 'typed' | 'imported' | 'accepted' {
    return this.state.origins[paperId]?.[tag] ?? 'imported';
  }

  /** What the taggers read of these papers: abstracts come from the table, a batch at a time. */
  async taggerPapers(heads: readonly PaperHead[]): Promise<TaggerPaper[]> {
    return (await readInOrder(this.papers, heads)).map((p) => ({
      id: p.id,
      title: p.title,
      abstract: p.abstract,
      tags: p.tags,
    }));
  }

  /**
   * Rewrites papers' tags through the library store: one commit for all changed papers, read whole
   * from the table (a write replaces the whole row).
   */
  async rewritePapers(fn: (p: PaperHead) => string[] | null): Promise<Paper[]> {
    const now = new Date().toISOString();
    const tagsOf = new Map<string, string[]>();
    for (const p of this.papers.all()) {
      const tags = fn(p);
      if (tags) tagsOf.set(p.id, [...new Set(tags)]);
    }
    const changed = (await this.papers.read([...tagsOf.keys()])).map((p) => ({
      ...p,
      tags: tagsOf.get(p.id)!,
      updatedAt: now,
    }));
    await this.papers.update(changed);
    return changed;
  }

  /** Keeps an undo record in the tagging file (so another process, e.g. the CLI, can undo it). */
  async remember(record: unknown): Promise<string> {
    const token = newToken();
    await this.store.change((s) => {
      s.undo.push({ token, at: new Date().toISOString(), record });
      if (s.undo.length > UNDO_DEPTH) s.undo.splice(0, s.undo.length - UNDO_DEPTH);
    });
    return token;
  }

  /** The record of `token`, which stays until `forgetUndo` (after the undo succeeded). */
  peekUndo<T>(token: string, what: string): T {
    const entry = this.state.undo.find((u) => u.token === token);
    if (!entry)
      throw new QuireError(
        'not_found',
        `Nothing to undo: that ${what} is too old or was already undone.`,
      );
    return entry.record as T;
  }

  forgetUndo(s: { undo: { token: string }[] }, token: string): void {
    s.undo = s.undo.filter((u) => u.token !== token);
  }
}
