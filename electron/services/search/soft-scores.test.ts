// SoftScores: the lists' candidates scored in parts as they arrive, each paper once, to the same
// scores as all at once; a failed early part leaves its papers to the next.
import { describe, expect, it } from 'vitest';
import type { SoftScore } from './expansion/soft-match';
import { SoftScores, type Scorer } from './soft-scores';

const ranked = (...ids: string[]) => ids.map((id, i) => ({ id, score: 1 - i / 10 }));
const head = (id: string) => ({ id }) as never;
/** Scores a paper by its id's length, and remembers what it was asked to score. */
function counting(): { scorer: Scorer; asked: string[] } {
  const asked: string[] = [];
  const scorer: Scorer = (papers) =>
    new Map(
      papers.map((p) => {
        asked.push(p.id);
        return [p.id, { score: p.id.length, exact: 0, matches: [] } satisfies SoftScore];
      }),
    );
  return { scorer, asked };
}
const union = async (fts: { id: string }[], vec: { id: string }[]) =>
  [...new Set([...fts, ...vec].map((r) => r.id))].map(head);

describe('SoftScores', () => {
  it('scores the early list at once and then only the keyword list’s other papers', async () => {
    const { scorer, asked } = counting();
    const soft = new SoftScores(Promise.resolve(scorer), union);
    soft.early(ranked('a', 'bb'));
    await soft.add(ranked('bb', 'ccc'), ranked('a', 'bb'));
    expect(asked).toEqual(['a', 'bb', 'ccc']);
    expect(Object.fromEntries([...soft.scores].map(([id, s]) => [id, s.score]))).toEqual({
      a: 1,
      bb: 2,
      ccc: 3,
    });
  });

  it('scores nothing without a scorer (no model), and retries papers whose early read failed', async () => {
    const none = new SoftScores(Promise.resolve(undefined), union);
    none.early(ranked('a'));
    await none.add(ranked('b'), ranked('a'));
    expect(none.scores.size).toBe(0);

    const { scorer, asked } = counting();
    let reads = 0;
    const soft = new SoftScores(Promise.resolve(scorer), async (fts, vec) => {
      if (reads++ === 0) throw new Error('disk gone');
      return union(fts, vec);
    });
    soft.early(ranked('a'));
    await soft.add(ranked('b'), ranked('a'));
    expect(asked.sort()).toEqual(['a', 'b']);
  });
});
