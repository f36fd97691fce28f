// The text filter's word index as data (text-index.ts builds it and keeps it current): the words met
// and, for each, the papers holding it as varint gaps over the papers' numbers (postings.ts); papers by
// number, a removed paper's number retired rather than taken out of every posting; and an answer as
// marks over those numbers (Marked).
import type { Paper } from '@shared/api/schemas';
import type { PaperIds } from './filter';
import type { PaperHead } from './paper-head';
import { lastOf, push, type Posting } from './postings';
import type { SavedIndex } from './text-index-snapshot';
import { eachWord } from './text-words';
import { Vocabulary } from './vocabulary';

export type Built = {
  /** The words met, numbered: `posts[n]` holds the papers of word n. */
  vocab: Vocabulary;
  posts: Posting[];
  ordOf: Map<string, number>;
  /** Paper by number; undefined once retired. */
  headAt: (PaperHead | undefined)[];
  retired: number;
};

export function emptyIndex(): Built {
  return { vocab: new Vocabulary(), posts: [], ordOf: new Map(), headAt: [], retired: 0 };
}

/** Indexes the paper's words under a new number, retiring the number it had. */
export function put(index: Built, p: Paper, head: PaperHead): void {
  retire(index, head.id);
  const ord = index.headAt.length;
  index.headAt.push(head);
  index.ordOf.set(head.id, ord);
  // A word met again in the paper is already in its posting (a set of the paper's words first
  // hashed each word twice: at 1M papers the build took 75–84 s so, 64–79 s without).
  eachWord(p, (word) => {
    const n = index.vocab.idOf(word);
    const post = index.posts[n];
    if (post === undefined || lastOf(post) !== ord) index.posts[n] = push(post, ord);
  });
}

/** The index as the snapshot file sees it (live: the file takes what it writes as it begins). */
export function saved(index: Built): SavedIndex {
  return { headAt: index.headAt, words: index.vocab.list, posts: index.posts };
}

/**
 * Papers marked over the index's numbers: their heads, and membership looked up by number, not in a
 * set of their ids (building a set of 143k ids took 56 ms). Answers for the papers as they were when
 * marked: a paper changed since has another number, and is not in it.
 */
export class Marked implements PaperIds {
  readonly heads: readonly PaperHead[];

  constructor(
    private readonly marks: Uint8Array,
    private readonly index: Pick<Built, 'ordOf' | 'headAt'>,
  ) {
    this.heads = marked(marks).map((ord) => index.headAt[ord]!);
  }

  get size(): number {
    return this.heads.length;
  }

  has(id: string): boolean {
    const ord = this.index.ordOf.get(id);
    return ord !== undefined && this.marks[ord] === 1;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const h of this.heads) yield h.id;
  }
}

/** Takes a paper's number out of use; its postings keep it until the next rebuild. */
export function retire(index: Built, id: string): void {
  const ord = index.ordOf.get(id);
  if (ord === undefined) return;
  index.ordOf.delete(id);
  index.headAt[ord] = undefined;
  index.retired++;
}

/** The numbers marked 1. */
export function marked(marks: Uint8Array): number[] {
  const out: number[] = [];
  for (let ord = marks.indexOf(1); ord >= 0; ord = marks.indexOf(1, ord + 1)) out.push(ord);
  return out;
}
