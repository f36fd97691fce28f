// Whole papers held in memory behind the library's reader interface (library/paper-head.ts), for unit
// tests of code that reads papers (library terms, query expansion) without a LanceDB table. The
// store's own tests (store.test.ts) cover the table behind the same interface.
import type { Paper } from '@shared/api/schemas';
import {
  headOf,
  type PaperHead,
  type PaperReader,
} from '../../electron/services/library/paper-head';

export class MemoryPapers implements PaperReader {
  revision = 1;
  private readonly byId = new Map<string, { whole: Paper; head: PaperHead }>();

  constructor(papers: readonly Paper[] = []) {
    for (const p of papers) this.byId.set(p.id, { whole: p, head: headOf(p) });
  }

  get count(): number {
    return this.byId.size;
  }

  /** Adds or replaces papers (a write: the revision moves on). */
  set(...papers: Paper[]): void {
    for (const p of papers) this.byId.set(p.id, { whole: p, head: headOf(p) });
    this.revision++;
  }

  /** Replaces the whole library. */
  write(papers: readonly Paper[]): void {
    this.byId.clear();
    this.set(...papers);
  }

  remove(id: string): void {
    this.byId.delete(id);
    this.revision++;
  }

  /** The whole papers, in order. */
  papers(): Paper[] {
    return [...this.byId.values()].map((e) => e.whole);
  }

  get(id: string): PaperHead | undefined {
    return this.byId.get(id)?.head;
  }

  all(): PaperHead[] {
    return [...this.byId.values()].map((e) => e.head);
  }

  async read(ids: readonly string[]): Promise<Paper[]> {
    return ids.flatMap((id) => {
      const e = this.byId.get(id);
      return e ? [e.whole] : [];
    });
  }

  async *batches(size = 2): AsyncGenerator<Paper[]> {
    const all = this.papers();
    for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
  }
}
