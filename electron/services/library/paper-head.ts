// A paper as the library keeps it in memory: every field but the abstract. Abstracts are most of a
// library's text (1.5 KB of a paper's ~1.7 KB in the scale benchmark's library, and of real arXiv
// feeds), so they stay in LanceDB and are read, by id or in batches, when a paper is shown, embedded,
// exported, tagged or searched (PaperReader). Listing, sorting, the tag filter and duplicate
// detection need only the head. At 100k papers the in-memory copy took 246 MB of heap with abstracts.
import { createHash } from 'node:crypto';
import type { Paper } from '@shared/api/schemas';
import { StringPool } from './string-pool';

export type PaperHead = Omit<Paper, 'abstract'> & {
  /** Whether the paper has an abstract (not only white space). */
  hasAbstract: boolean;
  /**
   * Hash of the paper's embedded text (title and abstract, `paperText`): tells whether its vector
   * and its counted words are current without reading the abstract.
   */
  textHash: string;
};

/** What is embedded for a paper: its title and abstract. */
export function paperText(p: Pick<Paper, 'title' | 'abstract'>): string {
  return p.abstract ? `${p.title}. ${p.abstract}` : p.title;
}

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** Whether a paper has an abstract (not only white space). */
export function hasAbstract(p: Pick<Paper, 'abstract'>): boolean {
  return p.abstract.trim() !== '';
}

/** What a head needs of the abstract; the table keeps both (schema.ts), so heads read no abstract. */
export type TextSummary = Pick<PaperHead, 'hasAbstract' | 'textHash'>;

export function textSummary(p: Pick<Paper, 'title' | 'abstract'>): TextSummary {
  return { hasAbstract: hasAbstract(p), textHash: textHash(paperText(p)) };
}

/** Strings that repeat across heads, one copy each (string-pool.ts). */
const repeated = new StringPool();

/**
 * The paper without its abstract. Built field by field, so every head shares one object shape: heads
 * made by spreading the paper and adding two fields took 124 MB for 100k papers instead of 64 MB.
 * Authors, venue, source file and tags are pooled, and an `updatedAt` equal to `addedAt` is the same
 * string: each row read from the table is otherwise a fresh copy of all of them. `text` is given when
 * it was read from the table instead of the abstract.
 */
export function headOf(p: Paper, text: TextSummary = textSummary(p)): PaperHead {
  return {
    id: p.id,
    title: p.title,
    authors: repeated.all(p.authors),
    year: p.year,
    venue: repeated.one(p.venue),
    doi: p.doi,
    arxivId: p.arxivId,
    url: p.url,
    sourceFile: repeated.one(p.sourceFile),
    addedAt: p.addedAt,
    updatedAt: p.updatedAt === p.addedAt ? p.addedAt : p.updatedAt,
    notes: p.notes,
    tags: repeated.all(p.tags),
    volume: p.volume,
    issue: p.issue,
    edition: p.edition,
    pages: p.pages,
    hasAbstract: text.hasAbstract,
    textHash: text.textHash,
  };
}

/**
 * The whole paper from its head and its abstract, in the table's field order; the head's arrays are
 * copied (they are pooled, shared with other heads).
 */
export function paperOf(h: PaperHead, abstract: string): Paper {
  return {
    id: h.id,
    title: h.title,
    abstract,
    authors: [...h.authors],
    year: h.year,
    venue: h.venue,
    doi: h.doi,
    arxivId: h.arxivId,
    url: h.url,
    sourceFile: h.sourceFile,
    addedAt: h.addedAt,
    updatedAt: h.updatedAt,
    notes: h.notes,
    tags: [...h.tags],
    volume: h.volume,
    issue: h.issue,
    edition: h.edition,
    pages: h.pages,
  };
}

/**
 * The library's papers as services see them: heads at once from memory, whole papers (with their
 * abstracts) from LanceDB.
 */
export interface PaperReader {
  /** Changes whenever the papers change. */
  readonly revision: number;
  readonly count: number;
  get(id: string): PaperHead | undefined;
  all(): PaperHead[];
  /** The whole papers of these ids, in their order; ids not in the library are left out. */
  read(ids: readonly string[]): Promise<Paper[]>;
  /** Every paper, whole, a batch at a time (in no particular order). */
  batches(size?: number): AsyncGenerator<Paper[]>;
}

/**
 * These papers whole, in their order, read in one pass over the table (not by id: a whole-library
 * export or tagging run reads most of it). Papers gone from the table are left out.
 */
export async function readInOrder(
  papers: Pick<PaperReader, 'batches'>,
  heads: readonly Pick<PaperHead, 'id'>[],
): Promise<Paper[]> {
  const wanted = new Set(heads.map((h) => h.id));
  const byId = new Map<string, Paper>();
  for await (const batch of papers.batches())
    for (const p of batch) if (wanted.has(p.id)) byId.set(p.id, p);
  return heads.map((h) => byId.get(h.id)).filter((p): p is Paper => !!p);
}
