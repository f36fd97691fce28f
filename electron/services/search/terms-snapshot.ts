// Library terms kept on disk between sessions, so opening a library does not tokenize it again. At
// 200k papers a fresh process spent ~40 s of its main thread reading every abstract back from the
// table and tokenizing it, and searches in that time took 3–4× as long (hybrid p50 93 ms, 26 ms once
// done); at 1M the first hybrid search waited 68 s. A snapshot holds each paper's parsed words with
// the hash of the text they came from, and the vocabulary their numbers index; loading it makes every
// paper whose text is unchanged a matter of adding up its counts. It is a cache, checked on the way
// in: papers whose hash differs from the library's are tokenized again, papers gone are dropped, and
// a file that is missing, cut short, of another version or written by code that parsed papers
// otherwise (paper-terms.ts) is ignored (the library is counted from its text, as before).
//
// The file (NDJSON, fs/cache-file.ts, which also decides when it is written): a header line,
// one line per paper `[id, hash, words, others, compounds, defs]`, the vocabulary in lines of
// VOCAB_LINE words, and an end line with both counts. Papers are written before the vocabulary:
// words are only ever appended to it, so the vocabulary written last covers every number written
// before it, even when papers are counted while the file is written.
import { join } from 'node:path';
import { CacheFile, readCache, writeLines } from '../fs/cache-file';
import { forEachId } from './packed-ids';
import { PARSER_FINGERPRINT, type Parsed } from './paper-terms';

export const TERMS_SNAPSHOT_FILE = 'search-terms.cache.ndjson';
const FORMAT = 'quire-search-terms';
const VERSION = 2;
const VOCAB_LINE = 10_000;

type Entries = Map<string, { hash: string; parsed: Parsed }>;

export type Snapshot = { vocab: string[]; entries: [id: string, hash: string, parsed: Parsed][] };

type Header = { format: string; version: number; parser: string };
type End = { end: true; papers: number; vocab: number };

/**
 * Writes the entries, then the vocabulary as it stands once they are written. Entries may change
 * while it writes (each line is one entry as it was when reached).
 */
export function writeSnapshot(
  file: string,
  entries: Iterable<[string, { hash: string; parsed: Parsed }]>,
  vocab: () => readonly string[],
): Promise<void> {
  return writeLines(file, lines(entries, vocab));
}

function* lines(
  entries: Iterable<[string, { hash: string; parsed: Parsed }]>,
  vocab: () => readonly string[],
): Generator<string> {
  const header: Header = { format: FORMAT, version: VERSION, parser: PARSER_FINGERPRINT };
  yield JSON.stringify(header);
  let papers = 0;
  for (const [id, { hash, parsed }] of entries) {
    const { words, others, compounds = 0, defs = 0 } = parsed;
    yield JSON.stringify([id, hash, bytes(words), bytes(others), compounds, defs]);
    papers++;
  }
  const words = vocab().slice();
  for (let i = 0; i < words.length; i += VOCAB_LINE)
    yield JSON.stringify({ v: words.slice(i, i + VOCAB_LINE) });
  const end: End = { end: true, papers, vocab: words.length };
  yield JSON.stringify(end);
}

/** The snapshot in `file`, or null when there is none or it cannot be used (see the top). */
export async function readSnapshot(file: string): Promise<Snapshot | null> {
  const snap: Snapshot = { vocab: [], entries: [] };
  const header: Header = { format: FORMAT, version: VERSION, parser: PARSER_FINGERPRINT };
  const end = (await readCache(file, header, (row) => {
    if (Array.isArray(row)) snap.entries.push(entryOf(row));
    else if (Array.isArray((row as { v?: unknown }).v))
      for (const w of (row as { v: unknown[] }).v) snap.vocab.push(String(w));
    else return false;
  })) as End | null;
  if (end?.papers !== snap.entries.length || end.vocab !== snap.vocab.length) return null;
  return snap.entries.every(([, , p]) => inRange(p, snap.vocab.length)) ? snap : null;
}

/** Whether every number of a paper's words names a word of the vocabulary. */
function inRange(parsed: Parsed, size: number): boolean {
  let ok = true;
  const check = (n: number) => (ok &&= n < size);
  forEachId(parsed.words, check);
  forEachId(parsed.others, check);
  return ok;
}

const isDefinition = (d: unknown): d is { short: string; long: string } =>
  typeof (d as { short?: unknown })?.short === 'string' &&
  typeof (d as { long?: unknown })?.long === 'string';

/**
 * Packed ids are one-byte strings; in JSON their control characters took six bytes each (0.9 KB a
 * paper), so they are written as base64 (the file is ~0.4 KB a paper).
 */
const bytes = (packedIds: string) => Buffer.from(packedIds, 'latin1').toString('base64');
const packed = (base64: string) => Buffer.from(base64, 'base64').toString('latin1');

function entryOf(row: unknown[]): Snapshot['entries'][number] {
  const [id, hash, words, others, compounds, defs] = row;
  if (typeof id !== 'string' || typeof hash !== 'string') throw new TypeError('bad entry');
  if (typeof words !== 'string' || typeof others !== 'string') throw new TypeError('bad entry');
  const parsed: Parsed = { words: packed(words), others: packed(others) };
  if (Array.isArray(compounds)) parsed.compounds = compounds.map(String);
  if (Array.isArray(defs)) {
    if (!defs.every(isDefinition)) throw new TypeError('bad entry');
    parsed.defs = defs.map((d) => ({ short: d.short, long: d.long }));
  }
  return [id, hash, parsed];
}

/** One library's snapshot file: read once at the start, written when enough changed (cache-file.ts). */
export class TermsFile {
  private readonly cache: CacheFile;

  constructor(readonly file: string) {
    this.cache = new CacheFile(file);
  }

  /** The snapshot file of the library folder `dir`. */
  static in(dir: string): TermsFile {
    return new TermsFile(join(dir, TERMS_SNAPSHOT_FILE));
  }

  /** The snapshot, or null when there is none that can be used; never rejects (it is a cache). */
  async read(): Promise<Snapshot | null> {
    await this.cache.tidy();
    return readSnapshot(this.file).catch(() => null);
  }

  changed(papers: number): void {
    this.cache.changed(papers);
  }

  saveIfDue(entries: Entries, vocab: () => readonly string[]): void {
    this.cache.saveIfDue(entries.size, (file) => writeSnapshot(file, entries, vocab));
  }

  /** Waits for a write under way, then writes if much changed since; nothing is written after. */
  close(entries: Entries, vocab: () => readonly string[]): Promise<void> {
    return this.cache.close((file) => writeSnapshot(file, entries, vocab));
  }
}
