// What the library's own text teaches search, in one table per library: its words with document
// frequencies (keyword expansion's compounds and splits, soft matching's vocabulary and idf), each
// paper's distinct content words (soft matching scores candidates from them), its hyphenated compounds
// and its abbreviations ("GNN" = "graph neural network"). Each paper is tokenized once, by one
// tokenizer (words.ts); after a change only new, edited and deleted papers are (re)counted, in short
// slices in the background. An import waits for its papers' count (it runs while they are embedded);
// a query waits for a small change (an edit, a delete) and is served the tables as they stand during
// a large one (another process's import), so no query stalls on a whole-library pass. Papers' text is
// read from the library's table, a batch at a time, only for the papers to (re)count; a paper's
// counted state is told by its text hash (library/paper-head.ts), so no abstract is kept here. A
// paper's words are kept as numbers into the vocabulary, packed (packed-ids.ts): at 100k synthetic
// papers the tables took 186 MB with arrays of words, 49 MB so. They are kept on disk between
// sessions (terms-snapshot.ts), so opening a library tokenizes only what changed since (the first
// query waits for the file to be read: 1.5 s at 248k papers).
import type { Paper } from '@shared/api/schemas';
import { joinCompound } from './compound';
import { rowsOf, type TermTable } from './expansion/soft-match';
import { bump, bumpIn, top } from './counts';
import { forEachId } from './packed-ids';
import { lightStem } from './words';
import { paperText, textHash, type PaperHead, type PaperReader } from '../library/paper-head';
import { parsePaper, type Parsed } from './paper-terms';
import type { TermsFile } from './terms-snapshot';
import { nextSlice, resumeSlices } from '../background';

/** A source of papers that says when they changed (PaperStore's revision), and reads their text. */
export type PaperSource = Pick<PaperReader, 'revision' | 'all' | 'get' | 'read' | 'batches'>;
/** The name the expansion code knows the source by. */
export type TermSource = PaperSource;

/** Soft matching's and feedback's view: papers counted, content-word frequencies, table version. */
export type TermStats = { n: number; df: Map<string, number>; version: number };

export type Alias = { short: string; long: string; count: number };

/** One paper as last counted: the hash of the text it was counted from, and what it counted. */
type Entry = {
  hash: string;
  parsed: Parsed;
  counted: boolean;
  /**
   * For a paper scored by soft matching: its words unpacked, and their rows in the term table last
   * scored against (kept until the table changes).
   */
  rows?: { table: TermTable; words: readonly string[]; rows: Int32Array };
};

/** A background update yields to other work after this long (counting a paper takes ~0.1–0.3 ms). */
const SLICE_MS = 15;
/** A query waits for an update until it has (re)counted this many papers (about 0.1–0.3 s). */
const QUERY_WAITS_FOR = 1_000;
/** Papers whose text is read from the table at a time. */
const READ_BATCH = 512;
/** Past 1/SCAN_SHARE of the library to (re)count, its text is read in one pass, not by id. */
const SCAN_SHARE = 10;

export class LibraryTerms {
  private readonly entries = new Map<string, Entry>();
  /** Content word → papers using it (title or abstract): soft matching's vocabulary and idf. */
  private readonly contentDf = new Map<string, number>();
  /** Every other token (stop words, numbers, single letters) → papers: for compound splits. */
  private readonly otherDf = new Map<string, number>();
  /** Joined compound ("oversquashing") → spelling with hyphens ("over-squashing") → papers. */
  private readonly compoundDf = new Map<string, Map<string, number>>();
  /** Short form, lower case → long form → papers defining it so. */
  private readonly defs = new Map<string, Map<string, number>>();
  /** Short form, lower case → its spellings ("GNN") → papers. */
  private readonly spelling = new Map<string, Map<string, number>>();
  /** Aliases by the light stem of their long form's first word; rebuilt after the aliases change. */
  private byFirstWord: Map<string, Alias[]> | null = null;
  /** Every word met, numbered: papers keep their words as these numbers. */
  private readonly vocab: string[] = [];
  private readonly numberOf = new Map<string, number>();
  private n = 0;
  private version = 0;
  private syncedRevision = -1;
  private updating: Promise<void> | undefined;
  /** Papers (re)counted by the update under way; past `queryWaitsFor` queries stop waiting for it. */
  private recounted = 0;
  /** Queries waiting for the update under way (released at its end or once it is large). */
  private waiting: (() => void)[] = [];

  constructor(
    private source?: PaperSource,
    private readonly queryWaitsFor = QUERY_WAITS_FOR,
    /** Where the tables are kept between sessions; none: the library is counted each time. */
    private readonly snapshot?: TermsFile,
  ) {}

  /**
   * Brings the tables up to date with the library now, synchronously (tests, and callers that need
   * them exact). Only papers new or changed since the last count are tokenized.
   */
  async sync(source?: PaperSource): Promise<this> {
    this.use(source);
    await this.update();
    return this;
  }

  /**
   * The tables for a query: current once the change since the last count is counted, or as they
   * stand once `queryWaitsFor` papers of it are (the rest is counted in the background). The first
   * use is such a change too: the first query on a 100k-paper library waited 14.8 s for all of it.
   */
  async current(): Promise<this> {
    if (!this.isCurrent) {
      const done = this.update();
      if (!this.isCurrent && this.recounted < this.queryWaitsFor) {
        const released = new Promise<void>((go) => this.waiting.push(go));
        resumeSlices();
        await Promise.race([done, released]);
      }
    }
    return this;
  }

  /** Whether the tables reflect the library as it is now. */
  get isCurrent(): boolean {
    return this.source?.revision === this.syncedRevision;
  }

  /**
   * Soft matching's and feedback's statistics. The first call builds them; after a change an
   * incremental update runs in the background (the previous figures serve meanwhile).
   */
  get(): TermStats {
    void this.update().catch(() => undefined);
    return { n: this.n, df: this.contentDf, version: this.version };
  }

  /** Counts what changed in the library in the background, in short slices; resolves when current. */
  update(): Promise<void> {
    const src = this.use();
    if (src.revision === this.syncedRevision) return Promise.resolve();
    this.updating ??= this.run(src).finally(() => (this.updating = undefined));
    return this.updating;
  }

  /**
   * Counts a change in the background once the tables exist; before their first use there is nothing
   * to keep current. A CLI import (a new process each time) counted the whole library for nothing:
   * 10k papers into a 100k library spent 18 s of the main thread on it, beside the embedder.
   */
  keepCurrent(): Promise<void> {
    return this.syncedRevision === -1 ? Promise.resolve() : this.update();
  }

  /** Papers using `word` (folded, unstemmed; any token, stop words included). */
  df(word: string): number {
    return this.contentDf.get(word) ?? this.otherDf.get(word) ?? 0;
  }

  hasWord(word: string): boolean {
    return this.contentDf.has(word) || this.otherDf.has(word);
  }

  /** How the library hyphenates a joined compound ("oversquashing" → "over-squashing"), if it does. */
  compound(joined: string): string | undefined {
    const m = this.compoundDf.get(joined);
    return m ? top(m) : undefined;
  }

  /** The long forms an abbreviation stands for in this library, most frequent first. */
  longForms(short: string): Alias[] {
    const key = short.toLowerCase();
    const m = this.defs.get(key);
    if (!m) return [];
    const spelled = top(this.spelling.get(key)!) ?? short;
    return [...m]
      .map(([long, count]) => ({ short: spelled, long, count }))
      .sort((a, b) => b.count - a.count || a.long.localeCompare(b.long));
  }

  /** Every alias, for display. */
  aliases(): Alias[] {
    return [...this.defs.keys()].flatMap((k) => this.longForms(k));
  }

  /** Aliases whose long form starts with a word of this light stem (the long → short direction). */
  aliasesStartingWith(stem: string): Alias[] {
    if (!this.byFirstWord) {
      this.byFirstWord = new Map();
      for (const a of this.aliases()) {
        const first = lightStem(a.long.split(' ')[0]!);
        this.byFirstWord.set(first, [...(this.byFirstWord.get(first) ?? []), a]);
      }
    }
    return this.byFirstWord.get(stem) ?? [];
  }

  /** Number of papers the tables were built from. */
  get size(): number {
    return this.n;
  }

  /** Whether the paper's words are known as its text is now (else wordsOf needs the whole paper). */
  knows(p: PaperHead): boolean {
    return this.entries.get(p.id)?.hash === p.textHash;
  }

  /**
   * A paper's distinct content words: from the table when its text is unchanged (`knows`), else
   * tokenized from the whole paper given. A head the table does not know has no words yet.
   */
  wordsOf(p: PaperHead | Paper): readonly string[] {
    return this.wordsWith(p, hashOf(p));
  }

  private wordsWith(p: PaperHead | Paper, hash: string): string[] {
    const e = this.entries.get(p.id);
    if (e && e.hash === hash) return this.wordsIn(e.parsed.words);
    if (!('abstract' in p)) return [];
    // Not counted yet (an update is under way) or edited since: its old text leaves the counts now,
    // its new text is tokenized now and counted by the update.
    if (e?.counted) this.count(e, -1);
    const parsed = parsePaper(p, (w) => this.numbered(w));
    this.entries.set(p.id, { hash, parsed, counted: false });
    return this.wordsIn(parsed.words);
  }

  /** A paper's distinct content words and their rows in `table`, both cached. */
  wordsAndRows(
    p: PaperHead | Paper,
    table: TermTable,
  ): { words: readonly string[]; rows: Int32Array } {
    const hash = hashOf(p);
    const kept = this.entries.get(p.id);
    if (kept?.hash === hash && kept.rows?.table === table) return kept.rows;
    const words = this.wordsWith(p, hash);
    const e = this.entries.get(p.id);
    if (!e) return { words, rows: rowsOf(table, words) };
    e.rows = { table, words, rows: rowsOf(table, words) };
    return e.rows;
  }

  private use(source?: PaperSource): PaperSource {
    if (source) this.source = source;
    if (!this.source) throw new Error('LibraryTerms: no paper source to count from.');
    return this.source;
  }

  private numbered(w: string): number {
    let n = this.numberOf.get(w);
    if (n === undefined) {
      n = this.vocab.push(w) - 1;
      this.numberOf.set(w, n);
    }
    return n;
  }

  private wordsIn(packed: string): string[] {
    const out: string[] = [];
    forEachId(packed, (n) => out.push(this.vocab[n]!));
    return out;
  }

  /** Adds (1) or removes (-1) one paper's counts. */
  private count(e: Entry, by: 1 | -1): void {
    const parsed = e.parsed;
    forEachId(parsed.words, (n) => bump(this.contentDf, this.vocab[n]!, by));
    forEachId(parsed.others, (n) => bump(this.otherDf, this.vocab[n]!, by));
    for (const c of parsed.compounds ?? []) bumpIn(this.compoundDf, joinCompound(c), c, by);
    for (const d of parsed.defs ?? []) {
      const key = d.short.toLowerCase();
      bumpIn(this.defs, key, d.long, by);
      bumpIn(this.spelling, key, d.short, by);
    }
    if (parsed.defs) this.byFirstWord = null;
    this.n += by;
    e.counted = by === 1;
  }

  /**
   * Counts one paper as it is now: `whole` (read from the table) when its text changed or it is new,
   * undefined when the entry already holds its text (tokenized by wordsOf, say, and not counted).
   */
  private apply(p: PaperHead, whole?: Paper): boolean {
    const e = this.entries.get(p.id);
    if (e && e.hash === p.textHash) {
      if (e.counted) return false;
      // The head's copy of the hash: one read from the snapshot is a second string (~50 MB at 1M).
      e.hash = p.textHash;
      this.count(e, 1);
      return true;
    }
    if (!whole) return false;
    if (e?.counted) this.count(e, -1);
    const fresh: Entry = {
      hash: p.textHash,
      parsed: parsePaper(whole, (w) => this.numbered(w)),
      counted: false,
    };
    this.count(fresh, 1);
    this.entries.set(p.id, fresh);
    return true;
  }

  /**
   * One catch-up with the library's papers, a step per paper: yields whether the step counted
   * anything (an unchanged paper costs a comparison). The text of papers new or changed is read from
   * the table, READ_BATCH at a time. Papers gone from the library leave last.
   */
  private async *catchUp(src: PaperSource): AsyncGenerator<boolean> {
    const papers = src.all();
    const stale = papers.filter((p) => this.entries.get(p.id)?.hash !== p.textHash);
    this.snapshot?.changed(stale.length);
    for (const p of papers) if (this.entries.get(p.id)?.hash === p.textHash) yield this.apply(p);
    const count = function* (this: LibraryTerms, whole: readonly Paper[]): Generator<boolean> {
      for (const w of whole) {
        const h = src.get(w.id);
        // Edited again since the list was made (or gone): the next catch-up counts it.
        yield h !== undefined && textHash(paperText(w)) === h.textHash && this.apply(h, w);
      }
    };
    if (stale.length > papers.length / SCAN_SHARE) {
      // Most of the library (a first count): one pass over the table beats looking papers up by id.
      const wanted = new Set(stale.map((p) => p.id));
      for await (const batch of src.batches(READ_BATCH))
        yield* count.call(
          this,
          batch.filter((p) => wanted.has(p.id)),
        );
    } else {
      for (let i = 0; i < stale.length; i += READ_BATCH)
        yield* count.call(this, await src.read(stale.slice(i, i + READ_BATCH).map((p) => p.id)));
    }
    // Every live paper has an entry by now, so equal sizes mean nothing was deleted (an import).
    if (this.entries.size === papers.length) return;
    const ids = new Set(papers.map((p) => p.id));
    for (const [id, e] of this.entries) {
      if (ids.has(id)) continue;
      if (e.counted) this.count(e, -1);
      this.entries.delete(id);
      this.snapshot?.changed(1);
      yield true;
    }
  }

  private synced(revision: number): void {
    this.syncedRevision = revision;
    this.version++;
  }

  private async run(src: PaperSource): Promise<void> {
    try {
      if (this.syncedRevision === -1 && this.snapshot && !this.vocab.length)
        await this.restore(this.snapshot);
      while (src.revision !== this.syncedRevision) {
        const revision = src.revision;
        let since = performance.now();
        let steps = 0;
        for await (const counted of this.catchUp(src)) {
          // A large change: the waiting queries go first, with the tables as they stand.
          const large = counted && ++this.recounted === this.queryWaitsFor;
          if (large) this.release();
          // Unchanged papers cost a comparison each, so the clock is read only every 64 steps.
          if (large || (++steps % 64 === 0 && performance.now() - since > SLICE_MS)) {
            await nextSlice(this.waiting.length > 0);
            since = performance.now();
          }
        }
        this.synced(revision);
      }
      this.snapshot?.saveIfDue(this.entries, () => this.vocab);
    } finally {
      this.recounted = 0;
      this.release();
    }
  }

  /** Takes the papers of the snapshot, uncounted: catchUp counts those whose text is unchanged. */
  private async restore(file: TermsFile): Promise<void> {
    const snap = await file.read();
    if (!snap || this.entries.size || this.vocab.length) return;
    for (const w of snap.vocab) this.numberOf.set(w, this.vocab.push(w) - 1);
    // Keyed by the heads' own ids where the library has them (not a second copy of each).
    for (const [id, hash, parsed] of snap.entries)
      this.entries.set(this.source?.get(id)?.id ?? id, { hash, parsed, counted: false });
  }

  /** Writes the snapshot if much changed since the last one, and waits for a write under way. */
  flushed(): Promise<void> {
    return this.snapshot?.close(this.entries, () => this.vocab) ?? Promise.resolve();
  }

  /** Lets the queries waiting for the update go on. */
  private release(): void {
    for (const go of this.waiting.splice(0)) go();
  }
}

/** The hash of the text a paper's words were counted from: kept in a head, computed for a paper. */
function hashOf(p: PaperHead | Paper): string {
  return 'textHash' in p ? p.textHash : textHash(paperText(p));
}
