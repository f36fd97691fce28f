// Soft matching's scores for one hybrid query, computed as the ranked lists arrive. The semantic
// list is usually ready while full-text search still runs in LanceDB (at 1M papers ~11 ms against
// ~16 ms), and the main thread is idle then, so its candidates are scored at once; when the keyword
// list comes, only its candidates not scored yet are. A paper's score depends on the query and the
// library's statistics only, never on the other candidates, so scoring in parts changes nothing.
import type { Paper } from '@shared/api/schemas';
import type { PaperHead } from '../library/paper-head';
import type { PaperStore } from '../library/store';
import type { SoftScore } from './expansion/soft-match';
import type { Ranked } from './fusion';
import type { LibraryTerms } from './library-terms';

export type Scorer = (candidates: (PaperHead | Paper)[]) => Map<string, SoftScore>;
/** The candidates of a keyword and a semantic list (candidatesOf, below). */
export type Candidates = (fts: Ranked[], vec: Ranked[]) => Promise<(PaperHead | Paper)[]>;

export class SoftScores {
  readonly scores = new Map<string, SoftScore>();
  /** The last addition: additions run one after another, so none scores a paper twice. */
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly scorer: Promise<Scorer | undefined>,
    private readonly candidates: Candidates,
  ) {}

  /** Scores the lists' candidates not scored yet; resolves once they are (rejects if a read fails). */
  add(fts: Ranked[], vec: Ranked[]): Promise<void> {
    const run = this.last.then(async () => {
      const score = await this.scorer;
      if (!score) return;
      const todo = (await this.candidates(fts, vec)).filter((p) => !this.scores.has(p.id));
      for (const [id, s] of score(todo)) this.scores.set(id, s);
    });
    this.last = run.catch(() => undefined);
    return run;
  }

  /** Starts scoring a list that arrived early; should it fail, the next `add` scores its papers. */
  early(vec: Ranked[]): void {
    this.add([], vec).catch(() => undefined);
  }
}

/**
 * The candidates soft matching scores: the top `depth` papers of each list that pass the filters.
 * Their words come from the library terms; the few not counted yet are read whole to tokenize.
 */
export async function candidatesOf(
  lists: Ranked[][],
  depth: number,
  papers: Pick<PaperStore, 'get' | 'read'>,
  terms: Pick<LibraryTerms, 'knows'>,
  test: ((p: PaperHead) => boolean) | undefined,
): Promise<(PaperHead | Paper)[]> {
  const out: PaperHead[] = [];
  for (const id of new Set(lists.flatMap((l) => l.slice(0, depth).map((r) => r.id)))) {
    const p = papers.get(id);
    if (p && (!test || test(p))) out.push(p);
  }
  const unknown = out.filter((p) => !terms.knows(p)).map((p) => p.id);
  if (unknown.length === 0) return out;
  const whole = new Map((await papers.read(unknown)).map((p) => [p.id, p]));
  return out.map((p) => whole.get(p.id) ?? p);
}
