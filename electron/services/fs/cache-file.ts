// A cache of derived tables kept in a file beside the library (search's library terms, the text
// filter's word index), so a new session does not derive them from every paper again. The file is
// NDJSON, written atomically a chunk of lines at a time (atomic-write.ts) and read back a line at a
// time. It is only a cache: a file that is missing or cannot be used is ignored by its reader, and a
// failed write leaves the previous one.
//
// CacheFile decides when to write: once SAVE_AFTER papers, and 1/SAVE_SHARE of the library, changed
// since the last write (at 1M papers such a file is ~0.4 GB), and on closing once SAVE_AFTER did;
// one write at a time, and none after closing.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { removeStaleTemps, writeChunksAtomic } from './atomic-write';

/** Bytes gathered before a write: few enough to keep memory flat, many enough to be quick. */
const WRITE_CHUNK = 1 << 20;
/** A temporary file this old is left from a write that never finished. */
const STALE_MS = 3_600_000;
const SAVE_AFTER = 1_000;
const SAVE_SHARE = 20;

/** Writes the lines (made as they are reached), gathered into chunks of ~WRITE_CHUNK. */
export function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  return writeChunksAtomic(file, chunks(lines));
}

function* chunks(source: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const line of source) {
    buffer += `${line}\n`;
    if (buffer.length < WRITE_CHUNK) continue;
    yield buffer;
    buffer = '';
  }
  if (buffer) yield buffer;
}

/**
 * Each line of the file, parsed as JSON; nothing when there is no file. A line that is not JSON
 * throws a SyntaxError (the caller ignores the file).
 */
export async function* readLines(file: string): AsyncGenerator<unknown> {
  try {
    await access(file);
  } catch {
    return;
  }
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield JSON.parse(line) as unknown;
  } finally {
    lines.close();
    input.destroy();
  }
}

/** The last line of a cache file: its counts, so a file cut short is told from a whole one. */
export type EndLine = { end: true } & Record<string, unknown>;

/**
 * Reads a cache file written as a header line, body lines and an end line (`{ end: true, … }`). The
 * header must equal `header` field by field; each body line goes to `row`, which returns false (or
 * throws a TypeError) for one it cannot use. Resolves to the end line, or null when there is no
 * file, the header differs, a line is not JSON or cannot be used, or the end line is missing.
 */
export async function readCache(
  file: string,
  header: Readonly<Record<string, unknown>>,
  row: (line: unknown) => boolean | void,
): Promise<EndLine | null> {
  let first = true;
  try {
    for await (const line of readLines(file)) {
      if (first) {
        first = false;
        const got = line as Record<string, unknown> | null;
        if (Object.entries(header).some(([k, v]) => got?.[k] !== v)) return null;
      } else if ((line as { end?: unknown } | null)?.end === true) {
        return line as EndLine;
      } else if (row(line) === false) {
        return null;
      }
    }
  } catch (err) {
    if (err instanceof SyntaxError || err instanceof TypeError) return null;
    throw err;
  }
  return null;
}

export class CacheFile {
  /** Papers changed since the file was written. */
  private unsaved = 0;
  private saving: Promise<void> | undefined;
  /** Once the library closes nothing more is written (work still under way may end later). */
  private closed = false;

  constructor(readonly file: string) {}

  /** Removes what writes killed half-way left behind; never rejects. */
  async tidy(): Promise<void> {
    await removeStaleTemps(this.file, STALE_MS).catch(() => undefined);
  }

  changed(papers: number): void {
    this.unsaved += papers;
  }

  /** Writes (in the background) if much changed for a library of `size` papers. */
  saveIfDue(size: number, write: (file: string) => Promise<void>): void {
    if (this.unsaved >= Math.max(SAVE_AFTER, size / SAVE_SHARE)) this.save(write);
  }

  /**
   * Waits for a write under way, then writes if SAVE_AFTER papers changed since the last write
   * (including while that write ran); nothing is written after.
   */
  async close(write?: (file: string) => Promise<void>): Promise<void> {
    await this.saving;
    if (write && this.unsaved >= SAVE_AFTER) this.save(write);
    await this.saving;
    this.closed = true;
  }

  private save(write: (file: string) => Promise<void>): void {
    if (this.saving || this.closed) return;
    this.unsaved = 0;
    this.saving = write(this.file)
      .catch(() => undefined)
      .finally(() => (this.saving = undefined));
  }
}
