// The library's words for query expansion: each paper's distinct words, tokenized once and kept by
// paper id with the text they came from (an edit re-tokenizes that paper only), and the document
// frequencies built from them, updated incrementally in the background when the library changes.
import type { Paper } from '../../../../shared/api/schemas';
import { rowsOf, type TermTable } from './soft-match';
import { words } from './terms';

export type TermStats = { n: number; df: Map<string, number>; version: number };

/** Papers that say when they changed (PaperStore's revision). */
export type TermSource = { readonly revision: number; all(): Paper[] };

/** One paper's words and the text they were taken from (the cache key besides the id). */
type Entry = {
  title: string;
  abstract: string;
  words: string[];
  counted: boolean;
  /** The words' rows in the term table last scored against (kept until the table changes). */
  rows?: { table: TermTable; rows: Int32Array };
};

/** A background update yields to other work after this long (tokenizing a paper takes ~90 µs). */
const SLICE_MS = 15;

export class LibraryTerms {
  private readonly entries = new Map<string, Entry>();
  private readonly df = new Map<string, number>();
  /** The one copy of each word, so the per-paper lists share strings instead of repeating them. */
  private readonly intern = new Map<string, string>();
  private n = 0;
  private version = 0;
  private syncedRevision = -1;
  private updating: Promise<void> | undefined;

  constructor(private readonly source: TermSource) {}

  /**
   * Current statistics. The first call builds them; after a change an incremental update runs in
   * the background in short slices (the previous figures serve meanwhile), so no call blocks on a
   * whole-library pass.
   */
  get(): TermStats {
    if (this.syncedRevision === -1) this.syncNow();
    else void this.update();
    return { n: this.n, df: this.df, version: this.version };
  }

  /** Brings the statistics up to date with the library in the background; resolves when current. */
  update(): Promise<void> {
    if (this.source.revision === this.syncedRevision) return Promise.resolve();
    this.updating ??= this.run().finally(() => (this.updating = undefined));
    return this.updating;
  }

  /** A paper's distinct words, from the cache when its title and abstract are unchanged. */
  wordsOf(p: Paper): readonly string[] {
    const e = this.entries.get(p.id);
    if (e && this.same(e, p)) return e.words;
    // Not seen yet (an update is under way) or edited since: tokenized now, counted by the update.
    const fresh = this.entry(p);
    if (e?.counted) this.count(e, -1);
    this.entries.set(p.id, fresh);
    return fresh.words;
  }

  /** A paper's distinct words and their rows in `table`, both cached. */
  wordsAndRows(p: Paper, table: TermTable): { words: readonly string[]; rows: Int32Array } {
    const ws = this.wordsOf(p);
    const e = this.entries.get(p.id)!;
    if (e.rows?.table !== table) e.rows = { table, rows: rowsOf(table, ws) };
    return { words: ws, rows: e.rows.rows };
  }

  /**
   * Whether the cached words are still the paper's. An equal text in a new object (the store reloaded)
   * takes the new strings, so the cache never keeps a second copy of the library's abstracts alive.
   */
  private same(e: Entry, p: Paper): boolean {
    if (e.title !== p.title || e.abstract !== p.abstract) return false;
    e.title = p.title;
    e.abstract = p.abstract;
    return true;
  }

  private entry(p: Paper): Entry {
    const ws = [...new Set(words(`${p.title} ${p.abstract}`))].map((w) => {
      const have = this.intern.get(w);
      if (have !== undefined) return have;
      this.intern.set(w, w);
      return w;
    });
    return { title: p.title, abstract: p.abstract, words: ws, counted: false };
  }

  private count(e: Entry, by: 1 | -1): void {
    for (const w of e.words) {
      const c = (this.df.get(w) ?? 0) + by;
      if (c > 0) this.df.set(w, c);
      else this.df.delete(w);
    }
    this.n += by;
    e.counted = by === 1;
  }

  /** Applies one paper as it is now: (re)tokenized only when new or its text changed. */
  private apply(p: Paper): void {
    const e = this.entries.get(p.id);
    if (e && this.same(e, p)) {
      if (!e.counted) this.count(e, 1);
      return;
    }
    if (e?.counted) this.count(e, -1);
    const fresh = this.entry(p);
    this.count(fresh, 1);
    this.entries.set(p.id, fresh);
  }

  /** Papers gone from the library leave the statistics and the cache. */
  private dropMissing(live: Set<string>): void {
    for (const [id, e] of this.entries) {
      if (live.has(id)) continue;
      if (e.counted) this.count(e, -1);
      this.entries.delete(id);
    }
  }

  private syncNow(): void {
    const revision = this.source.revision;
    const papers = this.source.all();
    for (const p of papers) this.apply(p);
    this.dropMissing(new Set(papers.map((p) => p.id)));
    this.syncedRevision = revision;
    this.version++;
  }

  private async run(): Promise<void> {
    while (this.source.revision !== this.syncedRevision) {
      const revision = this.source.revision;
      const papers = this.source.all();
      let since = performance.now();
      for (let i = 0; i < papers.length; i++) {
        this.apply(papers[i]!);
        // Unchanged papers cost a comparison each, so the clock is read only every 64 papers.
        if (i % 64 === 63 && performance.now() - since > SLICE_MS) {
          await new Promise<void>((done) => setImmediate(done));
          since = performance.now();
        }
      }
      this.dropMissing(new Set(papers.map((p) => p.id)));
      this.syncedRevision = revision;
      this.version++;
    }
  }
}
