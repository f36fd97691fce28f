// Document frequencies of the library's words, the vocabulary that expansion may add from: built from
// the papers held in memory on first use and rebuilt in the background when the library has changed.
import type { Paper } from '../../../../shared/api/schemas';
import { words } from './terms';

export type TermStats = { n: number; df: Map<string, number>; version: number };

export class LibraryTerms {
  private stats: TermStats | undefined;
  private builtFor = -1;
  private rebuilding: Promise<void> | undefined;
  private version = 0;

  constructor(private readonly source: { count: number; all(): Paper[] }) {}

  /** Current statistics; a changed library is re-read in the background (the old ones serve till then). */
  get(): TermStats {
    if (!this.stats) this.build();
    else if (this.source.count !== this.builtFor && !this.rebuilding)
      this.rebuilding = new Promise<void>((done) =>
        setImmediate(() => {
          this.build();
          this.rebuilding = undefined;
          done();
        }),
      );
    return this.stats!;
  }

  private build(): void {
    const papers = this.source.all();
    const df = new Map<string, number>();
    for (const p of papers)
      for (const w of new Set(words(`${p.title} ${p.abstract}`))) df.set(w, (df.get(w) ?? 0) + 1);
    this.builtFor = papers.length;
    this.stats = { n: papers.length, df, version: ++this.version };
  }
}
