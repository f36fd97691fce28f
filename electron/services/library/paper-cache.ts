// Whole papers kept in memory up to a budget of text, least recently used dropped first. The library
// keeps every paper's head in memory and its abstract in the table (paper-head.ts); reading a few
// papers back costs a LanceDB query (3–10 ms at 10k–100k papers, more on a busy machine), which a
// list page, a search's hits and its feedback would pay on every call. A library that fits the budget
// (about 20k papers of arXiv-length abstracts) is held whole, so it answers as fast as when every
// paper was in memory; a larger one keeps what was read and written last. Memory stays bounded
// whatever the library's size.
import type { Paper } from '@shared/api/schemas';

/** Characters of abstract (and title) held at most: ~32 MB of text, ~45 MB of heap with the objects. */
export const CACHE_CHARS = 32_000_000;

const cost = (p: Paper): number => p.abstract.length + p.title.length;

export class PaperCache {
  private readonly map = new Map<string, Paper>();
  private chars = 0;

  constructor(private readonly budget = CACHE_CHARS) {}

  get size(): number {
    return this.map.size;
  }

  get(id: string): Paper | undefined {
    const p = this.map.get(id);
    if (p) {
      // Most recently used last.
      this.map.delete(id);
      this.map.set(id, p);
    }
    return p;
  }

  /** The paper if held, without counting it as used. */
  peek(id: string): Paper | undefined {
    return this.map.get(id);
  }

  /** Keeps `p` as the paper's current state, dropping the least recently used past the budget. */
  set(p: Paper): void {
    this.delete(p.id);
    this.map.set(p.id, p);
    this.chars += cost(p);
    for (const [id] of this.map) {
      if (this.chars <= this.budget || id === p.id) break;
      this.delete(id);
    }
  }

  /** Keeps `p` only if it fits without dropping anything (filling the cache on a reload). */
  offer(p: Paper): void {
    if (!this.map.has(p.id) && this.chars + cost(p) <= this.budget) {
      this.map.set(p.id, p);
      this.chars += cost(p);
    }
  }

  delete(id: string): void {
    const p = this.map.get(id);
    if (!p) return;
    this.map.delete(id);
    this.chars -= cost(p);
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}
