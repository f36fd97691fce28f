// The first pass's top papers, read whole as each ranked list arrives. The keyword anchor, the
// feedback documents and most hits are among them, and later reads find them kept (PaperStore.read).
// At 1M papers the semantic list (query embedding + ANN, ~11 ms) is ready before the keyword list
// (full text, ~16 ms), so its papers are read while full-text search still runs; the keyword list's
// are read when it arrives, leaving out those already asked for.
import type { Ranked } from './fusion';

export class TopReads {
  private readonly asked = new Set<string>();
  private readonly reads: Promise<unknown>[] = [];

  constructor(
    private readonly read: (ids: string[]) => Promise<unknown>,
    /** Papers read from the top of each list. */
    private readonly n: number,
  ) {}

  /** Starts reading the top of `list`: the papers not asked for yet. Returns `list`. */
  of<T extends readonly Ranked[]>(list: T): T {
    const ids = list
      .slice(0, this.n)
      .map((r) => r.id)
      .filter((id) => !this.asked.has(id));
    for (const id of ids) this.asked.add(id);
    if (ids.length) {
      const read = this.read(ids);
      read.catch(() => undefined); // awaited by done(), which reports it
      this.reads.push(read);
    }
    return list;
  }

  /** Resolves once every read started has ended; rejects if one failed. */
  async done(): Promise<void> {
    await Promise.all(this.reads);
  }
}
