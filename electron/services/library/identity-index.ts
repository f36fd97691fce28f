// The library's identity keys (DOI, arXiv id, normalised title: shared/papers/identity.ts) → papers,
// so an import's duplicate check looks up the keys its records bring instead of normalising every
// title in the library (0.15 s per import at 10k papers, 0.63 s at 100k, growing with the library).
// Built on first use, then kept current by the store's writes; a reload (another process's commit)
// drops it until the next import. Keys are held as 53-bit hashes beside the ids the papers already
// hold, so it costs a few dozen bytes per key; a lookup checks the papers' real keys, so a hash
// collision costs a comparison, never a wrong match.
import { identityKeys } from '@shared/papers/identity';
import type { PaperHead } from './paper-head';

/** FNV-1a over UTF-16 units, twice with different offsets, folded into one safe integer. */
function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** The store's order: reloads sort by the instant a paper was added, and new papers come last. */
export const olderFirst = (a: { addedAt: string }, b: { addedAt: string }): number =>
  a.addedAt.localeCompare(b.addedAt);

export class IdentityIndex {
  /** Key hash → the id, or ids, of the papers holding that key. */
  private byHash: Map<number, string | string[]> | undefined;

  constructor(
    private readonly papers: () => Iterable<PaperHead>,
    private readonly paper: (id: string) => PaperHead | undefined,
  ) {}

  /** The library's papers holding `key` (as identityKeys spells it), in the order they were added. */
  withKey(key: string): PaperHead[] {
    const at = this.built().get(hash53(key));
    if (at === undefined) return [];
    const found: PaperHead[] = [];
    for (const id of typeof at === 'string' ? [at] : at) {
      const p = this.paper(id);
      if (p && identityKeys(p).some((k) => k.key === key)) found.push(p);
    }
    return found.sort(olderFirst);
  }

  added(papers: readonly PaperHead[]): void {
    if (this.byHash) for (const p of papers) this.put(this.byHash, p);
  }

  /** `before` are the papers as they were, `after` as written (matched by id). */
  replaced(before: readonly PaperHead[], after: readonly PaperHead[]): void {
    this.removed(before);
    this.added(after);
  }

  removed(papers: readonly PaperHead[]): void {
    const map = this.byHash;
    if (!map) return;
    for (const p of papers) {
      for (const { key } of identityKeys(p)) {
        const h = hash53(key);
        const at = map.get(h);
        if (at === p.id) map.delete(h);
        else if (Array.isArray(at)) {
          const rest = at.filter((id) => id !== p.id);
          if (rest.length === 0) map.delete(h);
          else map.set(h, rest.length === 1 ? rest[0]! : rest);
        }
      }
    }
  }

  /** Forgets everything; the next lookup builds from the papers as they are then. */
  reset(): void {
    this.byHash = undefined;
  }

  private built(): Map<number, string | string[]> {
    if (!this.byHash) {
      const map = new Map<number, string | string[]>();
      for (const p of this.papers()) this.put(map, p);
      this.byHash = map;
    }
    return this.byHash;
  }

  private put(map: Map<number, string | string[]>, p: PaperHead): void {
    for (const { key } of identityKeys(p)) {
      const h = hash53(key);
      const at = map.get(h);
      if (at === undefined) map.set(h, p.id);
      else if (typeof at === 'string') {
        if (at !== p.id) map.set(h, [at, p.id]);
      } else if (!at.includes(p.id)) at.push(p.id);
    }
  }
}
