// The text filter's word index kept on disk between sessions (text-index.ts), so opening a library
// does not read every paper's text back from the table and index it again: ~70 µs a paper on the main
// thread (70 s at 1M papers), while filters meanwhile read the whole table's text, and searches ran
// ~2× slower beside the build's garbage collection.
//
// The file (NDJSON, fs/cache-file.ts): a header line; the papers by number, each `[id, key]` (or 0
// for a retired number), where the key is a hash of every field the index read (headKey); the
// vocabulary; the postings in the vocabulary's order (a number, or base64 of the varint bytes); an end
// line with the counts. It is a cache, checked on the way in: a paper whose key differs from its head's
// now is retired and indexed again from its text, and a file cut short, of another version, written by
// code that splits words otherwise, or holding a posting that is not one, is ignored.
//
// The index changes while the file is written (a chunk of lines at a time), so what is written is the
// index as it was when writing began: its numbers, words and postings' lengths are taken then (words
// and postings only grow), and papers changed since are caught on the way in by their keys.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CacheFile, readCache, writeLines } from '../fs/cache-file';
import type { PaperHead } from './paper-head';
import { postingOf, type Posting } from './postings';

export const TEXT_INDEX_FILE = 'text-index.cache.ndjson';
const FORMAT = 'quire-text-index';
const VERSION = 1;
const LINE = 10_000;

/** What is saved of an index; `headAt` holds undefined for a retired number. */
export type SavedIndex = {
  headAt: readonly (PaperHead | undefined)[];
  words: readonly string[];
  posts: readonly Posting[];
};

/** A saved index as read back: papers by number (`[id, key]`, or null when retired). */
export type ReadIndex = {
  papers: ([id: string, key: string] | null)[];
  words: string[];
  posts: Posting[];
};

type Header = { format: string; version: number; split: string };
type End = { end: true; papers: number; words: number };

/**
 * A hash of every field of the paper the index reads (filter.ts's searchableText): the abstract by
 * its text hash, the rest as they are.
 */
export function headKey(h: PaperHead): string {
  const fields = [h.textHash, h.title, h.authors.join(' '), h.venue, h.notes, h.doi, h.arxivId];
  fields.push(h.tags.join(' '), String(h.year ?? ''));
  return createHash('sha1').update(fields.join('\n')).digest('base64url');
}

/** The index as it stands now, taken synchronously (see the top). */
function taken(index: SavedIndex) {
  const papers = index.headAt.length;
  const words = index.words.length;
  const posts = index.posts.slice(0, words);
  const lens = Int32Array.from(posts, (p) => (typeof p === 'number' ? -1 : p.len));
  return { papers, words, posts, lens };
}

export function writeIndex(file: string, index: SavedIndex, split: string): Promise<void> {
  return writeLines(file, indexLines(index, split));
}

/** The file's lines, made as they are reached; what they hold is taken at the first (exported for tests). */
export function* indexLines(index: SavedIndex, split: string): Generator<string> {
  const at = taken(index);
  const header: Header = { format: FORMAT, version: VERSION, split };
  yield JSON.stringify(header);
  for (let from = 0; from < at.papers; from += LINE) {
    const p: ([string, string] | 0)[] = [];
    for (let ord = from; ord < Math.min(at.papers, from + LINE); ord++) {
      const h = index.headAt[ord];
      p.push(h ? [h.id, headKey(h)] : 0);
    }
    yield JSON.stringify({ p });
  }
  for (let from = 0; from < at.words; from += LINE)
    yield JSON.stringify({ w: index.words.slice(from, Math.min(at.words, from + LINE)) });
  for (let from = 0; from < at.words; from += LINE) {
    const t: (number | string)[] = [];
    for (let n = from; n < Math.min(at.words, from + LINE); n++) {
      const post = at.posts[n]!;
      // A posting that was one number then is written as that number (it may have grown since).
      if (typeof post === 'number') t.push(post);
      else
        t.push(
          Buffer.from(post.bytes.buffer, post.bytes.byteOffset, at.lens[n]).toString('base64'),
        );
    }
    yield JSON.stringify({ t });
  }
  const end: End = { end: true, papers: at.papers, words: at.words };
  yield JSON.stringify(end);
}

/** The index saved in `file`, or null when there is none or it cannot be used (see the top). */
export async function readIndex(file: string, split: string): Promise<ReadIndex | null> {
  const read: ReadIndex = { papers: [], words: [], posts: [] };
  const header: Header = { format: FORMAT, version: VERSION, split };
  const end = (await readCache(file, header, (row) => {
    const line = row as { p?: unknown; w?: unknown; t?: unknown };
    if (Array.isArray(line.p)) for (const entry of line.p) read.papers.push(paperOf(entry));
    else if (Array.isArray(line.w)) for (const w of line.w) read.words.push(String(w));
    else if (Array.isArray(line.t)) {
      for (const e of line.t as unknown[]) {
        const post = decoded(e, read.papers.length);
        if (post === undefined) return false;
        read.posts.push(post);
      }
    } else return false;
  })) as End | null;
  if (end?.papers !== read.papers.length || end.words !== read.words.length) return null;
  return read.posts.length === read.words.length ? read : null;
}

function paperOf(entry: unknown): [string, string] | null {
  if (entry === 0) return null;
  const [id, key] = Array.isArray(entry) ? (entry as unknown[]) : [];
  if (typeof id !== 'string' || typeof key !== 'string') throw new TypeError('bad paper');
  return [id, key];
}

function decoded(e: unknown, papers: number): Posting | undefined {
  if (typeof e === 'number') return Number.isInteger(e) && e >= 0 && e < papers ? e : undefined;
  if (typeof e !== 'string') return undefined;
  const buf = Buffer.from(e, 'base64');
  return postingOf(new Uint8Array(buf.buffer, buf.byteOffset, buf.length).slice(), papers);
}

/** One library's word index file: read when the index is built, written when enough changed. */
export class TextIndexFile {
  private readonly cache: CacheFile;

  /** `split`: a fingerprint of how the index splits text into words (a changed one is not read). */
  constructor(
    readonly file: string,
    private readonly split: string,
  ) {
    this.cache = new CacheFile(file);
  }

  static in(dir: string, split: string): TextIndexFile {
    return new TextIndexFile(join(dir, TEXT_INDEX_FILE), split);
  }

  /** The saved index, or null when there is none that can be used; never rejects (it is a cache). */
  async read(): Promise<ReadIndex | null> {
    await this.cache.tidy();
    return readIndex(this.file, this.split).catch(() => null);
  }

  changed(papers: number): void {
    this.cache.changed(papers);
  }

  saveIfDue(index: SavedIndex): void {
    this.cache.saveIfDue(index.headAt.length, (file) => writeIndex(file, index, this.split));
  }

  /** Waits for a write under way, then writes if much changed since; nothing is written after. */
  close(index: SavedIndex | undefined): Promise<void> {
    return this.cache.close(index && ((file) => writeIndex(file, index, this.split)));
  }
}
